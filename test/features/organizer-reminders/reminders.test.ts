/**
 * Organizer reminders: each goes out once, at 09:00 on its day in the edition's zone (across a DST
 * change), to exactly the holders of its role, with placeholders filled and the date it counts
 * from; two overlapping runs send it once; nothing is marked without its mails.
 */

import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { abstractCalls, type EditionStatus, type editions, organizerReminders } from "../../../src/db/schema";
import { organizerRemindersJob, sendOrganizerReminders } from "../../../src/features/organizer-reminders/job";
import { newId } from "../../../src/lib/ids";
import { runScheduledJobs } from "../../../src/scheduled";
import { getAs, mailsTo, postForm, type TestUser } from "../../auth-helpers";
import { insertEdition } from "../../fixtures";
import { testDb } from "../../helpers";
import { runOvertaken } from "../../jobs/helpers";
import { createFollowableSeries } from "../following/helpers";
import { createCommitteeMember } from "../invitations/helpers";

// Amsterdam moves to summer time in the night of 29 to 30 March 2031.
const START = "2031-04-14";
let nextYear = 2031;

async function createEdition(status: EditionStatus = "draft", extra: Partial<typeof editions.$inferInsert> = {}) {
	const s = await createFollowableSeries("reminders");
	const id = newId();
	const year = nextYear++;
	await insertEdition({
		id,
		seriesId: s.id,
		year,
		name: `Remind ${year}`,
		startDate: START,
		endDate: "2031-04-16",
		timeZone: "Europe/Amsterdam",
		city: "Groningen",
		status,
		...extra,
	});
	return { id, name: `Remind ${year}`, year };
}

async function reminder(editionId: string, values: Partial<typeof organizerReminders.$inferInsert>) {
	const id = newId();
	await testDb()
		.insert(organizerReminders)
		.values({ id, editionId, anchor: "event_start", offsetDays: -14, subject: "Reminder", ...values });
	return id;
}

const sentAt = async (id: string) =>
	(
		await env.DB.prepare("select sent_at from organizer_reminders where id = ?")
			.bind(id)
			.first<{ sent_at: number | null }>()
	)?.sent_at ?? null;

/** Every outbox row to these people, as "address: subject", in the order written. */
async function mailsOf(...people: TestUser[]): Promise<string[]> {
	const lines: string[] = [];
	for (const person of people) {
		for (const mail of await mailsTo(person.email)) lines.push(`${person.email}: ${mail.subject}`);
	}
	return lines;
}

const runAt = (iso: string) => runScheduledJobs(env, new Date(iso), [organizerRemindersJob]);

afterEach(() => {
	vi.restoreAllMocks();
});

