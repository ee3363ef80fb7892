/**
 * An edition's mail as its committee sees it (the Mail page and the API), and the provider's
 * bounce reports that change a mail's state. Plain functions of a db handle; no HTTP here.
 */
import { desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type MailKind, type MailState, outbox } from "../../db/schema";
import { notFound } from "../../lib/errors";

/** The newest mails shown: the log is for "did it go out?", not an archive. */
export const EDITION_MAIL_LIMIT = 200;

export interface EditionMail {
	id: string;
	to: string;
	subject: string;
	kind: MailKind;
	state: MailState;
	attempts: number;
	/** The last delivery error, or the bounce reason. */
	error: string | null;
	createdAt: Date;
	sentAt: Date | null;
}

/** The edition's mails, newest first: what the committee (and the jobs for it) sent, and where each is. */
export function listEditionMail(db: Database, editionId: string, limit = EDITION_MAIL_LIMIT): Promise<EditionMail[]> {
	return db
		.select({
			id: outbox.id,
			to: outbox.to,
			subject: outbox.subject,
			kind: outbox.kind,
			state: outbox.state,
			attempts: outbox.attempts,
			error: outbox.error,
			createdAt: outbox.createdAt,
			sentAt: outbox.sentAt,
		})
		.from(outbox)
		.where(eq(outbox.editionId, editionId))
		.orderBy(desc(outbox.createdAt), desc(outbox.id))
		.limit(limit);
}

/** The longest bounce reason kept: providers quote whole SMTP dialogues. */
const REASON_LENGTH = 500;

/**
 * Marks the mail `id` (the idempotency key Baton sent) bounced with the provider's reason. A
 * second report of the same bounce changes nothing; 404 for an id Baton never wrote.
 */
export async function markBounced(
	db: Database,
	input: { id: string; reason: string },
): Promise<{ id: string; state: MailState }> {
	const [row] = await db
		.update(outbox)
		.set({ state: "bounced", error: input.reason.slice(0, REASON_LENGTH) || "bounced" })
		.where(eq(outbox.id, input.id))
		.returning({ id: outbox.id, state: outbox.state });
	if (!row) throw notFound("This mail");
	return row;
}
