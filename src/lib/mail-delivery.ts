/**
 * The mail queue's consumer side (README, "Mail"): delivery of outbox rows at least once and, as
 * far as Baton can tell, exactly once; the dead-letter queue's verdict; and the sweep that
 * enqueues what a crash or a failed relay left behind. The Worker's `queue` handler
 * (src/index.ts) and the scheduler (src/scheduled.ts) call these.
 */
import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { createDatabase, type Database } from "../db/client";
import { outbox } from "../db/schema";
import type { Bindings } from "../env";
import { type DeliverMail, deliveryAdapter, type MailJob, relayMail } from "./mailer";

/** The queues of wrangler.toml: mail, and where mail goes when its retries are spent. */
export const MAIL_QUEUE_NAME = "baton-mail";
export const DEAD_MAIL_QUEUE_NAME = "baton-mail-dead";

/** Seconds before the next attempt: 30 s, doubling per attempt, at most an hour. */
export function retryDelaySeconds(attempts: number): number {
	return Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
}

/** The longest an error message kept on a row: provider answers can be long. */
const ERROR_LENGTH = 500;

/**
 * Delivers each message's outbox row: re-read, skipped when its sent-marker is set (a redelivery,
 * a duplicate from the sweep) or it was given up or bounced, otherwise sent with its id as the
 * idempotency key, marked sent, acked. A failure records the error and the attempt on the row and
 * retries the message with backoff; when the queue's retries are spent it moves to the dead-letter
 * queue (consumeDeadMail).
 */
export async function consumeMail(
	batch: MessageBatch<MailJob>,
	env: Bindings,
	deliver: DeliverMail = deliveryAdapter(env),
): Promise<void> {
	const db = createDatabase(env.DB);
	for (const message of batch.messages) {
		const id = message.body?.id;
		if (typeof id !== "string") {
			message.ack();
			continue;
		}
		try {
			await deliverRow(db, deliver, id);
			message.ack();
		} catch (error) {
			await recordFailure(db, id, error).catch(() => {});
			message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
		}
	}
}

async function deliverRow(db: Database, deliver: DeliverMail, id: string): Promise<void> {
	const row = await db.select().from(outbox).where(eq(outbox.id, id)).get();
	if (!row || row.sentAt || row.state !== "queued") return;
	await deliver({
		id: row.id,
		to: row.to,
		subject: row.subject,
		text: row.text,
		kind: row.kind,
		unsubscribeUrl: row.unsubscribeUrl,
	});
	// Should this write fail after the provider took the mail, the retry sends it again with the
	// same idempotency key: providers that honour it send once.
	await db
		.update(outbox)
		.set({ sentAt: new Date(), state: "sent", error: null, attempts: sql`${outbox.attempts} + 1` })
		.where(and(eq(outbox.id, id), isNull(outbox.sentAt)));
}

async function recordFailure(db: Database, id: string, error: unknown): Promise<void> {
	await db
		.update(outbox)
		.set({ error: String(error).slice(0, ERROR_LENGTH), attempts: sql`${outbox.attempts} + 1` })
		.where(and(eq(outbox.id, id), isNull(outbox.sentAt)));
}

/** The dead-letter queue's consumer: a message whose retries are spent marks its row failed for good. */
export async function consumeDeadMail(batch: MessageBatch<MailJob>, env: Bindings): Promise<void> {
	const db = createDatabase(env.DB);
	for (const message of batch.messages) {
		const id = message.body?.id;
		if (typeof id === "string") {
			await db
				.update(outbox)
				.set({ state: "failed" })
				.where(and(eq(outbox.id, id), isNull(outbox.sentAt), eq(outbox.state, "queued")));
		}
		message.ack();
	}
}

/** A row never enqueued is the sweep's once it is this old (its own relay may still be running). */
export const SWEEP_NEVER_ENQUEUED_AFTER_MS = 5 * 60 * 1000;
/**
 * A row enqueued this long ago and still queued was lost by the queue (its retries, about four
 * hours at most, would have sent it or given up): the sweep enqueues it again.
 */
export const SWEEP_STALE_AFTER_MS = 12 * 60 * 60 * 1000;
/** Rows per sweep: the next hour takes the rest. */
export const SWEEP_LIMIT = 500;

/**
 * Enqueues the rows not sent and not enqueued (a crash between the commit and the relay, a queue
 * that refused), and those enqueued long ago and still queued. Returns their ids.
 */
export async function sweepMail(db: Database, queue: Queue<MailJob> | undefined, now: Date): Promise<string[]> {
	const neverEnqueued = now.getTime() - SWEEP_NEVER_ENQUEUED_AFTER_MS;
	const stale = now.getTime() - SWEEP_STALE_AFTER_MS;
	const rows = await db
		.select({ id: outbox.id })
		.from(outbox)
		.where(
			and(
				eq(outbox.state, "queued"),
				isNull(outbox.sentAt),
				or(
					and(isNull(outbox.enqueuedAt), lt(outbox.createdAt, new Date(neverEnqueued))),
					lt(outbox.enqueuedAt, new Date(stale)),
				),
			),
		)
		.orderBy(asc(outbox.createdAt))
		.limit(SWEEP_LIMIT);
	const ids = rows.map((row) => row.id);
	await relayMail(db, queue, ids, now);
	return ids;
}
