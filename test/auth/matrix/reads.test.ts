/**
 * The matrix's reads: every GET route × every role × every target of its scope, on one shared
 * world built once (reads change nothing). Each route is one test comparing all its outcomes at once.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { casesOf, isWrite, mismatches, outcome, send } from "./expectations";
import { ROWS } from "./routes";
import { createWorld, type World } from "./world";

let world: World;
beforeAll(async () => {
	// Thousands of requests: their log lines (proved in app.test.tsx) would cost more than the requests.
	vi.spyOn(console, "log").mockImplementation(() => {});
	world = await createWorld();
});

const reads = Object.entries(ROWS).filter(([key]) => !isWrite(key));

describe.each(reads)("%s", (key, row) => {
	it("answers each role at each target as the data contract says", async () => {
		const cases = casesOf(key, row);
		const responses = await Promise.all(cases.map((c) => send(key, row, world, c.role, c.target)));
		const outcomes = responses.map((res, i) => outcome(res, cases[i]?.expected ?? ""));
		expect(mismatches(cases, outcomes)).toEqual([]);
	});
});
