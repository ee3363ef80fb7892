/**
 * The one way Baton sends email. Every message is first written to the `outbox` table (in the
 * caller's batch when it must be atomic with other writes), then handed to the configured
 * delivery adapter. Development reads the outbox at /dev/outbox; production sets MAIL_ADAPTER.
 */
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { Database } from "../db/client";
import { outbox } from "../db/schema";
import type { AppEnv, Bindings } from "../env";
import { isProduction } from "./environment";
import { newId } from "./ids";

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
}

/** Delivers one message; throws on failure (the outbox row keeps the error). */
export type DeliverMail = (message: MailMessage) => Promise<void>;

/**
 * Picks the delivery adapter from configuration, not code: "outbox" (default: keep it in the
 * outbox only, for development and tests), "http" (an HTTP provider such as Postmark or Resend:
 * MAIL_HTTP_URL + MAIL_HTTP_TOKEN + MAIL_FROM), or "send_email" (Cloudflare's binding EMAIL).
 * Throws in production when that is the outbox, so the scheduler's run fails loudly.
 */
export function deliveryAdapter(env: Bindings): DeliverMail | null {
	const adapter = env.MAIL_ADAPTER ?? "outbox";
	// The outbox is a fake: in production it would keep every sign-in link to itself, quietly.
	if (adapter === "outbox" && isProduction(env)) {
		throw new Error('MAIL_ADAPTER is "outbox" (or unset) in production: set "http" or "send_email"');
	}
	switch (adapter) {
		case "http":
			return async (message) => {
				const response = await fetch(env.MAIL_HTTP_URL ?? "", {
					method: "POST",
					headers: { "Content-Type": "application/json", Authorization: `Bearer ${env.MAIL_HTTP_TOKEN ?? ""}` },
					body: JSON.stringify({ from: env.MAIL_FROM, to: message.to, subject: message.subject, text: message.text }),
				});
				if (!response.ok) throw new Error(`mail provider answered ${response.status}`);
			};
		case "send_email":
			return async (message) => {
				const { EmailMessage } = await import("cloudflare:email");
				const raw = [
					`From: ${env.MAIL_FROM}`,
					`To: ${message.to}`,
					`Subject: ${message.subject}`,
					"Content-Type: text/plain; charset=utf-8",
					"",
					message.text,
				].join("\r\n");
				await env.EMAIL?.send(new EmailMessage(env.MAIL_FROM ?? "", message.to, raw));
			};
		default:
			return null;
	}
}

/** The insert that puts a message in the outbox, for callers that batch it with their own writes. */
export function outboxInsert(db: Database, message: MailMessage, id = newId()) {
	return db.insert(outbox).values({ id, ...message });
}

/**
 * Delivers messages already written to the outbox and records the result. Run it after the
 * response (`executionCtx.waitUntil`) so slow providers never slow a page.
 */
export async function deliverOutbox(db: Database, deliver: DeliverMail | null, ids: string[]): Promise<void> {
	if (!deliver) return;
	for (const id of ids) {
		const row = await db.select().from(outbox).where(eq(outbox.id, id)).get();
		if (!row || row.sentAt) continue;
		try {
			await deliver({ to: row.to, subject: row.subject, text: row.text });
			await db.update(outbox).set({ sentAt: new Date(), error: null }).where(eq(outbox.id, id));
		} catch (error) {
			await db
				.update(outbox)
				.set({ error: String(error) })
				.where(eq(outbox.id, id));
		}
	}
}

/**
 * Hands outbox rows to the delivery adapter after the response is sent. Callers first write the
 * rows (usually in the same batch as the tokens the mails carry), then call this with their ids.
 */
export function scheduleDelivery(c: Context<AppEnv>, ids: string[]): void {
	const work = deliverOutbox(c.var.db, deliveryAdapter(c.env), ids);
	try {
		c.executionCtx.waitUntil(work);
	} catch {
		// No execution context (app.request() in a unit test): delivery simply runs unawaited.
	}
}
