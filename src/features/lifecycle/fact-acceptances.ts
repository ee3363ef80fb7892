/**
 * "Right as it is": a committee member's mark on a stale-fact hit that is a true mention (history,
 * a thank-you to last year's hosts), so the go-live guard no longer blocks on it. Marks and their
 * removal go through the write kernel with an audit entry each.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { factAcceptances } from "../../db/schema";
import { actorOf, commit } from "../../db/write";
import { AppError } from "../../lib/errors";
import { type StaleFactHit, staleFactHits } from "./stale-facts";

type GuardedEdition = Parameters<typeof staleFactHits>[1];

const notAHit = () =>
	new AppError(422, "not_a_hit", "The guard finds no such hit in the edition's texts now: reload the status page.", {
		hitKey: "No current hit has this key.",
	});

/**
 * Marks the current hit `hitKey` right as it is (again is a no-op); 422 when the edition's texts
 * have no such hit now, so nothing can be marked in advance or by a guessed key.
 */
export async function acceptHit(db: Database, edition: GuardedEdition, hitKey: string): Promise<StaleFactHit> {
	const hit = (await staleFactHits(db, edition)).find((h) => h.key === hitKey);
	if (!hit) throw notAHit();
	if (hit.accepted) return hit;
	const actor = actorOf(db);
	const row = {
		editionId: edition.id,
		hitKey,
		value: hit.value,
		textLabel: hit.label,
		acceptedBy: actor.kind === "account" ? actor.id : null,
		acceptedAt: new Date(),
	};
	await commit(
		db,
		[
			{
				action: "edition.fact.accepted",
				id: hitKey,
				editionId: edition.id,
				after: { value: hit.value, text: hit.label, fact: hit.belongsTo },
				of: 0,
			},
		],
		[db.insert(factAcceptances).values(row).onConflictDoNothing()],
	);
	return { ...hit, accepted: { by: row.acceptedBy, at: row.acceptedAt } };
}

/**
 * Removes the mark of `hitKey`: the hit blocks publishing again. Removing a mark that is not there
 * changes nothing and records nothing (a repeated undo, two committee members at once).
 */
export async function unacceptHit(db: Database, editionId: string, hitKey: string): Promise<void> {
	const where = and(eq(factAcceptances.editionId, editionId), eq(factAcceptances.hitKey, hitKey));
	const [mark] = await db.select().from(factAcceptances).where(where);
	if (!mark) return;
	await commit(
		db,
		[
			{
				action: "edition.fact.unaccepted",
				id: hitKey,
				editionId,
				before: { value: mark.value, text: mark.textLabel },
				// Only when this delete removed the mark: a racing undo records nothing.
				of: 0,
			},
		],
		[db.delete(factAcceptances).where(where)],
	);
}
