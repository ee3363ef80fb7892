/**
 * Mail to a filtered set of an edition's registrations (cancelled ones never): one outbox row per
 * recipient, all in the batch that records the audit entry, then relayed by the caller with
 * `scheduleDelivery`. The page shows the recipient count first; a send whose count changed since
 * is refused (409), so nobody mails a set they did not see.
 */
import type { z } from "@hono/zod-openapi";
import type { Database } from "../../db/client";
import { archivedError } from "../../db/content-version";
import type { Edition } from "../../db/schema";
import { commitAll } from "../../db/write";
import { int, objectOf, text, textarea } from "../../domain/fields";
import { AppError } from "../../lib/errors";
import { outboxInserts } from "../../lib/mailer";
import { listRegistrations, type RegistrationFilter } from "./registrations";

/** At most this many recipients in one send: a larger audience is mailed in parts (by filter). */
export const BULK_MAIL_LIMIT = 2000;

export const BULK_MAIL_FIELDS = [
	text("subject", "Subject", { required: true, max: 200 }),
	textarea("body", "Message", { required: true, max: 20_000 }),
	int("expectedRecipients", "Recipients shown", {
		min: 0,
		max: 100_000,
		hint: "The count the sender saw: a send to a different number of people is refused.",
	}),
] as const;
export const bulkMailSchema = objectOf(BULK_MAIL_FIELDS);
export type BulkMail = z.infer<typeof bulkMailSchema>;

/** The registrations a send with `filter` reaches: every match that is not cancelled. */
export async function bulkRecipients(db: Database, editionId: string, filter: RegistrationFilter) {
	const list = await listRegistrations(db, editionId, filter);
	return list.filter((r) => r.status !== "cancelled");
}

/** Queues the mail to every recipient with its audit entry (one batch); returns the outbox ids to relay. */
export async function sendBulkMail(
	db: Database,
	edition: Pick<Edition, "id" | "name" | "status">,
	filter: RegistrationFilter,
	mail: BulkMail,
): Promise<{ ids: string[]; recipients: number }> {
	if (edition.status === "archived") throw archivedError();
	const recipients = await bulkRecipients(db, edition.id, filter);
	if (mail.expectedRecipients !== null && mail.expectedRecipients !== recipients.length) {
		throw new AppError(
			409,
			"recipients_changed",
			`The registrations matching these filters changed: it is ${recipients.length} now, not ${mail.expectedRecipients}. Check the count and send again.`,
		);
	}
	if (recipients.length === 0)
		throw new AppError(422, "no_recipients", "No registration matches these filters: nobody to mail.");
	if (recipients.length > BULK_MAIL_LIMIT)
		throw new AppError(
			422,
			"too_many_recipients",
			`At most ${BULK_MAIL_LIMIT} recipients a send: narrow the filters and send in parts.`,
		);
	const text = `${mail.body}\n\n--\nYou receive this because you registered for ${edition.name}.`;
	const { ids, statements } = outboxInserts(
		db,
		recipients.map((r) => ({ to: r.email, subject: mail.subject, text, editionId: edition.id })),
	);
	await commitAll(
		db,
		[
			{
				action: "registration.mail.sent",
				id: edition.id,
				editionId: edition.id,
				after: { subject: mail.subject, recipients: recipients.length, filter },
			},
		],
		statements,
	);
	return { ids, recipients: recipients.length };
}
