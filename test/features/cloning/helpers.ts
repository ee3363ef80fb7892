/**
 * Arrange helpers of the cloning tests: target editions written straight into D1, a snapshot of
 * every row an edition owns (for "the source is unchanged" and "nothing was written" as exact
 * equality), and a D1 binding that records the statements of each batch and can break one.
 */

import { env } from "cloudflare:workers";
import { type EditionValues, insertEdition } from "../../fixtures";

export const AINM = "seed-series-ainm";
export const AINM_2023 = "seed-edition-ainm-2023";

/** Every table holding rows of one edition (its committee and host names included). */
export const EDITION_TABLES = [
	"pages",
	"tracks",
	"rooms",
	"sessions",
	"talks",
	"talk_speakers",
	"session_chairs",
	"speakers",
	"sponsor_tiers",
	"sponsors",
	"ticket_types",
	"registration_fields",
	"abstract_calls",
	"review_criteria",
	"survey_questions",
	"checklist_tasks",
	"organizer_reminders",
	"email_texts",
	"edition_members",
	"edition_hosts",
	"edition_people",
] as const;

export interface EditionRow {
	id: string;
	seriesId?: string;
	year: number;
	name?: string;
	start: string;
	end: string;
	timeZone?: string;
	status?: string;
	city?: string;
	hostName?: string;
}

/** An edition row of a series (AINM unless told), empty of content. */
export async function createEdition(row: EditionRow): Promise<void> {
	await insertEdition({
		id: row.id,
		seriesId: row.seriesId ?? AINM,
		year: row.year,
		name: row.name ?? `AINM ${row.year}`,
		startDate: row.start,
		endDate: row.end,
		timeZone: row.timeZone ?? "Europe/Amsterdam",
		status: (row.status ?? "draft") as EditionValues["status"],
		city: row.city ?? "",
		hostName: row.hostName ?? "",
	});
}

export async function rowsOf(sql: string, ...binds: unknown[]): Promise<Record<string, unknown>[]> {
	return (
		await env.DB.prepare(sql)
			.bind(...binds)
			.all<Record<string, unknown>>()
	).results;
}

/** The edition's own row and every row it owns, each table in a stable order. */
export async function editionSnapshot(editionId: string) {
	const tables: Record<string, Record<string, unknown>[]> = {};
	for (const table of EDITION_TABLES) {
		tables[table] = await rowsOf(`select * from ${table} where edition_id = ? order by rowid`, editionId);
	}
	const [edition] = await rowsOf("select * from editions where id = ?", editionId);
	return { edition, tables };
}

/** Rows per edition table: what a "nothing was written" check compares. */
export async function rowCounts(editionId: string): Promise<Record<string, number>> {
	const { tables } = await editionSnapshot(editionId);
	return Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, rows.length]));
}

export const contentVersion = async (editionId: string) =>
	Number((await rowsOf("select content_version as v from editions where id = ?", editionId))[0]?.v);

export interface RecordedStatement {
	sql: string;
	params: number;
}

/**
 * Wraps a D1 binding (as the app's query counter does: batches still get the real statements)
 * to record each batch's statements with their bound parameters, and to let a test act just
 * before a batch runs or replace what it sends.
 */
export function observedD1(
	inner: D1Database,
	hooks: {
		beforeBatch?: () => Promise<void>;
		rewrite?: (statements: D1PreparedStatement[]) => D1PreparedStatement[];
	} = {},
) {
	const batches: RecordedStatement[][] = [];
	const recorded = new WeakMap<object, { statement: D1PreparedStatement; record: RecordedStatement }>();
	const wrap = (statement: D1PreparedStatement, record: RecordedStatement): D1PreparedStatement => {
		const proxy = new Proxy(statement, {
			get(target, prop, receiver) {
				const value = Reflect.get(target, prop, receiver);
				if (typeof value !== "function") return value;
				if (prop === "bind") {
					return (...args: unknown[]) => wrap(target.bind(...args), { sql: record.sql, params: args.length });
				}
				return value.bind(target);
			},
		});
		recorded.set(proxy, { statement, record });
		return proxy;
	};
	const db = new Proxy(inner, {
		get(target, prop, receiver) {
			if (prop === "prepare") return (sql: string) => wrap(target.prepare(sql), { sql, params: 0 });
			if (prop === "batch") {
				return async (statements: D1PreparedStatement[]) => {
					batches.push(statements.map((s) => recorded.get(s)?.record ?? { sql: "?", params: 0 }));
					await hooks.beforeBatch?.();
					const real = statements.map((s) => recorded.get(s)?.statement ?? s);
					return target.batch(hooks.rewrite ? hooks.rewrite(real) : real);
				};
			}
			const value = Reflect.get(target, prop, receiver);
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
	return { db, batches };
}
