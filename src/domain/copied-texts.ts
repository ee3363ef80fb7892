/**
 * Copied texts not yet reviewed: a clone marks every copied row whose fields may state facts of
 * the edition it came from (`copied_texts`), so nothing copied reaches the new site unseen. The
 * mark is cleared by "Mark reviewed" in the row's editor or by saving the row there; the editors
 * (content collections, program sessions, the call for abstracts) read and clear it through here,
 * so no feature needs the cloning feature for it.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client";
import { copiedTexts, editions } from "../db/schema";
import { actorOf, commit } from "../db/write";

/** An unreviewed mark as an editor shows it: "Copied from AINM 2023 — not reviewed yet". */
export interface CopiedTextMark {
	tableName: string;
	rowId: string;
	/** The name of the edition it was copied from, or null when that edition is gone. */
	sourceName: string | null;
}

const where = (editionId: string, tableName: string, rowId: string) =>
	and(
		eq(copiedTexts.editionId, editionId),
		eq(copiedTexts.tableName, tableName),
		eq(copiedTexts.rowId, rowId),
		isNull(copiedTexts.reviewedAt),
	);

/** The row's mark while it is not reviewed, or undefined (never copied, or reviewed). */
export async function unreviewedMark(
	db: Database,
	editionId: string,
	tableName: string,
	rowId: string,
): Promise<CopiedTextMark | undefined> {
	const [mark] = await openMarks(db, editionId, { tableName, rowId });
	return mark;
}

/**
 * The statement that marks the row reviewed (by the acting account), for the batch of a save
 * through its editor: that save is the review. Touches nothing when the row carries no open mark.
 */
export function reviewedStatement(db: Database, editionId: string, tableName: string, rowId: string) {
	const actor = actorOf(db);
	return db
		.update(copiedTexts)
		.set({ reviewedAt: new Date(), reviewedBy: actor.kind === "account" ? actor.id : null })
		.where(where(editionId, tableName, rowId)) as BatchItem<"sqlite">;
}

/** The open marks of an edition, or of one row of it, with the edition each was copied from. */
function openMarks(db: Database, editionId: string, row?: { tableName: string; rowId: string }) {
	return db
		.select({ tableName: copiedTexts.tableName, rowId: copiedTexts.rowId, sourceName: editions.name })
		.from(copiedTexts)
		.leftJoin(editions, eq(editions.id, copiedTexts.sourceEditionId))
		.where(
			row
				? where(editionId, row.tableName, row.rowId)
				: and(eq(copiedTexts.editionId, editionId), isNull(copiedTexts.reviewedAt)),
		);
}

/** Clears `marks` in one batch, one audit entry (`edition.copied-text.reviewed`) per text. */
async function commitReviewed(db: Database, editionId: string, marks: readonly CopiedTextMark[]): Promise<number> {
	const [first, ...rest] = marks.map((mark) => reviewedStatement(db, editionId, mark.tableName, mark.rowId));
	if (!first) return 0;
	await commit(
		db,
		marks.map((mark, of) => ({
			action: "edition.copied-text.reviewed" as const,
			id: mark.rowId,
			editionId,
			after: { table: mark.tableName, from: mark.sourceName },
			of,
		})),
		[first, ...rest],
	);
	return marks.length;
}

/**
 * "Mark reviewed": clears the row's open mark, audited. Returns false when there was no open mark
 * (already reviewed, or never copied): nothing is written.
 */
export async function markCopiedTextReviewed(
	db: Database,
	editionId: string,
	tableName: string,
	rowId: string,
): Promise<boolean> {
	return (await commitReviewed(db, editionId, await openMarks(db, editionId, { tableName, rowId }))) > 0;
}

/**
 * "Mark all reviewed" (the status page, once the committee has read them): clears every open mark
 * of the edition, one audit entry per text. Returns how many were open.
 */
export async function markAllCopiedTextsReviewed(db: Database, editionId: string): Promise<number> {
	return commitReviewed(db, editionId, await openMarks(db, editionId));
}
