/**
 * The checklist that learns: the suggestions start from the series' default, add what the
 * previous edition's committee added, mark what it skipped and say when it really did each task
 * (counted in its own zone); the committee adds the ones it wants in one write.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { checklistTasks, editions } from "../../../src/db/schema";
import {
	type ChecklistItem,
	DEFAULT_CHECKLIST_TEMPLATE,
	seriesDefaultChecklist,
} from "../../../src/features/checklist/series-default";
import {
	addSuggestedTasks,
	loadChecklistSuggestions,
	normalizeTitle,
	type SuggestingEdition,
	suggestChecklist,
} from "../../../src/features/checklist/suggestions";
import type { ChecklistTask } from "../../../src/features/checklist/timeline";
import { findBuiltin } from "../../../src/features/templates/builtins";
import { newId } from "../../../src/lib/ids";
import { createTestUser, getAs, postForm, type TestUser } from "../../auth-helpers";
import { testDb } from "../../helpers";
import { addCommitteeMember } from "../invitations/helpers";

const DEFAULTS: ChecklistItem[] = [
	{ title: "Book the venue", ownerRole: "chair", dueOffsetDays: -480 },
	{ title: "Open the call for abstracts", ownerRole: "organizer", dueOffsetDays: -240 },
	{ title: "Print a paper program", ownerRole: "organizer", dueOffsetDays: -14 },
	{ title: "Send the evaluation survey", ownerRole: "organizer", dueOffsetDays: 3 },
];

interface World {
	seriesId: string;
	previousId: string;
	current: SuggestingEdition;
	chair: TestUser;
	reviewer: TestUser;
}

let world: World;

/** An edition of the Learning series as the suggestions see it (as edition() writes it). */
const learnEdition = (id: string, seriesId: string, year: number, startDate: string): SuggestingEdition => ({
	id,
	seriesId,
	name: `Learn ${year}`,
	year,
	city: "",
	startDate,
	endDate: startDate,
	hostName: "",
});

async function edition(seriesId: string, year: number, startDate: string, timeZone: string) {
	const id = newId();
	await testDb()
		.insert(editions)
		.values({ id, seriesId, year, name: `Learn ${year}`, startDate, endDate: startDate, timeZone, status: "held" });
	return id;
}

const task = (editionId: string, row: Partial<typeof checklistTasks.$inferInsert> & { title: string }) =>
	testDb()
		.insert(checklistTasks)
		.values({ id: newId(), editionId, ownerRole: "organizer", dueOffsetDays: -100, ...row });

beforeAll(async () => {
	const seriesId = newId();
	await env.DB.prepare("insert into series (id, slug, name, short_name) values (?, ?, 'Learning', 'LRN')")
		.bind(seriesId, `learn-${seriesId.slice(0, 8)}`)
		.run();
	const older = await edition(seriesId, 2027, "2027-05-03", "Europe/Amsterdam");
	const previousId = await edition(seriesId, 2029, "2029-05-07", "America/New_York");
	const currentId = await edition(seriesId, 2031, "2031-05-05", "Europe/Amsterdam");
	const later = await edition(seriesId, 2033, "2033-05-02", "Europe/Amsterdam");
	await task(older, { title: "A task of 2027 only", status: "done", doneAt: new Date("2026-01-01T12:00:00Z") });
	await task(later, { title: "A task of 2033 only" });
	// 03:00 UTC on 1 February 2028 is still 31 January in New York: 462 days before day 1 there.
	await task(previousId, {
		title: "Book the Venue!",
		ownerRole: "chair",
		dueOffsetDays: -470,
		status: "done",
		doneAt: new Date("2028-02-01T03:00:00Z"),
	});
	await task(previousId, { title: "Open the call for abstracts", dueOffsetDays: -240, status: "skipped" });
	await task(previousId, { title: "Print a paper program", dueOffsetDays: -14 });
	await task(previousId, {
		title: "Contact the society",
		ownerRole: "chair",
		dueOffsetDays: -200,
		status: "done",
		doneAt: new Date("2028-10-20T12:00:00Z"),
	});
	await task(previousId, { title: "Rent a cloakroom", dueOffsetDays: -30, status: "skipped" });
	await task(currentId, { title: "Send the evaluation survey", dueOffsetDays: 3 });
	const chair = await createTestUser("chair");
	const reviewer = await createTestUser("reviewer");
	await addCommitteeMember(currentId, chair.id, "chair");
	await addCommitteeMember(currentId, reviewer.id, "reviewer");
	world = {
		seriesId,
		previousId,
		current: learnEdition(currentId, seriesId, 2031, "2031-05-05"),
		chair,
		reviewer,
	};
});

