/**
 * The checklist timeline on the committee's console: tasks in due order with "T−12 months", the
 * resolved date, owner and status; overdue open tasks labelled in words; done tasks with when
 * they were done relative to the event. Dates are relative to today, as the page is.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checklistTasks, editions } from "../../../src/db/schema";
import { timelineLabel } from "../../../src/features/checklist/timeline";
import { dateOfDay, formatDateRange } from "../../../src/lib/dates";
import { newId } from "../../../src/lib/ids";
import { createTestUser, getAs, postForm, type TestUser } from "../../auth-helpers";
import { testDb } from "../../helpers";
import { createFollowableSeries } from "../following/helpers";
import { addCommitteeMember } from "../invitations/helpers";

const today = new Date().toISOString().slice(0, 10);
/** `days` calendar days after `date` (before it when negative). */
const addDays = (date: string, days: number) => dateOfDay(date, days + 1);
/** Day 1 is 100 days from today. */
const start = addDays(today, 100);
const editionId = newId();
let chair: TestUser;
let organizer: TestUser;
let reviewer: TestUser;
let stranger: TestUser;
const page = () => `/console/editions/${editionId}/checklist`;

/** The body rows of the page's table, as the text of each cell. */
function rowsOf(html: string): string[][] {
	const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
	return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
		[...(row[1] ?? "").matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) =>
			(cell[1] ?? "")
				.replace(/<[^>]+>/g, "")
				.replace(/\s+/g, " ")
				.trim(),
		),
	);
}

const longDay = (offset: number) => formatDateRange(addDays(start, offset), addDays(start, offset));

beforeAll(async () => {
	const s = await createFollowableSeries("timeline");
	const db = testDb();
	await db.insert(editions).values({
		id: editionId,
		seriesId: s.id,
		year: 2099,
		name: "Timeline 2099",
		startDate: start,
		endDate: addDays(start, 2),
		timeZone: "Europe/Amsterdam",
	});
	chair = await createTestUser("chair");
	organizer = await createTestUser("organizer");
	reviewer = await createTestUser("reviewer");
	stranger = await createTestUser("stranger");
	await addCommitteeMember(editionId, chair.id, "chair");
	await addCommitteeMember(editionId, organizer.id, "organizer");
	await addCommitteeMember(editionId, reviewer.id, "reviewer");
	await db.insert(checklistTasks).values([
		{ id: newId(), editionId, title: "Book catering", dueOffsetDays: -42 },
		// Nobody is a mentor: the chairs own it.
		{ id: newId(), editionId, title: "Brief the mentor", dueOffsetDays: -20, ownerRole: "mentor" },
		{ id: newId(), editionId, title: "Confirm the venue", dueOffsetDays: -365 },
		{ id: newId(), editionId, title: "Open registration desk", dueOffsetDays: 0, ownerRole: "chair" },
		{ id: newId(), editionId, title: "Print a paper program", dueOffsetDays: -200, status: "skipped" },
		// Done today: 100 days before day 1.
		{ id: newId(), editionId, title: "Sign the contract", dueOffsetDays: -300, status: "done", doneAt: new Date() },
	]);
});

describe("the timeline page", () => {
	it("lists tasks by due date with the relative label, date, owner and status; overdue in words", async () => {
		const res = await getAs(page(), organizer.cookie);

		expect(res.status).toBe(200);
		const html = await res.text();
		expect(rowsOf(html)).toEqual([
			[
				"T−12 months",
				longDay(-365),
				"Confirm the venue",
				`Organizer (${organizer.name})`,
				"Overdue",
				expect.any(String),
			],
			[
				"T−10 months",
				longDay(-300),
				"Sign the contract",
				`Organizer (${organizer.name})`,
				"Done at T−3 months",
				expect.any(String),
			],
			[
				"T−7 months",
				longDay(-200),
				"Print a paper program",
				`Organizer (${organizer.name})`,
				"Skipped",
				expect.any(String),
			],
			["T−6 weeks", longDay(-42), "Book catering", `Organizer (${organizer.name})`, "Open", expect.any(String)],
			[
				"T−20 days",
				longDay(-20),
				"Brief the mentor",
				`Mentor (nobody has this role: the chairs, ${chair.name})`,
				"Open",
				expect.any(String),
			],
			["T (day 1)", longDay(0), "Open registration desk", `Chair (${chair.name})`, "Open", expect.any(String)],
		]);
		expect(html).toContain('<strong class="badge badge-overdue">Overdue</strong>');
		expect(html).toContain("<strong>1 overdue · </strong>");
		expect((html.match(/<h1>/g) ?? []).length).toBe(1);
	});

	it("gives editors the checklist's edit links and add form", async () => {
		const html = await (await getAs(page(), chair.cookie)).text();
		expect(html).toMatch(new RegExp(`href="/console/editions/${editionId}/checklist/[0-9a-f-]{36}">Edit`));
		expect(html).toContain(`<form method="post" action="/console/editions/${editionId}/checklist">`);
		expect(html).toContain('<label for="field-dueOffsetDays">Due (days from day 1)');
	});

	it("lets a reviewer read it, without edit links or the form", async () => {
		const html = await (await getAs(page(), reviewer.cookie)).text();
		expect(html).not.toContain("Add a task");
		expect(html).not.toContain(">Edit<");
		expect(rowsOf(html)[0]).toEqual([
			"T−12 months",
			longDay(-365),
			"Confirm the venue",
			`Organizer (${organizer.name})`,
			"Overdue",
		]);
	});

	it("adds a task through the checklist collection and shows it in its place", async () => {
		const res = await postForm(
			page(),
			{
				title: "Send the call for abstracts",
				ownerRole: "reviewer",
				dueOffsetDays: "-240",
				status: "open",
				position: "0",
			},
			chair.cookie,
		);
		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`${page()}?notice=added`);

		const html = await (await getAs(`${page()}?notice=added`, chair.cookie)).text();

		expect(html).toContain('<p class="notice" role="status">Added.</p>');
		expect(rowsOf(html).map((row) => row.slice(0, 4))).toContainEqual([
			"T−8 months",
			longDay(-240),
			"Send the call for abstracts",
			`Reviewer (${reviewer.name})`,
		]);
	});

	it("is hidden from people outside the committee (404) and sends visitors to sign in", async () => {
		expect((await getAs(page(), stranger.cookie)).status).toBe(404);
		const visitor = await getAs(page());
		expect(visitor.status).toBe(303);
		expect(visitor.headers.get("Location")).toBe(`/auth/sign-in?next=${encodeURIComponent(page())}`);
	});

	it("is linked from the edition's console home", async () => {
		const html = await (await getAs(`/console/editions/${editionId}/content`, chair.cookie)).text();
		expect(html).toContain(`<a href="${page()}">Checklist timeline</a>`);
	});
});

describe("timelineLabel", () => {
	it("names days close by, whole weeks up to two months, and months beyond", () => {
		expect(
			[0, -1, -13, -14, -15, -42, -55, -56, -60, -180, -365, -730, 3, 30].map((days) => timelineLabel(days)),
		).toEqual([
			"T (day 1)",
			"T−1 day",
			"T−13 days",
			"T−2 weeks",
			"T−15 days",
			"T−6 weeks",
			"T−55 days",
			"T−2 months",
			"T−2 months",
			"T−6 months",
			"T−12 months",
			"T−24 months",
			"T+3 days",
			"T+30 days",
		]);
	});
});
