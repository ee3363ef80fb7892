/**
 * The served OpenAPI document tells the truth about names and credentials: every operation has a
 * unique operationId (generated SDKs name their methods after it), security is declared once on
 * the document, and exactly the operations that answer without a token say so.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { EDITION_ID } from "../../src/cli/seed/ainm";
import { request, seed } from "../helpers";

interface Operation {
	operationId?: string;
	security?: Record<string, string[]>[];
	parameters?: ({ $ref: string } | { name: string; in: string })[];
	responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Document {
	openapi: string;
	servers: { url: string; description: string }[];
	security: Record<string, string[]>[];
	paths: Record<string, Record<string, Operation>>;
	components: {
		securitySchemes: Record<string, unknown>;
		parameters: Record<string, { name: string; in: string }>;
		schemas: Record<string, unknown>;
	};
}

let doc: Document;
const operations: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
	await seed();
	const res = await request("/api/openapi.json");
	expect(res.status).toBe(200);
	doc = await res.json<Document>();
	for (const [path, byMethod] of Object.entries(doc.paths))
		for (const [method, op] of Object.entries(byMethod)) operations.push({ method, path, op });
});

/** The operations that answer anyone: they never read a token. */
const NO_TOKEN = [
	"getSeries",
	"listNamedLectures",
	"listSeries",
	"listSeriesEditions",
	"reportMailBounce",
	"requestPasswordReset",
	"requestSignInLink",
];

/** The operations that answer anyone, and show a token's holder more (drafts, private notes, closed calls). */
const TOKEN_OPTIONAL = [
	"downloadHandoverNoteAttachment",
	"getEditionFacts",
	"getHandoverNote",
	"listEditionHandoverNotes",
	"listHandoverNoteAttachments",
	"listHandoverNoteLinks",
	"listHostCalls",
	"searchSeriesHandoverNotes",
];

describe("GET /api/openapi.json", () => {
	it("names every one of its 171 operations with a unique verb+noun operationId", () => {
		const ids = operations.map(({ op }) => op.operationId);
		expect(ids).toHaveLength(171);
		expect(ids.filter((id) => id === undefined)).toEqual([]);
		expect(new Set(ids).size).toBe(171);
		// camelCase, a verb first: listSeries, getEdition, updateEditionSettings.
		expect(ids.filter((id) => !/^[a-z]+(?:[A-Z][a-z]*)+$/.test(id ?? ""))).toEqual([]);
		const idOf = (method: string, path: string) => doc.paths[path]?.[method]?.operationId;
		expect(idOf("get", "/api/v1/series")).toBe("listSeries");
		expect(idOf("get", "/api/v1/editions/{id}")).toBe("getEdition");
		expect(idOf("patch", "/api/v1/editions/{id}")).toBe("updateEditionSettings");
		expect(idOf("post", "/api/v1/editions/{id}/checklist")).toBe("createChecklistTask");
		expect(idOf("get", "/api/v1/editions/{id}/checklist")).toBe("listChecklistTasks");
		expect(idOf("post", "/api/v1/editions/{id}/publish")).toBe("publishEdition");
		expect(idOf("post", "/api/v1/editions/{id}/apply-template")).toBe("applyTemplate");
	});

	it("declares the API token once, on the document, with the origin it was served from", () => {
		expect(doc.openapi).toBe("3.1.0");
		expect(doc.security).toEqual([{ apiToken: [] }]);
		expect(Object.keys(doc.components.securitySchemes)).toEqual(["apiToken"]);
		expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
		expect(doc.servers).toEqual([{ url: "http://localhost", description: "this Baton" }]);
	});

	it("marks exactly the operations that need no token, and repeats the token on none", () => {
		const saying = (security: string) =>
			operations
				.filter(({ op }) => JSON.stringify(op.security) === security)
				.map(({ op }) => op.operationId)
				.sort();
		expect(saying("[]")).toEqual(NO_TOKEN);
		expect(saying(JSON.stringify([{}, { apiToken: [] }]))).toEqual(TOKEN_OPTIONAL);
		// Everything else inherits the document's `security`.
		expect(operations.filter(({ op }) => op.security !== undefined)).toHaveLength(
			NO_TOKEN.length + TOKEN_OPTIONAL.length,
		);
	});

	it("is right about it: signed out, every read that needs a token answers 401 and no other does", async () => {
		// The seeded series and its public edition: an unknown edition is a draft for all anyone knows (401).
		const values: Record<string, string> = { id: EDITION_ID, slug: "ainm", version: "1", hostname: "x.example.org" };
		const statuses: Record<string, number> = {};
		for (const { method, path, op } of operations) {
			const optional = op.security !== undefined;
			if (method !== "get" && !optional) continue;
			const url = path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "unknown-id");
			const res = await request(url, {
				method: method.toUpperCase(),
				...(method === "get" ? {} : { headers: { "Content-Type": "application/json" }, body: "{}" }),
			});
			await res.body?.cancel();
			statuses[op.operationId ?? path] = res.status;
		}
		const answered401 = Object.entries(statuses)
			.filter(([, status]) => status === 401)
			.map(([id]) => id);
		const needingToken = operations
			.filter(({ method, op }) => method === "get" && op.security === undefined)
			.map(({ op }) => op.operationId);
		expect(answered401.sort()).toEqual(needingToken.sort());
		expect(needingToken).toHaveLength(47);
	});

	it("shares the edition and series path parameters and the one error body", () => {
		expect(doc.components.parameters.EditionId).toMatchObject({ name: "id", in: "path" });
		expect(doc.components.parameters.SeriesSlug).toMatchObject({ name: "slug", in: "path" });
		const inline = operations.flatMap(({ path, op }) =>
			(op.parameters ?? []).flatMap((p) =>
				"$ref" in p || !((p.name === "id" && path.startsWith("/api/v1/editions/")) || p.name === "slug")
					? []
					: [`${op.operationId} ${p.name}`],
			),
		);
		expect(inline).toEqual([]);
		const errors = operations.flatMap(({ op }) =>
			Object.entries(op.responses)
				.filter(([status]) => Number(status) >= 400)
				.map(([status, response]) => ({ id: `${op.operationId} ${status}`, content: response.content })),
		);
		expect(errors.length).toBeGreaterThan(400);
		const others = errors.filter(
			({ content }) =>
				JSON.stringify(content) !==
				JSON.stringify({ "application/json": { schema: { $ref: "#/components/schemas/Error" } } }),
		);
		expect(others.map(({ id }) => id)).toEqual([]);
	});
});
