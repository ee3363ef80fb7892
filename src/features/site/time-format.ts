/**
 * Instants as the subsite prints them: always in the edition's own zone, with the zone named, so
 * a visitor from another continent knows which clock the program follows.
 */
import { utcOffsetLabel } from "../../lib/zoned-time";

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
	let format = formats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat("en-GB", {
			timeZone,
			weekday: "long",
			day: "numeric",
			month: "long",
			year: "numeric",
			hour: "2-digit",
			minute: "2-digit",
			hourCycle: "h23",
			timeZoneName: "short",
		});
		formats.set(timeZone, format);
	}
	return format;
}

function partsOf(instant: Date, timeZone: string): Record<string, string> {
	return Object.fromEntries(
		formatIn(timeZone)
			.formatToParts(instant)
			.map((part) => [part.type, part.value]),
	);
}

/** The zone's short name at `instant` ("CEST"), or "" where the locale knows none ("GMT+2"). */
function zoneAbbreviation(instant: Date, timeZone: string): string {
	const name = partsOf(instant, timeZone).timeZoneName ?? "";
	return /^(GMT|UTC)/.test(name) ? "" : name;
}

/**
 * "Saturday 11 February 2023, 09:00 CET", or without the time of day.
 *
 * @example formatZoned(new Date("2023-02-11T08:00:00Z"), "Europe/Amsterdam") // "Saturday 11 February 2023, 09:00 CET"
 */
export function formatZoned(instant: Date, timeZone: string, { time = true }: { time?: boolean } = {}): string {
	const p = partsOf(instant, timeZone);
	const day = `${p.weekday} ${p.day} ${p.month} ${p.year}`;
	if (!time) return day;
	const zone = zoneAbbreviation(instant, timeZone) || utcOffsetLabel(timeZone, instant);
	return `${day}, ${p.hour}:${p.minute} ${zone}`;
}

/**
 * "Europe/Amsterdam (CEST, UTC+02:00)": the zone of a program day, by its IANA name, its short
 * name when it has one, and its offset.
 */
export function zoneLabel(instant: Date, timeZone: string): string {
	const names = [zoneAbbreviation(instant, timeZone), utcOffsetLabel(timeZone, instant)].filter(Boolean);
	return `${timeZone} (${names.join(", ")})`;
}
