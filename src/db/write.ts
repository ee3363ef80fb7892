/**
 * The write kernel: the one place Baton's code sends writes to D1. `commit` runs the caller's
 * statements and one audit entry per change in ONE batch, so a change and its entry land or fail
 * together. Writes to the operational tables (src/db/operational.ts) may commit without a change.
 * test/db/write-kernel-check.test.ts fails for code that calls `.batch(` or runs a write builder
 * anywhere else, and the Worker's D1 (write-guard.ts) refuses writes the kernel did not send.
 */
import { getTableColumns, getTableName, is, type SQL, sql } from "drizzle-orm";
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import { SQLiteDeleteBase, SQLiteInsertBase, type SQLiteTable, SQLiteUpdateBase } from "drizzle-orm/sqlite-core";
import { newId } from "../lib/ids";
import type { AuditAction } from "./audit-actions";
import { chunked, MAX_BOUND_PARAMETERS } from "./batching";
import type { Database } from "./client";
import { insertIf } from "./insert-if";
import { OPERATIONAL_COLUMNS, OPERATIONAL_TABLES } from "./operational";
import { auditEntries } from "./schema";

/** Who acts: a signed-in account, or a named part of the system (a job, the seed). */
export type AuditActor = { kind: "account"; id: string } | { kind: "system"; name: SystemActor };
export type SystemActor = "seed" | "unattributed" | `job:${string}`;

const actors = new WeakMap<Database, AuditActor>();

/**
 * Binds the actor of every later write through `db`, so no feature function has to pass it along:
 * the request's handle once it is authenticated, a job's or the seed's handle when it is made.
 * Returns `db`.
 *
 * @example actAs(db, { kind: "system", name: "seed" })
 */
export function actAs(db: Database, actor: AuditActor): Database {
	actors.set(db, actor);
	return db;
}

/** The actor bound to `db`; unbound handles (a test calling a feature function) are "unattributed". */
export function actorOf(db: Database): AuditActor {
	return actors.get(db) ?? { kind: "system", name: "unattributed" };
}

/** One change people care about: what happened to which object, where, and what it changed. */
export interface Change {
	action: AuditAction;
	/** The id of the changed object; its type is the action without its verb (`program.session`). */
	id: string;
	/**
	 * An edition's entry also carries its series and host institution (looked up in the batch when
	 * not given). A subquery may name the edition (`(select edition_id from … where id = ?)`).
	 */
	editionId?: string | SQL;
	seriesId?: string | null;
	institutionId?: string | null;
	/** The fields before and after; only the changed ones are kept (all of `after` for a creation). */
	before?: Record<string, unknown>;
	after?: Record<string, unknown>;
	/** Names and addresses of one account, kept apart so anonymiseAuditEntries can clear them. */
	personal?: { accountId: string; fields: Record<string, string> };
	/** The account acting when the handle is not yet bound to it (signing up, accepting by link). */
	actorId?: string;
	/**
	 * The index (in the statements) of a guarded write this change records: the entry is written
	 * right after it and only if it changed a row (SQLite's `changes()`), so a write its guard
	 * refused (the last owner, a taken slug) leaves no entry.
	 */
	of?: number;
}

const MAX_FIELDS = 20;
const MAX_VALUE = 160;

