/**
 * The texts an edition itself states in public, as the subsite and its feeds show them: the hero
 * text, published pages, the program (session titles and descriptions as the program page,
 * schedule.xml/json and calendar.ics show them; talks; consented speakers' biographies), rooms,
 * tracks, sponsors, tickets, registration questions, the call for abstracts and the email texts.
 * What the stale-fact guard scans.
 *
 * Series-owned texts are not the edition's and are not read here: named lectures' descriptions and
 * history, the past-editions page and the links to other editions are the series' to state.
 */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
	abstractCalls,
	type Edition,
	emailTexts,
	pages,
	registrationFields,
	rooms,
	sessions,
	speakers,
	sponsors,
	sponsorTiers,
	talks,
	ticketTypes,
	tracks,
} from "../../db/schema";
import { readTogether } from "../../db/write";
import { type PlaceholderValues, placeholderValues, resolvePlaceholders } from "../../domain/placeholders";
import { abstractCallUrl, itemUrl, sessionUrl, settingsUrl, talkUrl } from "../../urls";

/** One text of the edition as the public reads it. */
export interface PublicText {
	/** The text's identity: `<source>:<row id>:<field>`; stable across edits of the text itself. */
	key: string;
	/** Which text, for the committee: `Page “Travel”: content`. */
	label: string;
	/** The console page where it is edited. */
	editUrl: string;
	/** The text with its placeholders resolved from this edition (missing values left out, as publicly). */
	text: string;
	/** Where the text shows this edition's own values (resolved placeholders): never a stale fact. */
	ownRanges: readonly (readonly [number, number])[];
}

/** Anything written like a placeholder (as src/domain/placeholders.ts reads them). */
const PLACEHOLDER = /\{\{\s*[^{}]*?\s*\}\}/g;

/**
 * `text` resolved the way the site resolves it (each placeholder through `resolvePlaceholders`), with
 * the ranges its values fill: a placeholder states this edition's value, whatever the value says.
 */
export function rendered(text: string, values: PlaceholderValues): { text: string; ownRanges: [number, number][] } {
	let out = "";
	let last = 0;
	const ownRanges: [number, number][] = [];
	for (const m of text.matchAll(PLACEHOLDER)) {
		out += text.slice(last, m.index);
		const value = resolvePlaceholders(m[0], values, "empty");
		ownRanges.push([out.length, out.length + value.length]);
		out += value;
		last = m.index + m[0].length;
	}
	return { text: out + text.slice(last), ownRanges };
}

const quoted = (s: string) => `“${s.length > 60 ? `${s.slice(0, 59)}…` : s}”`;

/**
 * The edition's public texts, resolved. One round trip of reads; `{{committee}}` resolves to ""
 * here (its names are this edition's own people, never an earlier edition's fact).
 */
