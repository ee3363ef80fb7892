/**
 * The setup wizard asks for the dates first and flags what needs a decision (issue #18): the new
 * chair of AINM 2027, created by accepting Lisbon's hosting proposal, finds the proposal's dates in
 * the first step, moves day 1 a week, and the preview shows the shift from AINM 2023, the lecture
 * slots without a lecturer and the ticket without a price, and the checklist tasks already due in
 * 2027 with a choice each, applied with the clone. Then the same through the API, and refusals.
 * The clock is frozen on 8 December 2026, so which tasks are past is fixed.
 */
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seriesStewards, ticketTypes } from "../../../src/db/schema";
import { dateOfDay } from "../../../src/lib/dates";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember } from "../../fixtures";
import { formHtml, hiddenFields, seed, testDb } from "../../helpers";
import { insertCall } from "../hosting/helpers";
import { createTestInstitution, type TestInstitution } from "../invitations/helpers";
import { AINM, AINM_2023, contentVersion, createEdition, rowCounts, rowsOf } from "./helpers";

const NOW = new Date("2026-12-08T12:00:00Z");

let steward: TestUser;
let lisbon: TestInstitution;

const text = async (res: Response) => (await res.text()).replace(/\s+/g, " ");

/** The radio buttons of a form that are checked, as a browser would post them. */
const checkedRadios = (html: string, action: string): Record<string, string> =>
	Object.fromEntries(
		[
			...formHtml(html, action).matchAll(/<input id="[^"]*" type="radio" name="([^"]+)" value="([^"]*)" checked=""/g),
		].map((m) => [m[1] ?? "", m[2] ?? ""]),
	);

beforeAll(async () => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(NOW);
	await seed();
	// AINM 2023 gets a ticket priced 0: free, or not priced yet? The copy must ask.
	await testDb().insert(ticketTypes).values({
		id: "dates-first-companion",
		editionId: AINM_2023,
		name: "Accompanying person",
		priceCents: 0,
		salesOpenOffsetDays: -240,
		salesCloseOffsetDays: -1,
		position: 9,
	});
	steward = await createTestUser("steward");
	await testDb().insert(seriesStewards).values({ seriesId: AINM, userId: steward.id });
	lisbon = await createTestInstitution("lisbon");
});

afterAll(() => {
	vi.useRealTimers();
});

/** AINM `year` as accepting Lisbon's proposal creates it (7–9 April, Europe/Lisbon); its id. */
async function acceptLisbon(year = 2027): Promise<string> {
	const callId = await insertCall(AINM, year, { deadline: "2026-12-31" });
	const proposed = await sendJson(
		"POST",
		`/api/v1/series/ainm/calls/${callId}/proposals`,
		{
			institutionId: lisbon.id,
			city: "Lisbon",
			country: "PT",
			venue: "Champalimaud Centre",
			startDate: `${year}-04-07`,
			endDate: `${year}-04-09`,
			timeZone: "Europe/Lisbon",
			motivation: "Lisbon has a new total-body PET centre.",
		},
		{ cookie: lisbon.admin.cookie },
	);
	expect(proposed.status).toBe(201);
	const { data: proposal } = await proposed.json<{ data: { id: string } }>();
	const accepted = await sendJson(
		"POST",
		`/api/v1/proposals/${proposal.id}/accept`,
		{ note: "" },
		{ cookie: steward.cookie },
	);
	expect(accepted.status).toBe(200);
	const { data } = await accepted.json<{ data: { edition: { id: string } } }>();
	return data.edition.id;
}

const ALL_PARTS = {
	"part.pages": "on",
	"part.rooms_tracks": "on",
	"part.program": "on",
	"part.registration": "on",
	"part.abstract_call": "on",
	"part.evaluation": "on",
	"part.checklist": "on",
	"part.sponsor_tiers": "on",
	"part.email_texts": "on",
};

/** AINM 2023's tasks due before 8 December 2026 when day 1 is 14 April 2027, in timeline order. */
const PAST_2027 = [1, 2, 3, 4, 5, 6, 7, 14].map((n) => `seed-2023-task-${n}`);

const tasksOf = (editionId: string) =>
	rowsOf(
		"select title, due_offset_days as due, status, done_at as doneAt from checklist_tasks where edition_id = ? order by due_offset_days, position",
		editionId,
	);

