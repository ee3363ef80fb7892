/**
 * The host-name job of the scheduler (hourly): ends holds past their 30 days; starts the grace
 * period of mappings made before proof of control was required (a deadline and a mail to the
 * chairs, once); checks each name that has not been checked for a day (verified, failing, legacy
 * and pending ones: a pending name starts serving once its record is there); and stops legacy
 * names whose grace has ended. What a check changes is verification.ts's recordCheck.
 */
import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import { bumpContentVersion } from "../../db/content-version";
import { editionHosts } from "../../db/schema";
import { commitAll } from "../../db/write";
import { forEachIsolated, type JobContext, type JobOutcome, type ScheduledJob } from "../../jobs/job";
import { mailOnce, stillUndone } from "../../jobs/once";
import { hostnameVerifier } from "./choose-verifier";
import { DAY_MS, LEGACY_GRACE_DAYS } from "./hosts";
import { graceMails, hostMailEdition } from "./mails";
import { graceNotStarted, hostExists, recordCheck, runCheck, withToken } from "./verification";
import type { HostnameVerifier } from "./verifier";

const JOB_NAME = "host-verification";

/**
 * A name is checked again once its last check is this old: a day, less the hour between runs, so
 * the hourly cron checks it once a day without drifting an hour later every day.
 */
export const RECHECK_AFTER_MS = DAY_MS - 3_600_000;

/** Checks per run at most: each is a subrequest, and a run must stay far below the Workers limit. */
export const CHECKS_PER_RUN = 40;

async function expireHolds(db: Database, now: Date): Promise<number> {
	const ended = and(eq(editionHosts.state, "held"), lte(editionHosts.heldUntil, now));
	const due = await db
		.select({ hostname: editionHosts.hostname, editionId: editionHosts.editionId })
		.from(editionHosts)
		.where(ended);
	// One delete per name, each with its entry only if it still deleted (a re-map in between keeps it).
	const freed = await commitAll(
		db,
		due.map(
			(row, i) =>
				({
					action: "hostname.host.removed",
					id: row.hostname,
					editionId: row.editionId,
					before: { state: "held" },
					of: i,
				}) as const,
		),
		due.map((row) =>
			db
				.delete(editionHosts)
				.where(and(eq(editionHosts.hostname, row.hostname), ended))
				.returning({ hostname: editionHosts.hostname }),
		),
	);
	return (freed as unknown[][]).reduce((sum, rows) => sum + rows.length, 0);
}

async function startGraces(db: Database, now: Date, verifier: HostnameVerifier, origin: string) {
	const rows = await db.select().from(editionHosts).where(graceNotStarted).orderBy(asc(editionHosts.hostname));
	const mailIds: string[] = [];
	const graceUntil = new Date(now.getTime() + LEGACY_GRACE_DAYS * DAY_MS);
	const failed = await forEachIsolated(
		JOB_NAME,
		rows,
		(row) => ({ hostname: row.hostname }),
		async (legacy) => {
			const row = await withToken(db, legacy, verifier);
			const edition = await hostMailEdition(db, row.editionId);
			const mails = edition
				? graceMails(edition, { hostname: row.hostname, graceUntil, records: row.verificationRecords }, origin)
				: [];
			const same = and(eq(editionHosts.hostname, row.hostname), graceNotStarted);
			const ids = await mailOnce(
				db,
				[stillUndone(db, hostExists(same)), db.update(editionHosts).set({ graceUntil }).where(same)],
				mails,
				[{ action: "hostname.host.failed", id: row.hostname, editionId: row.editionId, after: { graceUntil } }],
			);
			mailIds.push(...(ids ?? []));
		},
	);
	return { started: rows.length - failed, mailIds, failed };
}

async function recheck(db: Database, now: Date, verifier: HostnameVerifier, origin: string) {
	const due = await db
		.select()
		.from(editionHosts)
		.where(
			and(
				inArray(editionHosts.state, ["pending", "verified", "failing", "legacy"]),
				or(
					isNull(editionHosts.lastCheckedAt),
					lte(editionHosts.lastCheckedAt, new Date(now.getTime() - RECHECK_AFTER_MS)),
				),
			),
		)
		.orderBy(asc(editionHosts.lastCheckedAt), asc(editionHosts.hostname))
		.limit(CHECKS_PER_RUN);
	const mailIds: string[] = [];
	let verified = 0;
	const failed = await forEachIsolated(
		JOB_NAME,
		due,
		(row) => ({ hostname: row.hostname }),
		async (stored) => {
			const row = await withToken(db, stored, verifier);
			const result = await runCheck(verifier, {
				hostname: row.hostname,
				token: row.verificationToken,
				takeover: false,
			});
			if (result.verified) verified++;
			mailIds.push(...(await recordCheck(db, row, result, now, origin)));
		},
	);
	return { checked: due.length - failed, verified, mailIds, failed };
}

/** Legacy names whose grace has ended stop serving: pending, and their editions' canonical links move. */
async function endGraces(db: Database, now: Date): Promise<number> {
	const ended = await db
		.select({ hostname: editionHosts.hostname, editionId: editionHosts.editionId })
		.from(editionHosts)
		.where(and(eq(editionHosts.state, "legacy"), lte(editionHosts.graceUntil, now)));
	await commitAll(
		db,
		ended.map((row) => ({ action: "hostname.host.failed", id: row.hostname, editionId: row.editionId }) as const),
		ended.flatMap((row) => [
			db
				.update(editionHosts)
				.set({ state: "pending" })
				.where(and(eq(editionHosts.hostname, row.hostname), eq(editionHosts.state, "legacy"))),
			bumpContentVersion(db, row.editionId),
		]),
	);
	return ended.length;
}

export async function verifyHosts({ db, env, now, origin }: JobContext): Promise<JobOutcome> {
	const verifier = hostnameVerifier(env);
	const freed = await expireHolds(db, now);
	const graces = await startGraces(db, now, verifier, origin);
	const checks = await recheck(db, now, verifier, origin);
	const stopped = await endGraces(db, now);
	return {
		mailIds: [...graces.mailIds, ...checks.mailIds],
		counts: {
			holdsEnded: freed,
			gracesStarted: graces.started,
			checked: checks.checked,
			verified: checks.verified,
			gracesEnded: stopped,
			failed: graces.failed + checks.failed,
		},
	};
}

export const hostVerificationJob: ScheduledJob = { name: JOB_NAME, run: verifyHosts };
