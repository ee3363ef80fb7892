/**
 * Custom host names of an edition: `ainm2025.example.org` serves the edition's subsite at `/`
 * once a HostnameVerifier has confirmed that whoever mapped it controls it (verification.ts).
 * A name has one holder at a time (`edition_hosts`, keyed by the name); another edition asking
 * for a held or mapped name gets a claim (`host_claims`) that serves nothing until a fresh proof
 * of control with its own token takes the name over. Feature functions take a db handle and
 * plain values; they know nothing of HTTP.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { bumpContentVersion, failedWith } from "../../db/content-version";
import { editionHosts, editions, type HostState, hostClaims, type VerificationRecord } from "../../db/schema";
import { type Change, commit, readTogether } from "../../db/write";
import { AppError } from "../../lib/errors";
import { hostHeld, hostServes } from "../site";
import { reservedHostProblem } from "./hostnames";
import type { HostnameVerifier } from "./verifier";

/** How long an unmapped name stays with its edition (answering the "moved" page) before it is freed. */
export const HOLD_DAYS = 30;

/**
 * How many host names (mapped, pending, held, and claims on others' names) one edition may have:
 * a committee needs one or two; with the cloudflare adapter each is a custom hostname of Baton's
 * zone, which is billed and capped per zone, so nobody may map thousands.
 */
export const MAX_HOST_NAMES_PER_EDITION = 5;

const tooManyMessage = `An edition has at most ${MAX_HOST_NAMES_PER_EDITION} host names (with its claims on others' names): remove one first.`;

/**
 * The statement that fails its batch (and so everything in it) when the edition has more host names
 * and claims than allowed once the batch's insert ran: the count and the write are one transaction,
 * so two racing requests can never both take the last place. json() of a string that is not JSON is
 * a reliable error in SQLite, which has no RAISE outside triggers.
 */
const withinHostNameCap = (db: Database, editionId: string) =>
	db
		.select({
			within: sql`json(case when (select count(*) from ${editionHosts} where ${editionHosts.editionId} = ${editionId})
			+ (select count(*) from ${hostClaims} where ${hostClaims.editionId} = ${editionId})
			<= ${MAX_HOST_NAMES_PER_EDITION} then '1' else 'too many' end)`,
		})
		.from(editions)
		.where(eq(editions.id, editionId));

const overCap = (error: unknown) => failedWith(error, "malformed JSON");
const tooMany = () => new AppError(422, "too_many_hosts", tooManyMessage, { hostname: tooManyMessage });
/** The entry of a change to one of an edition's host names (the name is its target). */
const hostChange = (
	action: "hostname.host.added" | "hostname.host.removed" | "hostname.claim.created" | "hostname.claim.released",
	editionId: string,
	hostname: string,
	before?: Record<string, unknown>,
	after?: Record<string, unknown>,
): Change => ({ action, id: hostname, editionId, before, after });

/** How long a mapping made before proof of control was required keeps serving unverified. */
export const LEGACY_GRACE_DAYS = 30;
export const DAY_MS = 86_400_000;

/** A host name as the console and the API show it to the edition's committee. */
export interface EditionHost {
	hostname: string;
	state: HostState;
	/** A claim on a name another edition holds: it needs a fresh proof of control to take it over. */
	takeover: boolean;
	/** Whether it serves the edition's site now. */
	serving: boolean;
	/** The DNS records that prove control, to create at the name's DNS provider. */
	records: VerificationRecord[];
	lastCheckedAt: Date | null;
	lastCheckError: string | null;
	verifiedAt: Date | null;
	heldUntil: Date | null;
	graceUntil: Date | null;
	createdAt: Date;
}

/** 128 random bits, hex: the value of a mapping's `baton-verify=` record. */
export function newVerificationToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export type HostRow = typeof editionHosts.$inferSelect;
export type ClaimRow = typeof hostClaims.$inferSelect;

export const hostOf = (row: HostRow, now: Date): EditionHost => ({
	hostname: row.hostname,
	state: row.state,
	takeover: false,
	serving: hostServes(row, now),
	records: row.verificationRecords,
	lastCheckedAt: row.lastCheckedAt,
	lastCheckError: row.lastCheckError,
	verifiedAt: row.verifiedAt,
	heldUntil: row.heldUntil,
	graceUntil: row.graceUntil,
	createdAt: row.createdAt,
});

