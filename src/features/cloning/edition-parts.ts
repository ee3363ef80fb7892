/**
 * The engine every copy of edition parts runs on, shared by the clone and the templates, driven by
 * the parts' declarations (./part-specs.ts):
 *
 * 1. read: the chosen parts of an edition as a document (`EditionParts`): plain rows without ids,
 *    rows of one part referring to another's by a local key (a session names its room and track,
 *    a named-lecture slot its lecture's slug);
 * 2. write: a document as new rows of another edition (fresh ids, the edition's id, references
 *    resolved, placeholders filled) and the chunked insert statements for one batch.
 *
 * A clone is read(source) → write(target); a template is a stored document written into an edition.
 */
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { chunkedInserts } from "../../db/batching";
import type { Database } from "../../db/client";
import { type Edition, namedLectures } from "../../db/schema";
import { fillPlaceholders, placeholderValues } from "../../domain/placeholders";
import type { AnyPartSpec, AnyRow, DocOf, EditionTable, ReadPart, RowKind, RowsOf, SeriesLecture } from "./part-spec";
import { PART_SPECS } from "./part-specs";

type BuiltIn = (typeof PART_SPECS)[number];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** A part's key: "pages", "rooms_tracks", … */
export type ClonePart = BuiltIn["key"];
/** What each part holds in a document. */
export type PartDocs = { [S in BuiltIn as S["key"]]: DocOf<S> };
/** Some parts of an edition, as a document: a template's `parts`, or what a clone carries. */
export type EditionParts = { [P in ClonePart]?: PartDocs[P] };
/** The rows a document becomes, per table, parallel to the document's lists. */
export type EditionRows = UnionToIntersection<RowsOf<BuiltIn>>;
/** The source row ids behind a read document, per table, parallel to its lists (for links that follow copied rows). */
export type SourceIds = { [T in keyof EditionRows]?: string[] };

// The registry. Arrays and records below are the same objects for the life of the Worker; only
// the test hook adds to them, so everything that reads them at call time sees a test's part.
const registry: AnyPartSpec[] = [...PART_SPECS];

/** The parts of an edition the wizard offers, in the order it lists them. */
export const CLONE_PARTS: readonly ClonePart[] = PART_SPECS.map((spec) => spec.key);
export const PART_LABELS = Object.fromEntries(PART_SPECS.map((s) => [s.key, s.label])) as Record<ClonePart, string>;
/** What each part brings and what stays behind, as the wizard explains it beside the checkbox. */
export const PART_HINTS = Object.fromEntries(PART_SPECS.map((s) => [s.key, s.hint])) as Record<ClonePart, string>;

/** The wizard's form field of a part's checkbox. */
export const partField = (part: ClonePart) => `part.${part}`;

/** The declaration of a part. */
export function partSpec(part: ClonePart): AnyPartSpec {
	const spec = registry.find((s) => s.key === part);
	if (!spec) throw new Error(`No part ${part}`);
	return spec;
}

/** The part's tables, in the order their rows are written and deleted. */
export const partTables = (part: ClonePart): EditionTable[] => Object.values(partSpec(part).tables);

/**
 * Adds a part for the length of a test (the registry is otherwise fixed): clone, templates and
 * previews pick it up; the form schemas and the OpenAPI enums built at start-up do not. Returns
 * the function that removes it again.
 */
export function registerPartForTests(spec: AnyPartSpec): () => void {
	const parts = CLONE_PARTS as string[];
	registry.push(spec);
	parts.push(spec.key);
	(PART_LABELS as Record<string, string>)[spec.key] = spec.label;
	(PART_HINTS as Record<string, string>)[spec.key] = spec.hint;
	return () => {
		registry.splice(registry.indexOf(spec), 1);
		parts.splice(parts.indexOf(spec.key), 1);
		delete (PART_LABELS as Record<string, string>)[spec.key];
		delete (PART_HINTS as Record<string, string>)[spec.key];
	};
}

/** A kind of row as the previews use it: its rows found in a whole document. */
export type DocumentRowKind = Omit<RowKind, "of"> & { of: (parts: EditionParts) => readonly AnyRow[] };

/** The kinds of row of a part, in preview order, reading a whole document. */
export function rowKindsOf(part: ClonePart): DocumentRowKind[] {
	return partSpec(part).rows.map((kind: RowKind<unknown>) => ({
		...kind,
		of: (parts: EditionParts) => {
			const doc = parts[part];
			return doc === undefined ? [] : kind.of(doc);
		},
	}));
}

/** Every kind of row of every part. */
export const allRowKinds = () => CLONE_PARTS.flatMap(rowKindsOf);

// ---------------------------------------------------------------------------------------------
// Read

