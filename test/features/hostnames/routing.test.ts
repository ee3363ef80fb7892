/**
 * Host routing through the whole Worker: a mapped custom host serves its edition's subsite at `/`,
 * the console and sign-in send it to the main host, the API, dev tools and other editions' paths
 * answer 404 (never a redirect), unknown hosts 404, and the main host names the custom host as
 * canonical. MAIN_HOST is "localhost" in the tests.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { STYLESHEET_PATH } from "../../../src/views/assets";
import { queryCount, request, seed } from "../../helpers";
import { createLifecycleEdition, type ErrorJson, mapHost, requestUrl, type TestEdition } from "../lifecycle/helpers";

const HOST = "ainm2023.example.org";
let other: TestEdition;
let draft: TestEdition;

beforeAll(async () => {
	await seed();
	// The seeded AINM 2023 (archived: public) gets two host names; the first by name is canonical.
	await mapHost("www.ainm2023.example.org", "seed-edition-ainm-2023");
	await mapHost(HOST, "seed-edition-ainm-2023");
	other = await createLifecycleEdition("published");
	await mapHost("other.example.org", other.id);
	draft = await createLifecycleEdition("draft");
	await mapHost("draft.example.org", draft.id);
});

/** The text of the page's main landmark: what a reader sees, whatever the links point to. */
const mainText = (html: string) =>
	(/<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? "")
		.replace(/<[^>]+>/g, " ")
		.replace(/\s+/g, " ")
		.trim();

describe("a custom host", () => {
	it("serves its edition's home at / with the same content as /s/ainm/2023 on the main host", async () => {
		const [custom, main] = await Promise.all([requestUrl(`http://${HOST}/`), request("/s/ainm/2023")]);

		expect(custom.status).toBe(200);
		const html = await custom.text();
		expect(html).toContain("<h1>AINM 2023</h1>");
		expect(mainText(html)).toBe(mainText(await main.text()));
		expect(mainText(html)).toContain("Willem Vaalburg lecture");
	});

	it("links the platform's pages to the main host, and names the canonical host", async () => {
		const html = await (await requestUrl(`http://${HOST}/`)).text();

		expect(html).toContain('<link rel="canonical" href="https://ainm2023.example.org/"/>');
		expect(html).toContain('<a href="https://localhost/s/ainm">All editions of AINM</a>');
		expect(html).toContain('<a href="https://localhost/s/ainm/2023">Permalink</a>');
		expect(html).toContain('<a class="brand" href="https://localhost/">');
		expect(html).toContain(`<link rel="stylesheet" href="${STYLESHEET_PATH}"/>`);
	});

	it("ignores the port and serves the stylesheet", async () => {
		const home = await requestUrl(`http://${HOST}:8443/`);
		const css = await requestUrl(`http://${HOST}${STYLESHEET_PATH}`);

		expect(home.status).toBe(200);
		expect(css.status).toBe(200);
		expect(css.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
	});

	it("costs the host lookup and the page's own queries when it renders: 3, as on the main host", async () => {
		// A new content version: both render afresh instead of answering from the edge cache (a hit costs 1).
		await env.DB.prepare("update editions set content_version = content_version + 1 where id = ?")
			.bind("seed-edition-ainm-2023")
			.run();
		const [custom, main] = await Promise.all([requestUrl(`http://${HOST}/`), request("/s/ainm/2023")]);

		expect(queryCount(custom)).toBe(3);
		expect(queryCount(main)).toBe(3);
	});

	it.each([
		["/console", "https://localhost/console"],
		[
			"/console/editions/seed-edition-ainm-2023/content",
			"https://localhost/console/editions/seed-edition-ainm-2023/content",
		],
		["/auth/sign-in?next=%2Fconsole", "https://localhost/auth/sign-in?next=%2Fconsole"],
	])("sends %s to the same path on the main host (302)", async (path, location) => {
		const res = await requestUrl(`http://${HOST}${path}`, { headers: { Cookie: "__Host-baton_session=x.y" } });

		expect(res.status).toBe(302);
		expect(res.headers.get("Location")).toBe(location);
		expect(res.headers.getSetCookie()).toEqual([]);
	});

	it("answers the API with a JSON 404, even with a valid path", async () => {
		const res = await requestUrl(`http://${HOST}/api/v1/series`);

		expect(res.status).toBe(404);
		expect((await res.json<ErrorJson>()).error.code).toBe("not_found");
	});

	it.each([
		["the dev tools", "/dev/outbox"],
		["the OpenAPI document", "/api/openapi.json"],
		["its own edition's main-host path", "/s/ainm/2023"],
		["a page the subsite does not have", "/p/no-such-page"],
	])("answers %s with 404", async (_, path) => {
		const res = await requestUrl(`http://${HOST}${path}`);

		expect(res.status).toBe(404);
		expect(res.headers.get("Location")).toBeNull();
	});

	it("answers another edition's path with 404, never a redirect", async () => {
		const res = await requestUrl(`http://${HOST}/s/${other.seriesSlug}/${other.year}`);

		expect(res.status).toBe(404);
		expect(res.headers.get("Location")).toBeNull();
		expect(await res.text()).not.toContain(`TST ${other.year}`);
	});

	it("serves each mapped edition on its own host", async () => {
		const res = await requestUrl("http://other.example.org/");

		expect(res.status).toBe(200);
		expect(await res.text()).toContain(`<h1>TST ${other.year}</h1>`);
	});

	it("answers 404 for a host mapped to a draft, even for a preview", async () => {
		const res = await requestUrl("http://draft.example.org/?preview=1", {
			headers: { Cookie: draft.chair.cookie },
		});

		expect(res.status).toBe(404);
		expect(await res.text()).toContain("No site is served at this address.");
	});
});

describe("an unknown host", () => {
	it.each(["/", "/console", "/s/ainm/2023"])("answers %s with 404", async (path) => {
		const res = await requestUrl(`http://unknown.example.org${path}`);

		expect(res.status).toBe(404);
		expect(res.headers.get("Location")).toBeNull();
	});
});

describe("the main host", () => {
	it("names the edition's first custom host (by name) as canonical", async () => {
		const html = await (await request("/s/ainm/2023")).text();

		expect(html).toContain('<link rel="canonical" href="https://ainm2023.example.org/"/>');
		expect(html).toContain('<a href="/s/ainm">All editions of AINM</a>');
	});

	it("has no canonical link for an edition without a custom host", async () => {
		const plain = await createLifecycleEdition("published");

		const html = await (await request(`/s/${plain.seriesSlug}/${plain.year}`)).text();

		expect(html).toContain(`<h1>TST ${plain.year}</h1>`);
		expect(html).not.toContain('rel="canonical"');
	});

	it("is also 127.0.0.1 in tests (and development), so local browsing works", async () => {
		const res = await requestUrl("http://127.0.0.1/s/ainm/2023");

		expect(res.status).toBe(200);
	});

	it("answers a console path as before, without any host lookup", async () => {
		const res = await requestUrl("http://localhost/console");

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/auth/sign-in?next=%2Fconsole");
		expect(queryCount(res)).toBe(0);
		expect(await env.DB.prepare("select count(*) as n from edition_hosts").first<{ n: number }>()).toEqual({ n: 4 });
	});
});
