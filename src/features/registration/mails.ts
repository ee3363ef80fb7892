/**
 * The mails of registering: confirmed, held for payment, on the waiting list, and a waiting-list
 * offer. Each carries the manage link to the attendee's My page on the main host.
 */
import type { Edition, Series } from "../../db/schema";
import type { MailMessage } from "../../lib/mailer";
import { myPageUrl } from "../../urls";

interface MailContext {
	edition: Pick<Edition, "id" | "name" | "year" | "timeZone">;
	series: Pick<Series, "slug">;
	/** The main host's origin: My page lives there (the session cookie does). */
	origin: string;
	to: string;
	ticketName: string;
}

const when = (instant: Date, timeZone: string) =>
	new Intl.DateTimeFormat("en-GB", {
		day: "numeric",
		month: "long",
		year: "numeric",
		hour: "2-digit",
		minute: "2-digit",
		timeZone,
		timeZoneName: "short",
	}).format(instant);

const manage = (m: MailContext) => `Your registration: ${m.origin}${myPageUrl(m.series, m.edition)}`;

/** The three mails a new registration may get; the batch keeps the one for the status it got. */
export function registrationMails(m: MailContext, holdUntil: Date) {
	const base = { to: m.to, editionId: m.edition.id };
	return {
		confirmed: {
			...base,
			subject: `Registration confirmed: ${m.edition.name}`,
			text: `You are registered for ${m.edition.name} (${m.ticketName}).\n\n${manage(m)}\n`,
		},
		held: {
			...base,
			subject: `Seat held: ${m.edition.name}`,
			text: `A seat at ${m.edition.name} (${m.ticketName}) is held for you until ${when(holdUntil, m.edition.timeZone)}. The committee confirms it once your payment is in.\n\n${manage(m)}\n`,
		},
		waitlisted: {
			...base,
			subject: `On the waiting list: ${m.edition.name}`,
			text: `${m.edition.name} (${m.ticketName}) is full, so you are on the waiting list. When a seat is freed, the next person in line gets it offered by mail.\n\n${manage(m)}\n`,
		},
	} satisfies Record<string, MailMessage>;
}

/** A freed seat offered to the next person on the waiting list, until `expiresAt`. */
export function offerMail(m: MailContext, expiresAt: Date): MailMessage {
	return {
		to: m.to,
		editionId: m.edition.id,
		subject: `A seat is free for you: ${m.edition.name}`,
		text: `A seat at ${m.edition.name} (${m.ticketName}) is free and offered to you until ${when(expiresAt, m.edition.timeZone)}. Accept it on your registration page before then; after that it goes to the next person in line.\n\n${manage(m)}\n`,
	};
}
