/**
 * The API of an edition's content collections: list, create, update (partial) and delete, one set
 * of operations per collection in ./collections.ts, each described in OpenAPI with its own schema.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createApiRouter, errorResponses } from "../../api/openapi";
import { listResponse, PageQuery, paginate } from "../../api/pagination";
import { EditionIdParam as EditionParam } from "../../api/params";
import { authorizedEdition } from "../../domain/edition-access";
import type { AppEnv } from "../../env";
import { validationError } from "../../lib/errors";
import type { CollectionDef, Row } from "./collection-def";
import { createItem, dataOf, deleteItem, findItem, inputSchema, listItems, updateItem } from "./collection-store";
import { COLLECTIONS } from "./collections";

const ItemParam = EditionParam.extend({
	itemId: z
		.string()
		.max(64)
		.openapi({ param: { name: "itemId", in: "path" } }),
});

const pascal = (key: string) => key.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase());
/** "checklist task" → "ChecklistTask": operation ids use the words people read (listChecklistTasks, createChecklistTask). */
const pascalWords = (words: string) => words.replace(/(^|\s+)([a-z])/g, (_, __, ch: string) => ch.toUpperCase());

/** The API shape of a row: its field values plus id (and seq where the row has one). */
const toJson = (def: CollectionDef, row: Row) =>
	({
		...(row.seq !== undefined ? { seq: row.seq } : {}),
		...dataOf(def, row),
		id: String(row.id),
	}) as { id: string };

function routesFor(def: CollectionDef) {
	const name = pascal(def.key);
	const one = pascalWords(def.singular);
	const input = inputSchema(def).openapi(`${name}Input`);
	const item = z.object({ id: z.string() }).catchall(z.unknown()).openapi(name);
	const tags = ["Edition content"];
	return {
		list: createRoute({
			method: "get",
			path: `/editions/{id}/${def.key}`,
			operationId: `list${pascalWords(def.plural)}`,
			tags,
			summary: `List the ${def.plural} of an edition`,
			request: { params: EditionParam, query: PageQuery },
			responses: {
				200: listResponse(`The ${def.plural}.`, item),
				...errorResponses(400, 401, 404),
			},
		}),
		create: createRoute({
			method: "post",
			path: `/editions/{id}/${def.key}`,
			operationId: `create${one}`,
			tags,
			summary: `Add a ${def.singular}`,
			request: { params: EditionParam, body: { required: true, content: { "application/json": { schema: input } } } },
			responses: {
				201: {
					description: `The new ${def.singular}.`,
					content: { "application/json": { schema: z.object({ data: item }) } },
				},
				...errorResponses(400, 401, 403, 404, 409, 422),
			},
		}),
		update: createRoute({
			method: "patch",
			path: `/editions/{id}/${def.key}/{itemId}`,
			operationId: `update${one}`,
			tags,
			summary: `Change a ${def.singular} (only the fields sent)`,
			request: {
				params: ItemParam,
				body: { required: true, content: { "application/json": { schema: z.record(z.string(), z.unknown()) } } },
			},
			responses: {
				200: {
					description: `The ${def.singular}.`,
					content: { "application/json": { schema: z.object({ data: item }) } },
				},
				...errorResponses(400, 401, 403, 404, 409, 422),
			},
		}),
		remove: createRoute({
			method: "delete",
			path: `/editions/{id}/${def.key}/{itemId}`,
			operationId: `delete${one}`,
			tags,
			summary: `Remove a ${def.singular}`,
			request: { params: ItemParam },
			responses: { 204: { description: "Removed." }, ...errorResponses(401, 403, 404, 409) },
		}),
	};
}

/** A PATCH lays the fields sent over the stored ones and validates the whole, so cross-field rules still hold. */
async function patchedData(c: Context<AppEnv>, def: CollectionDef, editionId: string, itemId: string) {
	const patch = await c.req.json<Record<string, unknown>>();
	const existing = await findItem(c.var.db, def, editionId, itemId);
	const parsed = inputSchema(def).safeParse({ ...dataOf(def, existing), ...patch });
	if (!parsed.success) throw validationError(parsed.error);
	return parsed.data;
}

export const contentApi = createApiRouter();

for (const def of COLLECTIONS) {
	const routes = routesFor(def);
	contentApi
		.openapi(routes.list, async (c) => {
			const { edition } = await authorizedEdition(c, "edition.view", c.req.valid("param").id);
			const rows = await listItems(c.var.db, def, edition.id);
			const { items, page } = paginate(rows, c.req.valid("query"), (row) => String(row.id));
			return c.json({ data: items.map((row) => toJson(def, row)), page }, 200);
		})
		.openapi(routes.create, async (c) => {
			const body = c.req.valid("json");
			const { edition } = await authorizedEdition(c, "edition.update", c.req.valid("param").id);
			const row = await createItem(c.var.db, def, edition.id, body);
			return c.json({ data: toJson(def, row) }, 201);
		})
		.openapi(routes.update, async (c) => {
			const { id, itemId } = c.req.valid("param");
			const { edition } = await authorizedEdition(c, "edition.update", id);
			const data = await patchedData(c, def, edition.id, itemId);
			const row = await updateItem(c.var.db, def, edition.id, itemId, data);
			return c.json({ data: toJson(def, row) }, 200);
		})
		.openapi(routes.remove, async (c) => {
			const { id, itemId } = c.req.valid("param");
			const { edition } = await authorizedEdition(c, "edition.update", id);
			await deleteItem(c.var.db, def, edition.id, itemId);
			return c.body(null, 204);
		});
}
