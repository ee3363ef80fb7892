/**
 * Checking control of a host name and what a check changes (src/README.md, "Hosts"): pending names
 * become verified when a HostnameVerifier confirms control; verified names that fail a check
 * become failing (still serving, with a mail to the chairs at the first failure) and after
 * MAX_FAILED_CHECKS failures in a row pending again (no longer serving, with a mail); a claim that
 * proves control takes the name over from its holder, whose chairs are mailed. The daily job
 * (job.ts) and the "Check now" button share these functions.
 */
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../../db/client";
import { bumpContentVersion } from "../../db/content-version";
import { editionHosts, hostClaims } from "../../db/schema";
import { type Change, commit } from "../../db/write";
import { mailOnce, stillUndone } from "../../jobs/once";
import { AppError, RateLimitedError } from "../../lib/errors";
import type { MailMessage } from "../../lib/mailer";
import { hitRateLimit, type RateLimit } from "../../lib/rate-limit";
import { claimOf, type EditionHost, findHolder, type HostRow, hostOf, newVerificationToken } from "./hosts";
import { firstFailureMails, hostMailEdition, takeoverMails, unverifiedMails } from "./mails";
import type { HostnameVerifier, VerificationRequest, VerificationResult } from "./verifier";

/** Failed checks in a row after which a verified name stops serving (one check a day: three days). */
export const MAX_FAILED_CHECKS = 3;

/** A verifier's answer; a verifier that cannot be reached counts as a failed check, with the reason. */
export async function runCheck(verifier: HostnameVerifier, request: VerificationRequest): Promise<VerificationResult> {
	try {
		return await verifier.check(request);
	} catch (error) {
		return {
			verified: false,
			reason: `The check could not be made: ${error instanceof Error ? error.message : error}.`,
		};
	}
}

export interface CheckOutcome {
	host: EditionHost;
	/** Outbox rows to deliver. */
	mailIds: string[];
}

/** `exists (select 1 from edition_hosts where …)`, for a stillUndone guard. */
export const hostExists = (where: SQL | undefined) => sql`exists (select 1 from ${editionHosts} where ${where})`;

/**
 * Gives a legacy row (mapped before proof was required) its token and records, so it can be
 * checked; other rows are returned as they are.
 */
export async function withToken(db: Database, row: HostRow, verifier: HostnameVerifier): Promise<HostRow> {
	if (row.verificationToken) return row;
	const token = newVerificationToken();
	const records = await verifier.prepare({ hostname: row.hostname, token, takeover: false });
	// Operational (src/db/operational.ts): the records a check needs, decided by nobody.
	const [[updated]] = await commit(
		db,
		[],
		[
			db
				.update(editionHosts)
				.set({ verificationToken: token, verificationRecords: records })
				.where(and(eq(editionHosts.hostname, row.hostname), eq(editionHosts.verificationToken, "")))
				.returning(),
		],
	);
	return updated ?? row;
}

/** The entry of a check that changed a name's state (the name is its target). */
const hostCheckChange = (
	action: "hostname.host.verified" | "hostname.host.failed",
	row: HostRow,
	after: Record<string, unknown>,
): Change => ({
	action,
	id: row.hostname,
	editionId: row.editionId,
	before: { state: row.state, failures: row.failures },
	after,
});

/**
 * Records the result of a check of a holder row: the new state, and the mails it brings, in
 * one batch behind a guard that the row is still as read (so two overlapping checks count one
 * failure and mail once). Returns the outbox ids, or [] when another check came first.
 */
