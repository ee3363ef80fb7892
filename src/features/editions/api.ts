import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, errorResponses } from "../../api/openapi";
import { EditionIdParam as EditionParam } from "../../api/params";
import { authorizedEdition } from "../../domain/edition-access";
import { validationError } from "../../lib/errors";
import { editionUrl } from "../../urls";
import { abstractCallSchema, loadAbstractCall, saveAbstractCall } from "./abstract-call";
import { settingsOf, settingsSchema, updateSettings } from "./settings";

const EditionSettings = z
	.object({ id: z.string(), seriesId: z.string(), year: z.number(), url: z.string() })
	.catchall(z.unknown())
	.openapi("EditionSettings");
const tags = ["Editions"];

const getEdition = createRoute({
	method: "get",
	path: "/editions/{id}",
	operationId: "getEdition",
	tags,
	summary: "An edition's settings (committee and stewards; drafts included)",
	request: { params: EditionParam },
	responses: {
		200: {
			description: "The edition.",
			content: { "application/json": { schema: z.object({ data: EditionSettings }) } },
		},
		...errorResponses(401, 404),
	},
});

const patchEdition = createRoute({
	method: "patch",
	path: "/editions/{id}",
	operationId: "updateEditionSettings",
	tags,
	summary: "Change an edition's settings (only the fields sent)",
	request: {
		params: EditionParam,
		body: { required: true, content: { "application/json": { schema: z.record(z.string(), z.unknown()) } } },
	},
	responses: {
		200: {
			description: "The edition.",
			content: { "application/json": { schema: z.object({ data: EditionSettings }) } },
		},
		...errorResponses(400, 401, 403, 404, 422),
	},
});

const AbstractCall = z.record(z.string(), z.unknown()).openapi("AbstractCall");

const getCall = createRoute({
	method: "get",
	path: "/editions/{id}/abstract-call",
	operationId: "getAbstractCall",
	tags,
	summary: "The edition's call for abstracts (defaults until first saved)",
	request: { params: EditionParam },
	responses: {
		200: { description: "The call.", content: { "application/json": { schema: z.object({ data: AbstractCall }) } } },
		...errorResponses(401, 404),
	},
});

const putCall = createRoute({
	method: "put",
	path: "/editions/{id}/abstract-call",
	operationId: "putAbstractCall",
	tags,
	summary: "Create or replace the edition's call for abstracts",
	request: {
		params: EditionParam,
		body: { required: true, content: { "application/json": { schema: abstractCallSchema } } },
	},
	responses: {
		200: { description: "The call.", content: { "application/json": { schema: z.object({ data: AbstractCall }) } } },
		...errorResponses(400, 401, 403, 404, 422),
	},
});

type Found = Awaited<ReturnType<typeof authorizedEdition>>;
const toJson = ({ edition, series }: Pick<Found, "edition" | "series">) => ({
	id: edition.id,
	seriesId: edition.seriesId,
	year: edition.year,
	url: editionUrl(series, edition),
	...settingsOf(edition),
});

export const editionsApi = createApiRouter()
	.openapi(getEdition, async (c) => {
		const found = await authorizedEdition(c, "edition.view", c.req.valid("param").id);
		return c.json({ data: toJson(found) }, 200);
	})
	.openapi(patchEdition, async (c) => {
		const found = await authorizedEdition(c, "edition.update", c.req.valid("param").id);
		const parsed = settingsSchema.safeParse({ ...settingsOf(found.edition), ...c.req.valid("json") });
		if (!parsed.success) throw validationError(parsed.error);
		const edition = await updateSettings(c.var.db, found.edition, parsed.data);
		return c.json({ data: toJson({ edition, series: found.series }) }, 200);
	})
	.openapi(getCall, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view", c.req.valid("param").id);
		return c.json({ data: await loadAbstractCall(c.var.db, edition.id) }, 200);
	})
	.openapi(putCall, async (c) => {
		const body = c.req.valid("json");
		const { edition } = await authorizedEdition(c, "edition.update", c.req.valid("param").id);
		return c.json({ data: await saveAbstractCall(c.var.db, edition.id, body) }, 200);
	});
