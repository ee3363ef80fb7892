import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { postJson, queryCount, request, seed } from "../../helpers";

beforeAll(async () => {
	await seed();
	// A draft edition: its committee's business, never listed publicly.
	await env.DB.prepare(
		"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values ('draft-2025', 'seed-series-ainm', 2025, 'AINM 2025', '2025-10-06', '2025-10-08', 'Europe/Amsterdam', 'draft')",
	).run();
});

describe("GET /api/v1/series", () => {
	it("lists the seeded series (AINM and the made-up demo series) with their public URLs", async () => {
		const res = await request("/api/v1/series");
		expect(res.status).toBe(200);
		expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
		const body = await res.json<{ data: { slug: string; shortName: string; cadenceYears: number; url: string }[] }>();
		expect(body.data.map(({ slug, shortName, cadenceYears, url }) => ({ slug, shortName, cadenceYears, url }))).toEqual(
			[
				{ slug: "ainm", shortName: "AINM", cadenceYears: 2, url: "/s/ainm" },
				{ slug: "demo", shortName: "Demo Symposium", cadenceYears: 1, url: "/s/demo" },
			],
		);
	});
});

describe("GET /api/v1/series/{slug}/editions", () => {
	it("returns the public editions only, with dates, zone and venue", async () => {
		const res = await request("/api/v1/series/ainm/editions");
		expect(res.status).toBe(200);
		const body = await res.json<{ data: Record<string, unknown>[] }>();
		expect(body.data).toHaveLength(1);
		expect(body.data[0]).toMatchObject({
			year: 2023,
			name: "AINM 2023",
			startDate: "2023-10-09",
			endDate: "2023-10-11",
			timeZone: "Europe/Amsterdam",
			city: "Groningen",
			country: "NL",
			status: "archived",
			url: "/s/ainm/2023",
		});
		expect(body.data[0]).not.toHaveProperty("contentVersion");
	});

	it("answers an unknown series with 404 and the error body", async () => {
		const res = await request("/api/v1/series/nope/editions");
		expect(res.status).toBe(404);
		const body = await res.json<{ error: { code: string; message: string; requestId: string } }>();
		expect(body.error.code).toBe("not_found");
		expect(body.error.message).toBe("This series does not exist.");
		expect(body.error.requestId).toBe(res.headers.get("X-Request-Id"));
	});

	it("answers a malformed slug with 400 naming the field", async () => {
		const res = await request("/api/v1/series/Not_A_Slug/editions");
		expect(res.status).toBe(400);
		const body = await res.json<{ error: { code: string; fields: Record<string, string> } }>();
		expect(body.error.code).toBe("invalid_input");
		expect(Object.keys(body.error.fields)).toEqual(["slug"]);
	});

	it("is served from one D1 query", async () => {
		expect(queryCount(await request("/api/v1/series/ainm/editions"))).toBe(1);
	});
});

describe("POST /api/v1/series", () => {
	it("rejects a body with missing and invalid fields with 400 and a message per field", async () => {
		const res = await postJson("/api/v1/series", { slug: "Bad Slug!", cadenceYears: 0 });
		expect(res.status).toBe(400);
		const body = await res.json<{ error: { code: string; message: string; fields: Record<string, string> } }>();
		expect(body.error.code).toBe("invalid_input");
		expect(body.error.fields).toEqual({
			institutionId: "Founding institution is required.",
			slug: "Use lowercase letters, digits and single hyphens, e.g. ainm.",
			name: "Name is required.",
			shortName: "Short name is required.",
			cadenceYears: "Use 1 or more.",
		});
	});

	it("rejects unknown fields instead of silently dropping them", async () => {
		const res = await postJson("/api/v1/series", {
			institutionId: "seed-institution-umcg",
			slug: "new-series",
			name: "A new series",
			shortName: "NEW",
			owner: "me",
		});
		expect(res.status).toBe(400);
		const body = await res.json<{ error: { fields: Record<string, string> } }>();
		expect(Object.keys(body.error.fields)).toEqual(["_"]);
	});

	it("rejects a body that is not JSON with 400 and the error body", async () => {
		const res = await postJson("/api/v1/series", "{not json");
		expect(res.status).toBe(400);
		const body = await res.json<{ error: { code: string } }>();
		expect(body.error.code).toBe("malformed");
	});

	it("asks for sign-in (401) before creating anything from a valid body, and writes nothing", async () => {
		const res = await postJson("/api/v1/series", {
			institutionId: "seed-institution-umcg",
			slug: "new-series",
			name: "A new series",
			shortName: "NEW",
		});
		expect(res.status).toBe(401);
		expect((await res.json<{ error: { code: string } }>()).error.code).toBe("unauthenticated");
		const count = await env.DB.prepare("select count(*) as n from series").first<{ n: number }>();
		// The seeded AINM and demo series, and no new one.
		expect(count?.n).toBe(2);
	});
});

describe("GET /api/openapi.json", () => {
	it("describes the series operations in OpenAPI 3.1", async () => {
		const res = await request("/api/openapi.json");
		expect(res.status).toBe(200);
		const doc = await res.json<{
			openapi: string;
			paths: Record<string, Record<string, unknown>>;
			components: { schemas: Record<string, unknown> };
		}>();
		expect(doc.openapi).toBe("3.1.0");
		// Other features add their own paths (some below /series): this test checks the series operations.
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining(["/api/v1/series", "/api/v1/series/{slug}/editions"]),
		);
		expect(Object.keys(doc.paths["/api/v1/series"] ?? {}).sort()).toEqual(["get", "post"]);
		expect(Object.keys(doc.components.schemas)).toEqual(
			expect.arrayContaining(["Series", "Edition", "CreateSeries", "Error"]),
		);
	});
});