describe("the wizard from AINM 2023 into AINM 2027 in Lisbon", () => {
	it("asks for the dates first (the proposal's), saves them, then previews the shift, the open decisions and the past tasks, and applies the choices", async () => {
		const id = await acceptLisbon();
		const chair = lisbon.admin;
		const setup = `/console/editions/${id}/setup`;

		// Step 1: the dates, prefilled with the accepted proposal's, before anything else.
		const start = await text(await getAs(setup, chair.cookie));
		expect(start).toContain(
			`<form method="post" action="${setup}/start"><fieldset><legend>Dates of AINM 2027</legend>`,
		);
		expect(start).toContain("Accepted in Institution lisbon&#39;s hosting proposal: 7 – 9 April 2027 (Europe/Lisbon).");
		expect(start).toContain(
			'<input id="field-startDate" name="startDate" type="date" value="2027-04-07" required=""/>',
		);
		expect(start).toContain('<input id="field-endDate" name="endDate" type="date" value="2027-04-09" required=""/>');
		expect(start).toContain('<option value="Europe/Lisbon" selected="">Europe/Lisbon</option>');
		expect(start.match(/ selected="">[A-Z][a-z]+\/[^<]*<\/option>/g)).toEqual([' selected="">Europe/Lisbon</option>']);

		// The venue moved the event a week: saving writes the dates (audited) and goes on to the parts.
		const versionBefore = await contentVersion(id);
		const saved = await postForm(
			`${setup}/start`,
			{
				startDate: "2027-04-14",
				endDate: "2027-04-16",
				timeZone: "Europe/Lisbon",
				start: "previous",
				sourceEditionId: AINM_2023,
			},
			chair.cookie,
		);
		expect(saved.status).toBe(303);
		expect(saved.headers.get("Location")).toBe(`${setup}?start=previous&sourceEditionId=${AINM_2023}`);
		expect(await rowsOf("select start_date, end_date, time_zone from editions where id = ?", id)).toEqual([
			{ start_date: "2027-04-14", end_date: "2027-04-16", time_zone: "Europe/Lisbon" },
		]);
		expect(await contentVersion(id)).toBe(versionBefore + 1);
		expect(
			await rowsOf("select action, actor_id from audit_entries where edition_id = ? order by rowid desc limit 1", id),
		).toEqual([{ action: "edition.content.updated", actor_id: chair.id }]);
		// Back on step 1, the edition's own (new) dates are offered.
		expect(await text(await getAs(setup, chair.cookie))).toContain(
			'<input id="field-startDate" name="startDate" type="date" value="2027-04-14" required=""/>',
		);

		// The preview: day 1's shift, what needs a decision, and the tasks already due.
		const previewRes = await postForm(`${setup}/preview`, { sourceEditionId: AINM_2023, ...ALL_PARTS }, chair.cookie);
		expect(previewRes.status).toBe(200);
		const previewHtml = await previewRes.text();
		const preview = previewHtml.replace(/\s+/g, " ");
		expect(preview).toContain(
			"Day 1 moves from Monday 9 October 2023 (Europe/Amsterdam) to Wednesday 14 April 2027 (Europe/Lisbon): 1,283 days later.",
		);
		const decisions = preview.slice(
			preview.indexOf("<h2>Needs a decision</h2>"),
			preview.indexOf("</ul>", preview.indexOf("<h2>Needs a decision</h2>")),
		);
		expect(decisions).toBe(
			`<h2>Needs a decision</h2><p>These are copied as they are; decide them in AINM 2027 after copying.</p><ul>` +
				`<li>Day 1, 09:30: Willem Vaalburg lecture 2027: no lecturer yet <a href="/console/editions/${id}/program">Add the lecturer</a></li>` +
				`<li>Day 2, 09:00: Anne Paans lecture 2027: no lecturer yet <a href="/console/editions/${id}/program">Add the lecturer</a></li>` +
				// AINM 2023's one ticket records no price (the seed invents none), so the copy asks too.
				`<li>Participant: no price yet: free? <a href="/console/editions/${id}/ticket-types">Set the price</a></li>` +
				`<li>Accompanying person: no price yet: free? <a href="/console/editions/${id}/ticket-types">Set the price</a></li>`,
		);
		// One choice per past task, each starting as AINM 2023 left it (done, or skipped for task 14).
		const suggested = checkedRadios(previewHtml, `${setup}/apply`);
		expect(suggested).toEqual(
			Object.fromEntries(PAST_2027.map((key) => [`pastTasks.${key}`, key.endsWith("-14") ? "skipped" : "done"])),
		);
		expect(preview).toContain(
			'<legend>Confirm the host institution and the dates <span class="meta">(due Tuesday 21 October 2025; done in AINM 2023)</span></legend>',
		);
		expect(preview).not.toContain("Recruit volunteers and PhD students for the registration desk and the rooms <span");

		// Applied with two choices changed: the call stays open (to do late), the first task skipped.
		const applied = await postForm(
			`${setup}/apply`,
			{
				...hiddenFields(previewHtml, `${setup}/apply`),
				...suggested,
				"pastTasks.seed-2023-task-5": "open",
				"pastTasks.seed-2023-task-1": "skipped",
			},
			chair.cookie,
		);
		expect(applied.status).toBe(303);
		const status = (n: number) =>
			n === 1 || n === 14 ? "skipped" : n === 5 || !PAST_2027.includes(`seed-2023-task-${n}`) ? "open" : "done";
		const source = await tasksOf(AINM_2023);
		expect(await tasksOf(id)).toEqual(
			source.map((task, i) => ({
				...task,
				status: status([1, 2, 3, 4, 5, 6, 7, 14, 8, 9, 10, 11, 12, 13][i] ?? 0),
				doneAt: null,
			})),
		);
		// The checklist opens with the one task kept open as overdue, not eight.
		const checklist = await text(await getAs(`/console/editions/${id}/checklist`, chair.cookie));
		expect(checklist).toContain("<strong>1 overdue · </strong>");
	});
});

