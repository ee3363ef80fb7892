/**
 * The reminders of an edition with when each goes out and to whom, for the committee's reminders
 * page. Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { abstractCalls, type Edition, type OrganizerReminder, organizerReminders } from "../../db/schema";
import { readTogether } from "../../db/write";
import type { ResolvedMoment } from "../../domain/resolved-moment";
import { type Owners, ownersOf } from "../checklist";
import { listCommittee } from "../committees";
import { remindersDef } from "../content";
import { REMINDER_GRACE_DAYS } from "./job";
import { reminderMoment, reminderSchedule } from "./moments";

export type ReminderState =
	/** Sent (sent_at set). */
	| "sent"
	/** Its moment is ahead. */
	| "scheduled"
	/** Its moment has come: the next hourly run sends it. */
	| "due"
	/** Its moment is more than the grace period past and it was never sent. */
	| "missed"
	/** Counted from a call for abstracts the edition does not have. */
	| "waiting";

export interface ScheduledReminder {
	reminder: OrganizerReminder;
	/** Its day and time in the edition's zone; null while its anchor does not exist. */
	when: ResolvedMoment | null;
	state: ReminderState;
	owners: Owners;
}

/** The edition's reminders in send order (unschedulable ones last), at `now` (one batch of 3). */
export async function loadReminderSchedule(
	db: Database,
	edition: Pick<Edition, "id" | "startDate" | "endDate" | "timeZone">,
	now = new Date(),
): Promise<ScheduledReminder[]> {
	const [reminders, [call], members] = await readTogether(db, [
		db
			.select()
			.from(organizerReminders)
			.where(eq(organizerReminders.editionId, edition.id))
			.orderBy(...remindersDef.orderBy),
		db.select().from(abstractCalls).where(eq(abstractCalls.editionId, edition.id)),
		listCommittee(db, edition.id),
	]);
	const entries = reminders.map((reminder): ScheduledReminder & { at: number } => {
		const moment = reminderMoment(edition, reminder, call);
		return {
			reminder,
			when: reminderSchedule(edition, reminder, call),
			state: stateOf(reminder, moment, now),
			owners: ownersOf({ ownerRole: reminder.role }, members, now),
			at: moment?.getTime() ?? Number.POSITIVE_INFINITY,
		};
	});
	return entries.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1)).map(({ at: _, ...entry }) => entry);
}

function stateOf(reminder: OrganizerReminder, moment: Date | null, now: Date): ReminderState {
	if (reminder.sentAt) return "sent";
	if (!moment) return "waiting";
	if (moment > now) return "scheduled";
	return now.getTime() - moment.getTime() <= REMINDER_GRACE_DAYS * 86_400_000 ? "due" : "missed";
}
