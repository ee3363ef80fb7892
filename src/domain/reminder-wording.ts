/**
 * How a reminder's timing is put into words, for its form, its list and its mail. Kept apart from
 * the zone arithmetic (./moments.ts) so the content collection can use it without that.
 */
import type { ReminderAnchor } from "../db/schema";

/** What the anchor is, as the end of a sentence ("7 days before the call for abstracts closes"). */
export const ANCHOR_EVENTS: Record<ReminderAnchor, string> = {
	event_start: "the event starts",
	event_end: "the event ends",
	abstracts_open: "the call for abstracts opens",
	abstracts_close: "the call for abstracts closes",
};

/** The anchor as a choice in the reminder form. */
export const ANCHOR_LABELS: Record<ReminderAnchor, string> = {
	event_start: "Day 1 of the event",
	event_end: "The last day of the event",
	abstracts_open: "The call for abstracts opens",
	abstracts_close: "The call for abstracts closes",
};

/** "1 day", "7 days". */
export const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/**
 * When a reminder is sent, relative to its anchor.
 *
 * @example describeWhen("abstracts_close", -7) // "7 days before the call for abstracts closes"
 * @example describeWhen("event_start", 0) // "The day the event starts"
 */
export function describeWhen(anchor: ReminderAnchor, offsetDays: number): string {
	const event = ANCHOR_EVENTS[anchor];
	if (offsetDays === 0) return `The day ${event}`;
	return `${days(Math.abs(offsetDays))} ${offsetDays < 0 ? "before" : "after"} ${event}`;
}
