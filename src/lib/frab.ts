/**
 * The frab / c3voc conference schedule ("Fahrplan") that pretalx exports and schedule apps
 * (Giggity, ConfClerk, EventFahrplan) read: `schedule.xml` (c3voc's schedule.xml.xsd) and
 * `schedule.json` (c3voc's schema.json, version 1), both written from one model so they cannot
 * disagree. The model holds plain values; what an edition puts in it is the site's business.
 */

export interface FrabPerson {
	/** Integer id: XML only (engelsystem keys speakers by it); JSON follows pretalx's shape without it. */
	id: number;
	guid: string;
	name: string;
	biography: string;
	/** Absolute http(s) URL, or null. */
	avatar: string | null;
	url: string;
}

export interface FrabEvent {
	/** Positive integer, unique in the schedule. */
	id: number;
	/** UUID, stable across regenerations. */
	guid: string;
	/** Start, ISO 8601 with the zone's offset. */
	date: string;
	/** End, ISO 8601 with the zone's offset. */
	end: string;
	/** Local `HH:MM` of `date`. */
	start: string;
	/** `HH:MM`. */
	duration: string;
	room: string;
	/** See frabSlug. */
	slug: string;
	url: string;
	title: string;
	subtitle: string;
	track: string | null;
	type: string;
	language: string | null;
	abstract: string;
	description: string;
	persons: readonly FrabPerson[];
}

export interface FrabRoom {
	name: string;
	guid: string;
	capacity: number | null;
}

export interface FrabDay {
	/** From 1. */
	index: number;
	/** `YYYY-MM-DD`. */
	date: string;
	/** ISO 8601 with offset. */
	start: string;
	end: string;
	/** The rooms with events that day, in order. */
	rooms: readonly { room: FrabRoom; events: readonly FrabEvent[] }[];
}

export interface FrabTrack {
	name: string;
	/** `#rrggbb`. */
	color: string;
}

export interface FrabSchedule {
	/** The version of the schedule's content; changes whenever it does. */
	version: string;
	/** Where this schedule is published. */
	url: string;
	/** The site the schedule belongs to, ending in `/`. */
	baseUrl: string;
	/** See acronymOf. */
	acronym: string;
	title: string;
	/** `YYYY-MM-DD`. */
	start: string;
	end: string;
	/** IANA zone. */
	timeZone: string;
	/** Absolute http(s) URL, or empty. */
	logo: string;
	/** `#rrggbb`. */
	color: string;
	tracks: readonly FrabTrack[];
	rooms: readonly FrabRoom[];
	days: readonly FrabDay[];
}

/** Apps draw their time grid in steps of this. */
const TIMESLOT = "00:05";
const GENERATOR = "Baton";

/**
 * The conference acronym: letters and digits only, which both the XSD (`[a-z0-9_-]{4,}`) and the
 * stricter JSON schema accept.
 *
 * @example acronymOf("ainm", 2023) // "ainm2023"
 */
