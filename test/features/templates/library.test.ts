/**
 * The template library through the API and its feature functions: publish v1 from an edition,
 * republish v2 after changes (v1 stays as it was), apply v1 to another edition (the preview lists
 * exactly what changes; the rows are then exactly v1's), the diff when an edition that used v1
 * previews v2, visibility across series and institutions (404 for those who may not see), forks,
 * the rules that refuse an application, and atomicity under an injected failure.
 */

import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../../src/auth/sessions";
import { createDatabase } from "../../../src/db/client";
import { applyTemplate } from "../../../src/features/templates/apply";
import { BUILTINS } from "../../../src/features/templates/builtins";
import { findTemplate, findVersionDocument } from "../../../src/features/templates/library";
import { createTestUser, getAs, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember } from "../../fixtures";
import { testDb } from "../../helpers";
import { AINM, contentVersion, createEdition, editionSnapshot, observedD1, rowsOf } from "../cloning/helpers";
import { createApiToken } from "../invitations/helpers";
import { seedWithTemplates } from "./helpers";

const SOURCE = "tpl-source-2025";
const TARGET = "tpl-target-2027";
const OTHER_SERIES = "tpl-other-series";
const OTHER_EDITION = "tpl-other-2026";
const UMCG = "seed-institution-umcg";
const BUILTIN = "builtin:biennial-academic-symposium";

let chair: TestUser;
let reviewer: TestUser;
let stranger: TestUser;
let otherChair: TestUser;
let umcgMember: TestUser;

const q = (sql: string, ...binds: unknown[]) => env.DB.prepare(sql).bind(...binds);

const publish = (editionId: string, body: Record<string, unknown>, user = chair) =>
	sendJson("POST", `/api/v1/editions/${editionId}/templates`, body, { cookie: user.cookie });
const apply = (editionId: string, body: Record<string, unknown>, { dryRun = false, user = chair } = {}) =>
	sendJson("POST", `/api/v1/editions/${editionId}/apply-template${dryRun ? "?dryRun=1" : ""}`, body, {
		cookie: user.cookie,
	});
const tasksOf = (editionId: string) =>
	rowsOf(
		"select title, owner_role, due_offset_days, status, done_at, position from checklist_tasks where edition_id = ? order by due_offset_days, position",
		editionId,
	);

beforeAll(async () => {
	await seedWithTemplates();
	[chair, reviewer, stranger, otherChair, umcgMember] = await Promise.all([
		createTestUser("chair"),
		createTestUser("reviewer"),
		createTestUser("stranger"),
		createTestUser("other-chair"),
		createTestUser("umcg-member"),
	]);
	await createEdition({ id: SOURCE, year: 2025, start: "2025-10-06", end: "2025-10-08", city: "Lisbon" });
	await createEdition({ id: TARGET, year: 2027, start: "2027-10-04", end: "2027-10-06", city: "Porto" });
	await q(
		"insert into series (id, slug, name, short_name) values (?, 'tpl-oth', 'Other series', 'OTH')",
		OTHER_SERIES,
	).run();
	await createEdition({
		id: OTHER_EDITION,
		seriesId: OTHER_SERIES,
		year: 2026,
		name: "OTH 2026",
		start: "2026-05-04",
		end: "2026-05-06",
		city: "Pisa",
		hostName: "Example University",
	});
	await env.DB.batch([
		q("update editions set host_institution_id = ? where id = ?", UMCG, SOURCE),
		q("insert into institution_members (institution_id, user_id, role) values (?, ?, 'member')", UMCG, umcgMember.id),
		q(
			"insert into checklist_tasks (id, edition_id, title, owner_role, due_offset_days, position) values ('tpl-s-1', ?, 'Book the venue in {{edition.city}}', 'organizer', -480, 1), ('tpl-s-2', ?, 'Open the call for abstracts', 'organizer', -240, 2), ('tpl-s-3', ?, 'Send the survey', 'chair', 3, 3)",
			SOURCE,
			SOURCE,
			SOURCE,
		),
		q(
			"insert into email_texts (id, edition_id, key, subject, body, position) values ('tpl-s-m1', ?, 'registration-confirmation', 'Welcome to {{edition.name}}', 'See you in {{edition.city}}.', 1), ('tpl-s-m2', ?, 'abstract-received', 'Thank you', 'We received it.', 2)",
			SOURCE,
			SOURCE,
		),
		// The target's own timeline so far: applying the checklist replaces it.
		q(
			"insert into checklist_tasks (id, edition_id, title, owner_role, due_offset_days, status, done_at, position) values ('tpl-t-1', ?, 'Old task one', 'chair', -500, 'done', 1000, 1), ('tpl-t-2', ?, 'Old task two', 'organizer', -100, 'open', null, 2)",
			TARGET,
			TARGET,
		),
	]);
	await addCommitteeMember({ editionId: SOURCE, user: chair, role: "chair" });
	await addCommitteeMember({ editionId: TARGET, user: chair, role: "chair" });
	await addCommitteeMember({ editionId: TARGET, user: reviewer, role: "reviewer" });
	await addCommitteeMember({ editionId: OTHER_EDITION, user: otherChair, role: "chair" });
});

