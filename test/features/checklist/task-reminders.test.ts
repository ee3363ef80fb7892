/**
 * Checklist reminders run by the scheduler with a fixed `now`: open tasks due within 7 days (end
 * of the due day in the edition's zone) or overdue, never reminded, mailed once to their owners.
 */

import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checklistTasks } from "../../../src/db/schema";
import { checklistRemindersJob, sendChecklistReminders } from "../../../src/features/checklist/task-reminders";
import { dayCount } from "../../../src/lib/dates";
import { newId } from "../../../src/lib/ids";
import { runScheduledJobs } from "../../../src/scheduled";
import { mailsTo, type TestUser } from "../../auth-helpers";
import { insertEdition } from "../../fixtures";
import { testDb } from "../../helpers";
import { runOvertaken } from "../../jobs/helpers";
import { createFollowableSeries } from "../following/helpers";
import { createCommitteeMember } from "../invitations/helpers";

type Status = "draft" | "published" | "held" | "archived";

const START = "2031-10-06";
/** The run: 1 March 2031, 10:00 UTC (11:00 in Amsterdam); the horizon is 8 March, 10:00 UTC. */
const NOW = "2031-03-01T10:00:00Z";
let nextYear = 2031;
/** Calendar days from day 1 to `date`: a task's offset. */
const offsetOf = (date: string) => dayCount(START, date) - 1;

async function createEdition(status: Status = "draft") {
	const s = await createFollowableSeries("tasks");
	const id = newId();
	await insertEdition({
		id,
		seriesId: s.id,
		year: nextYear++,
		name: `Tasks ${id.slice(0, 4)}`,
		startDate: START,
		endDate: "2031-10-08",
		timeZone: "Europe/Amsterdam",
		status,
	});
	return id;
}

/** A task due on `dueDate` (a calendar day), stored as its offset from day 1. */
async function task(
	editionId: string,
	title: string,
	dueDate: string,
	extra: Partial<typeof checklistTasks.$inferInsert> = {},
) {
	const id = newId();
	await testDb()
		.insert(checklistTasks)
		.values({ id, editionId, title, dueOffsetDays: offsetOf(dueDate), ...extra });
	return id;
}

async function remindedTitles(editionId: string): Promise<string[]> {
	const { results } = await env.DB.prepare(
		"select title from checklist_tasks where edition_id = ? and reminder_sent_at is not null order by title",
	)
		.bind(editionId)
		.all<{ title: string }>();
	return results.map((r) => r.title);
}

const remindAt = (iso = NOW) => runScheduledJobs(env, new Date(iso), [checklistRemindersJob]);

afterEach(() => {
	vi.restoreAllMocks();
});

