/**
 * The one way Baton sends email: the mailer port. Every message is first written to the `outbox`
 * table in the batch of the change that causes it, then relayed to the mail queue (MAIL_QUEUE)
 * after the response; the queue's consumer (./mail-delivery.ts) hands it to the adapter named in
 * MAIL_ADAPTER. Every header value goes through this module: checked for controls, encoded.
 * See README, "Mail".
 */
import { and, inArray, isNull } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { chunked, MAX_BOUND_PARAMETERS } from "../db/batching";
import { createDatabase, type Database } from "../db/client";
import { type MailKind, outbox } from "../db/schema";
import { commitAll } from "../db/write";
import { guardWrites } from "../db/write-guard";
import type { AppEnv, Bindings } from "../env";
import { isProduction } from "./environment";
import { fakeProviderSend } from "./fake-mail-provider";
import { newId } from "./ids";
import { isSingleLine } from "./text-input";

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	/** Transactional unless said otherwise; the other kinds carry List-Unsubscribe headers. */
	kind?: MailKind;
	/** The one-click unsubscribe address: required for the follower, announcement and bulk kinds. */
	unsubscribeUrl?: string;
	/** The edition whose committee sees the mail on its Mail page. */
	editionId?: string;
}

/** A mail on its way to the provider: its outbox id is the idempotency key. */
export interface OutgoingMail {
	id: string;
	to: string;
	subject: string;
	text: string;
	kind: MailKind;
	unsubscribeUrl: string | null;
}

/** Delivers one message; throws on failure (the consumer records the error and retries). */
export type DeliverMail = (mail: OutgoingMail) => Promise<void>;

/** The kinds a recipient can stop with one click (RFC 8058). */
const UNSUBSCRIBABLE: ReadonlySet<MailKind> = new Set(["follower", "announcement", "bulk"]);

/**
 * The headers beyond From, To and Subject: List-Unsubscribe and List-Unsubscribe-Post for the
 * kinds a recipient may stop. Throws for such a mail without a usable https (or local http)
 * address, so it is never sent without its way out.
 *
 * @example listHeaders({ kind: "announcement", unsubscribeUrl: "https://b.org/s/x/unfollow?token=t" })
 * // { "List-Unsubscribe": "<https://b.org/s/x/unfollow?token=t>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
 */
export function listHeaders(mail: Pick<OutgoingMail, "kind" | "unsubscribeUrl">): Record<string, string> {
	if (!UNSUBSCRIBABLE.has(mail.kind)) return {};
	const url = unsubscribeAddress(mail.unsubscribeUrl ?? "");
	return {
		"List-Unsubscribe": headerValue("List-Unsubscribe", `<${url}>`),
		"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
	};
}

/** The address as the header carries it: parsed (so percent-encoded), http(s), printable ASCII only. */
function unsubscribeAddress(value: string): string {
	headerValue("List-Unsubscribe", value);
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new Error("refused to write a List-Unsubscribe header without a valid address");
	}
	const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
	if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
		throw new Error("refused to write a List-Unsubscribe header with an address that is not https");
	}
	// URL percent-encodes spaces, controls, "<" and ">" in the query; anything else would end the header's <…>.
	if (!/^[\x21-\x3b\x3d\x3f-\x7e]+$/.test(url.href)) {
		throw new Error("refused to write a List-Unsubscribe header with characters an address may not hold");
	}
	return url.href;
}

/**
 * Picks the delivery adapter from configuration, not code: "outbox" (default: the fake provider
 * of ./fake-mail-provider.ts, for development and tests), "http" (an HTTP provider such as
 * Postmark or Resend: MAIL_HTTP_URL + MAIL_HTTP_TOKEN + MAIL_FROM), or "send_email" (Cloudflare's
 * binding EMAIL). Throws in production when that is the outbox, so a run fails loudly.
 */