describe("publish v1 → republish v2 → apply v1 to another edition", () => {
	let templateId = "";

	it("publishes chosen parts of an edition as version 1, with its provenance", async () => {
		const res = await publish(SOURCE, {
			name: "Lisbon kit",
			description: "What AINM 2025 set up.",
			parts: ["email_texts", "checklist"],
		});

		expect(res.status).toBe(201);
		const { data } = await res.json<{ data: { id: string; version: number } }>();
		templateId = data.id;
		expect(data.version).toBe(1);
		expect(
			await rowsOf(
				"select name, description, visibility, series_id, institution_id, forked_from, created_by from templates where id = ?",
				templateId,
			),
		).toEqual([
			{
				name: "Lisbon kit",
				description: "What AINM 2025 set up.",
				visibility: "series",
				series_id: AINM,
				institution_id: UMCG,
				forked_from: null,
				created_by: chair.id,
			},
		]);
		const [version] = await rowsOf(
			"select version, changelog, parts, document, source_edition_id, created_by from template_versions where template_id = ?",
			templateId,
		);
		expect({ ...version, document: JSON.parse(String(version?.document)) }).toEqual({
			version: 1,
			changelog: "First version.",
			parts: '["checklist","email_texts"]',
			source_edition_id: SOURCE,
			created_by: chair.id,
			// Texts as the edition holds them, placeholders and all; no ids, no status.
			document: {
				schema: "baton.template/1",
				name: "Lisbon kit",
				description: "What AINM 2025 set up.",
				parts: {
					checklist: [
						{ title: "Book the venue in {{edition.city}}", ownerRole: "organizer", dueOffsetDays: -480, position: 1 },
						{ title: "Open the call for abstracts", ownerRole: "organizer", dueOffsetDays: -240, position: 2 },
						{ title: "Send the survey", ownerRole: "chair", dueOffsetDays: 3, position: 3 },
					],
					email_texts: [
						{
							key: "registration-confirmation",
							subject: "Welcome to {{edition.name}}",
							body: "See you in {{edition.city}}.",
							position: 1,
						},
						{ key: "abstract-received", subject: "Thank you", body: "We received it.", position: 2 },
					],
				},
			},
		});
	});

	it("republishes as version 2 with a changelog line, leaving version 1 as it was", async () => {
		const v1Before = await rowsOf("select * from template_versions where template_id = ? and version = 1", templateId);
		await env.DB.batch([
			q("update checklist_tasks set due_offset_days = -540 where id = 'tpl-s-1'"),
			q(
				"insert into checklist_tasks (id, edition_id, title, owner_role, due_offset_days, position) values ('tpl-s-4', ?, 'Print badges', 'organizer', -7, 4)",
				SOURCE,
			),
			q("delete from email_texts where id = 'tpl-s-m2'"),
		]);

		const res = await sendJson(
			"POST",
			`/api/v1/templates/${templateId}/versions`,
			{ editionId: SOURCE, parts: ["checklist", "email_texts"], changelog: "Venue booked earlier; badges added." },
			{ cookie: chair.cookie },
		);

		expect(res.status).toBe(201);
		expect(await res.json()).toEqual({ data: { id: templateId, version: 2 } });
		expect(await rowsOf("select * from template_versions where template_id = ? and version = 1", templateId)).toEqual(
			v1Before,
		);
		const detail = await getAs(`/api/v1/templates/${templateId}`, chair.cookie);
		const { data } = await detail.json<{ data: { versions: unknown[]; latest: { version: number } } }>();
		expect(data.latest.version).toBe(2);
		expect(data.versions).toEqual([
			{
				version: 2,
				changelog: "Venue booked earlier; badges added.",
				parts: ["checklist", "email_texts"],
				createdAt: expect.any(String),
				source: { id: SOURCE, name: "AINM 2025", year: 2025 },
				createdBy: chair.name,
			},
			{
				version: 1,
				changelog: "First version.",
				parts: ["checklist", "email_texts"],
				createdAt: expect.any(String),
				source: { id: SOURCE, name: "AINM 2025", year: 2025 },
				createdBy: chair.name,
			},
		]);
	});

	it("previews applying version 1 to another edition: exactly what each part holds now and after, nothing written", async () => {
		const before = await editionSnapshot(TARGET);

		const res = await apply(TARGET, { template: templateId, version: 1 }, { dryRun: true });

		expect(res.status).toBe(200);
		const { data } = await res.json<{ data: Record<string, unknown> }>();
		expect(data).toEqual({
			template: { ref: templateId, name: "Lisbon kit", version: 1, builtin: false },
			target: {
				id: TARGET,
				name: "AINM 2027",
				year: 2027,
				startDate: "2027-10-04",
				endDate: "2027-10-06",
				timeZone: "Europe/Amsterdam",
			},
			// The version this preview shows, to send back as expectedContentVersion when applying.
			contentVersion: await contentVersion(TARGET),
			parts: [
				{
					part: "checklist",
					label: "Checklist timeline",
					summary: "replaces 2 checklist tasks with 3",
					groups: [
						{
							what: "checklist tasks",
							before: ["Old task one", "Old task two"],
							after: ["Book the venue in Porto", "Open the call for abstracts", "Send the survey"],
						},
					],
				},
				{
					part: "email_texts",
					label: "Email texts",
					summary: "adds 2 email texts",
					groups: [{ what: "email texts", before: [], after: ["Welcome to AINM 2027", "Thank you"] }],
				},
			],
			warnings: [],
			deadlines: [
				{
					part: "checklist",
					label: "Task due: Book the venue in Porto",
					moment: {
						date: "2026-06-11",
						time: null,
						instant: null,
						timeZone: "Europe/Amsterdam",
						text: "Thursday 11 June 2026",
					},
				},
				{
					part: "checklist",
					label: "Task due: Open the call for abstracts",
					moment: expect.objectContaining({ date: "2027-02-06" }),
				},
				{
					part: "checklist",
					label: "Task due: Send the survey",
					moment: expect.objectContaining({ date: "2027-10-07" }),
				},
			],
			unfilledPlaceholders: [],
			previous: null,
		});
		expect(await editionSnapshot(TARGET)).toEqual(before);
	});

	it("applies version 1: the parts' rows become exactly version 1's, in one write, and the use is recorded", async () => {
		const version = await contentVersion(TARGET);

		const res = await apply(TARGET, { template: templateId, version: 1 });

		expect(res.status).toBe(201);
		expect(await res.json()).toEqual({
			data: {
				editionId: TARGET,
				template: templateId,
				version: 1,
				parts: ["checklist", "email_texts"],
				created: { checklistTasks: 3, emailTexts: 2 },
				removed: { checklistTasks: 2 },
			},
		});
		expect(await tasksOf(TARGET)).toEqual([
			{
				title: "Book the venue in Porto",
				owner_role: "organizer",
				due_offset_days: -480,
				status: "open",
				done_at: null,
				position: 1,
			},
			{
				title: "Open the call for abstracts",
				owner_role: "organizer",
				due_offset_days: -240,
				status: "open",
				done_at: null,
				position: 2,
			},
			{ title: "Send the survey", owner_role: "chair", due_offset_days: 3, status: "open", done_at: null, position: 3 },
		]);
		expect(
			await rowsOf(
				"select key, subject, body, position from email_texts where edition_id = ? order by position",
				TARGET,
			),
		).toEqual([
			// As written: resolved when a mail is sent (the preview above titles it "Welcome to AINM 2027").
			{
				key: "registration-confirmation",
				subject: "Welcome to {{edition.name}}",
				body: "See you in {{edition.city}}.",
				position: 1,
			},
			{ key: "abstract-received", subject: "Thank you", body: "We received it.", position: 2 },
		]);
		expect(
			await rowsOf("select template_id, version, parts, applied_by from template_uses where edition_id = ?", TARGET),
		).toEqual([{ template_id: templateId, version: 1, parts: '["checklist","email_texts"]', applied_by: chair.id }]);
		expect(await contentVersion(TARGET)).toBe(version + 1);
	});

	it("shows, when the edition that used version 1 previews version 2, what differs between the two", async () => {
		const res = await apply(TARGET, { template: templateId }, { dryRun: true });

		const { data } = await res.json<{ data: { template: { version: number }; previous: unknown } }>();
		expect(data.template.version).toBe(2);
		expect(data.previous).toEqual({
			version: 1,
			appliedAt: expect.any(String),
			diff: [
				{
					part: "checklist",
					label: "Checklist timeline",
					groups: [
						{
							what: "checklist tasks",
							added: ["Print badges"],
							removed: [],
							changed: [{ title: "Book the venue in {{edition.city}}", fields: ["dueOffsetDays: -480 → -540"] }],
						},
					],
				},
				{
					part: "email_texts",
					label: "Email texts",
					groups: [{ what: "email texts", added: [], removed: ["Thank you"], changed: [] }],
				},
			],
		});
	});

	it("lists the edition under the version it used", async () => {
		const res = await getAs(`/api/v1/templates/${templateId}`, chair.cookie);

		const { data } = await res.json<{ data: { uses: unknown[] } }>();
		expect(data.uses).toEqual([
			{
				edition: { id: TARGET, name: "AINM 2027", year: 2027 },
				version: 1,
				parts: ["checklist", "email_texts"],
				appliedAt: expect.any(String),
			},
		]);
	});
});

