/**
 * The matrix's writes: every state-changing route × every role × every target of its scope.
 * - Denied cases run on one shared world and must change nothing in it (every table compared
 *   before and after).
 * - Allowed cases at the own target run in a fresh world each (a write may change data or grant a
 *   role); on the routes of one's own account (scopes public and signedIn) each role acts on
 *   itself only, so the allowed roles share one fresh world. Allowed cases at the other targets
 *   are the same rule seen from another committee (the foreign chair at their own edition is the
 *   chair at theirs): they are not repeated, which keeps the matrix fast; their denials are all run.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { type Case, casesOf, isWrite, mismatches, outcome, send } from "./expectations";
import { ROWS } from "./routes";
import { createWorld, digestDatabase, type World } from "./world";

let world: World;
beforeAll(async () => {
	// Thousands of requests: their log lines (proved in app.test.tsx) are noise here.
	vi.spyOn(console, "log").mockImplementation(() => {});
	world = await createWorld();
});

const writes = Object.entries(ROWS).filter(([key]) => isWrite(key));
const allows = (expected: string) => expected === "ok" || /^2\d\d$/.test(expected);

describe.each(writes)("%s", (key, row) => {
	const cases = casesOf(key, row);
	const denied = cases.filter((c) => !allows(c.expected));
	const allowed = cases.filter((c) => allows(c.expected) && (c.target === "own" || c.target === "published"));
	const ownAccount = row.scope === "public" || row.scope === "signedIn";

	it.runIf(denied.length > 0)("refuses each other role at each target and writes nothing", async () => {
		const before = await digestDatabase();
		const outcomes = await Promise.all(
			denied.map(async (c) => outcome(await send(key, row, world, c.role, c.target), c.expected)),
		);
		expect(mismatches(denied, outcomes)).toEqual([]);
		expect(await digestDatabase()).toBe(before);
	});

	it.runIf(allowed.length > 0)("lets each allowed role through at its own target", async () => {
		const shared = ownAccount ? await createWorld() : null;
		const outcomes: string[] = [];
		for (const c of allowed as Case[]) {
			const w = shared ?? (await createWorld());
			outcomes.push(outcome(await send(key, row, w, c.role, c.target), c.expected));
		}
		expect(mismatches(allowed, outcomes)).toEqual([]);
	});
});
