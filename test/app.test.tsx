import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import { request } from "./helpers";

afterEach(() => {
	vi.restoreAllMocks();
});

describe("error boundary", () => {
	it("answers an unknown page with the HTML 404 page", async () => {
		const res = await request("/no/such/page");
		expect(res.status).toBe(404);
		expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
		expect(await res.text()).toContain("<h1>Page not found</h1>");
	});

	it("answers an unknown API path with the JSON error body", async () => {
		const res = await request("/api/v1/nothing-here");
		expect(res.status).toBe(404);
		expect(await res.json()).toEqual({
			error: { code: "not_found", message: "This page does not exist.", requestId: res.headers.get("X-Request-Id") },
		});
	});

	it("turns an unexpected error into a 500 with a request id and no stack trace", async () => {
		vi.spyOn(console, "error").mockImplementation(() => {});
		const app = createApp();
		app.get("/api/boom", () => {
			throw new Error("database exploded at secret.ts:12");
		});
		app.get("/boom", () => {
			throw new Error("database exploded at secret.ts:12");
		});

		const api = await app.request("/api/boom", {}, env);
		expect(api.status).toBe(500);
		const body = await api.json<{ error: { code: string; message: string; requestId: string } }>();
		expect(body.error.code).toBe("internal");
		expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
		expect(JSON.stringify(body)).not.toContain("secret.ts");

		const page = await app.request("/boom", {}, env);
		expect(page.status).toBe(500);
		const html = await page.text();
		expect(html).toContain(page.headers.get("X-Request-Id") ?? "missing");
		expect(html).not.toContain("secret.ts");
	});
});

describe("request log", () => {
	it("writes one JSON line per request with method, path, status, ms, request id and queries", async () => {
		const lines: string[] = [];
		vi.spyOn(console, "log").mockImplementation((line: string) => lines.push(line));
		const res = await request("/api/v1/series");
		expect(lines).toHaveLength(1);
		const entry = JSON.parse(lines[0] ?? "{}");
		expect(entry).toEqual({
			method: "GET",
			path: "/api/v1/series",
			status: 200,
			ms: expect.any(Number),
			requestId: res.headers.get("X-Request-Id"),
			queries: 2,
		});
	});
});

describe("security headers", () => {
	it("sends a strict Content-Security-Policy without inline scripts or styles", async () => {
		const res = await request("/");
		const csp = res.headers.get("Content-Security-Policy") ?? "";
		expect(csp).toContain("script-src 'self'");
		expect(csp).toContain("style-src 'self'");
		expect(csp).not.toContain("unsafe-inline");
	});

	it("sends a Permissions-Policy that turns off every powerful feature, on every kind of answer", async () => {
		const html = await (await request("/")).text();
		const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? "";
		const answers = await Promise.all(
			["/", "/api/v1/series", "/no/such/page", "/api/v1/nothing-here", "/auth/sign-in", stylesheet].map((path) =>
				request(path),
			),
		);

		expect(answers.map((res) => res.headers.get("Permissions-Policy"))).toEqual(
			Array(6).fill(
				"accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()",
			),
		);
	});

	it("serves the stylesheet the layout links to, cacheable for a year", async () => {
		const html = await (await request("/")).text();
		const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
		expect(href).toMatch(/^\/assets\/baton\.[a-z0-9]+\.css$/);
		const css = await request(href ?? "");
		expect(css.status).toBe(200);
		expect(css.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
		expect(css.headers.get("Cache-Control")).toContain("immutable");
	});
});
