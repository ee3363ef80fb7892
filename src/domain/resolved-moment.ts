/**
 * A moment of an edition (an offset from day 1 and a local time, or a whole due day) resolved in
 * the edition's zone, as previews and reminder pages show it. Kept apart from the clone so that
 * the features whose moments a clone moves (reminders) can resolve theirs without importing it.
 */
import type { Edition } from "../db/schema";
import { dateOfDay, parseIsoDate } from "../lib/dates";
import { resolveOffset, utcOffsetLabel, wallClock } from "../lib/zoned-time";

/** A wall-clock moment of an edition, resolved in its zone. */
export interface ResolvedMoment {
	/** Local date, `YYYY-MM-DD`. */
	date: string;
	/** Local `HH:MM`; null for a due day (checklist tasks, abstract decisions). */
	time: string | null;
	/** The UTC instant (ISO 8601) when there is a time. */
	instant: string | null;
	timeZone: string;
	/** "Saturday 11 February 2023, 09:00 (UTC+01:00)". */
	text: string;
}

const longDate = new Intl.DateTimeFormat("en-GB", {
	weekday: "long",
	day: "numeric",
	month: "long",
	year: "numeric",
	timeZone: "UTC",
});

/** "Saturday 11 February 2023": a day as the preview names it. */
export const formatFullDate = (isoDate: string) => longDate.format(parseIsoDate(isoDate)).replace(",", "");

/** A moment `offsetDays` from day 1 at local `time` (or a whole due day), resolved in the edition's zone. */
export function resolveMoment(
	edition: Pick<Edition, "startDate" | "timeZone">,
	offsetDays: number,
	time: string | null,
): ResolvedMoment {
	const timeZone = edition.timeZone;
	if (time === null) {
		const date = dateOfDay(edition.startDate, offsetDays + 1);
		return { date, time: null, instant: null, timeZone, text: formatFullDate(date) };
	}
	const instant = resolveOffset(edition, offsetDays, time);
	// The wall clock of the instant, not the stored time: inside a DST gap they differ.
	const local = wallClock(instant, timeZone);
	return {
		...local,
		instant: instant.toISOString(),
		timeZone,
		text: `${formatFullDate(local.date)}, ${local.time} (${utcOffsetLabel(timeZone, instant)})`,
	};
}
