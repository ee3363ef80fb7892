/**
 * An edition's program in the feed formats: the frab schedule (schedule.xml / schedule.json) and
 * iCalendar (calendar.ics, whole program or one session). Pure functions of the tenant, its
 * program and the canonical base URL; the serializers live in src/lib (the pages build their
 * schema.org JSON-LD with src/lib/json-ld.ts).
 *
 * Feeds list what attendees attend: every session but breaks (as pretalx's exports do).
 *
 * Feeds change only with what they show: the schedule's `version` is a hash of the rest of the
 * schedule, and an event's SEQUENCE is its session's revision (src/db/event-revisions.ts). Neither
 * reads the edition's content version, which moves with edits the feeds do not show (a sponsor, a
 * page) and once moved with the series' other editions.
 */
import type { Edition, Series } from "../../db/schema";
import { dateOfDay } from "../../lib/dates";
import {
	acronymOf,
	type FrabDay,
	type FrabEvent,
	type FrabPerson,
	type FrabRoom,
	type FrabSchedule,
	frabDuration,
	frabSlug,
	stableGuid,
} from "../../lib/frab";
import { type Calendar, type CalendarEvent, icsCalendar } from "../../lib/ical";
import { isoWithOffset, zonedInstant } from "../../lib/zoned-time";
import { SESSION_KIND_LABELS } from "../program";
import type { ProgramData, ProgramSessionView, ProgramSpeaker } from "./program-data";

/** What the feeds read of the tenant. */
export interface FeedTenant {
	series: Pick<Series, "slug" | "logoUrl">;
	edition: Pick<
		Edition,
		| "id"
		| "year"
		| "name"
		| "startDate"
		| "endDate"
		| "timeZone"
		| "venueName"
		| "venueAddress"
		| "city"
		| "logoUrl"
		| "primaryColor"
		| "createdAt"
	>;
	canonicalHost: string | null;
}

/**
 * The edition's canonical base URL, without a trailing slash: its custom host when it has one,
 * else its path on the main host (`mainOrigin`, see src/lib/main-origin.ts).
 *
 * @example canonicalBase("https://baton.example.org", tenant) // "https://baton.example.org/s/ainm/2023"
 */
export function canonicalBase(mainOrigin: string, tenant: FeedTenant) {
	return tenant.canonicalHost
		? `https://${tenant.canonicalHost}`
		: `${mainOrigin}/s/${tenant.series.slug}/${tenant.edition.year}`;
}

const isListed = (session: Pick<ProgramSessionView, "kind">) => session.kind !== "break";

const sessionUrl = (base: string, session: Pick<ProgramSessionView, "seq">) => `${base}/program/${session.seq}`;
const speakerUrl = (base: string, speaker: Pick<ProgramSpeaker, "seq">) => `${base}/speakers/${speaker.seq}`;

/** A session's speakers (its talks' speakers, each once, in order). */
function speakersOf(session: ProgramSessionView): ProgramSpeaker[] {
	const seen = new Map<string, ProgramSpeaker>();
	for (const talk of session.talks) for (const speaker of talk.speakers) seen.set(speaker.id, speaker);
	return [...seen.values()];
}

const withAffiliation = (s: ProgramSpeaker) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name);

/** "Chair: …" and one line per talk with its speakers: the program as a reader scans it. */
function programLines(session: ProgramSessionView): string[] {
	const lines: string[] = [];
	if (session.chairs.length) {
		lines.push(`${session.chairs.length > 1 ? "Chairs" : "Chair"}: ${session.chairs.map(withAffiliation).join("; ")}`);
	}
	for (const talk of session.talks) {
		const by = talk.speakers.map(withAffiliation).join("; ");
		lines.push(by ? `${talk.title} — ${by}` : talk.title);
	}
	return lines;
}

/** A single lecture fills its session: its title is the session's subtitle, its abstract the session's. */
const singleTalk = (session: ProgramSessionView) => (session.talks.length === 1 ? session.talks[0] : undefined);

/** Where sessions without a room take place, as a room name: the venue, as the edition names it. */
const venueLabel = (edition: FeedTenant["edition"]) => edition.venueName || edition.city || "Venue";

// ---------------------------------------------------------------------------------------------
// frab schedule

