/**
 * The organizer reminders job: every reminder of an edition that is not archived goes out once,
 * at the first run at or after its moment (09:00 on its day in the edition's zone), to the holders
 * of its role (mentors only while mentoring; the chairs when nobody holds the role), with its
 * placeholders resolved from the edition as it is when the mail goes (a value it lacks is left
 * out; `{{committee}}` names its chairs and organizers) and the figures Baton has about its anchor. A reminder whose moment passed
 * more than a week ago is not sent any more: its news would be stale.
 *
 * Each reminder is one batch: a guard that it is still unsent, its sent_at, and its mails; so it
 * is sent once even when two runs overlap, and never marked without its mails.
 */
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { abstractCalls, type Edition, editions, type OrganizerReminder, organizerReminders } from "../../db/schema";
import { roleLabel } from "../../domain/invitation-wording";
import {
	type PlaceholderValues,
	placeholderValues,
	resolvePlaceholders,
	usesCommittee,
} from "../../domain/placeholders";
import { loadPublicCommittees } from "../../domain/public-committee";
import { dueWithinGrace, graceDayRange } from "../../jobs/catch-up";
import { forEachIsolated, type JobContext, type JobOutcome, type ScheduledJob } from "../../jobs/job";
import { mailOnce, stillUndone } from "../../jobs/once";
import type { MailMessage } from "../../lib/mailer";
import { collectionUrl } from "../../urls";
import { type CommitteeMember, committeesOf, ownersOf } from "../checklist";
import { remindersDef } from "../content";
import { type FigureTopic, figuresFor } from "../insights";
import { anchorFigure, type ReminderCall, reminderMoment } from "./moments";

const JOB_NAME = "organizer-reminders";

/** How long after its moment a reminder that could not go out (no cron, no recipient) still goes. */
export const REMINDER_GRACE_DAYS = 7;

export type ReminderEditionRow = Pick<
	Edition,
	| "id"
	| "name"
	| "year"
	| "city"
	| "hostName"
	| "venueName"
	| "venueAddress"
	| "contactEmail"
	| "startDate"
	| "endDate"
	| "timeZone"
>;

interface Candidate {
	reminder: OrganizerReminder;
	edition: ReminderEditionRow;
	call: ReminderCall | null;
}

/** The figures each anchor's mail carries, besides the anchor's own date. */
const FIGURE_TOPICS: Record<OrganizerReminder["anchor"], FigureTopic[]> = {
	event_start: ["registrations"],
	event_end: ["registrations", "evaluation"],
	abstracts_open: ["abstracts"],
	abstracts_close: ["abstracts"],
};

export const remindersUrl = (editionId: string) => collectionUrl(editionId, remindersDef);

/**
 * Unsent reminders of editions not archived whose day lies between the grace period's first UTC
 * day and tomorrow (UTC): a coarse cut in SQL (no zone is more than 14 hours from UTC) that the
 * exact moment in the edition's zone then narrows. Reminders on a call for abstracts the edition
 * does not have drop out here (their day is null).
 */
function candidates(db: Database, now: Date): Promise<Candidate[]> {
	const { first, last } = graceDayRange(now, REMINDER_GRACE_DAYS);
	const anchorOffset = sql`case ${organizerReminders.anchor}
		when 'event_start' then 0
		when 'event_end' then cast(julianday(${editions.endDate}) - julianday(${editions.startDate}) as integer)
		when 'abstracts_open' then ${abstractCalls.opensOffsetDays}
		when 'abstracts_close' then ${abstractCalls.closesOffsetDays} end`;
	const day = sql`date(${editions.startDate}, (${anchorOffset} + ${organizerReminders.offsetDays}) || ' days')`;
	return db
		.select({
			reminder: organizerReminders,
			edition: {
				id: editions.id,
				name: editions.name,
				year: editions.year,
				city: editions.city,
				hostName: editions.hostName,
				venueName: editions.venueName,
				venueAddress: editions.venueAddress,
				contactEmail: editions.contactEmail,
				startDate: editions.startDate,
				endDate: editions.endDate,
				timeZone: editions.timeZone,
			},
			call: {
				opensOffsetDays: abstractCalls.opensOffsetDays,
				opensTime: abstractCalls.opensTime,
				closesOffsetDays: abstractCalls.closesOffsetDays,
				closesTime: abstractCalls.closesTime,
			},
		})
		.from(organizerReminders)
		.innerJoin(editions, eq(editions.id, organizerReminders.editionId))
		.leftJoin(abstractCalls, eq(abstractCalls.editionId, editions.id))
		.where(
			and(ne(editions.status, "archived"), isNull(organizerReminders.sentAt), sql`${day} between ${first} and ${last}`),
		)
		.orderBy(asc(editions.startDate), asc(organizerReminders.position), asc(organizerReminders.subject));
}