describe("when a reminder goes out", () => {
	it("goes at 09:00 local on its day, after the switch to summer time, once", async () => {
		const edition = await createEdition();
		const organizer = await createCommitteeMember(edition.id, "organizer", "org");
		// 14 days before 14 April: 31 March, 09:00 CEST = 07:00 UTC (08:00 UTC had the offset not changed).
		const id = await reminder(edition.id, { role: "organizer", subject: "Badges for {{edition.name}}" });

		const [early] = await runAt("2031-03-31T06:59:59Z");
		expect(early).toMatchObject({ ok: true, mails: 0 });
		expect(await sentAt(id)).toBeNull();

		const [onTime] = await runAt("2031-03-31T07:00:00Z");
		const [later] = await runAt("2031-03-31T08:00:00Z");

		expect(onTime).toMatchObject({ ok: true, mails: 1, counts: { reminders: 1, mails: 1, failed: 0 } });
		expect(later).toMatchObject({ ok: true, mails: 0, counts: { reminders: 0 } });
		expect(await sentAt(id)).toBe(Date.parse("2031-03-31T07:00:00Z"));
		expect(await mailsOf(organizer)).toEqual([`${organizer.email}: Badges for ${edition.name}`]);
	});

	it("mails exactly the holders of its role: every organizer, an active mentor, not a former one", async () => {
		const edition = await createEdition("published");
		const [org1, org2] = [
			await createCommitteeMember(edition.id, "organizer", "o1"),
			await createCommitteeMember(edition.id, "organizer", "o2"),
		];
		const chair = await createCommitteeMember(edition.id, "chair", "chair");
		const reviewer = await createCommitteeMember(edition.id, "reviewer", "rev");
		const mentor = await createCommitteeMember(edition.id, "mentor", "mentor", "2031-12-31");
		const former = await createCommitteeMember(edition.id, "mentor", "former", "2031-03-01");
		await reminder(edition.id, { role: "organizer", subject: "For organizers" });
		await reminder(edition.id, { role: "mentor", subject: "For mentors" });

		await runAt("2031-03-31T07:00:00Z");

		expect(await mailsOf(org1, org2, chair, reviewer, mentor, former)).toEqual([
			`${org1.email}: For organizers`,
			`${org2.email}: For organizers`,
			`${mentor.email}: For mentors`,
		]);
	});

	it("goes to the chairs, saying so, when nobody holds its role", async () => {
		const edition = await createEdition();
		const chair = await createCommitteeMember(edition.id, "chair", "chair");
		await reminder(edition.id, { role: "reviewer", subject: "Reviews" });

		await runAt("2031-03-31T07:00:00Z");

		const [mail] = await mailsTo(chair.email);
		expect(mail?.text).toContain(
			`This reminder goes once, to the chairs of ${edition.name} (it is for the reviewers, and the committee has none).`,
		);
	});

	it("counts from the call for abstracts: 7 days before it closes, with the closing date in the mail", async () => {
		const edition = await createEdition();
		const chair = await createCommitteeMember(edition.id, "chair", "chair");
		// Closes 30 days before day 1 (15 March, 23:59); the reminder is due on 8 March, 09:00 CET = 08:00 UTC.
		await testDb()
			.insert(abstractCalls)
			.values({ editionId: edition.id, opensOffsetDays: -120, closesOffsetDays: -30, closesTime: "23:59" });
		const id = await reminder(edition.id, {
			anchor: "abstracts_close",
			offsetDays: -7,
			subject: "{{edition.name}}: the call closes in a week",
			body: "Post a last call in {{edition.city}} and on the mailing lists.",
		});

		await runAt("2031-03-08T07:00:00Z");
		expect(await sentAt(id)).toBeNull();
		await runAt("2031-03-08T08:00:00Z");

		expect(await mailsTo(chair.email)).toEqual([
			{
				subject: `${edition.name}: the call closes in a week`,
				text: [
					`Hello ${chair.name},`,
					"Post a last call in Groningen and on the mailing lists.",
					`- The call for abstracts of ${edition.name} closes on Saturday 15 March 2031 at 23:59 (Europe/Amsterdam): in 7 days.`,
					`This reminder goes once, to the chairs of ${edition.name}. The edition's reminders: https://localhost/console/editions/${edition.id}/organizer-reminders`,
					"— Baton",
				].join("\n\n"),
			},
		]);
	});

	it("waits for a call for abstracts the edition does not have yet", async () => {
		const edition = await createEdition();
		const chair = await createCommitteeMember(edition.id, "chair", "chair");
		const id = await reminder(edition.id, { anchor: "abstracts_open", offsetDays: 0 });

		await runAt("2031-06-01T07:00:00Z");

		expect(await sentAt(id)).toBeNull();
		expect(await mailsTo(chair.email)).toEqual([]);
	});

	it("is not sent for an archived edition, nor more than a week after its moment", async () => {
		const archived = await createEdition("archived");
		const held = await createEdition("held");
		const people = {
			archived: await createCommitteeMember(archived.id, "chair", "a"),
			held: await createCommitteeMember(held.id, "chair", "h"),
		};
		const archivedId = await reminder(archived.id, {});
		const staleId = await reminder(held.id, { offsetDays: -30 });
		const freshId = await reminder(held.id, { offsetDays: -14 });

		// 8 days after 15 March 09:00 CET (the stale one), 1 day after 31 March 09:00 CEST.
		await runAt("2031-04-01T08:00:00Z");

		expect(await sentAt(archivedId)).toBeNull();
		expect(await sentAt(staleId)).toBeNull();
		expect(await sentAt(freshId)).toBe(Date.parse("2031-04-01T08:00:00Z"));
		expect(await mailsTo(people.archived.email)).toEqual([]);
		expect(await mailsTo(people.held.email)).toHaveLength(1);
	});
});

