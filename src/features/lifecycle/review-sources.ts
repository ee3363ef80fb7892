/**
 * The go-live guard's seam for copied texts nobody reviewed: a clone copies texts (pages, sessions,
 * email texts…) that still speak of the source edition until a committee member has read them.
 * The cloning feature knows which; the guard only lists them, each a blocking problem.
 */
import type { Database } from "../../db/client";
import { copiedTextReviewedUrl } from "../../urls";
import { unreviewedCopiedTexts } from "../cloning";

/** A copied text nobody reviewed yet. */
export interface UnreviewedCopy {
	/** Stable identity of the text (a problem's field is `copiedTexts.<key>`). */
	key: string;
	/** Which text, for the committee. */
	label: string;
	/** The console page where it is read and edited. */
	editUrl: string;
	/** Where "Mark reviewed" posts. */
	reviewUrl: string;
}

export type ReviewSource = (db: Database, editionId: string) => Promise<UnreviewedCopy[]>;

/** The clone's review marks still open (the texts a clone wrote that nobody reviewed or saved since). */
export const unreviewedCopies: ReviewSource = async (db, editionId) =>
	(await unreviewedCopiedTexts(db, editionId)).map((t) => ({
		key: `${t.tableName}:${t.rowId}`,
		label: t.sourceName ? `${t.label} (copied from ${t.sourceName})` : t.label,
		editUrl: t.url,
		reviewUrl: copiedTextReviewedUrl(editionId, t.tableName, t.rowId),
	}));
