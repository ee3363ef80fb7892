/**
 * The audit log pages of the console and their CSV exports: an edition's (its chairs), an
 * institution's (its owners), a series' (its stewards). Filters are GET query values; bad ones show
 * the page again with the message beside the field (400).
 */
import { type Context, Hono } from "hono";
import { requireAuth, requireSignedInPage } from "../../auth/guard";
import { authorizedEdition, authorizedSeries } from "../../domain/edition-access";
import type { AppEnv } from "../../env";
import { limitCostly } from "../../lib/costly-actions";
import { AppError } from "../../lib/errors";
import {
	auditCsvUrl,
	contentUrl,
	editionAuditUrl,
	institutionAuditUrl,
	institutionConsoleUrl,
	seriesAuditUrl,
} from "../../urls";
import { pageOf } from "../../views/pager";
import { authorizedInstitution } from "../institutions";
import { seriesCrumbs } from "../series";
import { toCsv } from "./csv";
import {
	AUDIT_EXPORT_LIMIT,
	type AuditFilter,
	type AuditRow,
	type AuditScope,
	actionWords,
	actorWords,
	listAuditEntries,
	parseFilter,
	summaryWords,
} from "./log";
import { AuditLogPage, type AuditLogPageProps } from "./views";

type Ctx = Context<AppEnv>;

/** A log's scope, name, crumbs and what it holds, once the caller may read it. */
interface AuthorizedLog {
	scope: AuditScope;
	ofName: string;
	path: string;
	holds: string;
	breadcrumb: AuditLogPageProps["breadcrumb"];
}

async function editionLog(c: Ctx): Promise<AuthorizedLog> {
	const { edition } = await authorizedEdition(c, "edition.view_audit", c.req.param("id") ?? "");
	return {
		scope: { kind: "edition", id: edition.id },
		ofName: edition.name,
		path: editionAuditUrl(edition.id),
		holds: `Every change to ${edition.name}: its content, settings, committee, host names and notes.`,
		breadcrumb: [
			{ label: "Console", href: "/console" },
			{ label: edition.name, href: contentUrl(edition.id) },
			{ label: "Audit log" },
		],
	};
}

async function institutionLog(c: Ctx): Promise<AuthorizedLog> {
	const { institution } = await authorizedInstitution(c, "institution.view_audit", c.req.param("id") ?? "");
	return {
		scope: { kind: "institution", id: institution.id },
		ofName: institution.name,
		path: institutionAuditUrl(institution.id),
		holds: `Every change filed under ${institution.name}: its details and members, its proposals and the editions it hosts.`,
		breadcrumb: [
			{ label: "Console", href: "/console" },
			{ label: institution.name, href: institutionConsoleUrl(institution.id) },
			{ label: "Audit log" },
		],
	};
}

async function seriesLog(c: Ctx): Promise<AuthorizedLog> {
	const { series } = await authorizedSeries(c, "series.view_audit", c.req.param("slug") ?? "");
	return {
		scope: { kind: "series", id: series.id },
		ofName: series.shortName,
		path: seriesAuditUrl(series),
		holds: `Every change filed under ${series.name}: its details, stewards, lectures, calls for hosts, followers and editions.`,
		breadcrumb: [...seriesCrumbs(series), { label: "Audit log" }],
	};
}

/** The filters of the request, or the fields that are not filters (shown beside them). */
function filterOf(c: Ctx): { filter: Partial<AuditFilter>; errors?: Record<string, string> } {
	const query = c.req.query();
	try {
		return { filter: parseFilter(query) };
	} catch (error) {
		if (!(error instanceof AppError)) throw error;
		const typed = { action: query.action, actor: query.actor, from: query.from, to: query.to };
		return { filter: typed, errors: error.fields ?? {} };
	}
}

async function renderLog(c: Ctx, log: AuthorizedLog) {
	const { filter, errors } = filterOf(c);
	const rows = errors ? [] : await listAuditEntries(c.var.db, log.scope, filter);
	const query = new URLSearchParams(
		Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
	).toString();
	const page = pageOf(rows, c.req.query("page"), query ? `${log.path}?${query}` : log.path);
	return c.html(
		<AuditLogPage
			user={requireAuth(c).user}
			ofName={log.ofName}
			breadcrumb={log.breadcrumb}
			path={log.path}
			csvPath={auditCsvUrl(log.path)}
			holds={log.holds}
			filter={filter}
			errors={errors}
			page={page}
		/>,
		errors ? 400 : 200,
	);
}

export const AUDIT_CSV_HEADER = [
	"when",
	"who",
	"actor_id",
	"action",
	"action_words",
	"target_type",
	"target_id",
	"changes",
];

export const auditCsvRow = (row: AuditRow) => [
	row.at.toISOString(),
	actorWords(row),
	row.actorId ?? "",
	row.action,
	actionWords(row.action),
	row.targetType,
	row.targetId,
	summaryWords(row.summary),
];

/** The filtered log as a CSV download; counted as an export (lib/costly-actions.ts) before it is read. */
async function exportLog(c: Ctx, log: AuthorizedLog) {
	const { filter, errors } = filterOf(c);
	if (errors) return renderLog(c, log);
	await limitCostly(c, "export", requireAuth(c).user.id);
	const rows = await listAuditEntries(c.var.db, log.scope, filter, AUDIT_EXPORT_LIMIT);
	const name = `audit-${log.scope.kind}-${new Date().toISOString().slice(0, 10)}.csv`;
	return c.body(toCsv([AUDIT_CSV_HEADER, ...rows.map(auditCsvRow)]), 200, {
		"Content-Type": "text/csv; charset=utf-8",
		"Content-Disposition": `attachment; filename="${name}"`,
		"Cache-Control": "no-store",
	});
}

export const auditPages = new Hono<AppEnv>()
	.use("/console/editions/:id/audit", requireSignedInPage)
	.use("/console/editions/:id/audit.csv", requireSignedInPage)
	.use("/console/institutions/:id/audit", requireSignedInPage)
	.use("/console/institutions/:id/audit.csv", requireSignedInPage)
	.use("/console/series/:slug/audit", requireSignedInPage)
	.use("/console/series/:slug/audit.csv", requireSignedInPage)
	.get("/console/editions/:id/audit", async (c) => renderLog(c, await editionLog(c)))
	.get("/console/editions/:id/audit.csv", async (c) => exportLog(c, await editionLog(c)))
	.get("/console/institutions/:id/audit", async (c) => renderLog(c, await institutionLog(c)))
	.get("/console/institutions/:id/audit.csv", async (c) => exportLog(c, await institutionLog(c)))
	.get("/console/series/:slug/audit", async (c) => renderLog(c, await seriesLog(c)))
	.get("/console/series/:slug/audit.csv", async (c) => exportLog(c, await seriesLog(c)));