export function deliveryAdapter(env: Bindings): DeliverMail {
	const adapter = env.MAIL_ADAPTER ?? "outbox";
	// The outbox is a fake: in production it would keep every sign-in link to itself, quietly.
	if (adapter === "outbox" && isProduction(env)) {
		throw new Error('MAIL_ADAPTER is "outbox" (or unset) in production: set "http" or "send_email"');
	}
	switch (adapter) {
		case "http":
			return async (mail) => {
				// The provider writes the headers from these fields: a line break in one would still be injected.
				const from = headerValue("From", env.MAIL_FROM ?? "");
				const to = headerValue("To", mail.to);
				const subject = headerValue("Subject", mail.subject);
				const headers = listHeaders(mail);
				const response = await fetch(env.MAIL_HTTP_URL ?? "", {
					method: "POST",
					headers: {
						"Content-Type": "application/json",
						Authorization: `Bearer ${env.MAIL_HTTP_TOKEN ?? ""}`,
						// A retry after a lost answer is the same mail: the provider sends it once.
						"Idempotency-Key": mail.id,
					},
					body: JSON.stringify({
						from,
						to,
						subject,
						text: mail.text,
						...(Object.keys(headers).length > 0 ? { headers } : {}),
					}),
				});
				if (!response.ok) throw new Error(`mail provider answered ${response.status}`);
			};
		case "send_email":
			return async (mail) => {
				const { EmailMessage } = await import("cloudflare:email");
				const raw = rawMessage(env.MAIL_FROM ?? "", mail, mail.id);
				if (!env.EMAIL) throw new Error("the EMAIL binding is missing");
				await env.EMAIL.send(new EmailMessage(env.MAIL_FROM ?? "", mail.to, raw));
			};
		default:
			return async (mail) =>
				fakeProviderSend({
					idempotencyKey: mail.id,
					to: headerValue("To", mail.to),
					subject: encodeSubject(mail.subject),
					text: mail.text,
					headers: listHeaders(mail),
				});
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
 * subject encoded, List-Unsubscribe for the kinds that carry it, the body with CRLF line breaks.
 * The Message-ID holds the outbox id, so a resent copy is recognisably the same mail.
 */
export function rawMessage(
	from: string,
	message: MailMessage | Pick<OutgoingMail, "to" | "subject" | "text" | "kind" | "unsubscribeUrl">,
	id = newId(),
): string {
	const domain = from.split("@").at(-1) ?? "baton.invalid";
	const extra = listHeaders({ kind: message.kind ?? "transactional", unsubscribeUrl: message.unsubscribeUrl ?? null });
	return [
		`From: ${headerValue("From", from)}`,
		`To: ${headerValue("To", message.to)}`,
		`Subject: ${encodeSubject(message.subject)}`,
		`Message-ID: <${headerValue("Message-ID", id)}@${headerValue("Message-ID", domain)}>`,
		...Object.entries(extra).map(([name, value]) => `${name}: ${value}`),
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=utf-8",
		"Content-Transfer-Encoding: 8bit",
		"",
		message.text.replace(/\r\n?|\n/g, "\r\n"),
	].join("\r\n");
}

/** The outbox row of a message: its columns, metadata only where given (see outboxInserts' bound parameters). */
export function outboxRow(message: MailMessage, id = newId()): typeof outbox.$inferInsert {
	const { to, subject, text, kind, unsubscribeUrl, editionId } = message;
	return {
		id,
		to,
		subject,
		text,
		...(kind && kind !== "transactional" ? { kind } : {}),
		...(unsubscribeUrl ? { unsubscribeUrl } : {}),
		...(editionId ? { editionId } : {}),
	};
}

/** The insert that puts a message in the outbox, for callers that batch it with their own writes. */
export function outboxInsert(db: Database, message: MailMessage, id = newId()) {
	return db.insert(outbox).values(outboxRow(message, id));
}

/** What the mail queue carries: only the outbox id; the consumer re-reads the row. */
/** Many outbox rows as few statements as D1 allows: for jobs that mail many people in the batch that records what they mailed. */
/**
 * The inserts that put `messages` in the outbox, several rows per statement, for the caller's
 * batch; the ids are for delivery after the batch.
 *
 * @example const mails = outboxInserts(db, messages); await commit(db, changes, [mark, ...mails.statements]);
 */
export function outboxInserts(
	db: Database,
	messages: readonly MailMessage[],
): { ids: string[]; statements: BatchItem<"sqlite">[] } {
	const rows = messages.map((message) => outboxRow(message, newId()));
	// Bound per row: id, to, subject, text and the metadata given (kind, unsubscribe address,
	// edition); every other column defaults in SQL, so binds nothing.
	const perRow = Math.max(1, ...rows.map((row) => Object.keys(row).length));
	return {
		ids: rows.map((row) => row.id),
		statements: chunked(rows, Math.floor(MAX_BOUND_PARAMETERS / perRow)).map((chunk) =>
			db.insert(outbox).values(chunk),
		),
	};
}

export interface MailJob {
	id: string;
}

/** Queue.sendBatch takes at most 100 messages. */
const SEND_BATCH_LIMIT = 100;
/** One bound parameter per id, and the time. */
const IDS_PER_UPDATE = 90;

/**
 * Hands committed outbox rows to the mail queue and records when. Sent first, marked after: a
 * crash in between enqueues the row again later (the consumer's sent-marker makes that harmless)
 * instead of leaving it marked and never sent. Throws when the queue refuses; the rows stay for
 * the sweep.
 */
export async function relayMail(
	db: Database,
	queue: Queue<MailJob> | undefined,
	ids: readonly string[],
	now = new Date(),
): Promise<void> {
	if (ids.length === 0) return;
	if (!queue) throw new Error("the MAIL_QUEUE binding is missing: mail stays in the outbox for the sweep");
	for (let i = 0; i < ids.length; i += SEND_BATCH_LIMIT) {
		await queue.sendBatch(ids.slice(i, i + SEND_BATCH_LIMIT).map((id) => ({ body: { id } })));
	}
	// (Not db/batching's helpers: that module builds outbox rows with this one, and imports go one way.)
	const mark = (slice: readonly string[]) =>
		db
			.update(outbox)
			.set({ enqueuedAt: now })
			.where(and(inArray(outbox.id, slice), isNull(outbox.sentAt)));
	// Delivery state is operational (src/db/operational.ts): the kernel writes it without an entry.
	await commitAll(
		db,
		[],
		Array.from({ length: Math.ceil(ids.length / IDS_PER_UPDATE) }, (_, i) =>
			mark(ids.slice(i * IDS_PER_UPDATE, (i + 1) * IDS_PER_UPDATE)),
		),
	);
}

/**
 * Relays outbox rows to the mail queue after the response is sent. Callers first write the rows
 * (in the same batch as the change that causes them), then call this with their ids. A failure
 * here loses nothing: the rows are committed and the hourly sweep enqueues them.
 */
export function scheduleDelivery(c: Context<AppEnv>, ids: string[]): void {
	if (ids.length === 0) return;
	// Its own client: the relay is no part of the request's query budget.
	const work = relayMail(createDatabase(guardWrites(c.env.DB)), c.env.MAIL_QUEUE, ids).catch((error: unknown) => {
		console.error(JSON.stringify({ level: "error", event: "mail-relay", ids: ids.length, error: String(error) }));
	});
	try {
		c.executionCtx.waitUntil(work);
	} catch {
		// No execution context (app.request() in a unit test): the relay simply runs unawaited.
	}
}