export function acronymOf(seriesSlug: string, year: number): string {
	return `${seriesSlug}${year}`.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Lowercase ASCII words joined by `-`, at most `max` characters (may be empty). */
export function slugify(text: string, max = 60): string {
	return text
		.normalize("NFKD")
		.replace(/[\u0300-\u036f]/g, "")
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.slice(0, max)
		.replace(/^-+|-+$/g, "");
}

/**
 * An event slug both schemas accept (`acronym-id-title`), unique through the event id.
 *
 * @example frabSlug("ainm2023", 2, "Willem Vaalburg lecture 2023") // "ainm2023-2-willem-vaalburg-lecture-2023"
 */
export function frabSlug(acronym: string, id: number, title: string): string {
	return `${acronym}-${id}-${slugify(title) || "session"}`;
}

/** `HH:MM` of a number of minutes. */
export function frabDuration(minutes: number): string {
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * A name-based UUID, version 5 (RFC 9562): SHA-1 of the namespace's bytes and the name's UTF-8.
 *
 * @example await uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") // "886313e1-3b8a-5372-9b90-0c9aee199e5d"
 */
export async function uuidV5(namespace: string, name: string): Promise<string> {
	const space = (namespace.replace(/-/g, "").match(/../g) ?? []).map((hex) => Number.parseInt(hex, 16));
	const input = new Uint8Array([...space, ...new TextEncoder().encode(name)]);
	const bytes = new Uint8Array(await crypto.subtle.digest("SHA-1", input)).slice(0, 16);
	bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
	bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
	const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Baton's own namespace for the UUIDs of things that have no stored one.
const BATON_NAMESPACE = "0c7f2f4e-6b1d-4b8a-9d4e-3c2a1b0f9e87";

/**
 * A stable UUID for `name`: rooms and people have no stored UUID, but keep the same one across
 * regenerations of the schedule.
 *
 * @example await stableGuid("room:seed-2023-room-a")
 */
export const stableGuid = (name: string) => uuidV5(BATON_NAMESPACE, name);

/** Track slugs: the XSD wants a leading letter, the JSON schema a trailing letter or digit. */
function trackSlug(name: string): string | undefined {
	const slug = slugify(name);
	if (!slug) return undefined;
	return /^[a-z]/.test(slug) ? slug : `t-${slug}`;
}

// The JSON schema's pattern for time_zone_name; other zones are left out rather than refused.
const JSON_ZONE_NAME = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;

/** schedule.json (c3voc schema.json, format version 1). */
export function scheduleJson(schedule: FrabSchedule): Record<string, unknown> {
	return {
		$schema: "https://c3voc.de/schedule/schema.json",
		generator: { name: GENERATOR },
		schedule: {
			version: schedule.version,
			base_url: schedule.baseUrl,
			conference: {
				acronym: schedule.acronym,
				title: schedule.title,
				start: schedule.start,
				end: schedule.end,
				daysCount: schedule.days.length,
				timeslot_duration: TIMESLOT,
				time_zone_name: JSON_ZONE_NAME.test(schedule.timeZone) ? schedule.timeZone : undefined,
				logo: schedule.logo || undefined,
				colors: { primary: schedule.color },
				url: schedule.baseUrl,
				tracks: schedule.tracks.map((t) => ({ name: t.name, slug: trackSlug(t.name), color: t.color })),
				rooms: schedule.rooms.map((r) => ({ name: r.name, guid: r.guid, capacity: r.capacity })),
				days: schedule.days.map((day) => ({
					index: day.index,
					date: day.date,
					day_start: day.start,
					day_end: day.end,
					rooms: Object.fromEntries(day.rooms.map(({ room, events }) => [room.name, events.map(jsonEvent)])),
				})),
			},
		},
	};
}

function jsonEvent(event: FrabEvent): Record<string, unknown> {
	return {
		guid: event.guid,
		id: event.id,
		date: event.date,
		start: event.start,
		end: event.end,
		duration: event.duration,
		room: event.room,
		slug: event.slug,
		url: event.url,
		title: event.title,
		subtitle: event.subtitle,
		track: event.track,
		type: event.type,
		language: event.language,
		abstract: event.abstract,
		description: event.description,
		// pretalx's person shape: `name` (and the older `public_name`), no integer id, which
		// would make the person match both of the schema's person shapes and fail its oneOf.
		persons: event.persons.map((p) => ({
			guid: p.guid,
			name: p.name,
			public_name: p.name,
			biography: p.biography,
			avatar: p.avatar,
			url: p.url,
		})),
		links: [],
	};
}

/** Escapes text and attribute values, dropping what XML 1.0 cannot hold. */
export function escapeXml(value: string): string {
	return (
		value
			// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
			.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`)
	);
}

type Attributes = Record<string, string | number | undefined>;

const attributes = (attrs: Attributes) =>
	Object.entries(attrs)
		.filter(([, value]) => value !== undefined)
		.map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
		.join("");

const element = (indent: string, name: string, text: string, attrs: Attributes = {}) =>
	text === ""
		? `${indent}<${name}${attributes(attrs)}/>`
		: `${indent}<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;

/** schedule.xml (c3voc schedule.xml.xsd). */
export function scheduleXml(schedule: FrabSchedule): string {
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		"<schedule>",
		element("  ", "generator", "", { name: GENERATOR }),
		element("  ", "url", schedule.url),
		element("  ", "version", schedule.version),
		"  <conference>",
		element("    ", "acronym", schedule.acronym),
		element("    ", "title", schedule.title),
		element("    ", "start", schedule.start),
		element("    ", "end", schedule.end),
		element("    ", "days", String(schedule.days.length)),
		element("    ", "timeslot_duration", TIMESLOT),
		element("    ", "base_url", schedule.baseUrl),
		...(schedule.logo ? [element("    ", "logo", schedule.logo)] : []),
		element("    ", "url", schedule.baseUrl),
		element("    ", "time_zone_name", schedule.timeZone),
		element("    ", "color", "", { primary: schedule.color }),
		...schedule.tracks.map((t) =>
			element("    ", "track", "", { name: t.name, color: t.color, slug: trackSlug(t.name) }),
		),
		"  </conference>",
		...schedule.days.flatMap((day) => [
			`  <day${attributes({ index: day.index, date: day.date, start: day.start, end: day.end })}>`,
			...day.rooms.flatMap(({ room, events }) => [
				`    <room${attributes({ name: room.name, guid: room.guid })}>`,
				...events.flatMap(xmlEvent),
				"    </room>",
			]),
			"  </day>",
		]),
		"</schedule>",
	];
	return `${lines.join("\n")}\n`;
}

function xmlEvent(event: FrabEvent): string[] {
	const i = "        ";
	return [
		`      <event${attributes({ id: event.id, guid: event.guid })}>`,
		element(i, "date", event.date),
		element(i, "start", event.start),
		element(i, "duration", event.duration),
		element(i, "room", event.room),
		element(i, "slug", event.slug),
		element(i, "url", event.url),
		element(i, "title", event.title),
		element(i, "subtitle", event.subtitle),
		element(i, "track", event.track ?? ""),
		element(i, "type", event.type),
		...(event.language ? [element(i, "language", event.language)] : []),
		element(i, "abstract", event.abstract),
		element(i, "description", event.description),
		`${i}<persons>`,
		...event.persons.map((p) => element(`${i}  `, "person", p.name, { id: p.id, guid: p.guid })),
		`${i}</persons>`,
		`${i}<links/>`,
		"      </event>",
	];
}