export async function recordCheck(
	db: Database,
	row: HostRow,
	result: VerificationResult,
	now: Date,
	origin: string,
): Promise<string[]> {
	const asRead = and(
		eq(editionHosts.hostname, row.hostname),
		eq(editionHosts.editionId, row.editionId),
		eq(editionHosts.state, row.state),
		eq(editionHosts.failures, row.failures),
	);
	const statements: BatchItem<"sqlite">[] = [stillUndone(db, hostExists(asRead))];
	let mails: MailMessage[] = [];
	let change: Change | undefined;
	if (result.verified && row.state === "verified") {
		// A routine re-check that finds all as it was only notes when it looked: no entry.
		statements.push(db.update(editionHosts).set({ lastCheckedAt: now }).where(asRead));
	} else if (result.verified) {
		const wasVerified = row.state === "verified" || row.state === "failing";
		change = hostCheckChange("hostname.host.verified", row, { state: "verified" });
		statements.push(
			db
				.update(editionHosts)
				.set({
					state: "verified",
					failures: 0,
					lastCheckedAt: now,
					lastCheckError: null,
					verifiedAt: wasVerified ? (row.verifiedAt ?? now) : now,
					graceUntil: null,
				})
				.where(asRead),
		);
		// The canonical link moves to a name that starts to serve.
		if (row.state !== "verified") statements.push(bumpContentVersion(db, row.editionId));
	} else {
		const failures = row.state === "verified" || row.state === "failing" ? row.failures + 1 : 0;
		const lost = row.state === "failing" && failures >= MAX_FAILED_CHECKS;
		const state = row.state === "verified" ? "failing" : lost ? "pending" : row.state;
		change = hostCheckChange("hostname.host.failed", row, { state, failures, reason: result.reason });
		statements.push(
			db
				.update(editionHosts)
				.set({ state, failures: lost ? 0 : failures, lastCheckedAt: now, lastCheckError: result.reason })
				.where(asRead),
		);
		if (lost) statements.push(bumpContentVersion(db, row.editionId));
		if (row.state === "verified" || lost) {
			const edition = await hostMailEdition(db, row.editionId);
			const host = { hostname: row.hostname, reason: result.reason, records: row.verificationRecords };
			if (edition) {
				mails = lost
					? unverifiedMails(edition, host, MAX_FAILED_CHECKS, origin)
					: firstFailureMails(edition, host, MAX_FAILED_CHECKS, origin);
			}
		}
	}
	return (await mailOnce(db, statements, mails, change ? [change] : [])) ?? [];
}

/**
 * "Check now" for one of the edition's names or claims: asks the verifier and records the
 * result. A claim that proves control takes the name over (takeOver). 404 when the edition has
 * no such name or claim; 422 for a held name (map it again first).
 */
/** "Check now" presses per edition: 30 an hour. */
export const CHECKS_PER_EDITION: RateLimit = { limit: 30, windowMs: 60 * 60 * 1000 };

export async function checkEditionHost(
	db: Database,
	input: { editionId: string; hostname: string; verifier: HostnameVerifier; origin: string; now?: Date },
): Promise<CheckOutcome> {
	const { editionId, hostname, verifier, origin } = input;
	const now = input.now ?? new Date();
	// Each check asks DNS-over-HTTPS or the Cloudflare API: a committee needs a few, a script must not
	// spend Baton's API allowance (the daily re-check of every edition's names shares it).
	if (!(await hitRateLimit(db, `host-check:${editionId}`, CHECKS_PER_EDITION, now.getTime()))) {
		throw new RateLimitedError(
			`This edition checked its host names ${CHECKS_PER_EDITION.limit} times in the last hour: try again later.`,
			(CHECKS_PER_EDITION.windowMs - (now.getTime() % CHECKS_PER_EDITION.windowMs)) / 1000,
		);
	}
	const holder = await findHolder(db, hostname, now);
	if (holder?.editionId === editionId) {
		if (holder.state === "held") {
			const message = "This host name is unmapped: add it again to check it.";
			throw new AppError(422, "host_held", message, { hostname: message });
		}
		const row = await withToken(db, holder, verifier);
		const result = await runCheck(verifier, { hostname, token: row.verificationToken, takeover: false });
		const mailIds = await recordCheck(db, row, result, now, origin);
		return { host: await reread(db, hostname, editionId, now), mailIds };
	}
	const claim = await db
		.select()
		.from(hostClaims)
		.where(and(eq(hostClaims.hostname, hostname), eq(hostClaims.editionId, editionId)))
		.get();
	if (!claim) throw new AppError(404, "not_found", "This host name is not mapped to this edition.");
	const takeover = holder !== undefined;
	const result = await runCheck(verifier, { hostname, token: claim.verificationToken, takeover });
	if (!result.verified) {
		// Operational: a failed proof changes nothing but the claim's note of its last look.
		const [[updated]] = await commit(
			db,
			[],
			[
				db
					.update(hostClaims)
					.set({ lastCheckedAt: now, lastCheckError: result.reason })
					.where(and(eq(hostClaims.hostname, hostname), eq(hostClaims.editionId, editionId)))
					.returning(),
			],
		);
		return { host: claimOf(updated ?? claim), mailIds: [] };
	}
	const mailIds = await takeOver(db, { claim, holder, now, origin });
	return { host: await reread(db, hostname, editionId, now), mailIds };
}

