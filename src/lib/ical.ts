/**
 * iCalendar (RFC 5545) writing for published calendars: a VTIMEZONE built from the runtime's
 * time-zone data, events with local times in that zone, TEXT escaping, lines folded at 75
 * octets without splitting a UTF-8 character, CRLF everywhere.
 *
 * Hand-written rather than a library: ical-generator (the obvious candidate) needs a second
 * package to produce a VTIMEZONE and a zone-aware date library to write TZID times in workerd
 * (it reads local fields with Date#getHours, which are UTC there); what is left is this file.
 */
import { zoneOffsetMinutes } from "./zoned-time";

export interface CalendarEvent {
	/** Globally unique and stable across regenerations, e.g. `{guid}@baton`. */
	uid: string;
	/** When the event's information was last revised; written in UTC. */
	stamp: Date;
	/** Revision number; grows with every change. */
	sequence?: number;
	start: Date;
	end: Date;
	summary: string;
	description?: string;
	location?: string;
	/** An absolute URL. */
	url?: string;
}

export interface Calendar {
	/** Shown by clients as the calendar's name (X-WR-CALNAME). */
	name: string;
	/** IANA zone the events' local times are written in. */
	timeZone: string;
	events: readonly CalendarEvent[];
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;
const MAX_OCTETS = 75;

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; control
 * characters, which TEXT may not hold, are dropped.
 *
 * @example escapeText("Room A, floor 2; east\nwing") // "Room A\\, floor 2\\; east\\nwing"
 */
export function escapeText(value: string): string {
	return (
		value
			.replace(/[\\;,]/g, (c) => `\\${c}`)
			.replace(/\r\n|\r|\n/g, "\\n")
			// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
			.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "")
	);
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds one content line so that no physical line passes 75 octets (continuation lines start
 * with a space, which counts), splitting only between characters, never inside one.
 */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = "";
	let octets = 0;
	for (const char of line) {
		const size = utf8Length(char.codePointAt(0) ?? 0);
		if (octets + size > MAX_OCTETS) {
			parts.push(current);
			current = " ";
			octets = 1;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join("\r\n");
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `YYYYMMDDTHHMMSS`, the local time of `instant` in a zone whose offset there is `offset` minutes. */
function localStamp(instant: number, offset: number): string {
	return new Date(instant + offset * MINUTE).toISOString().slice(0, 19).replace(/[-:]/g, "");
}

/** `YYYYMMDDTHHMMSSZ`. */
const utcStamp = (instant: Date) => `${localStamp(instant.getTime(), 0)}Z`;

/** `+0200`, `-0330`. */
function utcOffset(minutes: number): string {
	const abs = Math.abs(minutes);
	return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

export interface ZoneTransition {
	/** The first instant of the new offset. */
	at: number;
	from: number;
	to: number;
}

const offsetAt = (timeZone: string, instant: number) => zoneOffsetMinutes(timeZone, new Date(instant));

/**
 * The offset changes of `timeZone` in [from, to), to the minute. Zones change at most once in
 * any week, so weekly samples find each change and a bisection places it.
 */
export function zoneTransitions(timeZone: string, from: number, to: number): ZoneTransition[] {
	const transitions: ZoneTransition[] = [];
	let before = from;
	let offset = offsetAt(timeZone, before);
	while (before < to) {
		const after = Math.min(before + WEEK, to);
		const next = offsetAt(timeZone, after);
		if (next !== offset) {
			// Invariant: `low` still has the old offset, `high` already the new one.
			let low = Math.floor(before / MINUTE);
			let high = Math.floor(after / MINUTE);
			while (high - low > 1) {
				const mid = Math.floor((low + high) / 2);
				if (offsetAt(timeZone, mid * MINUTE) === offset) low = mid;
				else high = mid;
			}
			transitions.push({ at: high * MINUTE, from: offset, to: next });
			offset = next;
		}
		before = after;
	}
	return transitions;
}

// Zones and their years do not change while an isolate lives: compute each VTIMEZONE once.
const vtimezones = new Map<string, string[]>();

/**
 * The VTIMEZONE of `timeZone` for the (UTC) years `firstYear` to `lastYear`, a day either side
 * so that local times near New Year are covered too: the offset at the start, then each change
 * (a STANDARD or DAYLIGHT observance starting at the local time of the change, as clocks showed
 * it before). A zone without changes gets one STANDARD observance.
 */
export function vtimezone(timeZone: string, firstYear: number, lastYear: number): string[] {
	const key = `${timeZone} ${firstYear} ${lastYear}`;
	const cached = vtimezones.get(key);
	if (cached) return cached;
	const from = Date.UTC(firstYear, 0, 1) - DAY;
	const initial = offsetAt(timeZone, from);
	const transitions = zoneTransitions(timeZone, from, Date.UTC(lastYear + 1, 0, 1) + DAY);
	const lowest = Math.min(initial, ...transitions.map((t) => t.to));
	const observance = (daylight: boolean, start: string, offsetFrom: number, offsetTo: number) => {
		const kind = daylight ? "DAYLIGHT" : "STANDARD";
		return [
			`BEGIN:${kind}`,
			`DTSTART:${start}`,
			`TZOFFSETFROM:${utcOffset(offsetFrom)}`,
			`TZOFFSETTO:${utcOffset(offsetTo)}`,
			`END:${kind}`,
		];
	};
	const lines = [
		"BEGIN:VTIMEZONE",
		`TZID:${timeZone}`,
		...observance(initial > lowest, localStamp(from, initial), initial, initial),
		...transitions.flatMap((t) => observance(t.to > t.from, localStamp(t.at, t.from), t.from, t.to)),
		"END:VTIMEZONE",
	];
	vtimezones.set(key, lines);
	return lines;
}

function eventLines(event: CalendarEvent, timeZone: string): string[] {
	const local = (instant: Date) =>
		`;TZID=${timeZone}:${localStamp(instant.getTime(), zoneOffsetMinutes(timeZone, instant))}`;
	const optional = (name: string, value: string | undefined) => (value ? [`${name}:${escapeText(value)}`] : []);
	return [
		"BEGIN:VEVENT",
		`UID:${escapeText(event.uid)}`,
		`DTSTAMP:${utcStamp(event.stamp)}`,
		...(event.sequence === undefined ? [] : [`SEQUENCE:${event.sequence}`]),
		`DTSTART${local(event.start)}`,
		`DTEND${local(event.end)}`,
		`SUMMARY:${escapeText(event.summary)}`,
		...optional("DESCRIPTION", event.description),
		...optional("LOCATION", event.location),
		// A URI value: not TEXT, so not escaped.
		...(event.url ? [`URL:${event.url}`] : []),
		"END:VEVENT",
	];
}

/**
 * A whole VCALENDAR: CRLF line endings (the last line too), lines folded at 75 octets. The
 * VTIMEZONE covers the years of the events.
 */
export function icsCalendar(calendar: Calendar): string {
	const { timeZone, events } = calendar;
	const years = events.flatMap((e) => [e.start.getUTCFullYear(), e.end.getUTCFullYear()]);
	// An empty calendar still names its zone; any year describes it.
	const firstYear = years.length ? Math.min(...years) : 2000;
	const lastYear = years.length ? Math.max(...years) : 2000;
	const lines = [
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Baton//Edition program//EN",
		"CALSCALE:GREGORIAN",
		"METHOD:PUBLISH",
		`X-WR-CALNAME:${escapeText(calendar.name)}`,
		`X-WR-TIMEZONE:${timeZone}`,
		...vtimezone(timeZone, firstYear, lastYear),
		...events.flatMap((event) => eventLines(event, timeZone)),
		"END:VCALENDAR",
	];
	return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