describe("the series' default checklist", () => {
	it("is the built-in starter template's checklist, read through the templates' loader", () => {
		const template = findBuiltin(DEFAULT_CHECKLIST_TEMPLATE)?.document.parts.checklist ?? [];

		expect(template).toHaveLength(28);
		expect(seriesDefaultChecklist()).toEqual(
			template.map(({ title, ownerRole, dueOffsetDays }) => ({ title, ownerRole, dueOffsetDays })),
		);
	});

	it("is what a series' first edition is offered, placeholders filled with its values", async () => {
		const found = await loadChecklistSuggestions(testDb(), learnEdition(newId(), world.seriesId, 2026, "2026-01-01"));

		// In due order; tasks due the same day by title.
		const expected = seriesDefaultChecklist()
			.map((d) => ({ ...d, title: d.title.replace("{{edition.name}}", "Learn 2026") }))
			.sort((a, b) => a.dueOffsetDays - b.dueOffsetDays || a.title.localeCompare(b.title));
		expect(found.suggestions.map((s) => [s.title, s.ownerRole, s.dueOffsetDays, s.origin])).toEqual(
			expected.map((d) => [d.title, d.ownerRole, d.dueOffsetDays, "default"]),
		);
		expect(found.suggestions[5]).toMatchObject({
			key: "publish-the-edition-s-site-and-a-save-the-date-for-learn-2026",
			title: "Publish the edition's site and a save-the-date for Learn 2026",
			dueOffsetDays: -390,
		});
	});
});

describe("a default task with a placeholder", () => {
	const task = (title: string, status: ChecklistTask["status"]): ChecklistTask => ({
		id: newId(),
		editionId: "prev",
		title,
		ownerRole: "organizer",
		dueOffsetDays: -390,
		status,
		doneAt: null,
		reminderSentAt: null,
		position: 1,
	});
	const edition = (year: number) => ({
		name: `AINM ${year}`,
		year,
		city: "Groningen",
		startDate: `${year}-10-09`,
		endDate: `${year}-10-11`,
		hostName: "UMCG",
	});

	it("is the task the previous edition wrote with its own values, and is offered with this edition's", () => {
		const suggestions = suggestChecklist(
			[{ title: "Send the save-the-date for {{edition.name}}", ownerRole: "organizer", dueOffsetDays: -390 }],
			{
				edition: { id: "prev", timeZone: "Europe/Amsterdam", ...edition(2023) },
				tasks: [task("Send the save-the-date for AINM 2023", "skipped")],
			},
			{ edition: edition(2025), tasks: [] },
		);

		expect(suggestions).toEqual([
			{
				key: "send-the-save-the-date-for-ainm-2025",
				title: "Send the save-the-date for AINM 2025",
				ownerRole: "organizer",
				dueOffsetDays: -390,
				origin: "default",
				previous: { status: "skipped", dueOffsetDays: -390, doneOffsetDays: null, doneLabel: null },
				onChecklist: false,
			},
		]);
	});
});

describe("normalizeTitle", () => {
	it("ignores case, accents, punctuation and spacing", () => {
		expect(normalizeTitle("  Book the Venue! ")).toBe("book the venue");
		expect(normalizeTitle("Open registration (early-bird)")).toBe("open registration early bird");
		expect(normalizeTitle("Réserver   la salle")).toBe("reserver la salle");
	});
});

describe("the suggested checklist", () => {
	it("lists the defaults and the previous committee's additions, with what it skipped and when it did each", async () => {
		const found = await loadChecklistSuggestions(testDb(), world.current, DEFAULTS);

		expect(found.previous).toEqual({ id: world.previousId, name: "Learn 2029", year: 2029 });
		expect(found.suggestions).toEqual([
			{
				key: "book-the-venue",
				title: "Book the venue",
				ownerRole: "chair",
				dueOffsetDays: -480,
				origin: "default",
				previous: { status: "done", dueOffsetDays: -470, doneOffsetDays: -462, doneLabel: "T−15 months" },
				onChecklist: false,
			},
			{
				key: "open-the-call-for-abstracts",
				title: "Open the call for abstracts",
				ownerRole: "organizer",
				dueOffsetDays: -240,
				origin: "default",
				previous: { status: "skipped", dueOffsetDays: -240, doneOffsetDays: null, doneLabel: null },
				onChecklist: false,
			},
			{
				key: "contact-the-society",
				title: "Contact the society",
				ownerRole: "chair",
				dueOffsetDays: -200,
				origin: "added",
				previous: { status: "done", dueOffsetDays: -200, doneOffsetDays: -199, doneLabel: "T−7 months" },
				onChecklist: false,
			},
			{
				key: "rent-a-cloakroom",
				title: "Rent a cloakroom",
				ownerRole: "organizer",
				dueOffsetDays: -30,
				origin: "added",
				previous: { status: "skipped", dueOffsetDays: -30, doneOffsetDays: null, doneLabel: null },
				onChecklist: false,
			},
			{
				key: "print-a-paper-program",
				title: "Print a paper program",
				ownerRole: "organizer",
				dueOffsetDays: -14,
				origin: "default",
				previous: { status: "open", dueOffsetDays: -14, doneOffsetDays: null, doneLabel: null },
				onChecklist: false,
			},
			{
				key: "send-the-evaluation-survey",
				title: "Send the evaluation survey",
				ownerRole: "organizer",
				dueOffsetDays: 3,
				origin: "default",
				previous: null,
				onChecklist: true,
			},
		]);
	});

	it("is the default alone for a series' first edition", async () => {
		const found = await loadChecklistSuggestions(
			testDb(),
			learnEdition(newId(), world.seriesId, 2026, "2026-01-01"),
			DEFAULTS,
		);

		expect(found.previous).toBeNull();
		expect(found.suggestions.map((s) => [s.title, s.origin, s.previous])).toEqual(
			DEFAULTS.map((d) => [d.title, "default", null]),
		);
	});
});