describe("who sees which template", () => {
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		for (const visibility of ["series", "institution", "public"] as const) {
			const res = await publish(SOURCE, { name: `Kit (${visibility})`, visibility, parts: ["checklist"] });
			ids[visibility] = (await res.json<{ data: { id: string } }>()).data.id;
		}
	});

	const visibleTo = async (user: TestUser) => {
		const res = await getAs("/api/v1/templates", user.cookie);
		const { data } = await res.json<{ data: { ref: string }[] }>();
		const refs = new Set(data.map((t) => t.ref));
		return Object.entries(ids)
			.filter(([, id]) => refs.has(id))
			.map(([visibility]) => visibility);
	};

	it("shows a series template to the series' committees and stewards, an institution's to its members, a public one to all", async () => {
		// The reviewer sits on AINM 2027 only; the seeded steward stewards AINM.
		const steward = { ...stranger, cookie: `${SESSION_COOKIE}=${await createSession(testDb(), "seed-user-steward")}` };

		expect(await visibleTo(chair)).toEqual(["series", "public"]);
		expect(await visibleTo(reviewer)).toEqual(["series", "public"]);
		expect(await visibleTo(steward)).toEqual(["series", "public"]);
		expect(await visibleTo(umcgMember)).toEqual(["institution", "public"]);
		expect(await visibleTo(otherChair)).toEqual(["public"]);
		expect(await visibleTo(stranger)).toEqual(["public"]);
	});

	it("answers 404 for a template one may not see, on its page, its API and its versions, as for an unknown one", async () => {
		for (const path of [
			`/api/v1/templates/${ids.series}`,
			`/api/v1/templates/${ids.series}/versions/1`,
			`/console/templates/${ids.series}`,
			`/console/templates/${ids.series}/versions/1`,
			"/api/v1/templates/no-such-template",
		]) {
			expect({ path, status: (await getAs(path, otherChair.cookie)).status }).toEqual({ path, status: 404 });
		}
		expect((await getAs(`/api/v1/templates/${ids.institution}`, chair.cookie)).status).toBe(404);
		expect((await getAs(`/api/v1/templates/${ids.institution}`, umcgMember.cookie)).status).toBe(200);
		expect((await getAs(`/console/templates/${ids.public}`, stranger.cookie)).status).toBe(200);
		expect((await getAs(`/api/v1/templates/${ids.public}`)).status).toBe(401);
	});

	it("refuses to apply a template the user may not see (404) and writes nothing", async () => {
		const before = await editionSnapshot(OTHER_EDITION);

		const res = await apply(OTHER_EDITION, { template: ids.series }, { user: otherChair });

		expect(res.status).toBe(404);
		expect(await editionSnapshot(OTHER_EDITION)).toEqual(before);
	});

	it("filters the browser by series, part and publisher", async () => {
		const list = async (query: string) => {
			const res = await getAs(`/api/v1/templates?${query}`, umcgMember.cookie);
			return (await res.json<{ data: { ref: string }[] }>()).data.map((t) => t.ref);
		};

		expect(await list("publisher=builtin")).toEqual([BUILTIN]);
		expect(await list("series=ainm&part=checklist")).toEqual([ids.institution, ids.public]);
		expect(await list("publisher=umcg&part=pages")).toEqual([]);
		const page = await (await getAs("/console/templates?publisher=umcg", umcgMember.cookie)).text();
		expect(page).toContain("<h2>2 templates</h2>");
	});
});

