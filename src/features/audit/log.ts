/**
 * Reading the audit log (README, "Audit log"): the entries filed under one edition, institution or
 * series, newest first, narrowed by the filters the console page, its CSV export and the API share,
 * and how an entry reads to a person (who, what, the summary). Plain functions of a db handle.
 */
import { z } from "@hono/zod-openapi";
import { and, desc, eq, gte, like, lt, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { auditEntries, users } from "../../db/schema";
import { AppError } from "../../lib/errors";

/** Whose log: the entries carrying this edition's, institution's or series' id. */
export type AuditScope = { kind: "edition" | "institution" | "series"; id: string };

/** The newest entries a list reads at most (a filter narrows it further back); an export reads more. */
export const AUDIT_LIST_LIMIT = 2000;
export const AUDIT_EXPORT_LIMIT = 10_000;

const DATE_MESSAGE = "Use a date as YYYY-MM-DD.";
const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE)
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), DATE_MESSAGE);

/** The filters, as GET query values (empty means "any"); `checkFilter` adds the rule between them. */
export const AuditFilterQuery = z.object({
	action: z
		.string()
		.max(80, "Use at most 80 characters.")
		.regex(/^([a-z-]+(\.[a-z-]+){0,2})?$/, "Use the start of an action, e.g. program or program.session.")
		.optional()
		.openapi({
			param: { name: "action", in: "query" },
			description: "Entries whose action is this or starts with it and a dot: `program`, `program.session`.",
			example: "program.session",
		}),
	actor: z
		.string()
		.max(100, "Use at most 100 characters.")
		.regex(/^[\w:.-]*$/, "Use an account id or a system actor such as job:announcements.")
		.optional()
		.openapi({
			param: { name: "actor", in: "query" },
			description: "An account id, or a system actor: `seed`, `job:<name>`, `unattributed`.",
		}),
	from: day
		.or(z.literal(""))
		.optional()
		.openapi({ param: { name: "from", in: "query" }, description: "From this day on (UTC), inclusive." }),
	to: day
		.or(z.literal(""))
		.optional()
		.openapi({ param: { name: "to", in: "query" }, description: "Up to and including this day (UTC)." }),
});

export type AuditFilter = z.infer<typeof AuditFilterQuery>;

/** The filters read from a query, or the 400 naming each field that is not one. */
export function parseFilter(query: Record<string, string | undefined>): AuditFilter {
	const parsed = AuditFilterQuery.safeParse({
		action: query.action,
		actor: query.actor,
		from: query.from,
		to: query.to,
	});
	const fields: Record<string, string> = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "_")] ??= issue.message;
	} else if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to) {
		fields.to = "The last day comes before the first.";
	}
	if (Object.keys(fields).length > 0 || !parsed.success) {
		throw new AppError(400, "invalid_input", "Some fields are missing or invalid.", fields);
	}
	return parsed.data;
}

/** One entry as the log shows it, with the acting account's current name (null once removed). */
export interface AuditRow {
	id: string;
	at: Date;
	actorId: string | null;
	actorKind: string;
	actorName: string | null;
	action: string;
	targetType: string;
	targetId: string;
	summary: string;
}

const scopeColumn = (scope: AuditScope) =>
	scope.kind === "edition"
		? auditEntries.editionId
		: scope.kind === "institution"
			? auditEntries.institutionId
			: auditEntries.seriesId;

const DAY_MS = 86_400_000;

function filterWhere(filter: AuditFilter): SQL[] {
	const where: SQL[] = [];
	if (filter.action) {
		const either = or(eq(auditEntries.action, filter.action), like(auditEntries.action, `${filter.action}.%`));
		if (either) where.push(either);
	}
	if (filter.actor) {
		const either = or(eq(auditEntries.actorId, filter.actor), eq(auditEntries.actorKind, filter.actor));
		if (either) where.push(either);
	}
	if (filter.from) where.push(gte(auditEntries.at, new Date(`${filter.from}T00:00:00Z`)));
	if (filter.to) where.push(lt(auditEntries.at, new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS)));
	return where;
}

/** The scope's entries matching `filter`, newest first, at most `limit`. */
export function listAuditEntries(
	db: Database,
	scope: AuditScope,
	filter: AuditFilter,
	limit = AUDIT_LIST_LIMIT,
): Promise<AuditRow[]> {
	return db
		.select({
			id: auditEntries.id,
			at: auditEntries.at,
			actorId: auditEntries.actorId,
			actorKind: auditEntries.actorKind,
			actorName: users.name,
			action: auditEntries.action,
			targetType: auditEntries.targetType,
			targetId: auditEntries.targetId,
			summary: auditEntries.summary,
		})
		.from(auditEntries)
		.leftJoin(users, eq(users.id, auditEntries.actorId))
		.where(and(eq(scopeColumn(scope), scope.id), ...filterWhere(filter)))
		.orderBy(desc(auditEntries.at), desc(auditEntries.id))
		.limit(limit);
}

/**
 * Who acted, in words: the account's current name; "system: job:announcements" for a part of
 * Baton; "removed account" once the account was deleted or its id anonymised.
 */
export function actorWords(row: Pick<AuditRow, "actorKind" | "actorId" | "actorName">): string {
	if (row.actorKind !== "account") return `system: ${row.actorKind}`;
	return row.actorId && row.actorName !== null ? row.actorName : "removed account";
}

/** "program.session.updated" → "Program session updated". */
export function actionWords(action: string): string {
	const words = action.replace(/[.-]/g, " ");
	return words.charAt(0).toUpperCase() + words.slice(1);
}

const valueWords = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** The summary's changed fields as "field: before → after" (or "field: value" for one side), joined by "; ". */
export function summaryWords(summary: string): string {
	let parsed: { before?: Record<string, unknown>; after?: Record<string, unknown> };
	try {
		parsed = JSON.parse(summary);
	} catch {
		return "";
	}
	const before = parsed.before ?? {};
	const after = parsed.after ?? {};
	const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
	return keys
		.map((key) => {
			if (key in before && key in after) return `${key}: ${valueWords(before[key])} → ${valueWords(after[key])}`;
			return `${key}: ${valueWords(key in after ? after[key] : before[key])}${key in after ? "" : " (removed)"}`;
		})
		.join("; ");
}