async function reread(db: Database, hostname: string, editionId: string, now: Date): Promise<EditionHost> {
	const row = await db
		.select()
		.from(editionHosts)
		.where(and(eq(editionHosts.hostname, hostname), eq(editionHosts.editionId, editionId)))
		.get();
	if (!row) throw new AppError(409, "host_taken", "This host name changed meanwhile: look again.");
	return hostOf(row, now);
}

/**
 * A claim whose fresh proof succeeded: in one batch, the holder's mapping (any state) ends, the
 * claimant's name is verified, the claim is removed, both editions' versions go up and the
 * holder's chairs are mailed, behind a guard that the holder is still the one read. 409 when the
 * name changed hands meanwhile.
 */
async function takeOver(
	db: Database,
	input: { claim: typeof hostClaims.$inferSelect; holder: HostRow | undefined; now: Date; origin: string },
): Promise<string[]> {
	const { claim, holder, now, origin } = input;
	const name = eq(editionHosts.hostname, claim.hostname);
	const unchanged = holder
		? hostExists(and(name, eq(editionHosts.editionId, holder.editionId), eq(editionHosts.state, holder.state)))
		: sql`not ${hostExists(and(name, sql`not (${editionHosts.state} = 'held' and ${editionHosts.heldUntil} <= ${now.getTime()})`))}`;
	const oldEdition = holder ? await hostMailEdition(db, holder.editionId) : undefined;
	const statements: BatchItem<"sqlite">[] = [
		stillUndone(db, unchanged),
		db.delete(editionHosts).where(name),
		db.insert(editionHosts).values({
			hostname: claim.hostname,
			editionId: claim.editionId,
			state: "verified",
			verificationToken: claim.verificationToken,
			verificationRecords: claim.verificationRecords,
			lastCheckedAt: now,
			verifiedAt: now,
		}),
		db
			.delete(hostClaims)
			.where(and(eq(hostClaims.hostname, claim.hostname), eq(hostClaims.editionId, claim.editionId))),
		bumpContentVersion(db, claim.editionId),
	];
	if (holder) statements.push(bumpContentVersion(db, holder.editionId));
	const mails = oldEdition ? takeoverMails(oldEdition, claim.hostname, origin) : [];
	const verified = { action: "hostname.host.verified", id: claim.hostname, editionId: claim.editionId } as const;
	const ids = await mailOnce(db, statements, mails, [verified]);
	if (!ids) throw new AppError(409, "host_taken", "This host name changed hands meanwhile: check it again.");
	return ids;
}

/** Rows of legacy mappings whose grace period has not started (isNull(graceUntil)). */
export const graceNotStarted = and(eq(editionHosts.state, "legacy"), isNull(editionHosts.graceUntil));