describe("forks", () => {
	it("forks a visible template into the forking edition's series, keeping the source's provenance", async () => {
		const published = await publish(SOURCE, { name: "Public kit", visibility: "public", parts: ["checklist"] });
		const { id: sourceId } = (await published.json<{ data: { id: string } }>()).data;

		const res = await sendJson(
			"POST",
			`/api/v1/templates/${sourceId}/fork`,
			{ editionId: OTHER_EDITION, name: "OTH kit" },
			{ cookie: otherChair.cookie },
		);

		expect(res.status).toBe(201);
		const { id } = (await res.json<{ data: { id: string; version: number } }>()).data;
		expect(
			await rowsOf(
				"select name, visibility, series_id, institution_id, forked_from, created_by from templates where id = ?",
				id,
			),
		).toEqual([
			{
				name: "OTH kit",
				visibility: "series",
				series_id: OTHER_SERIES,
				institution_id: null,
				forked_from: `${sourceId}@1`,
				created_by: otherChair.id,
			},
		]);
		const db = testDb();
		const [fork, source] = await Promise.all([
			findTemplate(db, id).then((t) => t && findVersionDocument(db, t)),
			findTemplate(db, sourceId).then((t) => t && findVersionDocument(db, t)),
		]);
		expect(fork?.document).toEqual({ ...source?.document, name: "OTH kit" });
		expect(fork?.sourceEditionId).toBe(SOURCE);
	});

	it("forks a built-in, and refuses to fork what one may not see (404) or into an edition one does not run (403)", async () => {
		const builtin = await sendJson(
			"POST",
			`/api/v1/templates/${BUILTIN}/fork`,
			{ editionId: OTHER_EDITION, visibility: "public" },
			{ cookie: otherChair.cookie },
		);
		expect(builtin.status).toBe(201);
		const { id } = (await builtin.json<{ data: { id: string } }>()).data;
		expect(await rowsOf("select name, forked_from, visibility from templates where id = ?", id)).toEqual([
			{ name: "Biennial academic symposium", forked_from: `${BUILTIN}@1`, visibility: "public" },
		]);

		const hidden = await sendJson(
			"POST",
			"/api/v1/templates/seed-template-ainm-symposium/fork",
			{ editionId: OTHER_EDITION },
			{ cookie: otherChair.cookie },
		);
		expect(hidden.status).toBe(404);
		const notTheirs = await sendJson(
			"POST",
			`/api/v1/templates/${BUILTIN}/fork`,
			{ editionId: TARGET },
			{ cookie: reviewer.cookie },
		);
		expect(notTheirs.status).toBe(403);
	});

	it("refuses institution visibility for an edition without a host institution (422)", async () => {
		const res = await sendJson(
			"POST",
			`/api/v1/templates/${BUILTIN}/fork`,
			{ editionId: OTHER_EDITION, visibility: "institution" },
			{ cookie: otherChair.cookie },
		);

		expect(res.status).toBe(422);
		expect(await res.json()).toMatchObject({
			error: {
				fields: {
					visibility: "OTH 2026 has no host institution to keep the template to: choose the series library or public.",
				},
			},
		});
	});
});

