/**
 * The template library through the API: list and read templates and their versions, validate a
 * template document, publish from an edition, publish a new version, fork, and apply a version
 * to an edition (`?dryRun=1` answers the preview and writes nothing). The routes as OpenAPI
 * declares them are in ./api-routes.ts; these are their handlers.
 */
import { createApiRouter } from "../../api/openapi";
import { paginate } from "../../api/pagination";
import { requireAuth } from "../../auth/guard";
import { authorizedEdition } from "../../domain/edition-access";
import { limitCostly } from "../../lib/costly-actions";
import { authorizedTarget } from "../cloning";
import { authorizedTemplate, authorizedVersion, visibleSources, visibleTemplates, visibleUses } from "./access";
import {
	applyRoute,
	forkRoute,
	getRoute,
	listRoute,
	publishRoute,
	republishRoute,
	validateRoute,
	versionRoute,
} from "./api-routes";
import { applyTemplate, previewTemplateApply } from "./apply";
import { invalidDocument, parseTemplateDocument, partsOf } from "./document";
import {
	filterTemplates,
	forkTemplate,
	listUses,
	listVersions,
	publishTemplate,
	republishTemplate,
	type TemplateInfo,
} from "./library";

const templateJson = (t: TemplateInfo) => ({
	...t,
	latest: { ...t.latest, createdAt: t.latest.createdAt?.toISOString() ?? null },
});

export const templatesApi = createApiRouter()
	.openapi(listRoute, async (c) => {
		const query = c.req.valid("query");
		const templates = filterTemplates(await visibleTemplates(c), query);
		const { items, page } = paginate(templates, query, (t) => t.ref);
		return c.json({ data: items.map(templateJson), page }, 200);
	})
	.openapi(validateRoute, async (c) => {
		requireAuth(c);
		// The body is validated here, not by the route, so that the fields are the document's own paths.
		const parsed = parseTemplateDocument(await c.req.json());
		if (!parsed.ok) throw invalidDocument(parsed.fields);
		return c.json({ data: { valid: true as const, parts: partsOf(parsed.document) } }, 200);
	})
	.openapi(getRoute, async (c) => {
		const { info } = await authorizedTemplate(c, "template.view", c.req.valid("param").ref);
		const [versions, uses] = await Promise.all([listVersions(c.var.db, info), listUses(c.var.db, info.ref)]);
		return c.json(
			{
				data: {
					...templateJson(info),
					versions: (await visibleSources(c, versions)).map(({ source, ...v }) => ({
						...v,
						createdAt: v.createdAt?.toISOString() ?? null,
						source: source ? { id: source.id, name: source.name, year: source.year } : null,
					})),
					uses: (await visibleUses(c, uses)).map((u) => ({
						edition: { id: u.edition.id, name: u.edition.name, year: u.edition.year },
						version: u.version,
						parts: u.parts,
						appliedAt: u.appliedAt.toISOString(),
					})),
				},
			},
			200,
		);
	})
	.openapi(versionRoute, async (c) => {
		const { ref, version } = c.req.valid("param");
		const found = await authorizedVersion(c, ref, version);
		return c.json({ data: { ...found.document, parts: found.document.parts as Record<string, unknown> } }, 200);
	})
	.openapi(publishRoute, async (c) => {
		const body = c.req.valid("json");
		const { edition, actor } = await authorizedEdition(c, "template.publish", c.req.valid("param").id);
		await limitCostly(c, "template-publish", actor.userId);
		return c.json({ data: await publishTemplate(c.var.db, { ...body, edition, userId: actor.userId }) }, 201);
	})
	.openapi(republishRoute, async (c) => {
		const { editionId, ...body } = c.req.valid("json");
		const { info: template } = await authorizedTemplate(c, "template.manage", c.req.valid("param").ref);
		const { edition, actor } = await authorizedEdition(c, "template.publish", editionId);
		await limitCostly(c, "template-publish", actor.userId);
		return c.json(
			{ data: await republishTemplate(c.var.db, { ...body, template, edition, userId: actor.userId }) },
			201,
		);
	})
	.openapi(forkRoute, async (c) => {
		const { editionId, version, ...body } = c.req.valid("json");
		const source = await authorizedVersion(c, c.req.valid("param").ref, version);
		const { edition, actor } = await authorizedEdition(c, "template.publish", editionId);
		await limitCostly(c, "template-publish", actor.userId);
		return c.json({ data: await forkTemplate(c.var.db, { ...body, source, edition, userId: actor.userId }) }, 201);
	})
	.openapi(applyRoute, async (c) => {
		const { template, version, parts, expectedContentVersion } = c.req.valid("json");
		const { dryRun } = c.req.valid("query");
		const { edition, actor } = await authorizedTarget(c, c.req.valid("param").id);
		const source = await authorizedVersion(c, template, version);
		const input = { targetEditionId: edition.id, source, parts, userId: actor.userId, expectedContentVersion };
		if (dryRun === "1" || dryRun === "true") {
			const preview = await previewTemplateApply(c.var.db, input);
			return c.json(
				{
					data: {
						...preview,
						previous: preview.previous && { ...preview.previous, appliedAt: preview.previous.appliedAt.toISOString() },
					},
				},
				200,
			);
		}
		await limitCostly(c, "template-apply", actor.userId);
		return c.json({ data: await applyTemplate(c.var.db, input) }, 201);
	});
