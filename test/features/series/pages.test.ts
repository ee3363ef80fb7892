import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { queryCount, request, seed } from "../../helpers";

beforeAll(async () => {
	await seed();
	await env.DB.prepare(
		"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values ('draft-2025', 'seed-series-ainm', 2025, 'AINM 2025 draft', '2025-10-06', '2025-10-08', 'Europe/Amsterdam', 'draft')",
	).run();
});

describe("GET /", () => {
	it("lists each series with a link to its page and its latest public edition", async () => {
		const res = await request("/");
		expect(res.status).toBe(200);
		expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
		const html = await res.text();
		expect(html).toContain('<a href="/s/ainm">Artificial Intelligence and Informatics in Nuclear Medicine</a>');
		expect(html).toContain('Latest: <a href="/s/ainm/2023">AINM 2023</a>, Groningen');
		expect(html).not.toContain("AINM 2025 draft");
	});

	it("is served from two D1 queries", async () => {
		expect(queryCount(await request("/"))).toBe(2);
	});
});

describe("GET /s/{series}", () => {
	it("shows the series and its public editions, not drafts", async () => {
		const res = await request("/s/ainm");
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain("<h1>Artificial Intelligence and Informatics in Nuclear Medicine</h1>");
		expect(html).toContain('<a href="/s/ainm/2023">AINM 2023</a>');
		expect(html).toContain("biennial");
		expect(html).not.toContain("AINM 2025 draft");
	});

	it("answers an unknown series with the HTML 404 page", async () => {
		const res = await request("/s/no-such-series");
		expect(res.status).toBe(404);
		expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
		const html = await res.text();
		expect(html).toContain("<h1>Page not found</h1>");
		expect(html).toContain("This series does not exist.");
	});
});
