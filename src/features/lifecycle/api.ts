import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses, jsonBody } from "../../api/openapi";
import { EditionIdParam, FactHitParams, HitKeySchema, noContent } from "../../api/params";
import { EDITION_STATUSES } from "../../db/schema";
import { authorizedEdition } from "../../domain/edition-access";
import { FACT_KINDS } from "../../domain/edition-facts";
import { acceptHit, unacceptHit } from "./fact-acceptances";
import { changeStatus, goLiveReport, TRANSITION_NAMES, TRANSITIONS, type Transition } from "./lifecycle";
import type { StaleFactHit } from "./stale-facts";

const tags = ["Edition lifecycle"];

const EditionStatusSchema = z.object({ id: z.string(), status: z.enum(EDITION_STATUSES) }).openapi("EditionStatus");

const StaleFactHitSchema = z
	.object({
		key: z.string().openapi({ description: "Stable: the text's identity and the fact's value, never offsets." }),
		text: z.string().openapi({ example: "Page “Travel”: content" }),
		editUrl: z.string().openapi({ description: "The console page where the text is edited." }),
		kind: z.enum(FACT_KINDS),
		value: z.string().openapi({ example: "Groningen" }),
		belongsTo: z.string().openapi({ example: "the city of AINM 2023" }),
		context: z.string().openapi({ description: "The first mention with up to 40 characters either side." }),
		occurrences: z.number().int(),
		accepted: z
			.object({ by: z.string().nullable(), at: z.string() })
			.nullable()
			.openapi({ description: "Marked right as it is (then it does not block publishing); null while it blocks." }),
	})
	.openapi("StaleFactHit");

const GoLiveSchema = z
	.object({
		ready: z.boolean(),
		problems: z.record(z.string(), z.string()).openapi({
			example: { venueName: "Name the venue.", "staleFacts.pages:…:body:3fa2b4c1d0e9f876": "…" },
		}),
		staleFacts: z.array(StaleFactHitSchema).openapi({
			description:
				"Earlier editions' facts the edition's public texts and feeds state, marked ones included; each unmarked one is also a problem `staleFacts.<key>`.",
		}),
		unreviewedCopies: z
			.array(z.object({ key: z.string(), text: z.string(), editUrl: z.string() }))
			.openapi({ description: "Copied texts nobody reviewed; each is also a problem `copiedTexts.<key>`." }),
	})
	.openapi("GoLiveChecks");

const hitJson = (hit: StaleFactHit) => ({
	key: hit.key,
	text: hit.label,
	editUrl: hit.editUrl,
	kind: hit.kind,
	value: hit.value,
	belongsTo: hit.belongsTo,
	context: `${hit.before}${hit.match}${hit.after}`,
	occurrences: hit.occurrences,
	accepted: hit.accepted ? { by: hit.accepted.by, at: hit.accepted.at.toISOString() } : null,
});

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
	description:
		"Besides the settings, the stale-fact guard: every earlier edition's fact (year, city, venue, address, host, contact address, people) that the edition's own public texts and feeds state, as shown (placeholders resolved). Series-owned texts (named lectures, past editions) are not scanned.",
	request: { params: EditionIdParam },
	responses: { 200: dataResponse("The checks.", GoLiveSchema), ...errorResponses(400, 401, 404) },
});

const acceptRoute = createRoute({
	method: "post",
	path: "/editions/{id}/fact-acceptances",
	operationId: "acceptStaleFact",
	tags,
	summary: "Mark a stale-fact hit right as it is, so it no longer blocks publishing (chairs and organizers)",
	description:
		"`hitKey` is a current hit's `key` from the go-live checks (422 otherwise). Recorded in the audit log; marking a marked hit again changes nothing.",
	request: { params: EditionIdParam, ...jsonBody(z.object({ hitKey: HitKeySchema }).openapi("AcceptStaleFact")) },
	responses: {
		201: dataResponse("The hit, marked.", StaleFactHitSchema),
		...errorResponses(400, 401, 403, 404, 422),
	},
});

const unacceptRoute = createRoute({
	method: "delete",
	path: "/editions/{id}/fact-acceptances/{hitKey}",
	operationId: "unacceptStaleFact",
	tags,
	summary: "Undo a hit's mark “right as it is”: it blocks publishing again (chairs and organizers)",
	description: "Recorded in the audit log. A hit that is not marked stays unmarked (204, nothing recorded).",
	request: { params: FactHitParams },
	responses: { ...noContent("The hit is not marked (any more)."), ...errorResponses(400, 401, 403, 404) },
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

/** The API of the edition lifecycle: go-live checks, marks on stale facts and one route per status change. */
export const lifecycleApi = createApiRouter()
	.openapi(goLiveRoute, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view", c.req.valid("param").id);
		const { problems, hits, unreviewed } = await goLiveReport(c.var.db, edition);
		return c.json(
			{
				data: {
					ready: Object.keys(problems).length === 0,
					problems,
					staleFacts: hits.map(hitJson),
					unreviewedCopies: unreviewed.map((u) => ({ key: u.key, text: u.label, editUrl: u.editUrl })),
				},
			},
			200,
		);
	})
	.openapi(acceptRoute, async (c) => {
		const { hitKey } = c.req.valid("json");
		const { edition } = await authorizedEdition(c, "edition.accept_facts", c.req.valid("param").id);
		return c.json({ data: hitJson(await acceptHit(c.var.db, edition, hitKey)) }, 201);
	})
	.openapi(unacceptRoute, async (c) => {
		const { id, hitKey } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.accept_facts", id);
		await unacceptHit(c.var.db, edition.id, hitKey);
		return c.body(null, 204);
	});

for (const transition of TRANSITION_NAMES) {
	lifecycleApi.openapi(transitionRoute(transition), async (c) => {
		const { edition } = await authorizedEdition(c, "edition.change_status", c.req.valid("param").id);
		const status = await changeStatus(c.var.db, edition, transition);
		return c.json({ data: { id: edition.id, status } }, 200);
	});
}
