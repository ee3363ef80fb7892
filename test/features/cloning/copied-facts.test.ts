/**
 * The clone finds the source's facts instead of silently replacing them (issue 18): an AINM-like
 * 2023 edition in Groningen whose texts state its city, year, venue, address, host, contact
 * address and a committee member is copied into a Lisbon edition. The preview lists every hit with
 * its proposal; only accepted hits are substituted ("founded in Groningen in 2023" stays as written
 * unless chosen); copied texts are marked until reviewed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { abstractCalls, checklistTasks, editionPeople, emailTexts, pages, series } from "../../../src/db/schema";
import { unreviewedCopiedTexts } from "../../../src/features/cloning";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember, insertEdition } from "../../fixtures";
import { hiddenFields, testDb } from "../../helpers";
import { rowsOf } from "./helpers";

const SERIES = "cf-series";
const SOURCE = "cf-ainm-2023";
const BODY =
	"Welcome to Groningen! We meet at Martini Plaza, Leonard Springerlaan 2.\n\nAINM was founded in Groningen in 2023.\n\nChair: Riemer Slart. Write to ainm2023@umcg.nl.";
const FORM = { sourceEditionId: SOURCE, "part.pages": "on", "part.checklist": "on", "part.email_texts": "on" };
const PARTS = ["pages", "checklist", "email_texts"];

let chair: TestUser;

/** A Lisbon edition of the series for one test (a clone fills only empty parts). */
async function target(year: number) {
	const id = `cf-ainm-${year}`;
	await insertEdition({
		id,
		seriesId: SERIES,
		year,
		name: `AINM ${year}`,
		startDate: `${year}-05-10`,
		endDate: `${year}-05-12`,
		city: "Lisbon",
		venueName: "Centro de Congressos",
		venueAddress: "Praça das Indústrias 1",
		hostName: "Universidade de Lisboa",
		contactEmail: "ainm@example.org",
	});
	await addCommitteeMember({ editionId: id, user: chair, role: "chair" });
	return id;
}

const setup = (id: string) => `/console/editions/${id}/setup`;
const oneLine = (html: string) => html.replace(/\s+/g, " ");

/** The page, email text and checklist task of an edition, as stored. */
async function texts(editionId: string) {
	const [page] = await rowsOf("select title, body from pages where edition_id = ?", editionId);
	const [mail] = await rowsOf("select subject, body from email_texts where edition_id = ?", editionId);
	const [task] = await rowsOf("select title from checklist_tasks where edition_id = ?", editionId);
	return { page, mail, task };
}

beforeAll(async () => {
	chair = await createTestUser("chair");
	const db = testDb();
	await db.insert(series).values({ id: SERIES, slug: "cf-symposium", name: "CF Symposium", shortName: "AINM" });
	await insertEdition({
		id: SOURCE,
		seriesId: SERIES,
		year: 2023,
		name: "AINM 2023",
		status: "archived",
		startDate: "2023-04-12",
		endDate: "2023-04-14",
		city: "Groningen",
		venueName: "Martini Plaza",
		venueAddress: "Leonard Springerlaan 2",
		hostName: "University Medical Center Groningen",
		contactEmail: "ainm2023@umcg.nl",
	});
	await db
		.insert(editionPeople)
		.values({ id: "cf-person", editionId: SOURCE, name: "Riemer Slart", role: "organizing_committee" });
	await db
		.insert(pages)
		.values({ id: "cf-page", editionId: SOURCE, slug: "about", title: "About AINM 2023", body: BODY, published: true });
	await db.insert(emailTexts).values({
		id: "cf-mail",
		editionId: SOURCE,
		key: "confirmation",
		subject: "Your place at AINM 2023",
		body: "See you in Groningen, hosted by University Medical Center Groningen.",
	});
	await db.insert(abstractCalls).values({
		editionId: SOURCE,
		opensOffsetDays: -200,
		closesOffsetDays: -120,
		specialIssue: "Selected papers appear in a special issue on AINM 2023.",
	});
	await db
		.insert(checklistTasks)
		.values({ id: "cf-task", editionId: SOURCE, title: "Book Martini Plaza", dueOffsetDays: -90 });
});

