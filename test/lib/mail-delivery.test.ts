/**
 * Mail that is never lost: the queue's consumer (driven with cloudflare:test's message batches,
 * through the Worker's own `queue` handler), the fake provider's outage, the sent-marker, the
 * dead-letter queue and the sweep that recovers a crash between commit and enqueue.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { outbox } from "../../src/db/schema";
import worker from "../../src/index";
import { clearFakeMail, fakeMailDeliveries, setFakeMailOutage } from "../../src/lib/fake-mail-provider";
import { DEAD_MAIL_QUEUE_NAME, MAIL_QUEUE_NAME, retryDelaySeconds } from "../../src/lib/mail-delivery";
import { type MailJob, type MailMessage, outboxInserts, relayMail } from "../../src/lib/mailer";
import { mailSweepJob, runScheduledJobs } from "../../src/scheduled";
import { testDb } from "../helpers";

beforeEach(async () => {
	clearFakeMail();
	// Each test its own outbox: the sweep looks at every row.
	await env.DB.prepare("delete from outbox").run();
});

let seq = 0;
/** Writes mails to the outbox as a feature's batch does, and returns their ids. */
async function written(count: number, extra: Partial<MailMessage> = {}): Promise<string[]> {
	const db = testDb();
	seq++;
	const mails = outboxInserts(
		db,
		Array.from({ length: count }, (_, i) => ({
			to: `r${seq}-${i}@example.org`,
			subject: `Mail ${seq}.${i}`,
			text: "Body",
			...extra,
		})),
	);
	const [first, ...rest] = mails.statements;
	if (first) await db.batch([first, ...rest]);
	return mails.ids;
}

/** Runs the Worker's queue handler on one batch of `ids`, as the queue would deliver it for the `attempts`th time. */
async function consume(ids: string[], attempts: number, queue = MAIL_QUEUE_NAME) {
	const batch = createMessageBatch<MailJob>(
		queue,
		ids.map((id) => ({ id: `msg-${id}-${attempts}`, timestamp: new Date(), attempts, body: { id } })),
	);
	// getQueueResult does not report a retry's delay: spy on it (the spy still calls through).
	const delays = batch.messages.map((message) => vi.spyOn(message, "retry"));
	const ctx = createExecutionContext();
	await worker.queue(batch, env);
	const result = await getQueueResult(batch, ctx);
	const retryDelays = delays.flatMap((spy) => spy.mock.calls.map((call) => call[0]?.delaySeconds));
	return { ...result, retryDelays };
}

const rowsOf = async (ids: string[]) =>
	Promise.all(
		ids.map(async (id) => {
			const row = await testDb().select().from(outbox).where(eq(outbox.id, id)).get();
			return { state: row?.state, attempts: row?.attempts, error: row?.error, sent: Boolean(row?.sentAt) };
		}),
	);

/** A queue producer that records what it was given. */
function recordingQueue() {
	const sent: MailJob[] = [];
	const queue = {
		send: async (body: MailJob) => {
			sent.push(body);
		},
		sendBatch: async (messages: Iterable<MessageSendRequest<MailJob>>) => {
			for (const message of messages) sent.push(message.body);
		},
	} as unknown as Queue<MailJob>;
	return { queue, sent };
}

describe("a provider outage", () => {
	it("loses no mail: every message is retried with backoff, and the later retry sends each exactly once", async () => {
		const ids = await written(3);
		setFakeMailOutage(true);

		const down = await consume(ids, 1);

		expect(down.explicitAcks).toEqual([]);
		expect(down.retryMessages).toEqual(ids.map((id) => ({ msgId: `msg-${id}-1` })));
		expect(down.retryDelays).toEqual([30, 30, 30]);
		expect(fakeMailDeliveries()).toEqual([]);
		expect(await rowsOf(ids)).toEqual(
			ids.map(() => ({ state: "queued", attempts: 1, error: "Error: fake mail provider: outage (503)", sent: false })),
		);

		setFakeMailOutage(false);
		const up = await consume(ids, 2);

		expect(up.explicitAcks).toEqual(ids.map((id) => `msg-${id}-2`));
		expect(up.retryMessages).toEqual([]);
		expect(up.retryDelays).toEqual([]);
		expect(fakeMailDeliveries().map((d) => d.idempotencyKey)).toEqual(ids);
		expect(await rowsOf(ids)).toEqual(ids.map(() => ({ state: "sent", attempts: 2, error: null, sent: true })));
	});

	it("backs off exponentially: 30 s, doubling, at most an hour", () => {
		expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
	});
});