describe("applying the built-in starter kit to a blank edition of another series", () => {
	it("writes every part, leaves the named-lecture slots unlinked, and says so first", async () => {
		const blank = "tpl-blank-oth-2028";
		await createEdition({
			id: blank,
			seriesId: OTHER_SERIES,
			year: 2028,
			name: "OTH 2028",
			start: "2028-05-08",
			end: "2028-05-10",
			city: "Pisa",
			hostName: "Example University",
		});
		await addCommitteeMember({ editionId: blank, user: otherChair, role: "chair" });

		const preview = await apply(blank, { template: BUILTIN }, { dryRun: true, user: otherChair });
		const { data } = await preview.json<{ data: { parts: { summary: string }[]; warnings: string[] } }>();
		expect(data.parts.map((p) => p.summary)).toEqual([
			"adds 5 pages",
			"adds 2 tracks; adds 4 rooms",
			"adds 30 sessions",
			"adds 4 registration questions; adds 3 ticket types",
			"adds 1 call for abstracts; adds 4 review criteria",
			"adds 8 evaluation questions",
			"adds 28 checklist tasks",
			"adds 6 organizer reminders",
			"adds 4 sponsor tiers",
			"adds 6 email texts",
		]);
		expect(data.warnings).toEqual([
			"2 named-lecture slots are not linked to a lecture: link each to one of the series' named lectures in the program.",
		]);

		const res = await apply(blank, { template: BUILTIN }, { user: otherChair });

		expect(res.status).toBe(201);
		expect((await res.json<{ data: { created: unknown } }>()).data.created).toEqual({
			pages: 5,
			tracks: 2,
			rooms: 4,
			sessions: 30,
			registrationFields: 4,
			ticketTypes: 3,
			abstractCalls: 1,
			reviewCriteria: 4,
			surveyQuestions: 8,
			checklistTasks: 28,
			organizerReminders: 6,
			sponsorTiers: 4,
			emailTexts: 6,
		});
		// As written: the site resolves it when the page is shown.
		expect(await rowsOf("select title from pages where edition_id = ? and slug = 'home'", blank)).toEqual([
			{ title: "Welcome to {{edition.name}}" },
		]);
		// Both tracks side by side in their rooms, sessions numbered in the document's order.
		expect(
			await rowsOf(
				`select s.seq, s.title, r.name as room, t.name as track from sessions s left join rooms r on r.id = s.room_id
				left join tracks t on t.id = s.track_id where s.edition_id = ? and s.day = 1 and s.start_time = '10:45' order by s.seq`,
				blank,
			),
		).toEqual([
			{ seq: 5, title: "Clinical session 1", room: "Room A", track: "Clinical track" },
			{ seq: 6, title: "Technical session 1", room: "Room B", track: "Physics and technology track" },
		]);
		// Reminders keep their placeholders until they are sent, and none is sent yet.
		expect(
			await rowsOf(
				"select subject, anchor, offset_days, role, sent_at from organizer_reminders where edition_id = ? and anchor = 'abstracts_close' order by position",
				blank,
			),
		).toEqual([
			{
				subject: "{{edition.name}}: the call for abstracts closes in 7 days",
				anchor: "abstracts_close",
				offset_days: -7,
				role: "chair",
				sent_at: null,
			},
			{
				subject: "The abstract review of {{edition.name}} starts today",
				anchor: "abstracts_close",
				offset_days: 1,
				role: "reviewer",
				sent_at: null,
			},
		]);
		expect(await rowsOf("select template_id, version from template_uses where edition_id = ?", blank)).toEqual([
			{ template_id: BUILTIN, version: BUILTINS[0]?.version },
		]);
	});
});

