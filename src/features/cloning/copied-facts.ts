/**
 * The source edition's facts in the texts a clone copies (issue 18): every place a copied text
 * states the old edition's name, year, dates, city, venue, address, host, contact address or one
 * of its people, each with a stable id and the placeholder that could stand there instead.
 *
 * Finding is not replacing. A clone copies every text as written, except the hits the committee
 * accepted (by id, or all proposals at once): "founded in Groningen in 2023" is true history and
 * stays exactly as written unless someone chose otherwise. People have no placeholder, and
 * neither has one line of a longer address: they are shown, to be edited after copying.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Edition, editionPeople, speakers } from "../../db/schema";
import {
	applyPlaceholders,
	type Fact,
	type FactHit,
	type FactKind,
	factsOf,
	findFacts,
} from "../../domain/edition-facts";
import { AppError } from "../../lib/errors";
import { type ClonePart, type DocumentRowKind, type EditionParts, PART_LABELS, rowKindsOf } from "./edition-parts";
import type { AnyRow } from "./part-spec";

/** One place a copied text states a fact of the source edition. */
export interface CopiedFactHit {
	/** Stable for the same source texts: `<part>/<table>/<row key>/<field>/<occurrence>`, the row key URI-encoded. */
	id: string;
	part: ClonePart;
	/** The part as the wizard names it ("Site pages"). */
	partLabel: string;
	/** The kind of row ("pages", "sessions", "email texts"). */
	what: string;
	/** The row as previews list it (a page's title, a session's day, time and title). */
	row: string;
	field: string;
	kind: FactKind;
	/** The text as the copied text states it ("Groningen"). */
	text: string;
	/** Up to ~40 characters either side, on one line. */
	before: string;
	after: string;
	/** What would stand there instead (`{{edition.city}}`), or null: edit it after copying. */
	placeholder: string | null;
	/** Whether this request accepts the proposal (it is substituted when the clone is applied). */
	accepted: boolean;
}

/** Which hits to substitute: ids from the preview, and/or every hit that has a placeholder. */
export interface FactChoice {
	acceptedFacts?: readonly string[];
	acceptAllFacts?: boolean;
}

/** A text field of a copied row a clone leaves as written in the source (checked per row). */
export type KeepsText = (part: ClonePart, row: AnyRow, field: string) => boolean;

/** The facts the source edition states: its own columns, its public people and its speakers (2 queries). */
export async function sourceFactsOf(db: Database, source: Edition): Promise<Fact[]> {
	const [people, speakerRows] = await Promise.all([
		db.select({ name: editionPeople.name }).from(editionPeople).where(eq(editionPeople.editionId, source.id)),
		db.select({ name: speakers.name }).from(speakers).where(eq(speakers.editionId, source.id)),
	]);
	return factsOf({ edition: source, people: [...people, ...speakerRows].map((p) => p.name) });
}

type Visit = (place: {
	part: ClonePart;
	kind: DocumentRowKind;
	row: AnyRow;
	key: string;
	field: string;
	text: string;
	hits: FactHit[];
}) => void;

/** Every fact field of every copied row, in the wizard's order, with the facts found in it. */
function walk(
	parts: EditionParts,
	chosen: readonly ClonePart[],
	facts: readonly Fact[],
	keeps: KeepsText,
	visit: Visit,
) {
	for (const part of chosen) {
		for (const kind of rowKindsOf(part)) {
			if (kind.facts.length === 0) continue;
			const seen = new Map<string, number>();
			for (const row of kind.of(parts)) {
				// Two rows with the same key (two tasks titled alike) stay apart by their order.
				const base = kind.key(row);
				const n = (seen.get(base) ?? 0) + 1;
				seen.set(base, n);
				const key = n === 1 ? base : `${base}~${n}`;
				for (const field of kind.facts) {
					const text = row[field];
					if (typeof text !== "string" || keeps(part, row, field)) continue;
					visit({ part, kind, row, key, field, text, hits: findFacts(text, facts) });
				}
			}
		}
	}
}

const hitId = (part: ClonePart, table: string, key: string, field: string, i: number) =>
	`${part}/${table}/${encodeURIComponent(key)}/${field}/${i}`;

/** Whether a hit is substituted under `choice`. */
const accepts = (choice: FactChoice, ids: ReadonlySet<string>) => (id: string, hit: FactHit) =>
	ids.has(id) || (choice.acceptAllFacts === true && hit.fact.placeholder !== null);

/**
 * Every hit of the source's facts in the copied texts of `chosen`, with the proposal and whether
 * `choice` accepts it. Refuses (422, field `acceptedFacts`) an accepted id that names no hit: the
 * texts changed since the preview, or the id was never one of its hits.
 */
export function copiedFactHits(
	parts: EditionParts,
	chosen: readonly ClonePart[],
	facts: readonly Fact[],
	keeps: KeepsText,
	choice: FactChoice,
): CopiedFactHit[] {
	const ids = new Set(choice.acceptedFacts ?? []);
	const isAccepted = accepts(choice, ids);
	const found: CopiedFactHit[] = [];
	walk(parts, chosen, facts, keeps, ({ part, kind, row, key, field, text, hits }) => {
		hits.forEach((hit, i) => {
			const id = hitId(part, kind.table, key, field, i);
			found.push({
				id,
				part,
				partLabel: PART_LABELS[part],
				what: kind.what,
				row: kind.title(row),
				field,
				kind: hit.fact.kind,
				text: text.slice(hit.start, hit.end),
				before: hit.before,
				after: hit.after,
				placeholder: hit.fact.placeholder === null ? null : `{{${hit.fact.placeholder}}}`,
				accepted: isAccepted(id, hit),
			});
		});
	});
	const known = new Set(found.map((hit) => hit.id));
	const unknown = [...ids].filter((id) => !known.has(id));
	if (unknown.length > 0) {
		throw new AppError(422, "invalid_clone", "This clone cannot be made as chosen.", {
			acceptedFacts: `${unknown.length === 1 ? "One accepted fact is" : `${unknown.length} accepted facts are`} no longer found in the copied texts (${unknown.slice(0, 3).join(", ")}): look at the preview again.`,
		});
	}
	return found;
}

/**
 * The document with exactly the accepted hits replaced by their placeholders; every other text,
 * every person and every hit not accepted stays as written. `parts` is not changed.
 */
export function withAcceptedFacts(
	parts: EditionParts,
	chosen: readonly ClonePart[],
	facts: readonly Fact[],
	keeps: KeepsText,
	choice: FactChoice,
): EditionParts {
	if (!choice.acceptAllFacts && (choice.acceptedFacts ?? []).length === 0) return parts;
	const copy = structuredClone(parts);
	const isAccepted = accepts(choice, new Set(choice.acceptedFacts ?? []));
	walk(copy, chosen, facts, keeps, ({ part, kind, row, key, field, text, hits }) => {
		const accepted = hits.filter((hit, i) => isAccepted(hitId(part, kind.table, key, field, i), hit));
		if (accepted.length > 0) row[field] = applyPlaceholders(text, accepted);
	});
	return copy;
}
