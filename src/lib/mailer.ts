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
import { isSingleLine } from "./text-input";

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
				// The provider writes the headers from these fields: a line break in one would still be injected.
				const from = headerValue("From", env.MAIL_FROM ?? "");
				const to = headerValue("To", message.to);
				const subject = headerValue("Subject", message.subject);
				const response = await fetch(env.MAIL_HTTP_URL ?? "", {
					method: "POST",
					headers: { "Content-Type": "application/json", Authorization: `Bearer ${env.MAIL_HTTP_TOKEN ?? ""}` },
					body: JSON.stringify({ from, to, subject, text: message.text }),
				});
				if (!response.ok) throw new Error(`mail provider answered ${response.status}`);
			};
		case "send_email":
			return async (message) => {
				const { EmailMessage } = await import("cloudflare:email");
				const raw = rawMessage(env.MAIL_FROM ?? "", message);
				await env.EMAIL?.send(new EmailMessage(env.MAIL_FROM ?? "", message.to, raw));
			};
		default:
			return null;
	}
}

/**
 * A header's value as given, or an error when it could start a header of its own: every value
 * Baton writes into a header goes through here, so a name or subject holding "\r\nBcc: …" fails
 * the delivery (the outbox row keeps the error) instead of mailing someone else.
 */
export function headerValue(name: string, value: string): string {
	if (!isSingleLine(value)) throw new Error(`refused to write a ${name} header with a line break or control character`);
	return value;
}

/** Bytes of UTF-8 per encoded-word: 45 bytes are 60 characters of base64, 72 with "=?UTF-8?B?" and "?=". */
const ENCODED_WORD_BYTES = 45;

/**
 * A Subject as RFC 2047 allows it in a header: ASCII as it is, anything else as UTF-8 base64
 * encoded-words of at most 75 characters, split between characters and folded onto lines of their own.
 *
 * @example encodeSubject("Zürich 2025") // "=?UTF-8?B?WsO8cmljaCAyMDI1?="
 */
export function encodeSubject(subject: string): string {
	headerValue("Subject", subject);
	if (/^[\x20-\x7e]*$/.test(subject)) return subject;
	const encoder = new TextEncoder();
	const words: string[] = [];
	let chunk: number[] = [];
	const flush = () => {
		if (chunk.length > 0) words.push(`=?UTF-8?B?${btoa(String.fromCharCode(...chunk))}?=`);
		chunk = [];
	};
	for (const character of subject) {
		const bytes = encoder.encode(character);
		if (chunk.length + bytes.length > ENCODED_WORD_BYTES) flush();
		chunk.push(...bytes);
	}
	flush();
	return words.join("\r\n ");
}

/**
 * The raw RFC 5322 message the send_email binding takes: every header checked by headerValue, the
 * subject encoded, the body with CRLF line breaks.
 */
export function rawMessage(from: string, message: MailMessage, id = newId()): string {
	const domain = from.split("@").at(-1) ?? "baton.invalid";
	return [
		`From: ${headerValue("From", from)}`,
		`To: ${headerValue("To", message.to)}`,
		`Subject: ${encodeSubject(message.subject)}`,
		`Message-ID: <${id}@${headerValue("Message-ID", domain)}>`,
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=utf-8",
		"Content-Transfer-Encoding: 8bit",
		"",
		message.text.replace(/\r\n?|\n/g, "\r\n"),
	].join("\r\n");
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