/**
 * The chosen parts of an edition as a document, rows in display order, and the ids of the rows
 * they came from. Reads only the tables of the chosen parts and those they refer to (all at once).
 *
 * @example const { parts } = await readEditionParts(db, "ainm-2023", ["checklist"]) // { checklist: [...] }
 */
export async function readEditionParts(
	db: Database,
	editionId: string,
	chosen: readonly ClonePart[],
): Promise<{ parts: EditionParts; ids: SourceIds }> {
	const wanted = new Set<string>(chosen);
	const needed = new Set<string>(chosen);
	for (const part of chosen) for (const need of partSpec(part).needs ?? []) needed.add(need);
	const specs = registry.filter((spec) => needed.has(spec.key));
	const raws = await Promise.all(specs.map((spec) => spec.read(db, editionId)));
	const read = new Map<string, ReadPart<unknown, unknown>>();
	specs.forEach((spec, i) => {
		read.set(
			spec.key,
			spec.toDocument(raws[i], (part) => read.get(part)),
		);
	});
	const parts: Record<string, unknown> = {};
	const ids: Record<string, string[]> = {};
	for (const [part, { doc, ids: partIds }] of read) {
		if (!wanted.has(part)) continue;
		parts[part] = doc;
		Object.assign(ids, partIds);
	}
	return { parts: parts as EditionParts, ids: ids as SourceIds };
}

/** The named lectures of a series by slug: what a document's lecture slots are linked to. */
export async function lecturesOf(db: Database, seriesId: string): Promise<Map<string, SeriesLecture>> {
	const rows = await db
		.select({ id: namedLectures.id, slug: namedLectures.slug, name: namedLectures.name })
		.from(namedLectures)
		.where(eq(namedLectures.seriesId, seriesId));
	return new Map(rows.map((r) => [r.slug, { id: r.id, name: r.name }]));
}

// ---------------------------------------------------------------------------------------------
// Write

export interface WrittenParts {
	rows: EditionRows;
	/** Placeholders left in the texts because the edition has no value for them yet. */
	unfilled: Set<string>;
	/** Sessions whose named lecture (by slug) the edition's series does not have: written as empty slots. */
	unlinkedLectures: { title: string; slug: string }[];
}

/**
 * The rows of `parts` in `target`: fresh ids (and frab guids), the target's edition id, rooms,
 * tracks and named lectures resolved (`lectures`: the target series' lectures by slug),
 * placeholders filled with the target's values, checklist tasks open. Every table of every part
 * is present (empty when the part is not in the document). Writes nothing.
 */
export function editionRowsOf(
	target: Edition,
	parts: EditionParts,
	lectures: ReadonlyMap<string, SeriesLecture>,
): WrittenParts {
	const values = placeholderValues(target);
	const unfilled = new Set<string>();
	const unlinkedLectures: WrittenParts["unlinkedLectures"] = [];
	const written = new Map<string, { doc: unknown; rows: Record<string, AnyRow[]> }>();
	const rows: Record<string, AnyRow[]> = {};
	for (const spec of registry) {
		const doc = (parts as Record<string, unknown>)[spec.key];
		for (const name of Object.keys(spec.tables)) rows[name] = [];
		if (doc === undefined) continue;
		const partRows = spec.toRows(doc, {
			editionId: target.id,
			year: target.year,
			fill: (text) => fillPlaceholders(text, values, unfilled),
			lectures,
			unlinkedLecture: (title, slug) => unlinkedLectures.push({ title, slug }),
			written: (part) => written.get(part),
		}) as Record<string, AnyRow[]>;
		written.set(spec.key, { doc, rows: partRows });
		Object.assign(rows, partRows);
	}
	return { rows: rows as EditionRows, unfilled, unlinkedLectures };
}

/** The inserts of `rows`, chunked, parents before the children that refer to them (registry order). */
export function insertStatements(db: Database, rows: EditionRows): BatchItem<"sqlite">[] {
	const byName = rows as Record<string, AnyRow[] | undefined>;
	return registry.flatMap((spec) =>
		Object.entries(spec.tables).flatMap(([name, table]) => chunkedInserts(db, table, byName[name] ?? [])),
	);
}

/** Deletes every row of `parts` in the edition: what a template that replaces those parts writes first. */
export function deleteStatements(db: Database, editionId: string, parts: readonly ClonePart[]): BatchItem<"sqlite">[] {
	return parts.flatMap((part) =>
		partTables(part).map((table) => db.delete(table).where(eq(table.editionId, editionId)) as BatchItem<"sqlite">),
	);
}

/** Row counts per table, e.g. `{ rooms: 4, sessions: 17 }`, leaving out tables with none. */
export function countRows(rows: EditionRows): Record<string, number> {
	const created: Record<string, number> = {};
	for (const [table, tableRows] of Object.entries(rows as Record<string, AnyRow[]>)) {
		if (tableRows.length > 0) created[table] = tableRows.length;
	}
	return created;
}
