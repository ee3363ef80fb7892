/**
 * When an organizer reminder goes out. A reminder counts calendar days from its anchor (day 1,
 * the last day, or the call for abstracts opening or closing) and is sent at 09:00 on that day in
 * the edition's zone, so it moves with a clone and lands on the same local morning across DST.
 * Nothing resolved is stored (src/README.md, "Time").
 */
import type { abstractCalls, Edition, OrganizerReminder, ReminderAnchor } from "../../db/schema";
import { days } from "../../domain/reminder-wording";
import { formatFullDate, type ResolvedMoment, resolveMoment } from "../../domain/resolved-moment";
import { dateOfDay, dayCount } from "../../lib/dates";
import { resolveOffset, wallClock } from "../../lib/zoned-time";

/** The local time a reminder is sent at on its day: the start of a working day. */
export const REMINDER_TIME = "09:00";

export type ReminderEdition = Pick<Edition, "startDate" | "endDate" | "timeZone">;
export type ReminderCall = Pick<
	typeof abstractCalls.$inferSelect,
	"opensOffsetDays" | "opensTime" | "closesOffsetDays" | "closesTime"
>;

/** An anchor as an offset from day 1 and, for the call's deadlines, a local time. */
export interface AnchorPoint {
	offsetDays: number;
	time: string | null;
}

/** Where the anchor lies, or null when it does not exist yet (an edition without a call for abstracts). */
export function anchorPoint(
	edition: Pick<Edition, "startDate" | "endDate">,
	anchor: ReminderAnchor,
	call: ReminderCall | null | undefined,
): AnchorPoint | null {
	switch (anchor) {
		case "event_start":
			return { offsetDays: 0, time: null };
		case "event_end":
			return { offsetDays: dayCount(edition.startDate, edition.endDate) - 1, time: null };
		case "abstracts_open":
			return call ? { offsetDays: call.opensOffsetDays, time: call.opensTime } : null;
		case "abstracts_close":
			return call ? { offsetDays: call.closesOffsetDays, time: call.closesTime } : null;
	}
}

/**
 * The instant a reminder is due: its anchor's day plus its offset, at 09:00 in the edition's
 * zone; null when its anchor does not exist yet.
 *
 * @example reminderMoment(ainm2031, { anchor: "event_start", offsetDays: -7 }, null) // 09:00 local, a week before day 1
 */
export function reminderMoment(
	edition: ReminderEdition,
	reminder: Pick<OrganizerReminder, "anchor" | "offsetDays">,
	call: ReminderCall | null | undefined,
): Date | null {
	const point = anchorPoint(edition, reminder.anchor, call);
	return point ? resolveOffset(edition, point.offsetDays + reminder.offsetDays, REMINDER_TIME) : null;
}

/** A reminder's day and time in the edition's zone, as its page shows it; null without its anchor. */
export function reminderSchedule(
	edition: ReminderEdition,
	reminder: Pick<OrganizerReminder, "anchor" | "offsetDays">,
	call: ReminderCall | null | undefined,
): ResolvedMoment | null {
	const point = anchorPoint(edition, reminder.anchor, call);
	return point ? resolveMoment(edition, point.offsetDays + reminder.offsetDays, REMINDER_TIME) : null;
}

/** "in 7 days", "tomorrow", "today", "3 days ago": from the local day of `now` to `date`. */
export function relativeDay(date: string, now: Date, timeZone: string): string {
	const diff = dayCount(wallClock(now, timeZone).date, date) - 1;
	if (diff === 0) return "today";
	if (diff === 1) return "tomorrow";
	if (diff === -1) return "yesterday";
	return diff > 0 ? `in ${days(diff)}` : `${days(-diff)} ago`;
}

/**
 * The figure a reminder carries about its anchor, true at the moment it is sent: "The call for
 * abstracts of AINM 2031 closes on Saturday 15 March 2031 at 23:59 (Europe/Amsterdam): in 7 days."
 * Null when the anchor does not exist.
 */
export function anchorFigure(
	edition: ReminderEdition & Pick<Edition, "name">,
	anchor: ReminderAnchor,
	call: ReminderCall | null | undefined,
	now: Date,
): string | null {
	const point = anchorPoint(edition, anchor, call);
	if (!point) return null;
	const date = dateOfDay(edition.startDate, point.offsetDays + 1);
	const relative = relativeDay(date, now, edition.timeZone);
	const past = relative.endsWith(" ago") || relative === "yesterday";
	const on = `${formatFullDate(date)}${point.time ? ` at ${point.time} (${edition.timeZone})` : ""}`;
	switch (anchor) {
		case "event_start":
			return `${edition.name} ${past ? "started" : "starts"} on ${on}: ${relative}.`;
		case "event_end":
			return `${edition.name} ${past ? "ended" : "ends"} on ${on}: ${relative}.`;
		case "abstracts_open":
			return `The call for abstracts of ${edition.name} ${past ? "opened" : "opens"} on ${on}: ${relative}.`;
		case "abstracts_close":
			return `The call for abstracts of ${edition.name} ${past ? "closed" : "closes"} on ${on}: ${relative}.`;
	}
}
