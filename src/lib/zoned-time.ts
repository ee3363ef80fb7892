/**
 * Wall-clock times in an edition's IANA zone, resolved to instants (src/README.md, "Time"). An
 * edition stores day 1 (`YYYY-MM-DD`) and its zone; sessions are (day, local HH:MM) and deadlines
 * (offset days from day 1, local HH:MM). Only here do they become absolute instants, so moving
 * day 1 or the zone moves every one of them, across DST and zones, with nothing stored to fix up.
 *
 * workerd has no Temporal: the zone's UTC offset at an instant is read with Intl.DateTimeFormat.
 */
import type { Edition } from "../db/schema";
import { dateOfDay, parseIsoDate } from "./dates";

/** What resolving needs of an edition: day 1 and its zone. */
export type ZonedEdition = Pick<Edition, "startDate" | "timeZone">;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

// One formatter per zone: building an Intl.DateTimeFormat is far costlier than using one.
const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
	let format = partFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat("en-US", {
			timeZone,
			hourCycle: "h23",
			year: "numeric",
			month: "2-digit",
			day: "2-digit",
			hour: "2-digit",
			minute: "2-digit",
			second: "2-digit",
		});
		partFormats.set(timeZone, format);
	}
	return format;
}

/** The local calendar fields of `instant` in `timeZone`, as a UTC timestamp of those fields. */
function localFieldsAsUtc(instant: number, timeZone: string): number {
	const fields: Record<string, number> = {};
	for (const part of partsFormat(timeZone).formatToParts(new Date(instant))) {
		if (part.type !== "literal") fields[part.type] = Number(part.value);
	}
	const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
	return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
 * The zone's offset from UTC at `instant`, in minutes (east positive).
 *
 * @example zoneOffsetMinutes("Europe/Amsterdam", new Date("2023-10-09T07:00:00Z")) // 120
 */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
	const whole = Math.floor(instant.getTime() / 1000) * 1000;
	return Math.round((localFieldsAsUtc(whole, timeZone) - whole) / MINUTE);
}

/** The local date (`YYYY-MM-DD`) and time (`HH:MM`) of `instant` in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
	const iso = new Date(localFieldsAsUtc(instant.getTime(), timeZone)).toISOString();
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * The instant at which clocks in `timeZone` show `date` `hhmm`. Around a DST change this follows
 * what Temporal calls "compatible": a time that happens twice (clocks going back) is the earlier
 * one; a time that never happens (clocks going forward) is moved forward by the gap, so 02:30 on
 * the night clocks jump from 02:00 to 03:00 becomes 03:30.
 *
 * @example zonedInstant("Europe/Amsterdam", "2025-10-26", "09:00") // 2025-10-26T08:00:00Z
 */
export function zonedInstant(timeZone: string, date: string, hhmm: string): Date {
	const time = HHMM.exec(hhmm);
	if (!time) throw new RangeError(`Not a time of day: ${hhmm}`);
	const day = parseIsoDate(date);
	const local = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), Number(time[1]), Number(time[2]));
	// Zones change their offset at most once around any one moment (transitions are months
	// apart), so the offsets a day before and a day after are the only candidates.
	const before = local - zoneOffsetMinutes(timeZone, new Date(local - DAY)) * MINUTE;
	const after = local - zoneOffsetMinutes(timeZone, new Date(local + DAY)) * MINUTE;
	const shows = (instant: number) => localFieldsAsUtc(instant, timeZone) === local;
	const valid = [before, after].filter(shows);
	if (valid.length > 0) return new Date(Math.min(...valid));
	// In the gap: the offset before the change puts the time that far past the jump.
	return new Date(before);
}

/**
 * The instant of a deadline: `offsetDays` calendar days from day 1 (negative before it) at local
 * `hhmm`, in the edition's zone.
 *
 * @example resolveOffset({ startDate: "2023-10-09", timeZone: "Europe/Amsterdam" }, -240, "09:00") // 2023-02-11T08:00:00Z
 */
export function resolveOffset(edition: ZonedEdition, offsetDays: number, hhmm: string): Date {
	return zonedInstant(edition.timeZone, dateOfDay(edition.startDate, offsetDays + 1), hhmm);
}

/** The instant a session starts: day `day` (from 1) at local `hhmm`, in the edition's zone. */
export function resolveSessionStart(edition: ZonedEdition, day: number, hhmm: string): Date {
	return resolveOffset(edition, day - 1, hhmm);
}

/** An offset in minutes as `HH:MM` after the given sign: "+02:00", "−05:00". */
function offsetText(minutes: number, minus: string): string {
	const abs = Math.abs(minutes);
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${minutes < 0 ? minus : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "UTC+02:00", "UTC−05:00": the zone's offset at `instant`, as a reader compares two of them. */
export function utcOffsetLabel(timeZone: string, instant: Date): string {
	return `UTC${offsetText(zoneOffsetMinutes(timeZone, instant), "−")}`;
}

/**
 * An ISO 8601 date-time with the zone's UTC offset at that instant, to the second (for feeds and
 * JSON-LD, which machines read).
 *
 * @example isoWithOffset(new Date("2023-10-09T07:00:00Z"), "Europe/Amsterdam") // "2023-10-09T09:00:00+02:00"
 */
export function isoWithOffset(instant: Date, timeZone: string): string {
	const offset = zoneOffsetMinutes(timeZone, instant);
	const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset * MINUTE).toISOString().slice(0, 19);
	return `${local}${offsetText(offset, "-")}`;
}
