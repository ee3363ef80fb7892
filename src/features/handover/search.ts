/**
 * Search across a series' handover notes with D1's FTS5 (the table handover_notes_fts, kept in
 * step with handover_notes by the triggers of migrations/0005): best matches first (bm25, a title
 * match counting most), a snippet of the best passage, topic and tag filters, and only the notes
 * the reader may see (filtered inside the query, so LIMIT never cuts visible results short).
 */
import { and, eq, sql } from "drizzle-orm";
import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { NoteAudience } from "../../auth/policy";
import type { Database } from "../../db/client";
import { editions, type HandoverNote, handoverNotes, users } from "../../db/schema";
import { type NoteListItem, noteFilters } from "./notes";
import { visibleNotes } from "./visibility";

/**
 * The FTS5 table, declared here for queries only: migrations/0005 creates it by hand, and it stays
 * out of src/db/schema.ts so that drizzle-kit never tries to manage a virtual table.
 */
const notesFts = sqliteTable("handover_notes_fts", {
	noteId: text("note_id").notNull(),
	title: text("title"),
	body: text("body"),
	tags: text("tags"),
});

const MAX_TERMS = 12;

/**
 * A user's words as a safe FTS5 query: each word a quoted string (quotes inside dropped), so
 * operators, column filters, `NEAR(`, `^` and stray quotes are searched as text, never parsed as
 * syntax; a word ending in `*` stays a prefix search. All words must match. Null when nothing
 * searchable is left (only punctuation, say).
 *
 * @example ftsQuery('student "ticket* OR NEAR(') // '"student" "ticket"* "OR" "NEAR("'
 */
export function ftsQuery(input: string): string | null {
	const terms: string[] = [];
	// Control characters split words: FTS5 reads a NUL inside a quoted string as its end.
	for (const word of input
		.normalize("NFC")
		.replace(/\p{Cc}/gu, " ")
		.split(/\s+/)) {
		const prefix = /\*$/.test(word);
		const term = word.replaceAll('"', "").replace(/\*+$/, "");
		// A term without a letter or digit has no tokens: it could only match nothing.
		if (!/[\p{L}\p{N}]/u.test(term)) continue;
		terms.push(`"${term}"${prefix ? "*" : ""}`);
		if (terms.length === MAX_TERMS) break;
	}
	return terms.length > 0 ? terms.join(" ") : null;
}

/** One piece of a snippet: matched words are `match: true`. */
export interface SnippetPiece {
	text: string;
	match: boolean;
}

// Control characters no note contains, so the matched words can be marked without HTML.
const START = "\u0002";
const END = "\u0003";

const MARKED = new RegExp(`${START}([^${END}]*)${END}`, "g");

/** Splits a snippet marked with START/END into pieces, so pages and the API never deal in HTML. */
export function snippetPieces(marked: string): SnippetPiece[] {
	const pieces: SnippetPiece[] = [];
	let last = 0;
	for (const found of marked.matchAll(MARKED)) {
		if (found.index > last) pieces.push({ text: marked.slice(last, found.index), match: false });
		if (found[1]) pieces.push({ text: found[1], match: true });
		last = found.index + found[0].length;
	}
	if (last < marked.length) pieces.push({ text: marked.slice(last), match: false });
	return pieces;
}

export interface SearchResult extends NoteListItem {
	snippet: SnippetPiece[];
}

export interface SearchInput {
	seriesId: string;
	query: string;
	topic?: HandoverNote["topic"];
	tag?: string;
	limit?: number;
}

/**
 * The series' notes matching `query` that `audience` may read, best first, with snippets. An
 * empty or unsearchable query finds nothing.
 *
 * @example await searchNotes(db, noteAudience(actor), { seriesId, query: "student ticket" })
 */
export async function searchNotes(db: Database, audience: NoteAudience, input: SearchInput): Promise<SearchResult[]> {
	const match = ftsQuery(input.query);
	if (!match) return [];
	const rows = await db
		.select({
			note: handoverNotes,
			edition: { id: editions.id, name: editions.name, year: editions.year },
			authorName: users.name,
			// Column -1: the best-matching of title, body and tags.
			snippet: sql<string>`snippet(${notesFts}, -1, ${START}, ${END}, '…', 24)`,
		})
		.from(notesFts)
		.innerJoin(handoverNotes, eq(handoverNotes.id, notesFts.noteId))
		.innerJoin(editions, eq(editions.id, handoverNotes.editionId))
		.leftJoin(users, eq(users.id, handoverNotes.authorId))
		.where(
			and(
				sql`${notesFts} match ${match}`,
				eq(handoverNotes.seriesId, input.seriesId),
				visibleNotes(audience),
				...noteFilters(input),
			),
		)
		// bm25 is lower for better matches; weights per column: note_id, title, body, tags.
		.orderBy(sql`bm25(${notesFts}, 0.0, 10.0, 1.0, 5.0)`, sql`${editions.year} desc`)
		.limit(input.limit ?? 50);
	return rows.map(({ snippet, ...item }) => ({ ...item, snippet: snippetPieces(snippet) }));
}
