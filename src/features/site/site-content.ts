/**
 * What the subsite's pages read besides the program: the committee's pages, speakers, named
 * lectures with their history, sponsors, past editions, and the configured registration and call
 * for abstracts. Every query is scoped by the tenant the request resolved; nothing here knows HTTP.
 */
import { and, asc, desc, eq, inArray, isNotNull, ne, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
	abstractCalls,
	type Edition,
	editions,
	namedLectures,
	pages,
	type registrationFields,
	type Speaker,
	speakers,
	sponsors,
	sponsorTiers,
	type ticketTypes,
} from "../../db/schema";
import type { MissingValue } from "../../domain/placeholders";
import { PUBLIC_STATUSES } from "../../domain/series";
import { type LectureHistory, lectureHistories, lecturesGivenQuery } from "../series";
import {
	loadProgram,
	type ProgramEditionRef,
	type ProgramSessionView,
	type ProgramSpeaker,
	publicSpeakerColumns,
} from "./program-data";
import type { SiteTenant } from "./tenant";

/** A page of the subsite as a visitor reads it. */
export type PublishedPage = Pick<typeof pages.$inferSelect, "slug" | "title" | "body">;

/** The published page `slug` of the edition, or undefined (unknown or unpublished). */
export function loadPublishedPage(db: Database, editionId: string, slug: string): Promise<PublishedPage | undefined> {
	return db
		.select({ slug: pages.slug, title: pages.title, body: pages.body })
		.from(pages)
		.where(and(eq(pages.editionId, editionId), eq(pages.slug, slug), eq(pages.published, true)))
		.get();
}

/** A speaker as the speakers list shows them. */
export type ListedSpeaker = Pick<Speaker, "seq" | "name" | "affiliation" | "country" | "fictional">;

const byName = new Intl.Collator("en", { sensitivity: "base" });

/**
 * The edition's speakers who agreed to publication, alphabetically by name as written (names from
 * many cultures: no guessing which part is the family name).
 */
export async function loadSpeakers(db: Database, editionId: string): Promise<ListedSpeaker[]> {
	const rows = await db
		.select({
			seq: speakers.seq,
			name: speakers.name,
			affiliation: speakers.affiliation,
			country: speakers.country,
			fictional: speakers.fictional,
		})
		.from(speakers)
		.where(and(eq(speakers.editionId, editionId), isNotNull(speakers.consentedAt)));
	return rows.sort((a, b) => byName.compare(a.name, b.name) || a.seq - b.seq);
}

export interface SpeakerPage {
	speaker: ProgramSpeaker;
	/** The sessions they speak in (with the talks that are theirs) or chair, in program order. */
	sessions: { session: ProgramSessionView; chairs: boolean; talks: ProgramSessionView["talks"] }[];
}

/**
 * A speaker of the edition who agreed to publication, with their part in the program; undefined
 * otherwise. The program comes from the one program loader (it hides unconsented people the same
 * way), sent alongside the speaker's own row: three statements at once.
 */
export async function loadSpeakerPage(
	db: Database,
	edition: ProgramEditionRef,
	seq: number,
	missing: MissingValue = "empty",
): Promise<SpeakerPage | undefined> {
	if (!Number.isSafeInteger(seq)) return undefined;
	const [speaker, program] = await Promise.all([
		db
			.select(publicSpeakerColumns)
			.from(speakers)
			.where(and(eq(speakers.editionId, edition.id), eq(speakers.seq, seq), isNotNull(speakers.consentedAt)))
			.get(),
		loadProgram(db, edition, missing),
	]);
	if (!speaker) return undefined;
	const mine = (list: readonly ProgramSpeaker[]) => list.some((s) => s.id === speaker.id);
	const parts: SpeakerPage["sessions"] = [];
	for (const session of program.sessions) {
		const talks = session.talks.filter((talk) => mine(talk.speakers));
		const chairs = mine(session.chairs);
		if (talks.length > 0 || chairs) parts.push({ session, chairs, talks });
	}
	return { speaker, sessions: parts };
}

/**
 * The series' named lectures, each with every time it was given in a public edition of the
 * series or in this one (a committee previewing a draft sees its own lecturers too): two statements.
 */
export async function loadLectures(db: Database, tenant: SiteTenant): Promise<LectureHistory[]> {
	const { series, edition } = tenant;
	const [lectures, given] = await Promise.all([
		db.select().from(namedLectures).where(eq(namedLectures.seriesId, series.id)).orderBy(asc(namedLectures.name)),
		lecturesGivenQuery(
			db,
			and(
				eq(editions.seriesId, series.id),
				or(inArray(editions.status, [...PUBLIC_STATUSES]), eq(editions.id, edition.id)),
			),
		),
	]);
	return lectureHistories(lectures, given);
}

export interface SponsorTier {
	name: string;
	sponsors: Pick<typeof sponsors.$inferSelect, "name" | "logoUrl" | "url">[];
}

/** The edition's sponsors by tier, in tier order; sponsors without a tier last. Two statements. */
export async function loadSponsors(db: Database, editionId: string): Promise<SponsorTier[]> {
	const [tiers, rows] = await Promise.all([
		db
			.select({ id: sponsorTiers.id, name: sponsorTiers.name })
			.from(sponsorTiers)
			.where(eq(sponsorTiers.editionId, editionId))
			.orderBy(asc(sponsorTiers.position), asc(sponsorTiers.name)),
		db
			.select({ tierId: sponsors.tierId, name: sponsors.name, logoUrl: sponsors.logoUrl, url: sponsors.url })
			.from(sponsors)
			.where(eq(sponsors.editionId, editionId))
			.orderBy(asc(sponsors.position), asc(sponsors.name)),
	]);
	const grouped = [...tiers, { id: null, name: "Supporters" }].map((tier) => ({
		name: tier.name,
		sponsors: rows.filter((s) => s.tierId === tier.id || (tier.id === null && !tiers.some((t) => t.id === s.tierId))),
	}));
	return grouped.filter((tier) => tier.sponsors.length > 0);
}

/** The series' other public editions, newest first. */
export function loadOtherEditions(
	db: Database,
	edition: Pick<Edition, "id" | "seriesId">,
): Promise<Pick<Edition, "year" | "name" | "startDate" | "endDate" | "city" | "country" | "status">[]> {
	return db
		.select({
			year: editions.year,
			name: editions.name,
			startDate: editions.startDate,
			endDate: editions.endDate,
			city: editions.city,
			country: editions.country,
			status: editions.status,
		})
		.from(editions)
		.where(
			and(
				eq(editions.seriesId, edition.seriesId),
				ne(editions.id, edition.id),
				inArray(editions.status, [...PUBLIC_STATUSES]),
			),
		)
		.orderBy(desc(editions.year));
}

export type TicketType = typeof ticketTypes.$inferSelect;
export type RegistrationField = typeof registrationFields.$inferSelect;

export type AbstractCall = typeof abstractCalls.$inferSelect;

/** The edition's call for abstracts, or undefined when it has none. */
export function loadAbstractCall(db: Database, editionId: string): Promise<AbstractCall | undefined> {
	return db.select().from(abstractCalls).where(eq(abstractCalls.editionId, editionId)).get();
}