/** Every hit of the source's facts, in the wizard's order: what the preview must list. */
const ALL_HITS = [
	{ id: "pages/pages/about/title/0", kind: "name", text: "AINM 2023", placeholder: "{{edition.name}}" },
	{ id: "pages/pages/about/body/0", kind: "city", text: "Groningen", placeholder: "{{edition.city}}" },
	{ id: "pages/pages/about/body/1", kind: "venue", text: "Martini Plaza", placeholder: "{{venue.name}}" },
	{ id: "pages/pages/about/body/2", kind: "address", text: "Leonard Springerlaan 2", placeholder: "{{venue.address}}" },
	{ id: "pages/pages/about/body/3", kind: "city", text: "Groningen", placeholder: "{{edition.city}}" },
	{ id: "pages/pages/about/body/4", kind: "year", text: "2023", placeholder: "{{edition.year}}" },
	{ id: "pages/pages/about/body/5", kind: "person", text: "Riemer Slart", placeholder: null },
	{ id: "pages/pages/about/body/6", kind: "contact", text: "ainm2023@umcg.nl", placeholder: "{{contact.email}}" },
	{
		id: "checklist/checklistTasks/Book%20Martini%20Plaza/title/0",
		kind: "venue",
		text: "Martini Plaza",
		placeholder: "{{venue.name}}",
	},
	{
		id: "email_texts/emailTexts/confirmation/subject/0",
		kind: "name",
		text: "AINM 2023",
		placeholder: "{{edition.name}}",
	},
	{
		id: "email_texts/emailTexts/confirmation/body/0",
		kind: "city",
		text: "Groningen",
		placeholder: "{{edition.city}}",
	},
	{
		id: "email_texts/emailTexts/confirmation/body/1",
		kind: "host",
		text: "University Medical Center Groningen",
		placeholder: "{{host.name}}",
	},
];

