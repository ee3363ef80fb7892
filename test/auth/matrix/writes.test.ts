/**
 * The matrix's writes: every state-changing route × every role × every target of its scope.
 * - Denied cases of a route run on one fresh world and must change nothing in it (every table
 *   compared before and after).
 * - Allowed cases at the own target run in a fresh world each (a write may change data or grant a
 *   role); on the routes of one's own account (scopes public and signedIn) each role acts on
 *   itself only, so the allowed roles share one fresh world. Allowed cases at the other targets
 *   are the same rule seen from another committee (the foreign chair at their own edition is the
 *   chair at theirs): they are not repeated, which keeps the matrix fast; their denials are all run.
 * - Every world starts from empty tables, so the database holds one world and the digest reads
 *   only it (with every world kept, the digest grew with each route and cost most of the run).
 *   The denials' world is still untouched when its digest is unchanged, so the first allowed case
 *   of the route takes it instead of a new one (its rate-limit counters emptied, as in a new one).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { emptyDatabase } from "../../empty-database";
import { type Case, casesOf, isWrite, mismatches, outcome, send } from "./expectations";
import { ROWS } from "./routes";
import { createWorld, digestDatabase, type World } from "./world";

beforeAll(() => {
	// Thousands of requests: their log lines (proved in app.test.tsx) are noise here.
	vi.spyOn(console, "log").mockImplementation(() => {});
});

/** A world alone in the database. */
async function freshWorld(): Promise<World> {
	await emptyDatabase();
	return createWorld();
}

const writes = Object.entries(ROWS).filter(([key]) => isWrite(key));
const allows = (expected: string) => expected === "ok" || /^2\d\d$/.test(expected);

describe.each(writes)("%s", (key, row) => {
	const cases = casesOf(key, row);
	const denied = cases.filter((c) => !allows(c.expected));
	const allowed = cases.filter((c) => allows(c.expected) && (c.target === "own" || c.target === "published"));
	const ownAccount = row.scope === "public" || row.scope === "signedIn";
	/** The denials' world once its digest proved it unchanged: as good as a fresh one. */
	let untouched: World | null = null;

	it.runIf(denied.length > 0)("refuses each other role at each target and writes nothing", async () => {
		const world = await freshWorld();
		const before = await digestDatabase();
		const outcomes = await Promise.all(
			denied.map(async (c) => outcome(await send(key, row, world, c.role, c.target), c.expected)),
		);
		expect(mismatches(denied, outcomes)).toEqual([]);
		expect(await digestDatabase()).toBe(before);
		untouched = world;
	});

	it.runIf(allowed.length > 0)("lets each allowed role through at its own target", async () => {
		const next = async () => {
			const world = untouched;
			untouched = null;
			if (!world) return freshWorld();
			// The refused attempts were counted on purpose (the digest leaves the counters out): a
			// fresh world starts without them.
			await env.DB.prepare("delete from rate_limits").run();
			return world;
		};
		const shared = ownAccount ? await next() : null;
		const outcomes: string[] = [];
		for (const c of allowed as Case[]) {
			const w = shared ?? (await next());
			outcomes.push(outcome(await send(key, row, w, c.role, c.target), c.expected));
		}
		expect(mismatches(allowed, outcomes)).toEqual([]);
	});
});