export const claimOf = (row: ClaimRow): EditionHost => ({
	hostname: row.hostname,
	state: "pending",
	takeover: true,
	serving: false,
	records: row.verificationRecords,
	lastCheckedAt: row.lastCheckedAt,
	lastCheckError: row.lastCheckError,
	verifiedAt: null,
	heldUntil: null,
	graceUntil: null,
	createdAt: row.createdAt,
});

/** An edition's host names and claims, by name (the first serving one is where its canonical URL lives). */
export async function listEditionHosts(db: Database, editionId: string, now = new Date()): Promise<EditionHost[]> {
	const [hosts, claims] = await readTogether(db, [
		db.select().from(editionHosts).where(eq(editionHosts.editionId, editionId)),
		db.select().from(hostClaims).where(eq(hostClaims.editionId, editionId)),
	]);
	return [...hosts.map((row) => hostOf(row, now)), ...claims.map(claimOf)].sort((a, b) =>
		a.hostname.localeCompare(b.hostname),
	);
}

/** The holder row of `hostname`, whatever edition holds it; an ended hold counts as no holder. */
export async function findHolder(db: Database, hostname: string, now: Date): Promise<HostRow | undefined> {
	const row = await db.select().from(editionHosts).where(eq(editionHosts.hostname, hostname)).get();
	if (row?.state === "held" && !hostHeld(row, now)) return undefined;
	return row;
}

const findClaim = (db: Database, editionId: string, hostname: string) =>
	db
		.select()
		.from(hostClaims)
		.where(and(eq(hostClaims.hostname, hostname), eq(hostClaims.editionId, editionId)))
		.get();

const conflict = (message: string) => new AppError(409, "host_taken", message, { hostname: message });

async function prepareRecords(verifier: HostnameVerifier, request: Parameters<HostnameVerifier["prepare"]>[0]) {
	try {
		return await verifier.prepare(request);
	} catch (error) {
		const message = `Could not start the verification of this host name (${String(error instanceof Error ? error.message : error)}): try again in a minute.`;
		throw new AppError(503, "verifier_unavailable", message, { hostname: message });
	}
}

/**
 * Maps `hostname` (validated by HostnameSchema) to the edition, as pending: it serves nothing
 * until control is proven (checkEditionHost). 422 for a name reserved for the platform. A name
 * another edition holds (mapped, pending or held) becomes this edition's claim instead; 409 when
 * the edition has the name or a claim on it already. Mapping its own held name again makes it
 * pending again, with its old record. The edition's version is bumped with it, even for an
 * archived edition: a host name is no content.
 */
