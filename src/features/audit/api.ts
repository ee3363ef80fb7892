/**
 * The audit log in the API: an edition's (its chairs), an institution's (its owners) and a series'
 * (its stewards), newest first, with the console's filters, a page at a time.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createApiRouter, errorResponses } from "../../api/openapi";
import { listResponse, PageQuery, paginate } from "../../api/pagination";
import { EditionIdParam, pathId, SeriesSlugParam } from "../../api/params";
import { authorizedEdition, authorizedSeries } from "../../domain/edition-access";
import type { AppEnv } from "../../env";
import { authorizedInstitution } from "../institutions";
import {
	AUDIT_LIST_LIMIT,
	AuditFilterQuery,
	type AuditRow,
	type AuditScope,
	listAuditEntries,
	parseFilter,
} from "./log";

const tags = ["Audit log"];

const AuditEntrySchema = z
	.object({
		id: z.string(),
		at: z.iso.datetime(),
		actor: z
			.object({
				kind: z
					.string()
					.openapi({ description: "`account`, or a system actor: `seed`, `job:<name>`, `unattributed`." }),
				id: z
					.string()
					.nullable()
					.openapi({ description: "The account's id; null for a system actor or a removed account." }),
				name: z.string().nullable().openapi({ description: "The account's current name; null when removed." }),
			})
			.openapi("AuditActor"),
		action: z.string().openapi({ example: "program.session.updated" }),
		targetType: z.string().openapi({ example: "program.session" }),
		targetId: z.string(),
		summary: z
			.object({
				before: z.record(z.string(), z.unknown()).optional(),
				after: z.record(z.string(), z.unknown()).optional(),
			})
			.openapi({ description: "The changed fields before and after (values cut at 160 characters)." }),
	})
	.openapi("AuditEntry");

const query = PageQuery.extend(AuditFilterQuery.shape);
const listed = (what: string) =>
	listResponse(
		`The newest ${AUDIT_LIST_LIMIT} entries of ${what} matching the filters, a page at a time.`,
		AuditEntrySchema,
	);

const listEditionAudit = createRoute({
	method: "get",
	path: "/editions/{id}/audit",
	operationId: "listEditionAuditEntries",
	tags,
	summary: "List the edition's audit log, newest first (chairs)",
	request: { params: EditionIdParam, query },
	responses: { 200: listed("the edition"), ...errorResponses(400, 401, 403, 404) },
});

const listInstitutionAudit = createRoute({
	method: "get",
	path: "/institutions/{id}/audit",
	operationId: "listInstitutionAuditEntries",
	tags,
	summary: "List the audit log of everything filed under the institution, newest first (owners)",
	request: { params: z.object({ id: pathId("id") }), query },
	responses: { 200: listed("the institution"), ...errorResponses(400, 401, 403, 404) },
});

const listSeriesAudit = createRoute({
	method: "get",
	path: "/series/{slug}/audit",
	operationId: "listSeriesAuditEntries",
	tags,
	summary: "List the audit log of the series and its editions, newest first (stewards)",
	request: { params: SeriesSlugParam, query },
	responses: { 200: listed("the series"), ...errorResponses(400, 401, 403, 404) },
});

function summaryOf(text: string) {
	try {
		return JSON.parse(text) as { before?: Record<string, unknown>; after?: Record<string, unknown> };
	} catch {
		return {};
	}
}

const toJson = (row: AuditRow) => ({
	id: row.id,
	at: row.at.toISOString(),
	actor: {
		kind: row.actorKind,
		id: row.actorId,
		name: row.actorKind === "account" && row.actorId ? row.actorName : null,
	},
	action: row.action,
	targetType: row.targetType,
	targetId: row.targetId,
	summary: summaryOf(row.summary),
});

async function answer(c: Context<AppEnv>, scope: AuditScope, request: z.infer<typeof query>) {
	const { action, actor, from, to } = request;
	const filter = parseFilter({ action, actor, from, to });
	const rows = await listAuditEntries(c.var.db, scope, filter);
	const { items, page } = paginate(rows, request, (row) => row.id);
	return { data: items.map(toJson), page };
}

export const auditApi = createApiRouter()
	.openapi(listEditionAudit, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view_audit", c.req.valid("param").id);
		return c.json(await answer(c, { kind: "edition", id: edition.id }, c.req.valid("query")), 200);
	})
	.openapi(listInstitutionAudit, async (c) => {
		const { institution } = await authorizedInstitution(c, "institution.view_audit", c.req.valid("param").id);
		return c.json(await answer(c, { kind: "institution", id: institution.id }, c.req.valid("query")), 200);
	})
	.openapi(listSeriesAudit, async (c) => {
		const { series } = await authorizedSeries(c, "series.view_audit", c.req.valid("param").slug);
		return c.json(await answer(c, { kind: "series", id: series.id }, c.req.valid("query")), 200);
	});