describe("the first step's refusals and fallbacks", () => {
	it("offers the proposal's dates where the edition has none yet", async () => {
		const id = await acceptLisbon(2029);
		await env.DB.prepare("update editions set start_date = '', end_date = '' where id = ?").bind(id).run();
		const start = await text(await getAs(`/console/editions/${id}/setup`, lisbon.admin.cookie));
		expect(start).toContain(
			'<input id="field-startDate" name="startDate" type="date" value="2029-04-07" required=""/>',
		);
		expect(start).toContain('<input id="field-endDate" name="endDate" type="date" value="2029-04-09" required=""/>');
	});

	it("shows bad dates beside their fields and writes nothing; unchanged dates write nothing either", async () => {
		const id = await acceptLisbon(2031);
		const setup = `/console/editions/${id}/setup`;
		const cookie = lisbon.admin.cookie;
		const before = await rowsOf("select * from editions where id = ?", id);
		const entries = async () =>
			(await rowsOf("select count(*) as n from audit_entries where edition_id = ?", id))[0]?.n;
		const entriesBefore = await entries();
		const post = (fields: Record<string, string>) =>
			postForm(
				`${setup}/start`,
				{ startDate: "2031-04-07", endDate: "2031-04-09", timeZone: "Europe/Lisbon", start: "blank", ...fields },
				cookie,
			);

		const backwards = await post({ startDate: "2031-04-12", endDate: "2031-04-10" });
		expect(backwards.status).toBe(422);
		const backwardsHtml = await text(backwards);
		expect(backwardsHtml).toContain(
			'<p class="field-error" id="field-endDate-error">The last day cannot come before the first day.</p>',
		);
		// The form keeps what was typed.
		expect(backwardsHtml).toContain('name="startDate" type="date" value="2031-04-12"');

		const impossible = await post({ startDate: "2031-02-30" });
		expect(impossible.status).toBe(400);
		expect(await text(impossible)).toContain("Enter a date like 2025-10-06.");

		const noSource = await post({ startDate: "2031-04-21", endDate: "2031-04-23", start: "previous" });
		expect(noSource.status).toBe(422);
		expect(await text(noSource)).toContain("Choose the edition to copy from.");

		const unchanged = await post({});
		expect(unchanged.status).toBe(303);
		expect(unchanged.headers.get("Location")).toBe(`/console/editions/${id}/content?notice=setup_blank`);

		expect(await rowsOf("select * from editions where id = ?", id)).toEqual(before);
		expect(await entries()).toBe(entriesBefore);
	});
});