export async function addEditionHost(
	db: Database,
	input: { editionId: string; hostname: string; mainHost: string; verifier: HostnameVerifier; now?: Date },
): Promise<EditionHost> {
	const { editionId, hostname, verifier } = input;
	const now = input.now ?? new Date();
	const reserved = reservedHostProblem(hostname, input.mainHost);
	if (reserved) throw new AppError(422, "host_reserved", reserved, { hostname: reserved });

	const holder = await findHolder(db, hostname, now);
	if (holder?.editionId === editionId) {
		if (holder.state !== "held") throw conflict("This host name is already mapped to this edition.");
		const readded = hostChange("hostname.host.added", editionId, hostname, { state: "held" }, { state: "pending" });
		const [[row]] = await commit(
			db,
			[{ ...readded, of: 0 }],
			[
				db
					.update(editionHosts)
					.set({ state: "pending", heldUntil: null, failures: 0, lastCheckError: null })
					.where(and(eq(editionHosts.hostname, hostname), eq(editionHosts.state, "held")))
					.returning(),
				bumpContentVersion(db, editionId),
			],
		);
		if (!row) throw conflict("This host name changed meanwhile: try again.");
		return hostOf(row, now);
	}
	if (holder) {
		if (await findClaim(db, editionId, hostname)) throw conflict("This edition has asked for this host name already.");
		const token = newVerificationToken();
		const records = await prepareRecords(verifier, { hostname, token, takeover: true });
		// Two requests racing past the check above meet the primary key: the second is told, not a 500.
		const claimed = hostChange("hostname.claim.created", editionId, hostname, undefined, { takeover: true });
		const [[row]] = await commit(
			db,
			[{ ...claimed, of: 0 }],
			[
				db
					.insert(hostClaims)
					.values({ hostname, editionId, verificationToken: token, verificationRecords: records })
					.onConflictDoNothing()
					.returning(),
				withinHostNameCap(db, editionId),
			],
		).catch((error) => {
			throw overCap(error) ? tooMany() : error;
		});
		if (!row) throw conflict("This edition has asked for this host name already.");
		return claimOf(row);
	}

	const token = newVerificationToken();
	const records = await prepareRecords(verifier, { hostname, token, takeover: false });
	try {
		// A hold that has ended is cleared in the same batch; a plain insert, so the primary key
		// refuses a name another edition mapped meanwhile, failing the batch before the bump lands.
		const added = hostChange("hostname.host.added", editionId, hostname, undefined, { state: "pending" });
		const [, [row]] = await commit(
			db,
			[added],
			[
				db.delete(editionHosts).where(and(eq(editionHosts.hostname, hostname), eq(editionHosts.state, "held"))),
				db
					.insert(editionHosts)
					.values({ hostname, editionId, state: "pending", verificationToken: token, verificationRecords: records })
					.returning(),
				// A claim from before the holder left is now this mapping.
				db.delete(hostClaims).where(and(eq(hostClaims.hostname, hostname), eq(hostClaims.editionId, editionId))),
				withinHostNameCap(db, editionId),
				bumpContentVersion(db, editionId),
			],
		);
		if (!row) throw new Error("insert returned no row");
		return hostOf(row, now);
	} catch (error) {
		if (overCap(error)) throw tooMany();
		if (!failedWith(error, "UNIQUE constraint failed: edition_hosts.hostname")) throw error;
		throw conflict("Another edition mapped this host name meanwhile: add it again to claim it.");
	}
}

/**
 * Unmaps one of the edition's host names; 404 when the edition has no such name or claim. A
 * name that served is held for the edition for HOLD_DAYS (it answers the "moved" page and nobody
 * can take it without a fresh proof); a pending name is simply removed, and so is a held one
 * (its hold given up) or a claim.
 */
export async function removeEditionHost(
	db: Database,
	input: { editionId: string; hostname: string; now?: Date },
): Promise<"held" | "removed"> {
	const now = input.now ?? new Date();
	const mapped = and(eq(editionHosts.hostname, input.hostname), eq(editionHosts.editionId, input.editionId));
	const found = await db.select().from(editionHosts).where(mapped).get();
	if (found && hostServes(found, now)) {
		const heldUntil = new Date(now.getTime() + HOLD_DAYS * DAY_MS);
		const held = hostChange("hostname.host.removed", input.editionId, input.hostname, found, {
			...found,
			state: "held",
			heldUntil,
		});
		await commit(
			db,
			[held],
			[
				db.update(editionHosts).set({ state: "held", heldUntil, failures: 0 }).where(mapped),
				bumpContentVersion(db, input.editionId),
			],
		);
		return "held";
	}
	if (found) {
		const removed = hostChange("hostname.host.removed", input.editionId, input.hostname, { state: found.state });
		await commit(
			db,
			[{ ...removed, of: 0 }],
			[db.delete(editionHosts).where(mapped), bumpContentVersion(db, input.editionId)],
		);
		return "removed";
	}
	const claim = and(eq(hostClaims.hostname, input.hostname), eq(hostClaims.editionId, input.editionId));
	const released = hostChange("hostname.claim.released", input.editionId, input.hostname, { takeover: true });
	const [deleted] = await commit(
		db,
		[{ ...released, of: 0 }],
		[db.delete(hostClaims).where(claim).returning({ hostname: hostClaims.hostname })],
	);
	if (deleted.length === 0) throw new AppError(404, "not_found", "This host name is not mapped to this edition.");
	return "removed";
}