function shown(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (typeof value === "string") return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
	if (value === null || typeof value === "number" || typeof value === "boolean") return value;
	if (value === undefined) return null;
	const text = JSON.stringify(value) ?? "";
	return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(shown(a)) === JSON.stringify(shown(b));

/**
 * The before/after summary of a change: the fields that differ, at most MAX_FIELDS of them, each
 * value cut at MAX_VALUE characters, so an entry stays small whatever was written.
 */
export function summarise(before?: Record<string, unknown>, after?: Record<string, unknown>) {
	const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
	const changed = keys.filter((key) => !(before && after) || !same(before[key], after[key])).slice(0, MAX_FIELDS);
	const pick = (side?: Record<string, unknown>) =>
		side ? Object.fromEntries(changed.filter((key) => key in side).map((key) => [key, shown(side[key])])) : undefined;
	const summary: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {};
	if (before) summary.before = pick(before);
	if (after) summary.after = pick(after);
	return summary;
}

const targetType = (action: string) => action.slice(0, action.lastIndexOf("."));

/** The row values of one change's entry; an edition's series and institution come from a subquery when not given. */
function entryRow(db: Database, change: Change, at: Date) {
	const actor = change.actorId ? ({ kind: "account", id: change.actorId } as const) : actorOf(db);
	const editionId = change.editionId ?? null;
	const lookup = (column: SQL) => sql`(select ${column} from editions where id = ${editionId})`;
	return {
		id: newId(),
		at,
		actorId: actor.kind === "account" ? actor.id : null,
		actorKind: actor.kind === "account" ? "account" : actor.name,
		editionId,
		seriesId: change.seriesId !== undefined || !editionId ? (change.seriesId ?? null) : lookup(sql`series_id`),
		institutionId:
			change.institutionId !== undefined || !editionId
				? (change.institutionId ?? null)
				: lookup(sql`host_institution_id`),
		action: change.action,
		targetType: targetType(change.action),
		targetId: change.id,
		summary: JSON.stringify(summarise(change.before, change.after)),
		personalAccountId: change.personal?.accountId ?? null,
		personal: change.personal ? JSON.stringify(change.personal.fields) : null,
	};
}

// At most 15 bound values a row (13 columns, two of them a subquery on the edition id).
const ENTRIES_PER_STATEMENT = Math.floor(MAX_BOUND_PARAMETERS / 15);

/** The multi-row inserts of the entries of `changes`, for the caller's batch. */
export function auditInserts(db: Database, changes: readonly Change[], at = new Date()): BatchItem<"sqlite">[] {
	const rows = changes.map((change) => entryRow(db, change, at));
	return chunked(rows, ENTRIES_PER_STATEMENT).map((chunk) => db.insert(auditEntries).values(chunk));
}

/** What a statement writes: its table, and for an update the columns it sets; null for a read. */
function writeOf(statement: unknown): { table: string; columns: string[] | null } | null {
	const config = (statement as { config?: { table?: SQLiteTable; set?: Record<string, unknown> } }).config;
	if (is(statement, SQLiteUpdateBase) && config?.table) {
		const columns = getTableColumns(config.table);
		const set = Object.keys(config.set ?? {}).map((key) => columns[key]?.name ?? key);
		return { table: getTableName(config.table), columns: set };
	}
	if ((is(statement, SQLiteInsertBase) || is(statement, SQLiteDeleteBase)) && config?.table) {
		return { table: getTableName(config.table), columns: null };
	}
	return null;
}

/** True when a write needs no audit entry: it touches only declared operational tables or columns. */
function operational(write: { table: string; columns: string[] | null }) {
	if (write.table in OPERATIONAL_TABLES) return true;
	return write.columns?.every((column) => `${write.table}.${column}` in OPERATIONAL_COLUMNS);
}

/**
 * Refuses a commit without changes that writes a state people care about: such a write has to say
 * what it changes. Statements that are not drizzle write builders (reads, guards) pass.
 */
function requireOperational(statements: readonly unknown[]) {
	for (const statement of statements) {
		const write = writeOf(statement);
		if (write && !operational(write)) {
			throw new Error(
				`write to ${write.table}${write.columns ? ` (${write.columns.join(", ")})` : ""} without an audit entry: pass its change to commit()`,
			);
		}
	}
}

let sending = 0;

/** True while the kernel hands a batch to D1 (synchronously): the write guard lets only those through. */
export const kernelIsWriting = () => sending > 0;

function send(db: Database, statements: BatchItem<"sqlite">[]) {
	const [first, ...rest] = statements;
	if (!first) return Promise.resolve([] as unknown[]);
	sending++;
	try {
		// drizzle prepares the statements and calls D1's batch() before its first await.
		return db.batch([first, ...rest]) as Promise<unknown[]>;
	} finally {
		sending--;
	}
}

/**
 * Runs `statements` and the audit entries of `changes` in one batch; the results line up with
 * `statements`. Without changes, every write must be operational (src/db/operational.ts).
 *
 * @example await commit(db, [{ action: "program.room.created", id: row.id, editionId, after: row }], [db.insert(rooms).values(row)]);
 */
export async function commit<U extends BatchItem<"sqlite">, T extends Readonly<[U, ...U[]]>>(
	db: Database,
	changes: readonly Change[],
	statements: T,
): Promise<BatchResponse<T>> {
	return (await commitAll(db, changes, [...statements])) as BatchResponse<T>;
}

/** `commit` for a list of statements the type system cannot see is non-empty (it may be). */
export async function commitAll(
	db: Database,
	changes: readonly Change[],
	statements: readonly BatchItem<"sqlite">[],
): Promise<unknown[]> {
	if (changes.length === 0) requireOperational(statements);
	const at = new Date();
	const always = changes.filter((change) => change.of === undefined);
	// Each guarded entry right after its write, where changes() still counts that write's rows.
	const sent: BatchItem<"sqlite">[] = [];
	const positions: number[] = [];
	statements.forEach((statement, i) => {
		positions.push(sent.length);
		sent.push(statement);
		for (const change of changes.filter((c) => c.of === i)) {
			// insertIf inlines the SQL values (the edition lookups) as they are.
			const row = entryRow(db, change, at) as typeof auditEntries.$inferInsert;
			sent.push(insertIf(db, auditEntries, row, sql`changes() > 0`));
		}
	});
	const results = await send(db, [...sent, ...auditInserts(db, always, at)]);
	return positions.map((position) => results[position]);
}

/**
 * Several reads in one round trip (D1's batch): refused for anything but reads, so a batch is
 * never a way around `commit`.
 */
export function readTogether<U extends BatchItem<"sqlite">, T extends Readonly<[U, ...U[]]>>(
	db: Database,
	queries: T,
): Promise<BatchResponse<T>> {
	for (const query of queries) {
		if (writeOf(query)) throw new Error("readTogether() only reads: send writes through commit()");
	}
	return db.batch(queries);
}

/**
 * Clears an account's personal data from the audit log (for account deletion and retention): the
 * personal fields of the entries about it, and its id as the actor. What happened stays; who it
 * was does not. The only change the log's append-only trigger allows.
 */
export async function anonymiseAuditEntries(db: Database, accountId: string) {
	sending++;
	try {
		const batch = db.batch([
			db
				.update(auditEntries)
				.set({ personal: null, personalAccountId: null })
				.where(sql`${auditEntries.personalAccountId} = ${accountId}`),
			db.update(auditEntries).set({ actorId: null }).where(sql`${auditEntries.actorId} = ${accountId}`),
		]);
		return batch;
	} finally {
		sending--;
	}
}
