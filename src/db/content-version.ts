/**
 * The one way edition content is written: the caller's statements and the bump of
 * `editions.content_version` go to D1 in one batch, so the edge cache and ETags (keyed on the
 * version) can never serve a page older than the data, and a failed write bumps nothing.
 *
 * The same bump refuses an archived edition (archived editions are read-only), at no extra
 * query: see `guardedBump`.
 */
import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { AppError } from "../lib/errors";
import type { Database } from "./client";
import { type Edition, editions } from "./schema";
import { type Change, commitAll } from "./write";

/**
 * Bumps the version without looking at the status: for what is not content but still changes
 * what the edition's pages show (its status, its host names) and for the seed.
 */
export function bumpContentVersion(db: Database, editionId: string) {
	return db
		.update(editions)
		.set({ contentVersion: sql`${editions.contentVersion} + 1` })
		.where(eq(editions.id, editionId));
}

/**
 * Bumps the version only when the statement just before it in the batch changed a row (SQLite's
 * `changes()`): for derived state that changes what cached pages show only now and then (the
 * tickets' coarse availability, src/domain/ticket-availability.ts). Put it right after that
 * statement; the write kernel keeps the order of a batch.
 */
export function bumpContentVersionIfChanged(db: Database, editionId: string) {
	return db
		.update(editions)
		.set({ contentVersion: sql`${editions.contentVersion} + 1` })
		.where(sql`${editions.id} = ${editionId} and changes() > 0`);
}

/**
 * The bump of a content write. For an archived edition it sets the NOT NULL version to null, so
 * SQLite fails the statement and D1 rolls the whole batch back: the check and the write are one
 * statement, so no status change can slip between them and nothing of the write lands.
 */
function guardedBump(db: Database, editionId: string) {
	return db
		.update(editions)
		.set({
			contentVersion: sql`case when ${editions.status} = 'archived' then null else ${editions.contentVersion} + 1 end`,
		})
		.where(eq(editions.id, editionId));
}

export const archivedError = () => new AppError(422, "edition_archived", "This edition is archived and read-only.");

/**
 * True when a failed D1 write failed with a message containing `text` (e.g. a constraint),
 * looking through the errors drizzle wraps around D1's.
 *
 * @example if (failedWith(error, "UNIQUE constraint failed: edition_hosts.hostname")) throw conflict;
 */
export function failedWith(error: unknown, text: string): boolean {
	for (let e: unknown = error; e instanceof Error; e = e.cause) {
		if (e.message.includes(text)) return true;
	}
	return false;
}

/** The entry of a content write that names no change of its own: "the edition's content changed". */
const contentChanged = (editionId: string): Change => ({ action: "edition.content.updated", id: editionId });

/**
 * Writes edition content atomically with a version bump and the audit entries of `changes` (each
 * filed under this edition; by default one "edition.content.updated"); returns the results of `statements`. An archived edition is refused
 * with a 422 and nothing is written.
 *
 * @example await writeEditionContent(db, edition.id, [db.insert(rooms).values(row)], [{ action: "program.room.created", id: row.id }]);
 */
export async function writeEditionContent(
	db: Database,
	editionId: string,
	statements: BatchItem<"sqlite">[],
	changes: readonly Change[] = [contentChanged(editionId)],
) {
	try {
		const results = await commitAll(
			db,
			changes.map((change) => ({ editionId, ...change })),
			[guardedBump(db, editionId), ...statements],
		);
		// The bump comes first so that `results` lines up with `statements` after dropping it.
		return results.slice(1);
	} catch (error) {
		if (failedWith(error, "NOT NULL constraint failed: editions.content_version")) throw archivedError();
		throw error;
	}
}

/**
 * Fails the batch (and so rolls it all back) unless the edition's content version is still
 * `version`: a second write that slipped in after the checks would otherwise duplicate rows or be
 * overwritten unseen. SQLite has no RAISE outside triggers; json() of a non-JSON string is a
 * reliable error.
 */
function requireVersion(db: Database, editionId: string, version: number) {
	return db
		.select({ unchanged: sql`json(case when ${editions.contentVersion} = ${version} then '1' else 'changed' end)` })
		.from(editions)
		.where(eq(editions.id, editionId));
}

const isStaleGuard = (error: unknown) =>
	/malformed JSON/i.test(`${String(error)} ${String((error as { cause?: unknown })?.cause ?? "")}`);

/** The field of a clone or template apply that names the content version its preview showed. */
export const PREVIEWED_VERSION_FIELD = "expectedContentVersion";

/**
 * The 409 of an apply whose edition changed after its preview (another clone, an edit): what was
 * previewed is no longer what would be applied. The message names the field, so a form shows it
 * beside the way back to the preview and an API client knows which value went stale.
 */
export function changedSincePreview(target: Pick<Edition, "name">) {
	const message = `${target.name} changed since you previewed it (another clone or an edit): look at the preview again.`;
	return new AppError(409, "edition_changed", message, { [PREVIEWED_VERSION_FIELD]: message });
}

/**
 * Refuses (409) an apply whose preview showed another version of `target` than the one just read;
 * `previewed` undefined (an API client that skipped the preview) accepts any. The write batch
 * checks again (writeIfUnchanged), for a change that lands between this read and the write.
 */
export function requirePreviewedVersion(target: Edition, previewed: number | undefined) {
	if (previewed !== undefined && previewed !== target.contentVersion) throw changedSincePreview(target);
}

/**
 * Writes `statements` into `target` in ONE batch with the content version bump, provided the
 * edition is still at the version the plan was made from: `previewed`, the version the caller's
 * preview showed (the wizard's hidden field, the API's `expectedContentVersion`), or else the
 * version read when planning (`target.contentVersion`). Otherwise 409 and nothing is written. An
 * archived edition is refused (422) by writeEditionContent.
 */
export async function writeIfUnchanged(
	db: Database,
	target: Edition,
	statements: BatchItem<"sqlite">[],
	previewed?: number,
	changes: readonly Change[] = [contentChanged(target.id)],
) {
	const expected = previewed ?? target.contentVersion;
	try {
		// writeEditionContent bumps the version first, so the unchanged version now reads one more.
		await writeEditionContent(db, target.id, [requireVersion(db, target.id, expected + 1), ...statements], changes);
	} catch (error) {
		if (!isStaleGuard(error)) throw error;
		if (previewed !== undefined) throw changedSincePreview(target);
		throw new AppError(
			409,
			"edition_changed",
			`${target.name} changed while it was being set up (another clone or an edit): look at the preview again.`,
		);
	}
}
