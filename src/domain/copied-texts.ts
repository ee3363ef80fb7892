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
	const row = await db
		.select({ tableName: copiedTexts.tableName, rowId: copiedTexts.rowId, sourceName: editions.name })
		.from(copiedTexts)
		.leftJoin(editions, eq(editions.id, copiedTexts.sourceEditionId))
		.where(where(editionId, tableName, rowId))
		.get();
	return row ?? undefined;
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

/**
 * "Mark reviewed": clears the row's open mark, audited (`edition.copied-text.reviewed`). Returns
 * false when there was no open mark (already reviewed, or never copied): nothing is written.
 */
export async function markCopiedTextReviewed(
	db: Database,
	editionId: string,
	tableName: string,
	rowId: string,
): Promise<boolean> {
	const mark = await unreviewedMark(db, editionId, tableName, rowId);
	if (!mark) return false;
	await commit(
		db,
		[
			{
				action: "edition.copied-text.reviewed",
				id: rowId,
				editionId,
				after: { table: tableName, from: mark.sourceName },
				of: 0,
			},
		],
		[reviewedStatement(db, editionId, tableName, rowId)],
	);
	return true;
}

/**
 * "Mark all reviewed" (the status page, once the committee has read them): clears every open mark
 * of the edition, one audit entry per text. Returns how many were open.
 */
export async function markAllCopiedTextsReviewed(db: Database, editionId: string): Promise<number> {
	const open = await db
		.select({ tableName: copiedTexts.tableName, rowId: copiedTexts.rowId, sourceName: editions.name })
		.from(copiedTexts)
		.leftJoin(editions, eq(editions.id, copiedTexts.sourceEditionId))
		.where(and(eq(copiedTexts.editionId, editionId), isNull(copiedTexts.reviewedAt)));
	if (open.length === 0) return 0;
	await commit(
		db,
		open.map((mark, of) => ({
			action: "edition.copied-text.reviewed" as const,
			id: mark.rowId,
			editionId,
			after: { table: mark.tableName, from: mark.sourceName },
			of,
		})),
		open.map((mark) => reviewedStatement(db, editionId, mark.tableName, mark.rowId)) as [
			BatchItem<"sqlite">,
			...BatchItem<"sqlite">[],
		],
	);
	return open.length;
}
