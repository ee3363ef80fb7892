import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses } from "../../api/openapi";
import { SeriesSlugParam } from "../../api/params";
import { ANNOUNCEMENT_KINDS } from "../../db/schema";
import { authorizedSeries } from "../../domain/edition-access";
import { followerSummary } from "./followers";

const FollowerSummarySchema = z
	.object({
		confirmed: z.number().int().openapi({ description: "Addresses that confirmed and get announcements." }),
		pending: z.number().int().openapi({ description: "Addresses that have not confirmed (yet); they get nothing." }),
		announcements: z.array(
			z.object({
				editionId: z.string(),
				year: z.number().int(),
				kind: z.enum(ANNOUNCEMENT_KINDS),
				sentAt: z.string().openapi({ format: "date-time" }),
			}),
		),
	})
	.openapi("FollowerSummary");

const getFollowers = createRoute({
	method: "get",
	path: "/series/{slug}/followers",
	operationId: "getSeriesFollowers",
	tags: ["Series followers"],
	summary: "Count a series' followers and list the announcements sent to them (stewards)",
	description:
		"Anyone may follow a series on its public page (double opt-in). Addresses are not listed: followers are mailed by Baton's announcements only.",
	request: { params: SeriesSlugParam },
	responses: {
		200: dataResponse("Follower counts and announcements, newest first.", FollowerSummarySchema),
		...errorResponses(400, 401, 403, 404),
	},
});

/** The stewards' view of a series' followers. */
export const followingApi = createApiRouter().openapi(getFollowers, async (c) => {
	const { series } = await authorizedSeries(c, "series.view_private", c.req.valid("param").slug);
	const summary = await followerSummary(c.var.db, series.id);
	return c.json(
		{
			data: {
				...summary,
				announcements: summary.announcements.map((a) => ({ ...a, sentAt: a.sentAt.toISOString() })),
			},
		},
		200,
	);
});
