/**
 * What an edition part is, as one declaration (`PartSpec`): everything the clone, the templates
 * and their previews need to know of it. The registry of parts is ./part-specs.ts; the engine that
 * runs them in order is ./edition-parts.ts.
 *
 * A part reads its rows of an edition (`read`, all parts at once), turns them into its document
 * (`toDocument`, in registry order, so a part sees the documents of the parts it `needs`), turns a
 * document into new rows of another edition (`toRows`, in the same order), validates a template's
 * document (`schema`) and says how previews list its rows (`rows`).
 */
import type { z } from "@hono/zod-openapi";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database } from "../../db/client";

/** A named lecture of the target's series, as a document's lecture slot is linked to it. */
export interface SeriesLecture {
	id: string;
	name: string;
}

export type EditionTable = SQLiteTable & { editionId: AnySQLiteColumn; $inferInsert: object };
export type AnyRow = Record<string, unknown>;

/** The new rows of a part's tables, by table name, parallel to the document's lists. */
export type RowsOfTables<Tables extends Record<string, EditionTable>> = {
	[N in keyof Tables]: Tables[N]["$inferInsert"][];
};

/** A kind of row of a part: how previews name it, where its rows go, and how one is recognised and titled. */
export interface RowKind<Doc = never> {
	/** As previews count them: "checklist tasks". */
	what: string;
	/** The name of the part's table its rows go to (a key of `tables`). */
	table: string;
	/** The rows of this kind in the part's document. */
	of: (doc: Doc) => readonly AnyRow[];
	/** What identifies a row to a committee (a page by its address, a task by its title), to pair versions. */
	key: (row: AnyRow) => string;
	/** How a row is listed; works on document rows and written rows alike. */
	title: (row: AnyRow) => string;
	/**
	 * The fields whose texts state facts of one edition (a date, a venue, a price in words): what a
	 * guard against stale facts in a copied or applied part scans.
	 */
	facts: readonly string[];
}

/** What writing a document into an edition provides each part. */
export interface WriteContext {
	editionId: string;
	/** Fills placeholders with the target edition's values (remembering those it has none for). */
	fill: (text: string) => string;
	/** The target edition's year (a named-lecture slot is titled after it). */
	year: number;
	/** The target series' named lectures by slug. */
	lectures: ReadonlyMap<string, SeriesLecture>;
	/** Reports a session whose named lecture the target's series lacks (written as an empty slot). */
	unlinkedLecture: (title: string, slug: string) => void;
	/** A part written before this one (registry order): its document and its new rows. */
	written: (part: string) => { doc: unknown; rows: Record<string, AnyRow[]> } | undefined;
}

/** A part's document read from an edition, with the ids of the rows behind it (parallel to its lists). */
export interface ReadPart<Doc, Tables> {
	doc: Doc;
	ids: { [N in keyof Tables]?: string[] };
}

export interface PartSpec<
	K extends string = string,
	Doc = unknown,
	Tables extends Record<string, EditionTable> = Record<string, EditionTable>,
	Raw = unknown,
> {
	/** The part's key in forms (`part.<key>`), the API and template documents. */
	key: K;
	/** What the wizard's checkbox says. */
	label: string;
	/** What the part brings and what stays behind, as the wizard explains it beside the checkbox. */
	hint: string;
	/** The part's tables by name, in the order their rows are inserted and deleted. */
	tables: Tables;
	/** Parts whose documents this one refers to: read along with it, and before it. */
	needs?: readonly string[];
	/** The part's rows of an edition, in display order (one or more queries, run with every other part's). */
	read: (db: Database, editionId: string) => Promise<Raw>;
	/** The rows read as the part's document; `earlier` gives the documents of the parts it needs. */
	toDocument: (
		raw: Raw,
		earlier: (part: string) => ReadPart<unknown, unknown> | undefined,
	) => ReadPart<Doc, NoInfer<Tables>>;
	/** The document as new rows of an edition: fresh ids, its edition id, references resolved, placeholders filled. */
	toRows: (doc: Doc, ctx: WriteContext) => RowsOfTables<NoInfer<Tables>>;
	/** How a template document holds the part: the editors' own field rules, strict. */
	schema: z.ZodType<Doc>;
	/** The kinds of row of the part, in preview order. */
	rows: readonly RowKind<Doc>[];
}

/** Declares a part, inferring its types from the declaration. */
export const definePart = <K extends string, Doc, Tables extends Record<string, EditionTable>, Raw>(
	spec: PartSpec<K, Doc, Tables, Raw>,
) => spec;

// biome-ignore lint/suspicious/noExplicitAny: the registry holds parts of every document type
export type AnyPartSpec = PartSpec<string, any, Record<string, EditionTable>, any>;
/** The document type of a declared part. */
export type DocOf<S> = S extends { toRows: (doc: infer Doc, ctx: WriteContext) => unknown } ? Doc : never;
/** The new rows of a declared part, by table name. */
export type RowsOf<S> = S extends { tables: infer Tables extends Record<string, EditionTable> }
	? RowsOfTables<Tables>
	: never;