describe("the sent-marker", () => {
	it("keeps a redelivered message whose row is marked sent from being sent again", async () => {
		const [id = ""] = await written(1);
		await consume([id], 1);
		expect(fakeMailDeliveries()).toHaveLength(1);

		// The queue delivers at least once: the same message again, and a duplicate the sweep enqueued.
		const again = await consume([id, id], 2);

		expect(again.explicitAcks).toEqual([`msg-${id}-2`, `msg-${id}-2`]);
		expect(fakeMailDeliveries().map((d) => d.idempotencyKey)).toEqual([id]);
		expect(await rowsOf([id])).toEqual([{ state: "sent", attempts: 1, error: null, sent: true }]);
	});

	it("acks a message whose row does not exist (a batch that never committed) without sending", async () => {
		const result = await consume(["no-such-row"], 1);
		expect([result.explicitAcks, fakeMailDeliveries()]).toEqual([["msg-no-such-row-1"], []]);
	});
});

describe("the dead-letter queue", () => {
	it("marks a message whose retries are spent failed for good, keeping its last error; the sweep leaves it", async () => {
		const [failing = "", sent = ""] = await written(2);
		setFakeMailOutage(true);
		await consume([failing], 1);
		setFakeMailOutage(false);
		await consume([sent], 1);

		const dead = await consume([failing, sent], 1, DEAD_MAIL_QUEUE_NAME);

		expect(dead.explicitAcks).toEqual([`msg-${failing}-1`, `msg-${sent}-1`]);
		expect(await rowsOf([failing, sent])).toEqual([
			{ state: "failed", attempts: 1, error: "Error: fake mail provider: outage (503)", sent: false },
			{ state: "sent", attempts: 1, error: null, sent: true },
		]);
		// A failed row is not sent by a late redelivery either.
		await consume([failing], 11);
		expect(fakeMailDeliveries().map((d) => d.idempotencyKey)).toEqual([sent]);
	});
});

describe("the relay and the sweep", () => {
	it("relays ids to the queue binding (miniflare) and records when", async () => {
		const ids = await written(2);
		const at = new Date("2031-05-01T10:00:00Z");

		await relayMail(testDb(), env.MAIL_QUEUE, ids, at);

		const rows = await Promise.all(ids.map((id) => testDb().select().from(outbox).where(eq(outbox.id, id)).get()));
		expect(rows.map((row) => row?.enqueuedAt?.toISOString())).toEqual([at.toISOString(), at.toISOString()]);
	});

	it("recovers a crash between commit and enqueue: the sweep enqueues the row and it is delivered", async () => {
		// Committed, then the Worker died before its waitUntil relay ran: never enqueued.
		const [lost = ""] = await written(1);
		const { queue, sent } = recordingQueue();
		const later = new Date(Date.now() + 10 * 60 * 1000);

		const [report] = await runScheduledJobs({ ...env, MAIL_QUEUE: queue }, later, [mailSweepJob]);

		expect(report).toEqual({ job: "mail-sweep", ok: true, mails: 0, counts: { enqueued: 1 } });
		expect(sent).toEqual([{ id: lost }]);
		const row = await testDb().select().from(outbox).where(eq(outbox.id, lost)).get();
		expect(row?.enqueuedAt?.getTime()).toBe(later.getTime());

		await consume(
			sent.map((job) => job.id),
			1,
		);
		expect(fakeMailDeliveries().map((d) => d.idempotencyKey)).toEqual([lost]);
	});

	it("sweeps only what is lost: not a row just written, enqueued recently, sent or failed", async () => {
		const [fresh = "", recent = "", stale = "", sentRow = "", failedRow = ""] = await written(5);
		const now = Date.now();
		const db = testDb();
		const old = new Date(now - 60 * 60 * 1000);
		await db.update(outbox).set({ createdAt: old }).where(eq(outbox.id, recent));
		await db
			.update(outbox)
			.set({ createdAt: old, enqueuedAt: new Date(now - 30 * 60 * 1000) })
			.where(eq(outbox.id, recent));
		await db
			.update(outbox)
			.set({ createdAt: new Date(now - 20 * 3600_000), enqueuedAt: new Date(now - 13 * 3600_000) })
			.where(eq(outbox.id, stale));
		await db.update(outbox).set({ createdAt: old, sentAt: old, state: "sent" }).where(eq(outbox.id, sentRow));
		await db.update(outbox).set({ createdAt: old, state: "failed" }).where(eq(outbox.id, failedRow));
		const { queue, sent } = recordingQueue();

		await runScheduledJobs({ ...env, MAIL_QUEUE: queue }, new Date(now), [mailSweepJob]);

		expect(sent).toEqual([{ id: stale }]);
		expect(fresh).not.toBe(stale);
	});
});
