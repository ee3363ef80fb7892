/**
 * Validation and API shapes of series and editions, derived from the drizzle schema so a column
 * change reaches the API and its OpenAPI description in one place.
 */
import { z } from "@hono/zod-openapi";
import { createInsertSchema, createSelectSchema } from "drizzle-zod";
import { editions, series } from "../../db/schema";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SeriesSchema = createSelectSchema(series)
	.omit({ createdAt: true })
	.extend({ url: z.string().openapi({ example: "/s/ainm" }) })
	.openapi("Series");

export const EditionSchema = createSelectSchema(editions)
	.omit({ createdAt: true, contentVersion: true, seriesId: true })
	.extend({ url: z.string().openapi({ example: "/s/ainm/2023" }) })
	.openapi("Edition");

// Column types, nullability and defaults come from the table; these refine the free-text rules.
export const CreateSeriesSchema = createInsertSchema(series, {
	slug: z
		.string()
		.min(2, "Use at least 2 characters.")
		.max(40, "Use at most 40 characters.")
		.regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens, e.g. ainm."),
	name: z.string().trim().min(3, "Give the full name of the series.").max(200, "Use at most 200 characters."),
	shortName: z.string().trim().min(2, "Give a short name, e.g. AINM.").max(30, "Use at most 30 characters."),
	description: z.string().max(5000, "Use at most 5000 characters.").optional(),
	cadenceYears: z.number().int().min(1, "At least one year between editions.").max(10, "At most 10 years.").optional(),
})
	.pick({ slug: true, name: true, shortName: true, description: true, cadenceYears: true })
	.strict()
	.openapi("CreateSeries");

export type CreateSeriesInput = z.infer<typeof CreateSeriesSchema>;

export const SeriesSlugParam = z.object({
	slug: z
		.string()
		.regex(SLUG_PATTERN)
		.openapi({ param: { name: "slug", in: "path" }, example: "ainm" }),
});