/** The frab model of the edition's program (serialize with scheduleXml / scheduleJson). */
export async function buildSchedule(tenant: FeedTenant, program: ProgramData, base: string): Promise<FrabSchedule> {
	const { edition } = tenant;
	const zone = edition.timeZone;
	const acronym = acronymOf(tenant.series.slug, edition.year);
	const listed = program.sessions.filter(isListed);

	const venueRoom: FrabRoom = {
		name: venueLabel(edition),
		guid: await stableGuid(`venue:${edition.id}`),
		capacity: null,
	};
	const rooms = new Map<string | null, FrabRoom>();
	if (listed.some((s) => !s.room)) rooms.set(null, venueRoom);
	for (const room of program.rooms) {
		rooms.set(room.id, { name: room.name, guid: await stableGuid(`room:${room.id}`), capacity: room.capacity });
	}

	const persons = new Map<string, FrabPerson>();
	for (const speaker of listed.flatMap(speakersOf)) {
		if (persons.has(speaker.id)) continue;
		persons.set(speaker.id, {
			id: speaker.seq,
			guid: await stableGuid(`speaker:${speaker.id}`),
			name: speaker.name,
			biography: speaker.bio,
			avatar: /^https?:\/\//.test(speaker.photoUrl) ? speaker.photoUrl : null,
			url: speakerUrl(base, speaker),
		});
	}

	const event = (session: ProgramSessionView, room: FrabRoom): FrabEvent => {
		const date = isoWithOffset(session.start, zone);
		const lecture = singleTalk(session);
		return {
			id: session.seq,
			guid: session.guid,
			date,
			end: isoWithOffset(session.end, zone),
			// The wall clock of `date`: equal to the stored start except in a DST gap.
			start: date.slice(11, 16),
			duration: frabDuration(session.durationMinutes),
			room: room.name,
			slug: frabSlug(acronym, session.seq, session.title),
			url: sessionUrl(base, session),
			title: session.title,
			subtitle: lecture && lecture.title !== session.title ? lecture.title : "",
			track: session.track?.name ?? null,
			type: SESSION_KIND_LABELS[session.kind],
			language: null,
			abstract: session.description || lecture?.abstract || "",
			description: programLines(session).join("\n"),
			persons: speakersOf(session).flatMap((s) => persons.get(s.id) ?? []),
		};
	};

	const days: FrabDay[] = program.days.map(({ day, date }) => {
		const onDay = listed.filter((s) => s.day === day);
		const midnight = zonedInstant(zone, date, "00:00");
		const nextMidnight = zonedInstant(zone, dateOfDay(date, 2), "00:00");
		const lastEnd = Math.max(nextMidnight.getTime(), ...onDay.map((s) => s.end.getTime()));
		return {
			index: day,
			date,
			start: isoWithOffset(midnight, zone),
			end: isoWithOffset(new Date(lastEnd), zone),
			rooms: [...rooms.entries()].flatMap(([roomId, room]) => {
				const events = onDay.filter((s) => (s.room?.id ?? null) === roomId).map((s) => event(s, room));
				return events.length ? [{ room, events }] : [];
			}),
		};
	});

	const schedule: Omit<FrabSchedule, "version"> = {
		url: `${base}/schedule.xml`,
		baseUrl: `${base}/`,
		acronym,
		title: edition.name,
		start: edition.startDate,
		end: edition.endDate,
		timeZone: zone,
		logo: logoOf(tenant) ?? "",
		color: edition.primaryColor,
		tracks: program.tracks.map((t) => ({ name: t.name, color: t.color })),
		rooms: [...rooms.values()],
		days,
	};
	return { version: await versionOf(schedule), ...schedule };
}

/**
 * The schedule's `version` (a free string in frab): the first 64 bits of the SHA-256 of the rest
 * of the schedule, so it changes exactly when something the schedule shows does.
 */
async function versionOf(schedule: Omit<FrabSchedule, "version">): Promise<string> {
	const bytes = new TextEncoder().encode(JSON.stringify(schedule));
	const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
	return Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

const logoOf = (tenant: FeedTenant) =>
	[tenant.edition.logoUrl, tenant.series.logoUrl].find((url) => /^https?:\/\/\S+$/.test(url));

// ---------------------------------------------------------------------------------------------
// iCalendar

/** UIDs never name a host: a session keeps its UID when the edition gains a custom host. */
const uidOf = (session: Pick<ProgramSessionView, "guid">) => `${session.guid}@baton`;

function calendarEvent(tenant: FeedTenant, session: ProgramSessionView, base: string): CalendarEvent {
	const { edition } = tenant;
	const lecture = singleTalk(session);
	const summary = lecture && lecture.title !== session.title ? `${session.title}: ${lecture.title}` : session.title;
	const address = [edition.venueAddress, edition.venueAddress.includes(edition.city) ? "" : edition.city];
	return {
		uid: uidOf(session),
		// The event must depend on what it shows alone (edge copies, and subscribers who see a changed
		// DTSTAMP as an update): the edition's creation, which never changes, is the stamp, and SEQUENCE
		// the session's revision, raised by every write that changes what the event shows.
		stamp: edition.createdAt,
		sequence: session.revision,
		start: session.start,
		end: session.end,
		summary,
		description: [session.description, programLines(session).join("\n"), sessionUrl(base, session)]
			.filter(Boolean)
			.join("\n\n"),
		location: [session.room?.name, edition.venueName, ...address].filter(Boolean).join(", "),
		url: sessionUrl(base, session),
	};
}

/** calendar.ics of the whole program. */
export function programCalendar(tenant: FeedTenant, program: ProgramData, base: string): string {
	const calendar: Calendar = {
		name: tenant.edition.name,
		timeZone: tenant.edition.timeZone,
		events: program.sessions.filter(isListed).map((s) => calendarEvent(tenant, s, base)),
	};
	return icsCalendar(calendar);
}

/** calendar.ics of one session (any kind: whoever asks for a break's calendar gets it). */
export function sessionCalendar(tenant: FeedTenant, session: ProgramSessionView, base: string): string {
	return icsCalendar({
		name: `${tenant.edition.name}: ${session.title}`,
		timeZone: tenant.edition.timeZone,
		events: [calendarEvent(tenant, session, base)],
	});
}