export async function publicTextsOf(
	db: Database,
	edition: Pick<
		Edition,
		| "id"
		| "name"
		| "year"
		| "city"
		| "startDate"
		| "endDate"
		| "hostName"
		| "venueName"
		| "venueAddress"
		| "contactEmail"
		| "heroText"
	>,
): Promise<PublicText[]> {
	const id = edition.id;
	const [pageRows, sessionRows, talkRows, speakerRows, roomRows, trackRows, sponsorRows, tierRows, ticketRows] =
		await readTogether(db, [
			db
				.select({ id: pages.id, title: pages.title, body: pages.body })
				.from(pages)
				.where(and(eq(pages.editionId, id), eq(pages.published, true)))
				.orderBy(asc(pages.navOrder), asc(pages.title)),
			db
				.select({ id: sessions.id, title: sessions.title, description: sessions.description })
				.from(sessions)
				.where(eq(sessions.editionId, id))
				.orderBy(asc(sessions.day), asc(sessions.startTime), asc(sessions.seq)),
			db
				.select({ id: talks.id, sessionId: talks.sessionId, title: talks.title, abstract: talks.abstract })
				.from(talks)
				.where(eq(talks.editionId, id))
				.orderBy(asc(talks.sessionId), asc(talks.position)),
			// Only consented speakers are shown (the site and the feeds hide the others).
			db
				.select({ id: speakers.id, name: speakers.name, affiliation: speakers.affiliation, bio: speakers.bio })
				.from(speakers)
				.where(and(eq(speakers.editionId, id), isNotNull(speakers.consentedAt)))
				.orderBy(asc(speakers.seq)),
			db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(eq(rooms.editionId, id)),
			db
				.select({ id: tracks.id, name: tracks.name, audience: tracks.audience })
				.from(tracks)
				.where(eq(tracks.editionId, id)),
			db.select({ id: sponsors.id, name: sponsors.name }).from(sponsors).where(eq(sponsors.editionId, id)),
			db
				.select({ id: sponsorTiers.id, name: sponsorTiers.name })
				.from(sponsorTiers)
				.where(eq(sponsorTiers.editionId, id)),
			db
				.select({ id: ticketTypes.id, name: ticketTypes.name, includes: ticketTypes.includes })
				.from(ticketTypes)
				.where(eq(ticketTypes.editionId, id)),
		]);
	const [questionRows, mailRows, callRows] = await readTogether(db, [
		db
			.select({ id: registrationFields.id, label: registrationFields.label })
			.from(registrationFields)
			.where(eq(registrationFields.editionId, id)),
		db
			.select({ id: emailTexts.id, key: emailTexts.key, subject: emailTexts.subject, body: emailTexts.body })
			.from(emailTexts)
			.where(eq(emailTexts.editionId, id))
			.orderBy(asc(emailTexts.position), asc(emailTexts.key)),
		db.select().from(abstractCalls).where(eq(abstractCalls.editionId, id)),
	]);

	const values = placeholderValues(edition);
	const texts: PublicText[] = [];
	const add = (key: string, label: string, editUrl: string, raw: string) => {
		if (!raw.trim()) return;
		texts.push({ key, label, editUrl, ...rendered(raw, values) });
	};
	const item = (collection: string, rowId: string) => itemUrl(id, { key: collection }, rowId);

	add(
		`edition:${id}:heroText`,
		"Hero text of the home page",
		`${settingsUrl(edition)}#field-heroText`,
		edition.heroText,
	);
	for (const p of pageRows) {
		add(`pages:${p.id}:title`, `Page ${quoted(p.title)}: title`, item("pages", p.id), p.title);
		add(`pages:${p.id}:body`, `Page ${quoted(p.title)}: content`, item("pages", p.id), p.body);
	}
	// As the program page and every feed show them (schedule.xml/json, calendar.ics).
	for (const s of sessionRows) {
		add(`sessions:${s.id}:title`, `Session ${quoted(s.title)}: title`, sessionUrl(id, s.id), s.title);
		add(`sessions:${s.id}:description`, `Session ${quoted(s.title)}: description`, sessionUrl(id, s.id), s.description);
	}
	for (const t of talkRows) {
		add(`talks:${t.id}:title`, `Talk ${quoted(t.title)}: title`, talkUrl(id, t.sessionId, t.id), t.title);
		add(`talks:${t.id}:abstract`, `Talk ${quoted(t.title)}: abstract`, talkUrl(id, t.sessionId, t.id), t.abstract);
	}
	for (const s of speakerRows) {
		add(
			`speakers:${s.id}:affiliation`,
			`Speaker ${quoted(s.name)}: affiliation`,
			item("speakers", s.id),
			s.affiliation,
		);
		add(`speakers:${s.id}:bio`, `Speaker ${quoted(s.name)}: biography`, item("speakers", s.id), s.bio);
	}
	for (const r of roomRows) add(`rooms:${r.id}:name`, `Room ${quoted(r.name)}`, item("rooms", r.id), r.name);
	for (const t of trackRows) {
		add(`tracks:${t.id}:name`, `Track ${quoted(t.name)}`, item("tracks", t.id), t.name);
		add(`tracks:${t.id}:audience`, `Track ${quoted(t.name)}: audience`, item("tracks", t.id), t.audience);
	}
	for (const s of sponsorRows)
		add(`sponsors:${s.id}:name`, `Sponsor ${quoted(s.name)}`, item("sponsors", s.id), s.name);
	for (const t of tierRows) {
		add(`sponsor-tiers:${t.id}:name`, `Sponsor tier ${quoted(t.name)}`, item("sponsor-tiers", t.id), t.name);
	}
	for (const t of ticketRows) {
		add(`ticket-types:${t.id}:name`, `Ticket ${quoted(t.name)}`, item("ticket-types", t.id), t.name);
		add(
			`ticket-types:${t.id}:includes`,
			`Ticket ${quoted(t.name)}: what it includes`,
			item("ticket-types", t.id),
			t.includes,
		);
	}
	for (const q of questionRows) {
		add(
			`registration-fields:${q.id}:label`,
			`Registration question ${quoted(q.label)}`,
			item("registration-fields", q.id),
			q.label,
		);
	}
	const [call] = callRows;
	if (call) {
		const url = abstractCallUrl(edition);
		add(`abstract-call:${id}:topics`, "Call for abstracts: topics", `${url}#field-topics`, call.topics.join("\n"));
		add(
			`abstract-call:${id}:specialIssue`,
			"Call for abstracts: special issue",
			`${url}#field-specialIssue`,
			call.specialIssue,
		);
	}
	// Mails are public too: they reach every attendee, speaker and author.
	for (const m of mailRows) {
		add(`email-texts:${m.id}:subject`, `Email ${quoted(m.key)}: subject`, item("email-texts", m.id), m.subject);
		add(`email-texts:${m.id}:body`, `Email ${quoted(m.key)}: text`, item("email-texts", m.id), m.body);
	}
	return texts;
}