describe("which tasks are reminded", () => {
	it("reminds open tasks due within 7 days or overdue, once; not later ones, done or skipped ones", async () => {
		const editionId = await createEdition();
		const organizer = await createCommitteeMember(editionId, "organizer", "org");
		await task(editionId, "Due in 4 days", "2031-03-05");
		// 7 March ends at 22:59:59 UTC in Amsterdam: before the horizon (8 March, 10:00 UTC).
		await task(editionId, "Due on the last day in range", "2031-03-07");
		// 8 March ends after the horizon: a reminder would come more than 7 days early.
		await task(editionId, "Due just outside", "2031-03-08");
		await task(editionId, "Due in three weeks", "2031-03-22");
		await task(editionId, "Overdue, never reminded", "2031-02-01");
		await task(editionId, "Done already", "2031-03-04", { status: "done", doneAt: new Date("2031-02-20") });
		await task(editionId, "Skipped", "2031-03-04", { status: "skipped" });
		await task(editionId, "Reminded before", "2031-03-03", { reminderSentAt: new Date("2031-02-24") });

		const [first] = await remindAt();
		const [second] = await remindAt("2031-03-01T11:00:00Z");

		expect(await remindedTitles(editionId)).toEqual([
			"Due in 4 days",
			"Due on the last day in range",
			"Overdue, never reminded",
			"Reminded before",
		]);
		const mails = await mailsTo(organizer.email);
		expect(mails).toHaveLength(1);
		expect(mails[0]?.subject).toMatch(/: 3 checklist tasks due$/);
		const lines = (mails[0]?.text ?? "").split("\n").filter((l) => l.startsWith("- "));
		expect(lines).toEqual([
			expect.stringMatching(/^- Overdue, never reminded: due 1 February 2031 \(T−8 months\), OVERDUE$/),
			expect.stringMatching(/^- Due in 4 days: due 5 March 2031 \(T−7 months\)$/),
			expect.stringMatching(/^- Due on the last day in range: due 7 March 2031 \(T−7 months\)$/),
		]);
		expect(mails[0]?.text).toContain(`https://localhost/console/editions/${editionId}/checklist`);
		expect(first).toMatchObject({ ok: true, mails: 1 });
		expect(second).toMatchObject({ ok: true, mails: 0, counts: { tasks: 0, mails: 0, failed: 0 } });
	});

	it("skips archived editions and reminds drafts and held ones", async () => {
		const archived = await createEdition("archived");
		const held = await createEdition("held");
		const draft = await createEdition("draft");
		const users = {
			archived: await createCommitteeMember(archived, "organizer", "arch"),
			held: await createCommitteeMember(held, "organizer", "held"),
			draft: await createCommitteeMember(draft, "organizer", "draft"),
		};
		for (const id of [archived, held, draft]) await task(id, "Book the venue", "2031-03-04");

		await remindAt();

		expect(await mailsTo(users.archived.email)).toEqual([]);
		expect(await remindedTitles(archived)).toEqual([]);
		expect(await mailsTo(users.held.email)).toHaveLength(1);
		expect(await mailsTo(users.draft.email)).toHaveLength(1);
	});
});

describe("who is reminded", () => {
	it("mails every holder of the task's role, one mail per person listing only their tasks", async () => {
		const editionId = await createEdition();
		const [org1, org2] = [
			await createCommitteeMember(editionId, "organizer", "org1"),
			await createCommitteeMember(editionId, "organizer", "org2"),
		];
		const chair = await createCommitteeMember(editionId, "chair", "chair");
		const reviewer = await createCommitteeMember(editionId, "reviewer", "rev");
		await task(editionId, "Confirm catering", "2031-03-04", { ownerRole: "organizer" });
		await task(editionId, "Assign reviewers", "2031-03-05", { ownerRole: "reviewer" });
		await task(editionId, "Sign the venue contract", "2031-03-06", { ownerRole: "chair" });

		await remindAt();

		const tasksIn = async (user: TestUser) =>
			(await mailsTo(user.email)).map((m) =>
				m.text
					.split("\n")
					.filter((l) => l.startsWith("- "))
					.map((l) => l.slice(2, l.indexOf(":"))),
			);
		expect(await tasksIn(org1)).toEqual([["Confirm catering"]]);
		expect(await tasksIn(org2)).toEqual([["Confirm catering"]]);
		expect(await tasksIn(reviewer)).toEqual([["Assign reviewers"]]);
		expect(await tasksIn(chair)).toEqual([["Sign the venue contract"]]);
		expect((await mailsTo(org1.email))[0]?.text).toContain(`Hello ${org1.name},`);
	});

	it("gives a task whose role nobody holds (or only a former mentor) to the chairs, saying so", async () => {
		const editionId = await createEdition();
		const [chair1, chair2] = [
			await createCommitteeMember(editionId, "chair", "c1"),
			await createCommitteeMember(editionId, "chair", "c2"),
		];
		const formerMentor = await createCommitteeMember(editionId, "mentor", "mentor", "2031-02-28");
		await task(editionId, "Brief the mentor", "2031-03-04", { ownerRole: "mentor" });
		await task(editionId, "Pick reviewers", "2031-03-04", { ownerRole: "reviewer" });

		await remindAt();

		expect(await mailsTo(formerMentor.email)).toEqual([]);
		for (const chair of [chair1, chair2]) {
			const [mail] = await mailsTo(chair.email);
			expect(mail?.subject).toMatch(/: 2 checklist tasks due$/);
			expect(mail?.text).toContain("the committee has none, so it is the chairs'");
		}
		expect(await remindedTitles(editionId)).toEqual(["Brief the mentor", "Pick reviewers"]);
	});

	it("reminds an active mentor of a mentor's task", async () => {
		const editionId = await createEdition();
		const chair = await createCommitteeMember(editionId, "chair", "c");
		const mentor = await createCommitteeMember(editionId, "mentor", "m", "2031-12-31");
		await task(editionId, "Share the 2029 budget", "2031-03-04", { ownerRole: "mentor" });

		await remindAt();

		expect(await mailsTo(mentor.email)).toHaveLength(1);
		expect(await mailsTo(chair.email)).toEqual([]);
	});
});

