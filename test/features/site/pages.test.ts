import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { queryCount, request, seed } from "../../helpers";

beforeAll(async () => {
	await seed();
	await env.DB.prepare(
		"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values ('draft-2025', 'seed-series-ainm', 2025, 'AINM 2025', '2025-10-06', '2025-10-08', 'Europe/Amsterdam', 'draft')",
	).run();
});

describe("GET /s/{series}/{year}", () => {
	it("renders the edition home with dates, venue, host, tracks and named lectures", async () => {
		const res = await request("/s/ainm/2023");
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain("<title>AINM 2023 · Baton</title>");
		expect(html).toContain("<h1>AINM 2023</h1>");
		expect(html).toMatch(/9\s?–\s?11 October 2023/);
		expect(html).toContain("University Medical Center Groningen (UMCG), Groningen, Netherlands");
		expect(html).toContain('<strong>Clinical track</strong><span class="meta"> · for clinicians</span>');
		expect(html).toContain(
			'<strong>Physics and technology track</strong><span class="meta"> · for physicists and technical specialists</span>',
		);
		expect(html).toContain(
			'<p class="meta">Willem Vaalburg lecture</p><h3>The bright future of nuclear medicine is illuminated by artificial intelligence</h3><p><strong>Arturo Chiti</strong>',
		);
		expect(html).toContain(
			'<p class="meta">Anne Paans lecture</p><h3>AI for data corrections in nuclear medicine imaging</h3><p><strong>Dimitris Visvikis</strong>',
		);
		expect(html).toContain("Monday 9 October, 09:30");
	});

	it("serves the same page with a trailing slash", async () => {
		const res = await request("/s/ainm/2023/");
		expect(res.status).toBe(200);
		expect(await res.text()).toContain("<h1>AINM 2023</h1>");
	});

	it("is served from three D1 queries (tenant, tracks, lectures)", async () => {
		expect(queryCount(await request("/s/ainm/2023"))).toBe(3);
	});

	it.each([
		["an unknown year", "/s/ainm/1999"],
		["a malformed year", "/s/ainm/20x3"],
		["an unknown series", "/s/nope/2023"],
		["a draft edition", "/s/ainm/2025"],
	])("answers %s with 404", async (_, path) => {
		const res = await request(path);
		expect(res.status).toBe(404);
		expect(await res.text()).toContain("This edition does not exist.");
	});
});