describe("refusals", () => {
	const edition = "tpl-refusals-2029";

	beforeAll(async () => {
		await createEdition({ id: edition, year: 2029, start: "2029-10-01", end: "2029-10-02" });
		await addCommitteeMember({ editionId: edition, user: chair, role: "chair" });
		const room = "tpl-refusals-room";
		await env.DB.batch([
			q("insert into rooms (id, edition_id, name) values (?, ?, 'Aula')", room, edition),
			q(
				"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes, room_id) values ('tpl-refusals-s', ?, 1, 'g-refusals', 'plenary', 'Opening', 1, '09:00', 30, ?)",
				edition,
				room,
			),
		]);
	});

	it("refuses rooms without the program they hold, a program longer than the edition, and parts the template lacks", async () => {
		const before = await editionSnapshot(edition);
		const refusal = async (body: Record<string, unknown>) => {
			const res = await apply(edition, { template: BUILTIN, ...body });
			return { status: res.status, fields: (await res.json<{ error: { fields: unknown } }>()).error.fields };
		};

		expect(await refusal({ parts: ["rooms_tracks"] })).toEqual({
			status: 422,
			fields: {
				parts:
					"Replacing the tracks and rooms would take them away from 1 session of AINM 2029's program: apply the program skeleton too, or leave tracks and rooms out.",
			},
		});
		expect(await refusal({ parts: ["rooms_tracks", "program"] })).toEqual({
			status: 422,
			fields: {
				parts:
					"The template's program runs over 3 days, AINM 2029 has 2: change AINM 2029's dates first or leave the program out.",
			},
		});
		expect(await refusal({ template: "seed-template-ainm-symposium", parts: ["pages"] })).toEqual({
			status: 422,
			fields: { parts: "AINM symposium has no “Site pages”: choose among its parts." },
		});
		expect(await refusal({ parts: ["pages", "speakers"] })).toEqual({
			status: 400,
			fields: { "parts.1": "Choose parts from the list." },
		});
		expect(await editionSnapshot(edition)).toEqual(before);
	});

	it("refuses an archived edition (422) and a reviewer (403), and answers a stranger 404", async () => {
		const archived = "tpl-archived-2021";
		await createEdition({ id: archived, year: 2021, start: "2021-10-04", end: "2021-10-06", status: "archived" });
		await addCommitteeMember({ editionId: archived, user: chair, role: "chair" });
		const before = await editionSnapshot(archived);

		const res = await apply(archived, { template: BUILTIN, parts: ["checklist"] });

		expect(res.status).toBe(422);
		expect(await res.json()).toMatchObject({
			error: { code: "edition_archived", message: "This edition is archived and read-only." },
		});
		expect(await editionSnapshot(archived)).toEqual(before);
		expect((await apply(TARGET, { template: BUILTIN, parts: ["checklist"] }, { user: reviewer })).status).toBe(403);
		expect((await apply(TARGET, { template: BUILTIN, parts: ["checklist"] }, { user: stranger })).status).toBe(404);
	});
});

