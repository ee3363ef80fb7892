/**
 * The matrix's writes: every state-changing route × every role × every target of its scope. The
 * denied cases run on one shared world and must change nothing in it (every table compared before
 * and after); each allowed case runs in a fresh world, since it may change data or grant a role.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { casesOf, isWrite, lines, outcome, send } from "./expectations";
import { ROWS } from "./routes";
import { createWorld, digestDatabase, type World } from "./world";

let world: World;
beforeAll(async () => {
	world = await createWorld();
});

const writes = Object.entries(ROWS).filter(([key]) => isWrite(key));
const allows = (expected: string) => expected === "ok" || /^2\d\d$/.test(expected);

describe.each(writes)("%s", (key, row) => {
	const cases = casesOf(key, row);
	const denied = cases.filter((c) => !allows(c.expected));
	const allowed = cases.filter((c) => allows(c.expected));

	it.runIf(denied.length > 0)("refuses each other role at each target and writes nothing", async () => {
		const before = await digestDatabase();
		const outcomes: string[] = [];
		for (const c of denied) outcomes.push(outcome(await send(key, row, world, c.role, c.target), c.expected));
		expect(lines(denied, outcomes)).toEqual(lines(denied, denied.map((c) => c.expected)));
		expect(await digestDatabase()).toBe(before);
	});

	it.runIf(allowed.length > 0)("lets each allowed role through at each target (a fresh world each)", async () => {
		const outcomes = await Promise.all(
			allowed.map(async (c) => outcome(await send(key, row, await createWorld(), c.role, c.target), c.expected)),
		);
		expect(lines(allowed, outcomes)).toEqual(lines(allowed, allowed.map((c) => c.expected)));
	});
});
