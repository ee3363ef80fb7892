/**
 * The floor plan's import rules (.dependency-cruiser.cjs, run by `npm test` on src/) catch what they
 * promise: on a fixture tree, the ground floor importing a feature and a feature reaching into
 * another's inner file are the only violations; using a public module is fine.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const fixture = resolve(root, "test/fixtures/import-rules");

it("fails on a ground-floor file that imports a feature and on a reach into a feature's inner file", async () => {
	const run = promisify(execFile)(
		resolve(root, "node_modules/.bin/depcruise"),
		["src", "--config", resolve(root, ".dependency-cruiser.cjs"), "--output-type", "err"],
		{ cwd: fixture },
	);
	const failure = await run.then(
		() => null,
		(error: { code: number; stdout: string }) => error,
	);
	// depcruise exits with the number of violations.
	expect(failure?.code).toBe(2);
	const violations = [...(failure?.stdout ?? "").matchAll(/error (\S+): (\S+) → (\S+)/g)].map((m) => m.slice(1));
	expect(violations.sort()).toEqual([
		["features-meet-through-public-modules", "src/features/program/into-inner-file.ts", "src/features/rooms/rooms.ts"],
		["ground-floor-imports-no-feature", "src/lib/reaches-up.ts", "src/features/rooms/index.ts"],
	]);
});

it("passes on Baton's own source", async () => {
	const { stdout } = await promisify(execFile)(
		resolve(root, "node_modules/.bin/depcruise"),
		["src", "--config", ".dependency-cruiser.cjs", "--output-type", "err"],
		{ cwd: root },
	);
	expect(stdout).toContain("no dependency violations found");
});
