/** The series kernel: which statuses are public, and finding a series by its slug. */
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { type EditionStatus, type Series, series } from "../db/schema";

/** Statuses anyone may see; drafts stay with their committee. */
export const PUBLIC_STATUSES: readonly EditionStatus[] = ["published", "held", "archived"];

export async function findSeriesBySlug(db: Database, slug: string): Promise<Series | undefined> {
	return db.select().from(series).where(eq(series.slug, slug)).get();
}

/**
 * The title a named-lecture session is given when it is created or cloned, and stored: the
 * lecture's name and the edition's year, so a later rename of the lecture leaves past editions'
 * programs as they were.
 *
 * @example lectureSessionTitle("Willem Vaalburg lecture", 2027) // "Willem Vaalburg lecture 2027"
 */
export const lectureSessionTitle = (lectureName: string, year: number) => `${lectureName.trim()} ${year}`;