describe("API tokens", () => {
	it("lets a write token scoped to the edition apply a template there, and not a read-only one", async () => {
		const edition = "tpl-token-2035";
		await createEdition({ id: edition, year: 2035, start: "2035-10-01", end: "2035-10-03" });
		await addCommitteeMember({ editionId: edition, user: chair, role: "chair" });
		const body = { template: BUILTIN, parts: ["evaluation"] };
		const url = `/api/v1/editions/${edition}/apply-template`;

		const read = await createApiToken(chair.id, { access: "read", editionId: edition });
		expect((await sendJson("POST", url, body, { bearer: read })).status).toBe(403);
		expect((await sendJson("POST", `${url}?dryRun=1`, body, { bearer: read })).status).toBe(403);

		const write = await createApiToken(chair.id, { access: "write", editionId: edition });
		const res = await sendJson("POST", url, body, { bearer: write });
		expect(res.status).toBe(201);
		expect((await res.json<{ data: { created: unknown } }>()).data.created).toEqual({ surveyQuestions: 8 });
	});
});

describe("atomicity", () => {
	it("leaves the edition and the uses untouched when the write fails halfway", async () => {
		const edition = "tpl-atomic-2031";
		await createEdition({ id: edition, year: 2031, start: "2031-10-06", end: "2031-10-08" });
		await q(
			"insert into checklist_tasks (id, edition_id, title, due_offset_days) values ('tpl-atomic-task', ?, 'Keep me', -10)",
			edition,
		).run();
		const before = await editionSnapshot(edition);
		const broken = env.DB.prepare(
			"insert into rooms (id, edition_id, name) values ('tpl-ghost', 'no-such-edition', 'Ghost')",
		);
		const observed = observedD1(env.DB, {
			rewrite: (statements) => {
				const middle = Math.floor(statements.length / 2);
				return [...statements.slice(0, middle), broken, ...statements.slice(middle)];
			},
		});
		const db = createDatabase(observed.db);
		const builtin = await findTemplate(db, BUILTIN);
		if (!builtin) throw new Error("no built-in");
		const source = await findVersionDocument(db, builtin);

		const failed = applyTemplate(db, { targetEditionId: edition, source, userId: chair.id });

		await expect(failed).rejects.toThrow(/FOREIGN KEY constraint failed/);
		expect(observed.batches).toHaveLength(1);
		expect(await editionSnapshot(edition)).toEqual(before);
		expect(await rowsOf("select id from template_uses where edition_id = ?", edition)).toEqual([]);
	});
});