describe("POST /api/v1/editions/{id}/clone: decisions and past tasks", () => {
	// AINM 2027 is the story's: this edition of 2026 was pushed back to the same days of 2027.
	const TARGET = "dates-first-api";
	const PARTS = ["rooms_tracks", "program", "registration", "checklist"];
	let chair: TestUser;
	const clone = (body: Record<string, unknown>) =>
		sendJson(
			"POST",
			`/api/v1/editions/${TARGET}/clone`,
			{ sourceEditionId: AINM_2023, parts: PARTS, ...body },
			{
				cookie: chair.cookie,
			},
		);

	beforeAll(async () => {
		chair = await createTestUser("api-chair");
		await createEdition({ id: TARGET, year: 2026, start: "2027-04-14", end: "2027-04-16", timeZone: "Europe/Lisbon" });
		await addCommitteeMember({ editionId: TARGET, user: chair, role: "chair" });
	});

	it("previews what needs a decision and the past tasks with their suggestions", async () => {
		const res = await clone({ preview: true });
		expect(res.status).toBe(200);
		const { data } = await res.json<{ data: { needsDecision: unknown[]; pastTasks: unknown[] } }>();
		expect(data.needsDecision).toEqual([
			{
				kind: "lecture_without_lecturer",
				label: "Day 1, 09:30: Willem Vaalburg lecture 2026",
				problem: "no lecturer yet",
				href: `/console/editions/${TARGET}/program`,
			},
			{
				kind: "lecture_without_lecturer",
				label: "Day 2, 09:00: Anne Paans lecture 2026",
				problem: "no lecturer yet",
				href: `/console/editions/${TARGET}/program`,
			},
			{
				kind: "ticket_without_price",
				label: "Participant",
				problem: "no price yet: free?",
				href: `/console/editions/${TARGET}/ticket-types`,
			},
			{
				kind: "ticket_without_price",
				label: "Accompanying person",
				problem: "no price yet: free?",
				href: `/console/editions/${TARGET}/ticket-types`,
			},
		]);
		const source = await rowsOf(
			"select id as key, title, due_offset_days as due, status from checklist_tasks where edition_id = ? order by due_offset_days, position",
			AINM_2023,
		);
		expect(data.pastTasks).toEqual(
			source
				.filter((task) => PAST_2027.includes(String(task.key)))
				.map((task) => ({
					key: task.key,
					title: task.title,
					dueDate: dateOfDay("2027-04-14", Number(task.due) + 1),
					sourceStatus: task.status,
					suggested: task.status,
				})),
		);
		expect(data.pastTasks).toHaveLength(8);
		expect(data.pastTasks[0]).toEqual({
			key: "seed-2023-task-1",
			title: "Confirm the host institution and the dates",
			dueDate: "2025-10-21",
			sourceStatus: "done",
			suggested: "done",
		});
	});

	it("refuses a choice for a task that is not past (422) or a status that does not exist (400), writing nothing", async () => {
		const counts = await rowCounts(TARGET);
		const notPast = await clone({ pastTasks: { "seed-2023-task-8": "done" } });
		expect(notPast.status).toBe(422);
		expect((await notPast.json<{ error: { fields: unknown } }>()).error.fields).toEqual({
			"pastTasks.seed-2023-task-8": "This is not a copied task already due in AINM 2026.",
		});
		const badStatus = await clone({ pastTasks: { "seed-2023-task-1": "finished" } });
		expect(badStatus.status).toBe(400);
		expect((await badStatus.json<{ error: { fields: unknown } }>()).error.fields).toEqual({
			"pastTasks.seed-2023-task-1": "Choose open, done or skipped.",
		});
		const badDefault = await clone({ pastTasksAs: "later" });
		expect(badDefault.status).toBe(400);
		expect((await badDefault.json<{ error: { fields: unknown } }>()).error.fields).toEqual({
			pastTasksAs: "Choose open, done, skipped or suggested.",
		});
		expect(await rowCounts(TARGET)).toEqual(counts);
	});

	it("applies one choice and the suggestions for the other past tasks in the clone's batch", async () => {
		const res = await clone({ pastTasks: { "seed-2023-task-1": "open" }, pastTasksAs: "suggested" });
		expect(res.status).toBe(201);
		const order = [1, 2, 3, 4, 5, 6, 7, 14, 8, 9, 10, 11, 12, 13];
		const expected = (n: number) => (n === 14 ? "skipped" : n === 1 || n >= 8 ? "open" : "done");
		const source = await tasksOf(AINM_2023);
		expect(await tasksOf(TARGET)).toEqual(
			source.map((task, i) => ({ ...task, status: expected(order[i] ?? 0), doneAt: null })),
		);
	});
});