/** Due at `now`: its moment has come, and not more than the grace period ago. */
export function isDue(candidate: Candidate, now: Date): boolean {
	return dueWithinGrace(
		reminderMoment(candidate.edition, candidate.reminder, candidate.call),
		now,
		REMINDER_GRACE_DAYS,
	);
}

/** The mail of one reminder to one recipient: the committee's text, then what Baton knows. */
export function reminderMail(
	{ reminder, edition }: Pick<Candidate, "reminder" | "edition">,
	to: Pick<CommitteeMember, "name" | "email">,
	figures: readonly string[],
	fallback: boolean,
	origin: string,
	values: PlaceholderValues = placeholderValues(edition),
): MailMessage {
	const body = resolvePlaceholders(reminder.body, values).trim();
	const role = `${roleLabel(reminder.role).toLowerCase()}s`;
	const whom = fallback
		? `the chairs of ${edition.name} (it is for the ${role}, and the committee has none)`
		: `the ${role} of ${edition.name}`;
	return {
		to: to.email,
		subject: resolvePlaceholders(reminder.subject, values),
		editionId: edition.id,
		text: [
			`Hello ${to.name},`,
			...(body ? [body] : []),
			...(figures.length > 0 ? [figures.map((f) => `- ${f}`).join("\n")] : []),
			`This reminder goes once, to ${whom}. The edition's reminders: ${origin}${remindersUrl(edition.id)}`,
			"— Baton",
		].join("\n\n"),
	};
}

export async function sendOrganizerReminders({ db, now, origin }: JobContext): Promise<JobOutcome> {
	const due = (await candidates(db, now)).filter((candidate) => isDue(candidate, now));
	const committees = await committeesOf(db, [...new Set(due.map((d) => d.edition.id))]);
	// `{{committee}}` names the edition's public people: read only for the editions whose due reminders use it.
	const people = await loadPublicCommittees(db, [
		...new Set(due.filter(({ reminder }) => usesCommittee(reminder.subject, reminder.body)).map((d) => d.edition.id)),
	]);
	const mailIds: string[] = [];
	let sent = 0;
	let meanwhile = 0;
	const failed = await forEachIsolated(
		JOB_NAME,
		due,
		({ reminder }) => ({ editionId: reminder.editionId, reminderId: reminder.id }),
		async (candidate) => {
			const { reminder, edition, call } = candidate;
			const owners = ownersOf({ ownerRole: reminder.role }, committees.get(edition.id) ?? [], now);
			// Nobody to tell (no chair either): it waits, within the grace period, for a committee.
			if (owners.members.length === 0) return;
			const anchor = anchorFigure(edition, reminder.anchor, call, now);
			const extra = await figuresFor(db, edition.id, FIGURE_TOPICS[reminder.anchor]);
			const figures = [...(anchor ? [anchor] : []), ...extra.map((f) => `${f.label}: ${f.value}.`)];
			const values = placeholderValues(edition, people.get(edition.id));
			const ids = await mailOnce(
				db,
				[
					stillUndone(
						db,
						sql`exists (select 1 from ${organizerReminders} where ${organizerReminders.id} = ${reminder.id} and ${organizerReminders.sentAt} is null)`,
					),
					db.update(organizerReminders).set({ sentAt: now }).where(eq(organizerReminders.id, reminder.id)),
				],
				owners.members.map((member) => reminderMail(candidate, member, figures, owners.fallback, origin, values)),
			);
			if (!ids) {
				meanwhile++;
				return;
			}
			mailIds.push(...ids);
			sent++;
		},
	);
	return { mailIds, counts: { reminders: sent, mails: mailIds.length, sentMeanwhile: meanwhile, failed } };
}

export const organizerRemindersJob: ScheduledJob = { name: JOB_NAME, run: sendOrganizerReminders };
