/**
 * GET /api/v1/editions/{id}/facts: the facts and figures of an edition. A public edition's facts
 * are public (they are what its site shows anyway); a draft's are for those the policy lets view
 * the edition, and answer 401 / 404 like every other edition route otherwise.
 */
import { createRoute } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses, tokenOptional } from "../../api/openapi";
import { EditionIdParam } from "../../api/params";
import { notVisible } from "../../auth/guard";
import { authorizedEdition } from "../../domain/edition-access";
import { findEditionWithSeries } from "../../domain/editions";
import { PUBLIC_STATUSES } from "../../domain/series";
import { FactsSchema, factsFor } from "./facts";

const getFacts = createRoute({
	method: "get",
	path: "/editions/{id}/facts",
	operationId: "getEditionFacts",
	// No credentials needed for a public edition; a draft needs a token (or session) that may view it.
	security: tokenOptional,
	tags: ["Editions"],
	summary: "An edition's facts and figures (public editions: anyone; drafts: committee and stewards)",
	request: { params: EditionIdParam },
	responses: { 200: dataResponse("The facts.", FactsSchema), ...errorResponses(400, 401, 404) },
});

export const insightsApi = createApiRouter().openapi(getFacts, async (c) => {
	const { id } = c.req.valid("param");
	const found = await findEditionWithSeries(c.var.db, id);
	if (!found || !PUBLIC_STATUSES.includes(found.edition.status)) await authorizedEdition(c, "edition.view", id);
	const facts = await factsFor(c.var.db, id);
	// Removed between the two reads: the same answer as an unknown edition.
	if (!facts) throw notVisible();
	return c.json({ data: facts }, 200);
});
