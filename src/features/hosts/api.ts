import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses, jsonBody } from "../../api/openapi";
import { EditionIdParam } from "../../api/params";
import { authorizedEdition } from "../../domain/edition-access";
import { hostUrl } from "../../urls";
import { HostnameSchema, normalizeHost } from "./hostnames";
import { addEditionHost, type EditionHost, listEditionHosts, removeEditionHost } from "./hosts";

const tags = ["Edition host names"];
const security = [{ apiToken: [] }];

const EditionHostSchema = z
	.object({
		hostname: z.string().openapi({ example: "ainm2025.example.org" }),
		url: z.string().openapi({ example: "https://ainm2025.example.org/" }),
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

const toJson = (host: EditionHost): z.infer<typeof EditionHostSchema> => ({
	hostname: host.hostname,
	url: hostUrl(host.hostname),
	createdAt: host.createdAt.toISOString(),
});

const listHosts = createRoute({
	method: "get",
	path: "/editions/{id}/hosts",
	tags,
	security,
	summary: "List the custom host names serving an edition's site (committee and stewards)",
	request: { params: EditionIdParam },
	responses: {
		200: dataResponse("The host names, by name; the first is the canonical one.", z.array(EditionHostSchema)),
		...errorResponses(400, 401, 404),
	},
});

const addHost = createRoute({
	method: "post",
	path: "/editions/{id}/hosts",
	tags,
	security,
	summary: "Map a custom host name to the edition (chairs and stewards)",
	description:
		"The edition's site is then served at `https://{hostname}/` once the name's DNS reaches Baton. A host name belongs to one edition only (409); the platform's own host name and names under it are refused (422).",
	request: { params: EditionIdParam, ...jsonBody(AddHostSchema) },
	responses: {
		201: dataResponse("The mapping.", EditionHostSchema),
		...errorResponses(400, 401, 403, 404, 409, 422),
	},
});

const removeHost = createRoute({
	method: "delete",
	path: "/editions/{id}/hosts/{hostname}",
	tags,
	security,
	summary: "Unmap a custom host name from the edition (chairs and stewards)",
	request: { params: HostParams },
	responses: { 204: { description: "Unmapped." }, ...errorResponses(400, 401, 403, 404) },
});

/** The API of an edition's custom host names. */
export const hostsApi = createApiRouter()
	.openapi(listHosts, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view", c.req.valid("param").id);
		return c.json({ data: (await listEditionHosts(c.var.db, edition.id)).map(toJson) }, 200);
	})
	.openapi(addHost, async (c) => {
		const { hostname } = c.req.valid("json");
		const { edition } = await authorizedEdition(c, "edition.manage_hosts", c.req.valid("param").id);
		const host = await addEditionHost(c.var.db, { editionId: edition.id, hostname, mainHost: c.env.MAIN_HOST });
		return c.json({ data: toJson(host) }, 201);
	})
	.openapi(removeHost, async (c) => {
		const { id, hostname } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.manage_hosts", id);
		await removeEditionHost(c.var.db, { editionId: edition.id, hostname: normalizeHost(hostname) });
		return c.body(null, 204);
	});