async function currentTasks() {
	const { results } = await env.DB.prepare(
		"select title, owner_role, due_offset_days, status from checklist_tasks where edition_id = ? order by due_offset_days",
	)
		.bind(world.current.id)
		.all();
	return results;
}

const contentVersion = async () =>
	(
		await env.DB.prepare("select content_version as v from editions where id = ?")
			.bind(world.current.id)
			.first<{ v: number }>()
	)?.v;

describe("adding suggestions", () => {
	it("adds the chosen ones not on the checklist yet, open, at their suggested day, in one write", async () => {
		const before = await contentVersion();

		const result = await addSuggestedTasks(
			testDb(),
			world.current,
			["rent-a-cloakroom", "send-the-evaluation-survey", "no-such-task"],
			DEFAULTS,
		);

		expect(result).toEqual({ added: 1 });
		expect(await contentVersion()).toBe((before ?? 0) + 1);
		expect(await currentTasks()).toEqual([
			{ title: "Rent a cloakroom", owner_role: "organizer", due_offset_days: -30, status: "open" },
			{ title: "Send the evaluation survey", owner_role: "organizer", due_offset_days: 3, status: "open" },
		]);
		await expect(addSuggestedTasks(testDb(), world.current, ["rent-a-cloakroom"], DEFAULTS)).rejects.toMatchObject({
			status: 422,
			code: "nothing_to_add",
		});
	});

	it("works from the console: the page ticks all but the skipped ones; the post adds the ticked", async () => {
		const path = `/console/editions/${world.current.id}/checklist/suggestions`;
		const before = await currentTasks();

		const page = await getAs(path, world.chair.cookie);
		const html = await page.text();
		const added = await postForm(
			path,
			{ "add.contact-the-society": "on", "add.publish-the-program-parallel-sessions-chairs-and-posters": "on" },
			world.chair.cookie,
		);

		expect(page.status).toBe(200);
		expect(html).toMatch(
			/<input type="checkbox" id="add-contact-the-society" name="add.contact-the-society" checked=""/,
		);
		expect(html).toMatch(
			/<input type="checkbox" id="add-open-the-call-for-abstracts" name="add.open-the-call-for-abstracts"\/>/,
		);
		expect(html).toContain("Done at T−7 months");
		expect(html).toContain("Added by 2029");
		expect(added.status).toBe(303);
		expect(added.headers.get("Location")).toBe(`/console/editions/${world.current.id}/checklist?notice=added`);
		expect(await currentTasks()).toEqual(
			[
				...before,
				{ title: "Contact the society", owner_role: "chair", due_offset_days: -200, status: "open" },
				{
					title: "Publish the program: parallel sessions, chairs and posters",
					owner_role: "organizer",
					due_offset_days: -45,
					status: "open",
				},
			].sort((a, b) => Number(a.due_offset_days) - Number(b.due_offset_days)),
		);
	});

	it("refuses a post with nothing to add (422) and a reviewer's post (403), writing nothing", async () => {
		const path = `/console/editions/${world.current.id}/checklist/suggestions`;
		const before = await currentTasks();

		const nothing = await postForm(path, {}, world.chair.cookie);
		const reviewer = await postForm(
			path,
			{ "add.publish-the-program-parallel-sessions-chairs-and-posters": "on" },
			world.reviewer.cookie,
		);

		expect(nothing.status).toBe(422);
		expect(await nothing.text()).toContain("Choose at least one task that is not on your checklist yet.");
		expect(reviewer.status).toBe(403);
		expect(await currentTasks()).toEqual(before);
	});
});
