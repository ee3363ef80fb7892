import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses, jsonBody, noToken } from "../../api/openapi";
import { listResponse, PageQuery, paginate } from "../../api/pagination";
import { SeriesSlugParam } from "../../api/params";
import { requireAuth } from "../../auth/guard";
import type { Edition, NamedLecture, Series } from "../../db/schema";
import { authorizedSeries } from "../../domain/edition-access";
import { findSeriesBySlug } from "../../domain/series";
import { notFound, validationError } from "../../lib/errors";
import { editionUrl, seriesUrl } from "../../urls";
import { authorizedInstitution } from "../institutions";
import {
	createNamedLecture,
	findNamedLecture,
	lectureInputOf,
	listNamedLectures,
	updateNamedLecture,
} from "./lectures";
import {
	CreateSeriesSchema,
	EditionSchema,
	LectureParams,
	NamedLectureInputSchema,
	NamedLectureSchema,
	SeriesDetailsSchema,
	SeriesSchema,
} from "./schemas";
import { createSeries, findSeriesWithEditions, listSeriesDirectory, seriesDetailsOf, updateSeries } from "./series";

export const toSeriesJson = ({ createdAt: _, ...s }: Series) => SeriesSchema.parse({ ...s, url: seriesUrl(s) });
export const toEditionJson = (s: Series, { createdAt: _, contentVersion: __, seriesId: ___, ...e }: Edition) =>
	EditionSchema.parse({ ...e, url: editionUrl(s, e) });

const tags = ["Series"];
/** A JSON object of the fields to change; it is laid over the stored ones and validated whole. */
const patchBody = jsonBody(z.record(z.string(), z.unknown()));

const listSeries = createRoute({
	method: "get",
	path: "/series",
	operationId: "listSeries",
	security: noToken,
	tags,
	summary: "List symposium series",
	request: { query: PageQuery },
	responses: {
		200: listResponse("Every series on the platform, by name.", SeriesSchema),
		...errorResponses(400),
	},
});

const getSeries = createRoute({
	method: "get",
	path: "/series/{slug}",
	operationId: "getSeries",
	security: noToken,
	tags,
	summary: "Get a series",
	request: { params: SeriesSlugParam },
	responses: { 200: dataResponse("The series.", SeriesSchema), ...errorResponses(400, 404) },
});

const listEditions = createRoute({
	method: "get",
	path: "/series/{slug}/editions",
	operationId: "listSeriesEditions",
	security: noToken,
	tags,
	summary: "List the public editions of a series",
	request: { params: SeriesSlugParam, query: PageQuery },
	responses: {
		200: listResponse("Published and archived editions, newest first.", EditionSchema),
		...errorResponses(400, 404),
	},
});

const postSeries = createRoute({
	method: "post",
	path: "/series",
	operationId: "createSeries",
	tags,
	summary: "Create a series for an institution you own or administer; you become its first steward",
	request: jsonBody(CreateSeriesSchema),
	responses: {
		201: {
			description: "The new series.",
			content: { "application/json": { schema: z.object({ data: SeriesSchema }) } },
		},
		...errorResponses(400, 401, 403, 404, 409),
	},
});

const patchSeries = createRoute({
	method: "patch",
	path: "/series/{slug}",
	operationId: "updateSeries",
	tags,
	summary: "Change a series' name, short name, description, cadence, society or logo (stewards)",
	description: `Send only the fields to change: ${Object.keys(SeriesDetailsSchema.shape).join(", ")}. The slug cannot change.`,
	request: { params: SeriesSlugParam, ...patchBody },
	responses: { 200: dataResponse("The changed series.", SeriesSchema), ...errorResponses(400, 401, 403, 404) },
});

const lectureTags = ["Named lectures"];

const listLectures = createRoute({
	method: "get",
	path: "/series/{slug}/lectures",
	operationId: "listNamedLectures",
	security: noToken,
	tags: lectureTags,
	summary: "List a series' named lectures",
	request: { params: SeriesSlugParam, query: PageQuery },
	responses: {
		200: listResponse("The named lectures, by name.", NamedLectureSchema),
		...errorResponses(400, 404),
	},
});

