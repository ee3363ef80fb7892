/**
 * Custom host names of an edition: `ainm2025.example.org` serves the edition's subsite at `/`.
 * A host name belongs to one edition only (it is the table's primary key). Feature functions take
 * a db handle and plain values; they know nothing of HTTP.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { bumpContentVersion, failedWith } from "../../db/content-version";
import { editionHosts } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { reservedHostProblem } from "./hostnames";

export interface EditionHost {
	hostname: string;
	createdAt: Date;
}

/** An edition's host names, by name (the first is where its canonical URL lives). */
export const listEditionHosts = (db: Database, editionId: string): Promise<EditionHost[]> =>
	db
		.select({ hostname: editionHosts.hostname, createdAt: editionHosts.createdAt })
		.from(editionHosts)
		.where(eq(editionHosts.editionId, editionId))
		.orderBy(asc(editionHosts.hostname));

/**
 * Maps `hostname` (validated by HostnameSchema) to the edition: 422 for a name reserved for the
 * platform, 409 when any edition has it already. The edition's version is bumped with it (its
 * pages gain a canonical link), even for an archived edition: a host name is no content.
 */
export async function addEditionHost(
	db: Database,
	input: { editionId: string; hostname: string; mainHost: string },
): Promise<EditionHost> {
	const { editionId, hostname } = input;
	const reserved = reservedHostProblem(hostname, input.mainHost);
	if (reserved) throw new AppError(422, "host_reserved", reserved, { hostname: reserved });
	try {
		// A plain insert: the primary key refuses a taken name, failing the batch before the bump lands.
		const [[row]] = await db.batch([
			db.insert(editionHosts).values({ hostname, editionId }).returning(),
			bumpContentVersion(db, editionId),
		]);
		if (!row) throw new Error("insert returned no row");
		return { hostname: row.hostname, createdAt: row.createdAt };
	} catch (error) {
		if (!failedWith(error, "UNIQUE constraint failed: edition_hosts.hostname")) throw error;
		const message = "This host name is already mapped to an edition.";
		throw new AppError(409, "host_taken", message, { hostname: message });
	}
}

/** Unmaps one of the edition's host names; 404 when the edition has no such name. */
export async function removeEditionHost(db: Database, input: { editionId: string; hostname: string }): Promise<void> {
	const mapped = and(eq(editionHosts.hostname, input.hostname), eq(editionHosts.editionId, input.editionId));
	const found = await db.select({ hostname: editionHosts.hostname }).from(editionHosts).where(mapped).get();
	if (!found) throw new AppError(404, "not_found", "This host name is not mapped to this edition.");
	await db.batch([db.delete(editionHosts).where(mapped), bumpContentVersion(db, input.editionId)]);
}