describe("atomicity", () => {
	it("reminds once when a second run reads the same tasks before the first one's batch lands", async () => {
		const editionId = await createEdition();
		const organizer = await createCommitteeMember(editionId, "organizer", "race");
		await task(editionId, "Order lanyards", "2031-03-04");
		const now = new Date(NOW);

		const first = await runOvertaken(sendChecklistReminders, now);

		expect(first.counts).toEqual({ tasks: 0, mails: 0, remindedMeanwhile: 1, failed: 0 });
		expect(await mailsTo(organizer.email)).toHaveLength(1);
		expect(await remindedTitles(editionId)).toEqual(["Order lanyards"]);
	});

	it("marks nothing when the mails cannot be written, and reminds on the next run", async () => {
		const editionId = await createEdition();
		const organizer = await createCommitteeMember(editionId, "organizer", "atomic");
		await task(editionId, "Order lanyards", "2031-03-04");
		await env.DB.prepare(
			`create trigger refuse_reminder before insert on outbox when new."to" = '${organizer.email}' begin select raise(abort, 'injected failure'); end`,
		).run();
		const errors = vi.spyOn(console, "error").mockImplementation(() => {});

		const [report] = await remindAt();

		expect(report).toMatchObject({ ok: true, counts: { tasks: 0, failed: 1 } });
		expect(await remindedTitles(editionId)).toEqual([]);
		expect(JSON.parse(String(errors.mock.calls[0]?.[0]))).toMatchObject({ job: "checklist-reminders", editionId });

		await env.DB.prepare("drop trigger refuse_reminder").run();
		await remindAt("2031-03-01T11:00:00Z");

		expect(await remindedTitles(editionId)).toEqual(["Order lanyards"]);
		expect(await mailsTo(organizer.email)).toHaveLength(1);
	});

	it("reminds hundreds of tasks of one edition within D1's bound-parameter limit", async () => {
		const editionId = await createEdition();
		const organizer = await createCommitteeMember(editionId, "organizer", "bulk");
		const db = testDb();
		const rows = Array.from({ length: 150 }, (_, i) => ({
			id: newId(),
			editionId,
			title: `Task ${String(i).padStart(3, "0")}`,
			dueOffsetDays: offsetOf("2031-03-04"),
		}));
		// 7 bound parameters a row: 14 rows a statement.
		for (let i = 0; i < rows.length; i += 14) await db.insert(checklistTasks).values(rows.slice(i, i + 14));

		const [report] = await remindAt();

		expect(report).toMatchObject({ ok: true, counts: { tasks: 150, mails: 1, failed: 0 } });
		expect((await remindedTitles(editionId)).length).toBe(150);
		expect((await mailsTo(organizer.email))[0]?.subject).toMatch(/: 150 checklist tasks due$/);
	});
});