const postLecture = createRoute({
	method: "post",
	path: "/series/{slug}/lectures",
	operationId: "createNamedLecture",
	tags: lectureTags,
	summary: "Add a named lecture (stewards)",
	request: { params: SeriesSlugParam, ...jsonBody(NamedLectureInputSchema) },
	responses: {
		201: dataResponse("The new named lecture.", NamedLectureSchema),
		...errorResponses(400, 401, 403, 404, 409),
	},
});

const patchLecture = createRoute({
	method: "patch",
	path: "/series/{slug}/lectures/{lectureId}",
	operationId: "updateNamedLecture",
	tags: lectureTags,
	summary: "Change a named lecture's name, honoree or description (stewards)",
	request: { params: LectureParams, ...patchBody },
	responses: {
		200: dataResponse("The changed named lecture.", NamedLectureSchema),
		...errorResponses(400, 401, 403, 404),
	},
});

const toLectureJson = ({ seriesId: _, ...lecture }: NamedLecture) => lecture;

export const seriesApi = createApiRouter()
	.openapi(listSeries, async (c) => {
		const directory = await listSeriesDirectory(c.var.db);
		const { items, page } = paginate(directory, c.req.valid("query"), (d) => d.series.id);
		return c.json({ data: items.map((d) => toSeriesJson(d.series)), page }, 200);
	})
	.openapi(getSeries, async (c) => {
		const found = await findSeriesBySlug(c.var.db, c.req.valid("param").slug);
		if (!found) throw notFound("This series");
		return c.json({ data: toSeriesJson(found) }, 200);
	})
	.openapi(listEditions, async (c) => {
		const found = await findSeriesWithEditions(c.var.db, c.req.valid("param").slug);
		if (!found) throw notFound("This series");
		const { items, page } = paginate(found.editions, c.req.valid("query"), (e) => e.id);
		return c.json({ data: items.map((e) => toEditionJson(found.series, e)), page }, 200);
	})
	.openapi(postSeries, async (c) => {
		const input = c.req.valid("json");
		const { user } = requireAuth(c);
		// The series belongs to the founding institution: its creator must own or administer that one.
		await authorizedInstitution(c, "series.create", input.institutionId);
		const created = await createSeries(c.var.db, { series: input, stewardId: user.id });
		return c.json({ data: toSeriesJson(created) }, 201);
	})
	.openapi(patchSeries, async (c) => {
		const patch = c.req.valid("json");
		const { series } = await authorizedSeries(c, "series.update", c.req.valid("param").slug);
		const parsed = SeriesDetailsSchema.safeParse({ ...seriesDetailsOf(series), ...patch });
		if (!parsed.success) throw validationError(parsed.error);
		const updated = await updateSeries(c.var.db, { id: series.id, details: parsed.data });
		return c.json({ data: toSeriesJson(updated) }, 200);
	})
	.openapi(listLectures, async (c) => {
		const found = await findSeriesBySlug(c.var.db, c.req.valid("param").slug);
		if (!found) throw notFound("This series");
		const lectures = await listNamedLectures(c.var.db, found.id);
		const { items, page } = paginate(lectures, c.req.valid("query"), (l) => l.id);
		return c.json({ data: items.map(toLectureJson), page }, 200);
	})
	.openapi(postLecture, async (c) => {
		const input = c.req.valid("json");
		const { series } = await authorizedSeries(c, "series.update", c.req.valid("param").slug);
		const created = await createNamedLecture(c.var.db, { seriesId: series.id, lecture: input });
		return c.json({ data: toLectureJson(created) }, 201);
	})
	.openapi(patchLecture, async (c) => {
		const patch = c.req.valid("json");
		const { slug, lectureId } = c.req.valid("param");
		const { series } = await authorizedSeries(c, "series.update", slug);
		const existing = await findNamedLecture(c.var.db, series.id, lectureId);
		if (!existing) throw notFound("This named lecture");
		const parsed = NamedLectureInputSchema.safeParse({ ...lectureInputOf(existing), ...patch });
		if (!parsed.success) throw validationError(parsed.error);
		const updated = await updateNamedLecture(c.var.db, {
			seriesId: series.id,
			lectureId,
			lecture: parsed.data,
		});
		return c.json({ data: toLectureJson(updated) }, 200);
	});
