/** What a content collection is: the one declaration each collection makes (see collections.ts for the registry). */
import type { SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database } from "../../db/client";
import type { FieldSpec } from "../../domain/fields";

export type EditionTable = SQLiteTable & { id: AnySQLiteColumn; editionId: AnySQLiteColumn };
export type Row = Record<string, unknown>;
export type Data = Record<string, unknown>;
export interface CollectionDef {
	/** URL segment and API path part, e.g. "rooms". */
	key: string;
	singular: string;
	plural: string;
	table: EditionTable;
	fields: FieldSpec[];
	orderBy: SQL[];
	/** What the list shows of each row. */
	columns: { label: string; value: (row: Row) => string }[];
	/** The row label used in select options of collections that refer to this one. */
	label: (row: Row) => string;
	/** Rules across fields: field messages, answered with 422. */
	check?: (data: Data) => Record<string, string> | null;
	/** Validated data → column values, when they differ (e.g. a consent tick → a timestamp). */
	toRow?: (data: Data, existing: Row | undefined) => Row;
	/** Column values → field values, the inverse of toRow. */
	fromRow?: (row: Row) => Data;
	/** Computed columns of a new row (e.g. the next per-edition seq). */
	insertExtras?: (editionId: string) => Record<string, SQL>;
	/**
	 * For rows the program's calendar events show (rooms, speakers): the statements raising those
	 * events' revisions when the row changes what they show (`after` undefined: it is removed), for
	 * the write's own batch, before the write (src/db/event-revisions.ts).
	 */
	revisesEvents?: (db: Database, editionId: string, before: Row, after: Row | undefined) => BatchItem<"sqlite">[];
	/**
	 * The text fields that may hold placeholders (resolved when shown or sent): checked for unknown
	 * names on save, and offered the insert list and a preview in the console.
	 */
	placeholderFields?: readonly { name: string; markdown: boolean }[];
	/** The field blamed when a unique index refuses a row. */
	uniqueField?: { name: string; message: string };
	/**
	 * Statements of derived state that follow a create or update in its batch, after the write
	 * (the tickets' coarse availability after a capacity change).
	 */
	afterWrite?: (db: Database, editionId: string) => BatchItem<"sqlite">[];
	/** Why a row other rows still refer to (ON DELETE RESTRICT) cannot be deleted: the 409's message. */
	inUse?: string;
}