describe("replacing parts that other rows point at", () => {
	const edition = "tpl-replace-2033";

	beforeAll(async () => {
		await createEdition({ id: edition, year: 2033, start: "2033-10-03", end: "2033-10-05" });
		await addCommitteeMember({ editionId: edition, user: chair, role: "chair" });
		await env.DB.batch([
			q(
				"insert into sponsor_tiers (id, edition_id, name, position) values ('tpl-r-gold', ?, 'Gold', 1), ('tpl-r-journal', ?, 'Journal partner', 2)",
				edition,
				edition,
			),
			q(
				"insert into sponsors (id, edition_id, tier_id, name) values ('tpl-r-acme', ?, 'tpl-r-gold', 'Acme'), ('tpl-r-press', ?, 'tpl-r-journal', 'Press'), ('tpl-r-free', ?, null, 'Free')",
				edition,
				edition,
				edition,
			),
			q(
				"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes) values ('tpl-r-s', ?, 1, 'g-tpl-r', 'plenary', 'Old keynote', 1, '09:00', 45)",
				edition,
			),
			q(
				"insert into talks (id, edition_id, session_id, title) values ('tpl-r-t', ?, 'tpl-r-s', 'An old talk')",
				edition,
			),
		]);
	});

	it("keeps sponsors in the new tier of their old tier's name, and says which lose their tier", async () => {
		const preview = await apply(edition, { template: BUILTIN, parts: ["sponsor_tiers"] }, { dryRun: true });
		expect((await preview.json<{ data: { warnings: string[] } }>()).data.warnings).toEqual([
			"1 sponsor loses its tier: the template has no tier of that name.",
		]);

		expect((await apply(edition, { template: BUILTIN, parts: ["sponsor_tiers"] })).status).toBe(201);

		expect(
			await rowsOf(
				"select s.name, t.name as tier from sponsors s left join sponsor_tiers t on t.id = s.tier_id where s.edition_id = ? order by s.name",
				edition,
			),
		).toEqual([
			{ name: "Acme", tier: null },
			{ name: "Free", tier: null },
			{ name: "Press", tier: "Journal partner" },
		]);
		expect(await rowsOf("select name from sponsor_tiers where edition_id = ? order by position", edition)).toEqual([
			{ name: "Affiliated society" },
			{ name: "Journal partner" },
			{ name: "Industry partner" },
			{ name: "Exhibitor" },
		]);
	});

	it("warns that the current program goes with its talks before replacing it", async () => {
		const res = await apply(edition, { template: BUILTIN, parts: ["rooms_tracks", "program"] }, { dryRun: true });

		const { data } = await res.json<{ data: { parts: { summary: string }[]; warnings: string[] } }>();
		expect(data.parts.map((p) => p.summary)).toEqual(["adds 2 tracks; adds 4 rooms", "replaces 1 session with 30"]);
		expect(data.warnings[0]).toBe("The 1 session of the current program is removed, with its 1 talk and chairs.");
	});
});

describe("the API description", () => {
	it("describes every template route with its errors and the token security", async () => {
		const res = await getAs("/api/openapi.json");
		const doc = await res.json<{
			security: unknown;
			paths: Record<
				string,
				Record<
					string,
					{
						responses: Record<string, unknown>;
						security?: unknown;
						parameters?: ({ name: string } | { $ref: string })[];
					}
				>
			>;
			components: { parameters: Record<string, { name: string }> };
		}>();
		// A shared parameter is a reference to its component.
		const nameOf = (p: { name: string } | { $ref: string }) =>
			"$ref" in p ? doc.components.parameters[p.$ref.replace("#/components/parameters/", "")]?.name : p.name;
		const route = (path: string, method: string) => doc.paths[path]?.[method];

		expect(Object.keys(route("/api/v1/editions/{id}/apply-template", "post")?.responses ?? {}).sort()).toEqual([
			"200",
			"201",
			"400",
			"401",
			"403",
			"404",
			"409",
			"422",
			"429",
		]);
		expect(route("/api/v1/editions/{id}/apply-template", "post")?.parameters?.map(nameOf).sort()).toEqual([
			"dryRun",
			"id",
		]);
		for (const [path, method] of [
			["/api/v1/templates", "get"],
			["/api/v1/templates/{ref}", "get"],
			["/api/v1/templates/{ref}/versions/{version}", "get"],
			["/api/v1/templates/validate", "post"],
			["/api/v1/editions/{id}/templates", "post"],
			["/api/v1/templates/{ref}/versions", "post"],
			["/api/v1/templates/{ref}/fork", "post"],
			["/api/v1/editions/{id}/apply-template", "post"],
		] as const) {
			expect(route(path, method), path).toBeDefined();
			// The security in force: the operation's own, else the document's.
			const security = route(path, method)?.security ?? doc.security;
			expect({ path, security }).toEqual({ path, security: [{ apiToken: [] }] });
		}
	});
});
