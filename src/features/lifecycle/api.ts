import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses } from "../../api/openapi";
import { EditionIdParam } from "../../api/params";
import { EDITION_STATUSES } from "../../db/schema";
import { authorizedEdition } from "../../domain/edition-access";
import { changeStatus, goLiveProblems, TRANSITION_NAMES, TRANSITIONS, type Transition } from "./lifecycle";

const tags = ["Edition lifecycle"];

const EditionStatusSchema = z.object({ id: z.string(), status: z.enum(EDITION_STATUSES) }).openapi("EditionStatus");

const GoLiveSchema = z
	.object({
		ready: z.boolean(),
		problems: z
			.record(z.string(), z.string())
			.openapi({ example: { venueName: "Name the venue.", "abstractCall.closesOffsetDays": "…" } }),
	})
	.openapi("GoLiveChecks");

const SUMMARIES: Record<Transition, string> = {
	publish:
		"Publish a draft (chairs and stewards). Runs the go-live checks first: 422 with one field per problem, and nothing changes.",
	unpublish: "Take a published edition back to draft, visible to its committee only (chairs and stewards)",
	hold: "Mark a published edition as held: the event took place (chairs and stewards)",
	archive: "Archive a held edition: its content becomes read-only for good (chairs and stewards)",
};

const goLiveRoute = createRoute({
	method: "get",
	path: "/editions/{id}/go-live-checks",
	operationId: "getGoLiveChecks",
	tags,
	summary: "What blocks publishing the edition, if anything (committee and stewards)",
	request: { params: EditionIdParam },
	responses: { 200: dataResponse("The checks.", GoLiveSchema), ...errorResponses(400, 401, 404) },
});

const transitionRoute = (transition: Transition) =>
	createRoute({
		method: "post",
		path: `/editions/{id}/${transition}`,
		// publishEdition, unpublishEdition, holdEdition, archiveEdition
		operationId: `${transition}Edition`,
		tags,
		summary: SUMMARIES[transition],
		description: `Allowed from status \`${TRANSITIONS[transition].from}\` only (422 otherwise); the edition becomes \`${TRANSITIONS[transition].to}\`.`,
		request: { params: EditionIdParam },
		responses: {
			200: dataResponse("The edition's new status.", EditionStatusSchema),
			...errorResponses(400, 401, 403, 404, 409, 422),
		},
	});

/** The API of the edition lifecycle: go-live checks and one route per status change. */
export const lifecycleApi = createApiRouter().openapi(goLiveRoute, async (c) => {
	const { edition } = await authorizedEdition(c, "edition.view", c.req.valid("param").id);
	const problems = await goLiveProblems(c.var.db, edition);
	return c.json({ data: { ready: Object.keys(problems).length === 0, problems } }, 200);
});

for (const transition of TRANSITION_NAMES) {
	lifecycleApi.openapi(transitionRoute(transition), async (c) => {
		const { edition } = await authorizedEdition(c, "edition.change_status", c.req.valid("param").id);
		const status = await changeStatus(c.var.db, edition, transition);
		return c.json({ data: { id: edition.id, status } }, 200);
	});
}