describe("the wizard's preview of the facts found", () => {
	it("lists each hit in context with its proposal, unticked, and people without a placeholder", async () => {
		const id = await target(2025);
		const res = await postForm(`${setup(id)}/preview`, FORM, chair.cookie);
		expect(res.status).toBe(200);
		const html = oneLine(await res.text());
		expect(html).toContain("Facts of AINM 2023 in the copied texts</h2>");
		expect(html).toContain("The copied texts state AINM 2023&#39;s facts in 12 places.");
		expect(html).toContain("<legend>Site pages · About AINM 2023 · Body</legend>");
		expect(html).toContain("<legend>Email texts · Your place at AINM 2023 · Subject</legend>");
		// The founding sentence, in context, with its proposal and an unticked box.
		expect(html).toContain(
			'<input id="fact-5" type="checkbox" name="fact.pages/pages/about/body/4" value="on"/> <label for="fact-5">…an 2. AINM was founded in Groningen in <mark>2023</mark>. Chair: Riemer Slart. Write to ainm202… → <code>{{edition.year}}</code></label>',
		);
		expect(html).toContain(
			'<label for="fact-1">…Welcome to <mark>Groningen</mark>! We meet at Martini Plaza, Leonard Spri… → <code>{{edition.city}}</code></label>',
		);
		expect(html).toContain(
			'<p>…s founded in Groningen in 2023. Chair: <mark>Riemer Slart</mark>. Write to ainm2023@umcg.nl.… <span class="meta">no placeholder: edit after copying</span></p>',
		);
		// Eleven proposals, none ticked; the one person has no box.
		expect(html.match(/type="checkbox" name="fact\./g)).toHaveLength(11);
		expect(html).not.toMatch(/name="fact\.[^"]*" value="on" checked/);
		expect(html).toContain(
			`<button type="submit" formaction="${setup(id)}/preview" name="acceptAllFacts" value="all" class="button button-secondary">Accept all 11 proposals</button>`,
		);
		// Nothing written by a preview.
		expect(await rowsOf("select * from pages where edition_id = ?", id)).toEqual([]);
	});

	it("ticks every proposal after “Accept all proposals”, still leaving the person unticked", async () => {
		const id = await target(2027);
		const res = await postForm(`${setup(id)}/preview`, { ...FORM, acceptAllFacts: "all" }, chair.cookie);
		expect(res.status).toBe(200);
		const html = oneLine(await res.text());
		expect(html.match(/name="fact\.[^"]*" value="on" checked=""/g)).toHaveLength(11);
		expect(html).toContain('<mark>Riemer Slart</mark>. Write to ainm2023@umcg.nl.… <span class="meta">no placeholder');
	});
});

describe("applying the clone with the facts accepted", () => {
	it("substitutes only the accepted hits: the founding sentence not accepted stays exactly as written", async () => {
		const id = await target(2029);
		const preview = await (await postForm(`${setup(id)}/preview`, FORM, chair.cookie)).text();
		const hidden = hiddenFields(preview, `${setup(id)}/apply`);
		expect(hidden.expectedContentVersion).toBe("1");
		const res = await postForm(
			`${setup(id)}/apply`,
			{
				...hidden,
				"fact.pages/pages/about/title/0": "on",
				"fact.pages/pages/about/body/0": "on",
				"fact.pages/pages/about/body/1": "on",
				"fact.pages/pages/about/body/5": "on", // a person: shown, never substituted
			},
			chair.cookie,
		);
		expect(res.status).toBe(303);
		expect(await texts(id)).toEqual({
			page: {
				title: "About {{edition.name}}",
				body: "Welcome to {{edition.city}}! We meet at {{venue.name}}, Leonard Springerlaan 2.\n\nAINM was founded in Groningen in 2023.\n\nChair: Riemer Slart. Write to ainm2023@umcg.nl.",
			},
			mail: {
				subject: "Your place at AINM 2023",
				body: "See you in Groningen, hosted by University Medical Center Groningen.",
			},
			task: { title: "Book Martini Plaza" },
		});
		// The source is only read.
		expect((await texts(SOURCE)).page).toEqual({ title: "About AINM 2023", body: BODY });
	});

	it("accepts every proposal at once through the API, leaving people as written", async () => {
		const id = await target(2031);
		const res = await sendJson(
			"POST",
			`/api/v1/editions/${id}/clone`,
			{ sourceEditionId: SOURCE, parts: PARTS, acceptAllFacts: true },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(201);
		expect(await texts(id)).toEqual({
			page: {
				title: "About {{edition.name}}",
				body: "Welcome to {{edition.city}}! We meet at {{venue.name}}, {{venue.address}}.\n\nAINM was founded in {{edition.city}} in {{edition.year}}.\n\nChair: Riemer Slart. Write to {{contact.email}}.",
			},
			mail: {
				subject: "Your place at {{edition.name}}",
				body: "See you in {{edition.city}}, hosted by {{host.name}}.",
			},
			// A checklist title is filled once when written (nothing resolves it later): the new venue.
			task: { title: "Book Centro de Congressos" },
		});
	});
});

describe("POST /api/v1/editions/{id}/clone and the facts", () => {
	it("answers the hits with the dry run, applies exactly the accepted ids, refuses an unknown id (422)", async () => {
		const id = await target(2033);
		const url = `/api/v1/editions/${id}/clone`;
		const dry = await sendJson(
			"POST",
			url,
			{ sourceEditionId: SOURCE, parts: PARTS, preview: true },
			{ cookie: chair.cookie },
		);
		expect(dry.status).toBe(200);
		const { data } = (await dry.json()) as { data: { facts: Record<string, unknown>[] } };
		expect(
			data.facts.map(({ id: hitId, kind, text, placeholder, accepted }) => ({
				id: hitId,
				kind,
				text,
				placeholder,
				accepted,
			})),
		).toEqual(ALL_HITS.map((hit) => ({ ...hit, accepted: false })));
		expect(data.facts[5]).toMatchObject({
			part: "pages",
			partLabel: "Site pages",
			what: "pages",
			row: "About AINM 2023",
			field: "body",
			before: "an 2. AINM was founded in Groningen in ",
			after: ". Chair: Riemer Slart. Write to ainm202",
		});

		const unknown = await sendJson(
			"POST",
			url,
			{ sourceEditionId: SOURCE, parts: PARTS, acceptedFacts: ["pages/pages/about/body/99"] },
			{ cookie: chair.cookie },
		);
		expect(unknown.status).toBe(422);
		const refused = (await unknown.json()) as { error: { fields: Record<string, string> } };
		expect(refused.error.fields).toEqual({
			acceptedFacts:
				"One accepted fact is no longer found in the copied texts (pages/pages/about/body/99): look at the preview again.",
		});
		expect(await rowsOf("select * from pages where edition_id = ?", id)).toEqual([]);

		const applied = await sendJson(
			"POST",
			url,
			{ sourceEditionId: SOURCE, parts: PARTS, acceptedFacts: ["email_texts/emailTexts/confirmation/body/1"] },
			{ cookie: chair.cookie },
		);
		expect(applied.status).toBe(201);
		const after = await texts(id);
		expect(after.page).toEqual({ title: "About AINM 2023", body: BODY });
		expect(after.mail).toEqual({
			subject: "Your place at AINM 2023",
			body: "See you in Groningen, hosted by {{host.name}}.",
		});
	});
});

describe("copied texts not yet reviewed", () => {
	it("are marked by the clone, shown in the editor, and cleared by “Mark reviewed” and by saving", async () => {
		const id = await target(2035);
		const res = await sendJson(
			"POST",
			`/api/v1/editions/${id}/clone`,
			{ sourceEditionId: SOURCE, parts: PARTS },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(201);
		const [page] = await rowsOf("select id from pages where edition_id = ?", id);
		const [task] = await rowsOf("select id from checklist_tasks where edition_id = ?", id);
		const [mail] = await rowsOf("select id from email_texts where edition_id = ?", id);
		const pageUrl = `/console/editions/${id}/pages/${page?.id}`;
		const mailUrl = `/console/editions/${id}/email-texts/${mail?.id}`;
		const open = (rowId: unknown, tableName: string, label: string, url: string) => ({
			tableName,
			rowId,
			label,
			url,
			sourceEditionId: SOURCE,
			sourceName: "AINM 2023",
		});
		expect(await unreviewedCopiedTexts(testDb(), id)).toEqual([
			open(page?.id, "pages", "Site pages: About AINM 2023", pageUrl),
			open(
				task?.id,
				"checklist_tasks",
				"Checklist timeline: Book Martini Plaza",
				`/console/editions/${id}/checklist/${task?.id}`,
			),
			open(mail?.id, "email_texts", "Email texts: Your place at AINM 2023", mailUrl),
		]);

		// The page's editor says so, with the button.
		const reviewUrl = `/console/editions/${id}/copied-texts/pages/${page?.id}/reviewed`;
		const editor = oneLine(await (await getAs(pageUrl, chair.cookie)).text());
		expect(editor).toContain("Copied from AINM 2023 — not reviewed yet.");
		expect(editor).toContain(`<form method="post" action="${reviewUrl}" class="inline-form">`);

		// "Mark reviewed": back to the editor, the mark gone, one audit entry; a second click writes nothing.
		const marked = await postForm(reviewUrl, {}, chair.cookie);
		expect(marked.status).toBe(303);
		expect(marked.headers.get("Location")).toBe(`${pageUrl}?notice=copied_text_reviewed`);
		expect(oneLine(await (await getAs(pageUrl, chair.cookie)).text())).not.toContain("not reviewed yet");
		expect((await postForm(reviewUrl, {}, chair.cookie)).status).toBe(303);
		expect(
			await rowsOf(
				"select actor_id, target_id, summary from audit_entries where edition_id = ? and action = 'edition.copied-text.reviewed'",
				id,
			),
		).toEqual([{ actor_id: chair.id, target_id: page?.id, summary: '{"after":{"table":"pages","from":"AINM 2023"}}' }]);

		// Saving the email text through its editor is its review.
		expect(oneLine(await (await getAs(mailUrl, chair.cookie)).text())).toContain(
			"Copied from AINM 2023 — not reviewed yet.",
		);
		const saved = await postForm(
			mailUrl,
			{
				key: "confirmation",
				subject: "Your place at {{edition.name}}",
				body: "See you in {{edition.city}}.",
				position: "0",
			},
			chair.cookie,
		);
		expect(saved.status).toBe(303);
		expect((await unreviewedCopiedTexts(testDb(), id)).map((t) => t.tableName)).toEqual(["checklist_tasks"]);
		expect(
			await rowsOf("select table_name, reviewed_by from copied_texts where edition_id = ? order by table_name", id),
		).toEqual([
			{ table_name: "checklist_tasks", reviewed_by: null },
			{ table_name: "email_texts", reviewed_by: chair.id },
			{ table_name: "pages", reviewed_by: chair.id },
		]);
	});

	it("marks the copied call for abstracts (keyed by its edition), shown and cleared in its editor", async () => {
		const id = await target(2039);
		const url = `/api/v1/editions/${id}/clone`;
		const dry = await sendJson(
			"POST",
			url,
			{ sourceEditionId: SOURCE, parts: ["abstract_call"], preview: true },
			{ cookie: chair.cookie },
		);
		const { data } = (await dry.json()) as { data: { facts: { id: string; placeholder: string | null }[] } };
		expect(data.facts.map((hit) => [hit.id, hit.placeholder])).toEqual([
			["abstract_call/abstractCalls/call/specialIssue/0", "{{edition.name}}"],
		]);
		const res = await sendJson(
			"POST",
			url,
			{ sourceEditionId: SOURCE, parts: ["abstract_call"], acceptAllFacts: true },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(201);
		// Filled once when written (nothing resolves the special issue later): the new name.
		expect(await rowsOf("select special_issue from abstract_calls where edition_id = ?", id)).toEqual([
			{ special_issue: "Selected papers appear in a special issue on AINM 2039." },
		]);
		const editorUrl = `/console/editions/${id}/abstract-call`;
		expect((await unreviewedCopiedTexts(testDb(), id)).map((t) => [t.label, t.url])).toEqual([
			["Call for abstracts and review criteria: Call for abstracts", editorUrl],
		]);
		const reviewUrl = `/console/editions/${id}/copied-texts/abstract_calls/${id}/reviewed`;
		const editor = oneLine(await (await getAs(editorUrl, chair.cookie)).text());
		expect(editor).toContain("Copied from AINM 2023 — not reviewed yet.");
		expect(editor).toContain(`action="${reviewUrl}"`);
		const marked = await postForm(reviewUrl, {}, chair.cookie);
		expect(marked.headers.get("Location")).toBe(`${editorUrl}?notice=copied_text_reviewed`);
		expect(await unreviewedCopiedTexts(testDb(), id)).toEqual([]);
	});

	it("answers “Mark reviewed” 404 for a table no clone marks, and 403 to a reviewer", async () => {
		const id = await target(2037);
		expect((await postForm(`/console/editions/${id}/copied-texts/users/x/reviewed`, {}, chair.cookie)).status).toBe(
			404,
		);
		const reviewer = await createTestUser("reviewer");
		await addCommitteeMember({ editionId: id, user: reviewer, role: "reviewer" });
		expect((await postForm(`/console/editions/${id}/copied-texts/pages/x/reviewed`, {}, reviewer.cookie)).status).toBe(
			403,
		);
	});
});
