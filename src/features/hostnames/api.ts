import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses, jsonBody } from "../../api/openapi";
import { listResponse, PageQuery, paginate } from "../../api/pagination";
import { EditionIdParam } from "../../api/params";
import { HOST_STATES } from "../../db/schema";
import { authorizedEdition } from "../../domain/edition-access";
import { scheduleDelivery } from "../../lib/mailer";
import { mainOrigin } from "../../lib/main-origin";
import { hostUrl } from "../../urls";
import { hostnameVerifier } from "./choose-verifier";
import { HostnameSchema, normalizeHost } from "./hostnames";
import { addEditionHost, type EditionHost, listEditionHosts, removeEditionHost } from "./hosts";
import { checkEditionHost } from "./verification";
import { stateExplanation } from "./views";

const tags = ["Edition host names"];

const RecordSchema = z
	.object({
		type: z.enum(["TXT", "CNAME"]),
		name: z.string().openapi({ example: "_baton-verify.ainm2025.example.org" }),
		value: z.string().openapi({ example: "baton-verify=3f9c2a7e5b1d4c8f9a0b6e2d7c4f1a8b" }),
	})
	.openapi("VerificationRecord");

const EditionHostSchema = z
	.object({
		hostname: z.string().openapi({ example: "ainm2025.example.org" }),
		url: z.string().openapi({ example: "https://ainm2025.example.org/" }),
		state: z.enum(HOST_STATES).openapi({
			description:
				"pending: serves nothing until control is proven; verified: serves the site; failing: verified, still serving, but the last daily check failed (3 failures in a row make it pending); held: unmapped, answers a 'moved' page for 30 days; legacy: mapped before proof was required, serves until graceUntil.",
		}),
		takeover: z.boolean().openapi({
			description: "A claim on a name another edition holds: needs a fresh proof with this mapping's record.",
		}),
		serving: z.boolean().openapi({ description: "Whether the name serves the edition's site now." }),
		explanation: z.string().openapi({ description: "What the state means, as the console says it." }),
		records: z.array(RecordSchema).openapi({ description: "The DNS records that prove control, to create." }),
		lastCheckedAt: z.iso.datetime().nullable(),
		lastCheckError: z.string().nullable().openapi({ description: "Why the last check did not confirm control." }),
		verifiedAt: z.iso.datetime().nullable(),
		heldUntil: z.iso.datetime().nullable(),
		graceUntil: z.iso.datetime().nullable(),
		createdAt: z.iso.datetime(),
	})
	.openapi("EditionHost");

const AddHostSchema = z.object({ hostname: HostnameSchema }).strict().openapi("AddEditionHost");
const HostParams = EditionIdParam.extend({
	hostname: z
		.string()
		.min(1)
		.max(253)
		.openapi({ param: { name: "hostname", in: "path" }, example: "ainm2025.example.org" }),
});

const iso = (date: Date | null) => (date ? date.toISOString() : null);

const toJson = (host: EditionHost): z.infer<typeof EditionHostSchema> => ({
	hostname: host.hostname,
	url: hostUrl(host.hostname),
	state: host.state,
	takeover: host.takeover,
	serving: host.serving,
	explanation: stateExplanation(host),
	records: host.records,
	lastCheckedAt: iso(host.lastCheckedAt),
	lastCheckError: host.lastCheckError,
	verifiedAt: iso(host.verifiedAt),
	heldUntil: iso(host.heldUntil),
	graceUntil: iso(host.graceUntil),
	createdAt: host.createdAt.toISOString(),
});

const listHosts = createRoute({
	method: "get",
	path: "/editions/{id}/hosts",
	operationId: "listEditionHosts",
	tags,
	summary: "List the custom host names of an edition, with their state and records (committee and stewards)",
	request: { params: EditionIdParam, query: PageQuery },
	responses: {
		200: listResponse(
			"The host names and claims, by name; the first serving one is the canonical one.",
			EditionHostSchema,
		),
		...errorResponses(400, 401, 404),
	},
});

const addHost = createRoute({
	method: "post",
	path: "/editions/{id}/hosts",
	operationId: "addEditionHost",
	tags,
	summary: "Map a custom host name to the edition, pending proof of control (chairs and stewards)",
	description:
		"The name is mapped as `pending`: it serves nothing until a check (`POST …/hosts/{hostname}/check`, or the daily check) finds the DNS record in `records`. A name another edition holds (mapped or held) becomes a claim (`takeover: true`): proving control with this mapping's own record ends the other edition's mapping. 409 when the edition has the name or a claim on it already; the platform's own host name and names under it are refused (422).",
	request: { params: EditionIdParam, ...jsonBody(AddHostSchema) },
	responses: {
		201: dataResponse("The pending mapping or claim, with the records to create.", EditionHostSchema),
		...errorResponses(400, 401, 403, 404, 409, 422, 503),
	},
});

const checkHost = createRoute({
	method: "post",
	path: "/editions/{id}/hosts/{hostname}/check",
	operationId: "checkEditionHost",
	tags,
	summary: "Check control of a host name now (chairs and stewards)",
	description:
		"Asks the verifier whether the name's records are in place and records the result: a pending name becomes `verified` and serves; a claim that proves control takes the name over (the other edition's chairs are mailed). A failed check answers 200 with `lastCheckError`. 422 for a held name.",
	request: { params: HostParams },
	responses: {
		200: dataResponse("The host name after the check.", EditionHostSchema),
		...errorResponses(400, 401, 403, 404, 409, 422),
	},
});

const removeHost = createRoute({
	method: "delete",
	path: "/editions/{id}/hosts/{hostname}",
	operationId: "removeEditionHost",
	tags,
	summary: "Unmap a custom host name from the edition (chairs and stewards)",
	description:
		"A name that served is then `held` for 30 days: it answers a page saying the edition has moved, and nobody else can take it without a fresh proof of control. A pending or held name, or a claim, is removed.",
	request: { params: HostParams },
	responses: { 204: { description: "Unmapped." }, ...errorResponses(400, 401, 403, 404) },
});

/** The API of an edition's custom host names. */
export const hostsApi = createApiRouter()
	.openapi(listHosts, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view", c.req.valid("param").id);
		const hosts = await listEditionHosts(c.var.db, edition.id);
		const { items, page } = paginate(hosts, c.req.valid("query"), (h) => h.hostname);
		return c.json({ data: items.map(toJson), page }, 200);
	})
	.openapi(addHost, async (c) => {
		const { hostname } = c.req.valid("json");
		const { edition } = await authorizedEdition(c, "edition.manage_hosts", c.req.valid("param").id);
		const host = await addEditionHost(c.var.db, {
			editionId: edition.id,
			hostname,
			mainHost: c.env.MAIN_HOST,
			verifier: hostnameVerifier(c.env),
		});
		return c.json({ data: toJson(host) }, 201);
	})
	.openapi(checkHost, async (c) => {
		const { id, hostname } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.manage_hosts", id);
		const outcome = await checkEditionHost(c.var.db, {
			editionId: edition.id,
			hostname: normalizeHost(hostname),
			verifier: hostnameVerifier(c.env),
			origin: mainOrigin(c),
		});
		scheduleDelivery(c, outcome.mailIds);
		return c.json({ data: toJson(outcome.host) }, 200);
	})
	.openapi(removeHost, async (c) => {
		const { id, hostname } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.manage_hosts", id);
		await removeEditionHost(c.var.db, { editionId: edition.id, hostname: normalizeHost(hostname) });
		return c.body(null, 204);
	});
