import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, errorResponses } from "../../api/openapi";
import { authorize } from "../../auth/guard";
import type { Edition, Series } from "../../db/schema";
import { notFound } from "../../lib/errors";
import { CreateSeriesSchema, EditionSchema, SeriesSchema, SeriesSlugParam } from "./schemas";
import { createSeries, editionUrl, findSeriesWithEditions, listSeriesDirectory, seriesUrl } from "./series";

const toSeriesJson = ({ createdAt: _, ...s }: Series) => SeriesSchema.parse({ ...s, url: seriesUrl(s) });
const toEditionJson = (s: Series, { createdAt: _, contentVersion: __, seriesId: ___, ...e }: Edition) =>
	EditionSchema.parse({ ...e, url: editionUrl(s, e) });

const listSeries = createRoute({
	method: "get",
	path: "/series",
	tags: ["Series"],
	summary: "List symposium series",
	responses: {
		200: {
			description: "Every series on the platform, by name.",
			content: { "application/json": { schema: z.object({ data: z.array(SeriesSchema) }) } },
		},
	},
});

const listEditions = createRoute({
	method: "get",
	path: "/series/{slug}/editions",
	tags: ["Series"],
	summary: "List the public editions of a series",
	request: { params: SeriesSlugParam },
	responses: {
		200: {
			description: "Published and archived editions, newest first.",
			content: { "application/json": { schema: z.object({ data: z.array(EditionSchema) }) } },
		},
		...errorResponses(400, 404),
	},
});

const postSeries = createRoute({
	method: "post",
	path: "/series",
	tags: ["Series"],
	summary: "Create a series",
	request: { body: { required: true, content: { "application/json": { schema: CreateSeriesSchema } } } },
	responses: {
		201: {
			description: "The new series.",
			content: { "application/json": { schema: z.object({ data: SeriesSchema }) } },
		},
		...errorResponses(400, 401, 403, 409),
	},
});

export const seriesApi = createApiRouter()
	.openapi(listSeries, async (c) => {
		const directory = await listSeriesDirectory(c.var.db);
		return c.json({ data: directory.map((d) => toSeriesJson(d.series)) }, 200);
	})
	.openapi(listEditions, async (c) => {
		const found = await findSeriesWithEditions(c.var.db, c.req.valid("param").slug);
		if (!found) throw notFound("This series");
		return c.json({ data: found.editions.map((e) => toEditionJson(found.series, e)) }, 200);
	})
	.openapi(postSeries, async (c) => {
		const input = c.req.valid("json");
		await authorize(c, "series.create", { kind: "platform" });
		const created = await createSeries(c.var.db, input);
		return c.json({ data: toSeriesJson(created) }, 201);
	});
