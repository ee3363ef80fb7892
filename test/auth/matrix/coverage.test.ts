/**
 * The matrix's rows come from the router: every route of the app (pages, API, auth, dev, the
 * public subsite) has exactly one row, every row a route, and every operation of the OpenAPI
 * document a row. A route added without a row fails here, listed by name.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/app";
import type { AppEnv } from "../../../src/env";
import { request } from "../../helpers";
import { operationKeys, routeKeys, rowProblems } from "./route-keys";
import { ROWS } from "./routes";

describe("the route table", () => {
	it("has exactly one row for every route of the app, and no row without a route", () => {
		expect(rowProblems(routeKeys(createApp()), ROWS)).toEqual({ missing: [], stale: [] });
	});

	it("reports a route added without a row, and only that one", () => {
		const app = createApp();
		app.get("/console/throwaway/:id", (c) => c.text("new"));
		// A feature router mounted the way app.tsx mounts them.
		app.route(
			"/api/v1",
			new Hono<AppEnv>().delete("/throwaway/:id", (c) => c.body(null, 204)),
		);
		expect(rowProblems(routeKeys(app), ROWS)).toEqual({
			missing: ["GET /console/throwaway/:id", "DELETE /api/v1/throwaway/:id"],
			stale: [],
		});
	});

	it("reports a row whose route is gone", () => {
		const rows = { ...ROWS, "GET /console/gone": ROWS["GET /console"] };
		expect(rowProblems(routeKeys(createApp()), rows)).toEqual({ missing: [], stale: ["GET /console/gone"] });
	});

	it("counts each route once: middleware and a parameter's pattern are not routes of their own", () => {
		const keys = routeKeys(createApp());
		expect(keys.filter((key) => key.startsWith("ALL "))).toEqual([]);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys).toContain("GET /console/editions/:id/:collection/:itemId");
		expect(keys).toContain("GET /api/v1/templates/:ref/versions/:version");
	});

	it("has a row for every operation of the OpenAPI document", async () => {
		const document = await (await request("/api/openapi.json")).json<{
			paths: Record<string, Record<string, unknown>>;
		}>();
		const operations = operationKeys(document);
		expect(operations.length).toBeGreaterThan(140);
		expect(operations.filter((key) => !Object.hasOwn(ROWS, key))).toEqual([]);
	});
});