describe("exactly once", () => {
	it("sends once when a second run reads the same reminder before the first one's batch lands", async () => {
		const edition = await createEdition();
		const organizer = await createCommitteeMember(edition.id, "organizer", "race");
		const id = await reminder(edition.id, { role: "organizer" });
		const now = new Date("2031-03-31T07:00:00Z");

		const first = await runOvertaken(sendOrganizerReminders, now);

		expect(first).toEqual({
			mailIds: [],
			counts: { reminders: 0, mails: 0, sentMeanwhile: 1, failed: 0 },
		});
		expect(await mailsTo(organizer.email)).toHaveLength(1);
		expect(await sentAt(id)).toBe(now.getTime());
	});

	it("marks nothing when its mails cannot be written, and sends on the next run", async () => {
		const edition = await createEdition();
		const organizer = await createCommitteeMember(edition.id, "organizer", "atomic");
		const id = await reminder(edition.id, { role: "organizer" });
		await env.DB.prepare(
			`create trigger refuse_organizer_reminder before insert on outbox when new."to" = '${organizer.email}' begin select raise(abort, 'injected failure'); end`,
		).run();
		const errors = vi.spyOn(console, "error").mockImplementation(() => {});

		const [report] = await runAt("2031-03-31T07:00:00Z");

		expect(report).toMatchObject({ ok: true, counts: { reminders: 0, failed: 1 } });
		expect(await sentAt(id)).toBeNull();
		expect(JSON.parse(String(errors.mock.calls[0]?.[0]))).toMatchObject({
			job: "organizer-reminders",
			editionId: edition.id,
			reminderId: id,
		});

		await env.DB.prepare("drop trigger refuse_organizer_reminder").run();
		await runAt("2031-03-31T08:00:00Z");

		expect(await sentAt(id)).toBe(Date.parse("2031-03-31T08:00:00Z"));
		expect(await mailsTo(organizer.email)).toHaveLength(1);
	});
});

describe("the reminders console", () => {
	it("adds a reminder through the collection's form and lists when each goes out and to whom", async () => {
		const edition = await createEdition();
		const chair = await createCommitteeMember(edition.id, "chair", "chair");
		const path = `/console/editions/${edition.id}/organizer-reminders`;

		const added = await postForm(
			path,
			{
				subject: "Two weeks to go",
				body: "Check the badges.",
				anchor: "event_start",
				offsetDays: "-14",
				role: "chair",
				position: "",
			},
			chair.cookie,
		);
		const page = await getAs(path, chair.cookie);

		expect(added.status).toBe(303);
		expect(added.headers.get("Location")).toBe(`${path}?notice=added`);
		const rows = await env.DB.prepare(
			"select subject, body, anchor, offset_days, role, sent_at from organizer_reminders where edition_id = ?",
		)
			.bind(edition.id)
			.all();
		expect(rows.results).toEqual([
			{
				subject: "Two weeks to go",
				body: "Check the badges.",
				anchor: "event_start",
				offset_days: -14,
				role: "chair",
				sent_at: null,
			},
		]);
		const html = await page.text();
		const cells = [...(/<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "").matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) =>
			(m[1] ?? "")
				.replace(/<[^>]+>/g, "")
				.replace(/\s+/g, " ")
				.trim(),
		);
		expect(cells).toEqual([
			"14 days before the event starts",
			"Monday 31 March 2031, 09:00 (UTC+02:00)",
			"Two weeks to go",
			`Chairs (${chair.name})`,
			"Scheduled",
			"Edit Two weeks to go",
		]);
	});

	it("refuses a placeholder nobody fills, writing nothing", async () => {
		const edition = await createEdition();
		const chair = await createCommitteeMember(edition.id, "chair", "chair");

		const res = await postForm(
			`/console/editions/${edition.id}/organizer-reminders`,
			{ subject: "Hello {{edtion.name}}", anchor: "event_start", offsetDays: "-14", role: "chair" },
			chair.cookie,
		);

		expect(res.status).toBe(422);
		expect(await res.text()).toContain("{{edtion.name}} is not a placeholder");
		const count = await env.DB.prepare("select count(*) as n from organizer_reminders where edition_id = ?")
			.bind(edition.id)
			.first<{ n: number }>();
		expect(count?.n).toBe(0);
	});
});
