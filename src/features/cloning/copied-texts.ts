/**
 * Copied texts not yet reviewed, on the clone's side: the marks a clone writes (one per copied row
 * whose fields may state facts, `copied_texts`) and the list of those still open, each with a
 * label and the console address to fix it. The editors show and clear a mark through
 * src/domain/copied-texts.ts.
 */
import { and, eq, getTableName, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { copiedTexts, type Edition, editions } from "../../db/schema";
import { abstractCallUrl, contentUrl, itemUrl, sessionUrl } from "../../urls";
import { COLLECTIONS } from "../content";
import { CLONE_PARTS, type ClonePart, type EditionRows, PART_LABELS, partSpec, rowKindsOf } from "./edition-parts";
import type { AnyRow, EditionTable } from "./part-spec";

/** A kind of row that states facts, with its table: what a clone marks. */
function markedKinds(parts: readonly ClonePart[]) {
	return parts.flatMap((part) => {
		const tables = partSpec(part).tables as Record<string, EditionTable>;
		return rowKindsOf(part)
			.filter((kind) => kind.facts.length > 0)
			.flatMap((kind) => {
				const table = tables[kind.table];
				return table ? [{ part, kind, table, tableName: getTableName(table) }] : [];
			});
	});
}

/** A copied row's id; the call for abstracts has none of its own (it is keyed by its edition). */
const rowIdOf = (row: AnyRow, editionId: string) => (typeof row.id === "string" ? row.id : editionId);

/** The marks of every copied row of `parts` whose fields may state facts, for the clone's batch. */
export function copiedTextMarks(
	source: Pick<Edition, "id">,
	target: Pick<Edition, "id">,
	parts: readonly ClonePart[],
	rows: EditionRows,
): (typeof copiedTexts.$inferInsert)[] {
	const byTable = rows as unknown as Record<string, AnyRow[] | undefined>;
	return markedKinds(parts).flatMap(({ kind, tableName }) =>
		(byTable[kind.table] ?? []).map((row) => ({
			editionId: target.id,
			tableName,
			rowId: rowIdOf(row, target.id),
			sourceEditionId: source.id,
		})),
	);
}

/** A copied text nobody has reviewed yet, as the stale-fact guard lists it. */
export interface UnreviewedCopiedText {
	tableName: string;
	rowId: string;
	/** "Site pages: Welcome to AINM 2023". */
	label: string;
	/** Where in the console to review or fix it. */
	url: string;
	sourceEditionId: string | null;
	/** The edition it was copied from, or null when that edition is gone. */
	sourceName: string | null;
}

/** The editor of a copied row. */
function editorUrl(editionId: string, table: EditionTable, rowId: string): string {
	if (getTableName(table) === "sessions") return sessionUrl(editionId, rowId);
	if (getTableName(table) === "abstract_calls") return abstractCallUrl({ id: editionId });
	const collection = COLLECTIONS.find((def) => def.table === (table as unknown));
	return collection ? itemUrl(editionId, collection, rowId) : contentUrl(editionId);
}

/** The editor of a copied row by its SQL table's name; undefined for a table no clone marks. */
export function copiedTextEditorUrl(editionId: string, tableName: string, rowId: string): string | undefined {
	const marked = markedKinds(CLONE_PARTS).find((k) => k.tableName === tableName);
	return marked ? editorUrl(editionId, marked.table, rowId) : undefined;
}

/**
 * The copied texts of `editionId` not reviewed yet (marked by a clone, neither marked reviewed
 * nor saved through their editors since), in the wizard's order of parts, each with a label and
 * the console address to fix it. Rows removed since are left out. One query for the marks, one
 * per table that has any.
 *
 * @example await unreviewedCopiedTexts(db, "ainm-2025") // [{ label: "Site pages: About AINM 2023", url: "/console/editions/…/pages/…", … }]
 */
export async function unreviewedCopiedTexts(db: Database, editionId: string): Promise<UnreviewedCopiedText[]> {
	const marks = await db
		.select({
			tableName: copiedTexts.tableName,
			rowId: copiedTexts.rowId,
			sourceEditionId: copiedTexts.sourceEditionId,
			sourceName: editions.name,
		})
		.from(copiedTexts)
		.leftJoin(editions, eq(editions.id, copiedTexts.sourceEditionId))
		.where(and(eq(copiedTexts.editionId, editionId), isNull(copiedTexts.reviewedAt)));
	if (marks.length === 0) return [];
	const kinds = markedKinds(CLONE_PARTS).filter((k) => marks.some((m) => m.tableName === k.tableName));
	const found = await Promise.all(
		kinds.map(async ({ part, kind, table, tableName }) => {
			const ids = marks.filter((m) => m.tableName === tableName).map((m) => m.rowId);
			const keyed = "id" in table;
			const rows = (await db
				.select()
				.from(table)
				.where(
					keyed
						? and(eq(table.editionId, editionId), inArray((table as unknown as { id: typeof table.editionId }).id, ids))
						: eq(table.editionId, editionId),
				)) as AnyRow[];
			const byId = new Map(rows.map((row) => [rowIdOf(row, editionId), row]));
			return marks
				.filter((m) => m.tableName === tableName)
				.flatMap((mark) => {
					const row = byId.get(mark.rowId);
					if (!row) return [];
					return [
						{
							...mark,
							label: `${PART_LABELS[part]}: ${kind.title(row)}`,
							url: editorUrl(editionId, table, mark.rowId),
						},
					];
				});
		}),
	);
	return found.flat();
}
