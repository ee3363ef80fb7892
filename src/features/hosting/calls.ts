/**
 * Calls for hosts: a series' stewards invite institutions to host the edition of a given year,
 * with a deadline and what a proposal must contain. A series has at most one open call; that rule
 * is part of the insert itself, so two stewards opening calls at once cannot both succeed.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, desc, eq, exists, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { insertIf } from "../../db/insert-if";
import { editions, hostCalls, type Series } from "../../db/schema";
import { type Change, commit } from "../../db/write";
import { longDate } from "../../domain/invitation-wording";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import type { CallInput, CallPatch } from "./schemas";

export type HostCall = typeof hostCalls.$inferSelect;

/**
 * Today's date anywhere on Earth (UTC−12): a deadline day lasts until it has ended everywhere,
 * as academic deadlines usually do.
 */
export const todayAnywhereOnEarth = (now: Date) => new Date(now.getTime() - 12 * 3_600_000).toISOString().slice(0, 10);

export const deadlinePassed = (call: Pick<HostCall, "deadline">, now: Date) =>
	todayAnywhereOnEarth(now) > call.deadline;

/** A series' calls, newest first; `openOnly` for everyone but its stewards. */
export const listCalls = (db: Database, seriesId: string, { openOnly }: { openOnly: boolean }) =>
	db
		.select()
		.from(hostCalls)
		.where(and(eq(hostCalls.seriesId, seriesId), openOnly ? eq(hostCalls.status, "open") : undefined))
		.orderBy(desc(hostCalls.createdAt), desc(hostCalls.forYear));

export const findCall = (db: Database, seriesId: string, callId: string) =>
	db
		.select()
		.from(hostCalls)
		.where(and(eq(hostCalls.seriesId, seriesId), eq(hostCalls.id, callId)))
		.get();

/** SQL: the series has an edition (any status) in `year`. */
export const editionExists = (db: Database, seriesId: string, year: number) =>
	exists(
		db
			.select({ one: sql`1` })
			.from(editions)
			.where(and(eq(editions.seriesId, seriesId), eq(editions.year, year))),
	);

const isOpenCallOf = (seriesId: string) => and(eq(hostCalls.seriesId, seriesId), eq(hostCalls.status, "open"));

const openCallExists = (db: Database, seriesId: string) =>
	exists(db.select({ one: sql`1` }).from(hostCalls).where(isOpenCallOf(seriesId)));

export const editionTaken = (series: Pick<Series, "shortName">, year: number, field = "forYear") =>
	new AppError(409, "edition_exists", `${series.shortName} ${year} exists already.`, {
		[field]: `${series.shortName} ${year} exists already: choose another year.`,
	});

/** The deadline's own rules: not passed, and before the edition's year is over. */
function deadlineProblem(deadline: string, forYear: number, now: Date): string | undefined {
	if (todayAnywhereOnEarth(now) > deadline) return "This day has passed: choose a day from today on.";
	if (deadline > `${forYear}-12-31`) return `Proposals must be in before the end of ${forYear}.`;
	return undefined;
}

/**
 * Opens a call for hosts. A year that has passed or a deadline that has passed is a 422; a second
 * open call for the series is a 422 (close the open one first); a year that already has an edition
 * is a 409.
 */
export async function openCall(
	db: Database,
	input: { series: Series; call: CallInput; createdBy: string; now?: Date },
): Promise<HostCall> {
	const { series, call } = input;
	const now = input.now ?? new Date();
	const fields: Record<string, string> = {};
	if (call.forYear < now.getUTCFullYear()) fields.forYear = "This year has passed.";
	const problem = deadlineProblem(call.deadline, call.forYear, now);
	if (problem) fields.deadline = problem;
	if (Object.keys(fields).length > 0) throw new AppError(422, "invalid_call", "Some values do not fit.", fields);

	const row = { id: newId(), seriesId: series.id, ...call, status: "open" as const, createdBy: input.createdBy };
	const opened: Change = { action: "hosting.call.opened", id: row.id, seriesId: series.id, after: call, of: 0 };
	const [[created]] = await commit(
		db,
		[opened],
		[
			insertIf(
				db,
				hostCalls,
				row,
				sql`not ${openCallExists(db, series.id)} and not ${editionExists(db, series.id, call.forYear)}`,
			).returning(),
		],
	);
	if (created) return created;
	if (await db.select({ one: sql`1` }).from(hostCalls).where(isOpenCallOf(series.id)).get()) {
		throw new AppError(
			422,
			"call_already_open",
			"This series already has an open call for hosts: close it before opening another.",
		);
	}
	throw editionTaken(series, call.forYear);
}

const callClosed = () =>
	new AppError(422, "call_closed", "This call for hosts is closed.", { _: "This call for hosts is closed." });

/**
 * Changes an open call's deadline or requirements, or closes it. Closing a closed call changes
 * nothing; anything else on a closed call is a 422 (a closed call is not reopened: open a new one).
 */
export async function updateCall(
	db: Database,
	input: { call: HostCall; patch: CallPatch; now?: Date },
): Promise<HostCall> {
	const { call, patch } = input;
	const now = input.now ?? new Date();
	const changes = { deadline: patch.deadline, requirements: patch.requirements };
	const edits = Object.values(changes).some((v) => v !== undefined);
	if (call.status === "closed") {
		if (edits) throw callClosed();
		return call;
	}
	if (patch.deadline !== undefined) {
		const problem = deadlineProblem(patch.deadline, call.forYear, now);
		if (problem) throw new AppError(422, "invalid_call", "Some values do not fit.", { deadline: problem });
	}
	const set = { ...changes, ...(patch.status ? { status: patch.status } : {}) };
	const change: Change = {
		action: "hosting.call.updated",
		id: call.id,
		seriesId: call.seriesId,
		before: call,
		after: { ...call, ...Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)) },
		of: 0,
	};
	const [[updated]] = await commit(
		db,
		[change],
		[
			db
				.update(hostCalls)
				.set(set)
				.where(and(eq(hostCalls.id, call.id), eq(hostCalls.status, "open")))
				.returning(),
		],
	);
	if (!updated) throw callClosed();
	return updated;
}

/** "31 March 2025, anywhere on Earth". */
export const deadlineLabel = (call: Pick<HostCall, "deadline">) => `${longDate(call.deadline)}, anywhere on Earth`;
