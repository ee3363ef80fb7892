/**
 * The stale-fact guard: earlier editions' facts (years, cities, venues, hosts, contact addresses,
 * people…) that an edition's own public texts still state, as the public would read them. Each hit
 * names the text, shows it in context, says whose fact it is ("the city of AINM 2023") and links to
 * where the text is edited. A hit a committee member marked "right as it is" (a true mention, such
 * as "first held in Groningen in 2023") no longer blocks publishing.
 */
import { and, desc, eq, lt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Edition, editionPeople, editions, factAcceptances, series, speakers } from "../../db/schema";
import { readTogether } from "../../db/write";
import { FACT_KIND_LABELS, type Fact, type FactKind, factsOf, findFacts } from "../../domain/edition-facts";
import { type PublicText, publicTextsOf } from "./public-texts";

/** An earlier edition's fact, with the edition it belongs to (null: one of this edition's own facts). */
export interface EarlierFact extends Fact {
	editionName: string | null;
}

export interface StaleFactHit {
	/** Stable across edits elsewhere: the text's identity and the fact's value (never offsets). */
	key: string;
	textKey: string;
	/** Which text (`Page “Travel”: content`). */
	label: string;
	/** The console page where the text is edited. */
	editUrl: string;
	kind: FactKind;
	/** The fact as the text states it ("Groningen"). */
	value: string;
	/** Whose fact it is, in words: "the city of AINM 2023". */
	belongsTo: string;
	/** The first mention in context, on one line. */
	before: string;
	match: string;
	after: string;
	/** How often the text states it (one mark covers them all). */
	occurrences: number;
	/** When someone marked it "right as it is"; null while it blocks publishing. */
	accepted: { by: string | null; at: Date } | null;
}

type GuardedEdition = Parameters<typeof publicTextsOf>[1] & Pick<Edition, "seriesId">;

const lower = (s: string) => s.trim().toLocaleLowerCase();

/**
 * The facts of the series' earlier editions (year before this one's), each value once and owned by
 * the newest edition that states it, without the values this edition states itself (the same city,
 * a host hosting twice, a person on both committees) and without the series' own names. This
 * edition's own facts come along with `editionName` null: looked for too, so "Utrecht University"
 * (this host) is not read as "Utrecht" (an earlier city), and then left out.
 */
export async function earlierFacts(db: Database, edition: GuardedEdition): Promise<EarlierFact[]> {
	const earlier = and(eq(editions.seriesId, edition.seriesId), lt(editions.year, edition.year));
	const [seriesRows, earlierEditions, people, speakerNames, ownPeople, ownSpeakers] = await readTogether(db, [
		db.select({ name: series.name, shortName: series.shortName }).from(series).where(eq(series.id, edition.seriesId)),
		db.select().from(editions).where(earlier).orderBy(desc(editions.year)),
		db
			.select({ editionId: editionPeople.editionId, name: editionPeople.name })
			.from(editionPeople)
			.innerJoin(editions, eq(editions.id, editionPeople.editionId))
			.where(earlier),
		db
			.select({ editionId: speakers.editionId, name: speakers.name })
			.from(speakers)
			.innerJoin(editions, eq(editions.id, speakers.editionId))
			.where(earlier),
		db.select({ name: editionPeople.name }).from(editionPeople).where(eq(editionPeople.editionId, edition.id)),
		db.select({ name: speakers.name }).from(speakers).where(eq(speakers.editionId, edition.id)),
	]);

	const ownFacts = factsOf({ edition, people: [...ownPeople, ...ownSpeakers].map((p) => p.name) });
	const own = new Set(ownFacts.map((f) => lower(f.value)));
	for (const s of seriesRows) {
		own.add(lower(s.name));
		own.add(lower(s.shortName));
	}
	const namesOf = (editionId: string) =>
		[...people, ...speakerNames].filter((p) => p.editionId === editionId).map((p) => p.name);

	const facts = new Map<string, EarlierFact>();
	for (const e of earlierEditions) {
		for (const fact of factsOf({ edition: e, people: namesOf(e.id) })) {
			const key = lower(fact.value);
			if (own.has(key) || facts.has(key)) continue;
			facts.set(key, { ...fact, editionName: e.name });
		}
	}
	if (facts.size === 0) return [];
	return [...facts.values(), ...ownFacts.map((fact) => ({ ...fact, editionName: null }))];
}

/** The stable key of a hit: the text's identity and a digest of the fact's value. */
export async function hitKeyOf(textKey: string, value: string): Promise<string> {
	const bytes = new TextEncoder().encode(lower(value));
	const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
	return `${textKey}:${Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * Where `texts` state any of `facts`, one hit per text and fact (in text order), leaving out what
 * this edition's own placeholder values put there. Pure but for the key digests.
 */
export async function scanTexts(
	texts: readonly PublicText[],
	facts: readonly EarlierFact[],
): Promise<Omit<StaleFactHit, "accepted">[]> {
	const hits: Omit<StaleFactHit, "accepted">[] = [];
	for (const text of texts) {
		const found = findFacts(text.text, facts).filter(
			(hit) =>
				(hit.fact as EarlierFact).editionName !== null &&
				!text.ownRanges.some(([start, end]) => hit.start < end && hit.end > start),
		);
		const byValue = new Map<string, Omit<StaleFactHit, "accepted">>();
		for (const hit of found) {
			const fact = hit.fact as EarlierFact;
			const value = lower(fact.value);
			const seen = byValue.get(value);
			if (seen) {
				seen.occurrences++;
				continue;
			}
			const entry = {
				key: await hitKeyOf(text.key, fact.value),
				textKey: text.key,
				label: text.label,
				editUrl: text.editUrl,
				kind: fact.kind,
				value: fact.value,
				belongsTo: `${FACT_KIND_LABELS[fact.kind]} of ${fact.editionName}`,
				before: hit.before,
				match: text.text.slice(hit.start, hit.end),
				after: hit.after,
				occurrences: 1,
			};
			byValue.set(value, entry);
			hits.push(entry);
		}
	}
	return hits;
}

/** Every stale-fact hit of the edition's public texts, with the marks "right as it is". */
export async function staleFactHits(db: Database, edition: GuardedEdition): Promise<StaleFactHit[]> {
	const [facts, texts, marks] = await Promise.all([
		earlierFacts(db, edition),
		publicTextsOf(db, edition),
		db
			.select({ hitKey: factAcceptances.hitKey, by: factAcceptances.acceptedBy, at: factAcceptances.acceptedAt })
			.from(factAcceptances)
			.where(eq(factAcceptances.editionId, edition.id)),
	]);
	if (facts.length === 0) return [];
	const accepted = new Map(marks.map((m) => [m.hitKey, { by: m.by, at: m.at }]));
	return (await scanTexts(texts, facts)).map((hit) => ({ ...hit, accepted: accepted.get(hit.key) ?? null }));
}

/** A hit as a go-live problem's message. */
export const hitMessage = (hit: Pick<StaleFactHit, "value" | "label" | "belongsTo">) =>
	`${hit.label} says “${hit.value}”, ${hit.belongsTo}: fix the text or mark it right as it is.`;
