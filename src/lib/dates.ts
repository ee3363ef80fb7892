/**
 * Calendar helpers for the data contract's time model: editions store plain dates
 * (`YYYY-MM-DD`, day 1 and the last day) and wall-clock times, resolved in the edition's
 * zone only when rendered.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` as a calendar day (noon UTC, so no zone can move it to another day). */
export function parseIsoDate(value: string): Date {
	const m = ISO_DATE.exec(value);
	if (!m) throw new RangeError(`Not an ISO date: ${value}`);
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
	if (date.toISOString().slice(0, 10) !== value) throw new RangeError(`No such day: ${value}`);
	return date;
}

export function isIsoDate(value: string): boolean {
	try {
		parseIsoDate(value);
		return true;
	} catch {
		return false;
	}
}

const dayFormat = new Intl.DateTimeFormat("en-GB", {
	day: "numeric",
	month: "long",
	year: "numeric",
	timeZone: "UTC",
});

/**
 * "9–11 October 2023", "30 September – 2 October 2025": how a conference names its dates.
 *
 * @example formatDateRange("2023-10-09", "2023-10-11") // "9–11 October 2023"
 */
export function formatDateRange(first: string, last: string): string {
	return dayFormat.formatRange(parseIsoDate(first), parseIsoDate(last));
}

/** Number of days from `first` to `last`, both included. */
export function dayCount(first: string, last: string): number {
	return Math.round((parseIsoDate(last).getTime() - parseIsoDate(first).getTime()) / 86_400_000) + 1;
}

/** The calendar date of day `day` (from 1) of an edition that starts on `first`. */
export function dateOfDay(first: string, day: number): string {
	const date = parseIsoDate(first);
	date.setUTCDate(date.getUTCDate() + day - 1);
	return date.toISOString().slice(0, 10);
}

const weekdayFormat = new Intl.DateTimeFormat("en-GB", {
	weekday: "long",
	day: "numeric",
	month: "long",
	timeZone: "UTC",
});

/** "Monday 9 October": a day of the program as attendees say it. */
export function formatDay(isoDate: string): string {
	return weekdayFormat.format(parseIsoDate(isoDate)).replace(",", "");
}
