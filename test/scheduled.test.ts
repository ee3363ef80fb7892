/**
 * The one scheduler: the Worker's `scheduled` handler runs every timed job as of the cron's
 * scheduled time; jobs run in order, each isolated; their mails go to the delivery adapter.
 */
import {
	createExecutionContext,
	createMessageBatch,
	createScheduledController,
	waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checklistTasks, editionMembers, editions, organizerReminders } from "../src/db/schema";
import worker from "../src/index";
import { newId } from "../src/lib/ids";
import { outboxInserts } from "../src/lib/mailer";
import { runScheduledJobs, SCHEDULED_JOBS, type ScheduledJob } from "../src/scheduled";
import { createTestUser, mailsTo } from "./auth-helpers";
import { addFollower, createFollowableSeries } from "./features/following/helpers";
import { freshEmail } from "./features/invitations/helpers";
import { testDb } from "./helpers";

afterEach(() => {
	vi.restoreAllMocks();
});

/** A job that records that it ran, for ordering and isolation checks. */
const recordingJob = (name: string, ran: string[]): ScheduledJob => ({
	name,
	run: async ({ now }) => {
		ran.push(`${name}@${now.toISOString()}`);
		return { mailIds: [], counts: { things: 1 } };
	},
});

describe("the job list", () => {
	// Issue 12 added the host-name checks at the end; issue 15 the mail sweep after them; issue 19 the waiting list before the sweep.
	it("runs the series announcements, the checklist reminders, the organizer reminders, the debriefs, the host-name checks, the waiting list, then the mail sweep", () => {
		expect(SCHEDULED_JOBS.map((job) => job.name)).toEqual([
			"series-announcements",
			"checklist-reminders",
			"organizer-reminders",
			"organizer-debrief",
			"host-verification",
			"waiting-list",
			"mail-sweep",
		]);
	});
});

describe("runScheduledJobs", () => {
	it("runs every job in order with the same `now`", async () => {
		const ran: string[] = [];
		const now = new Date("2031-05-01T10:00:00Z");

		const reports = await runScheduledJobs(env, now, [recordingJob("a", ran), recordingJob("b", ran)]);

		expect(ran).toEqual(["a@2031-05-01T10:00:00.000Z", "b@2031-05-01T10:00:00.000Z"]);
		expect(reports).toEqual([
			{ job: "a", ok: true, mails: 0, counts: { things: 1 } },
			{ job: "b", ok: true, mails: 0, counts: { things: 1 } },
		]);
	});

	it("logs a failing job as one JSON line and still runs the next one", async () => {
		const ran: string[] = [];
		const errors = vi.spyOn(console, "error").mockImplementation(() => {});
		const failing: ScheduledJob = {
			name: "broken",
			run: async () => {
				throw new Error("injected failure");
			},
		};

		const reports = await runScheduledJobs(env, new Date("2031-05-01T10:00:00Z"), [failing, recordingJob("next", ran)]);

		expect(reports).toEqual([
			{ job: "broken", ok: false, error: "Error: injected failure" },
			{ job: "next", ok: true, mails: 0, counts: { things: 1 } },
		]);
		expect(ran).toEqual(["next@2031-05-01T10:00:00.000Z"]);
		expect(errors).toHaveBeenCalledTimes(1);
		const line = String(errors.mock.calls[0]?.[0]);
		expect(line).not.toContain("\n");
		expect(JSON.parse(line)).toMatchObject({
			level: "error",
			job: "broken",
			scheduledTime: "2031-05-01T10:00:00.000Z",
			error: "Error: injected failure",
		});
	});

	// Issue 15: a job's mails go to the mail queue; its consumer hands them to the adapter.
	it("relays each job's mails to the mail queue; the consumer hands them to the configured adapter and records them sent", async () => {
		const fetches: { url: string; idempotencyKey: string | null; body: unknown }[] = [];
		vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
			const idempotencyKey = new Headers(init?.headers).get("Idempotency-Key");
			fetches.push({ url: String(input), idempotencyKey, body: JSON.parse(String(init?.body)) });
			return new Response("{}", { status: 200 });
		});
		const to = freshEmail("delivered");
		let mailId = "";
		const mailing: ScheduledJob = {
			name: "mailing",
			run: async ({ db }) => {
				const mails = outboxInserts(db, [{ to, subject: "Hello", text: "Body" }]);
				const [first] = mails.statements;
				if (first) await db.batch([first]);
				mailId = mails.ids[0] ?? "";
				return { mailIds: mails.ids };
			},
		};
		const enqueued: unknown[] = [];
		const queue = {
			sendBatch: async (messages: Iterable<{ body: unknown }>) => {
				for (const message of messages) enqueued.push(message.body);
			},
		} as unknown as Queue<{ id: string }>;
		const httpEnv = {
			...env,
			MAIL_ADAPTER: "http" as const,
			MAIL_HTTP_URL: "https://mail.example/send",
			MAIL_FROM: "Baton <no-reply@example.org>",
			MAIL_QUEUE: queue,
		};

		await runScheduledJobs(httpEnv, new Date(), [mailing]);
		expect(enqueued).toEqual([{ id: mailId }]);
		const batch = createMessageBatch<{ id: string }>("baton-mail", [
			{ id: "m1", timestamp: new Date(), attempts: 1, body: { id: mailId } },
		]);
		await worker.queue(batch, httpEnv);

		expect(fetches).toEqual([
			{
				url: "https://mail.example/send",
				idempotencyKey: mailId,
				body: { from: "Baton <no-reply@example.org>", to, subject: "Hello", text: "Body" },
			},
		]);
		const row = await env.DB.prepare('select sent_at, error, state from outbox where "to" = ?')
			.bind(to)
			.first<{ sent_at: number | null; error: string | null }>();
		expect(row).toEqual({ sent_at: expect.any(Number), error: null, state: "sent" });
	});
});

describe("the Worker's scheduled handler", () => {
	it("runs every job as of the cron's scheduled time", async () => {
		const s = await createFollowableSeries("cron");
		const editionId = newId();
		const db = testDb();
		await db.insert(editions).values({
			id: editionId,
			seriesId: s.id,
			year: 2040,
			name: "Cron 2040",
			startDate: "2040-10-01",
			endDate: "2040-10-03",
			timeZone: "Europe/Amsterdam",
			status: "published",
		});
		const follower = freshEmail("cron-follower");
		await addFollower(s.id, follower);
		const organizer = await createTestUser("cron-organizer");
		await db.insert(editionMembers).values({ editionId, userId: organizer.id, role: "organizer" });
		// Due 30 days before 1 October: 1 September, two days after the run below.
		await db.insert(checklistTasks).values({ id: newId(), editionId, title: "Print badges", dueOffsetDays: -30 });
		// Due 32 days before 1 October at 09:00 local: 30 August, 07:00 UTC, two hours before the run.
		await db.insert(organizerReminders).values({
			id: newId(),
			editionId,
			anchor: "event_start",
			offsetDays: -32,
			role: "organizer",
			subject: "A month to go",
		});
		const controller = createScheduledController({
			scheduledTime: new Date("2040-08-30T09:00:00Z"),
			cron: "0 * * * *",
		});
		const ctx = createExecutionContext();

		await worker.scheduled(controller, env, ctx);
		await waitOnExecutionContext(ctx);

		expect((await mailsTo(follower)).map((m) => m.subject)).toEqual([
			expect.stringMatching(/^Cron 2040 is announced: /),
		]);
		expect((await mailsTo(organizer.email)).map((m) => m.subject)).toEqual([
			"Cron 2040: 1 checklist task due",
			"A month to go",
		]);
	});
});
