/**
 * The served OpenAPI document as the tools that read it see it: Redocly's `recommended` rules find
 * no problem (the rules turned off are listed in the README, "The API's description"), and
 * openapi-typescript makes types from it that a small client type-checks against. Everything
 * runs on the local files: Redocly's telemetry and update check are off, nothing is fetched.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { repo } from "./support";

const bin = (tool: string) => join(repo, "node_modules/.bin", tool);

/** Runs a tool from node_modules/.bin in `cwd`; resolves with its exit code and what it printed (never rejects on exit 1). */
function run(tool: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; output: string }> {
	return new Promise((done) => {
		execFile(
			bin(tool),
			args,
			{
				cwd,
				env: {
					...process.env,
					// The project's Node 22 (the `node` devDependency), whatever Node started vitest.
					PATH: [join(repo, "node_modules/.bin"), process.env.PATH].join(delimiter),
					// No telemetry and no update check from Redocly: the test stays offline.
					REDOCLY_TELEMETRY: "off",
					REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
					CI: "1",
				},
			},
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
				done({ code, stdout, output: `${stdout}${stderr}${error && code === -1 ? String(error) : ""}` });
			},
		);
	});
}

/**
 * Redocly's `recommended` ruleset, less three rules that do not fit a document served by each
 * Baton (README, "The API's description", says why). `telemetry: off` as well as the variable.
 */
const REDOCLY_CONFIG = `extends:
  - recommended
telemetry: off
rules:
  info-license: off
  no-server-example.com: off
  operation-4xx-response: off
`;

let dir: string;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), "baton-openapi-"));
	const res = await fetch(`${inject("baseUrl")}/api/openapi.json`);
	expect(res.status).toBe(200);
	await writeFile(join(dir, "openapi.json"), await res.text());
	await writeFile(join(dir, "redocly.yaml"), REDOCLY_CONFIG);
});

afterAll(async () => {
	if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the served /api/openapi.json", () => {
	test("passes Redocly's recommended rules without a problem", async () => {
		const { code, stdout, output } = await run(
			"redocly",
			["lint", "openapi.json", "--config", "redocly.yaml", "--format=json"],
			dir,
		);
		expect(code, output).toBe(0);
		const report = JSON.parse(stdout) as { totals: Record<string, number>; problems: unknown[] };
		expect(report.totals, output).toEqual({ errors: 0, warnings: 0, ignored: 0 });
		expect(report.problems).toEqual([]);
	});

	test("generates types with openapi-typescript that a small client type-checks against", async () => {
		const generated = await run("openapi-typescript", ["openapi.json", "-o", "schema.d.ts"], dir);
		expect(generated.code, generated.output).toBe(0);
		await writeFile(
			join(dir, "client.ts"),
			`import type { operations, paths } from "./schema";

type SeriesList = paths["/api/v1/series"]["get"]["responses"]["200"]["content"]["application/json"];
export const slugs = (list: SeriesList): string[] => list.data.map((series) => series.slug);

// The method a generated SDK names after the operationId has the same answer.
type ListSeries = operations["listSeries"]["responses"]["200"]["content"]["application/json"];
export const same = (list: ListSeries): SeriesList => list;

// The edition's id is a path parameter of getEdition; its answer is the edition's settings.
export type EditionPath = operations["getEdition"]["parameters"]["path"]["id"];
type Edition = paths["/api/v1/editions/{id}"]["get"]["responses"]["200"]["content"]["application/json"];
export const year = (edition: Edition): number => edition.data.year;

// The types are specific: a field the API does not have is an error.
// @ts-expect-error Series has no field "nope"
export const wrong = (list: SeriesList) => list.data[0]?.nope;
`,
		);
		// Strict, and no ambient types: the client sees only what was generated.
		const tsconfig = {
			compilerOptions: {
				strict: true,
				noEmit: true,
				target: "es2022",
				module: "esnext",
				moduleResolution: "bundler",
				types: [],
			},
			files: ["client.ts"],
		};
		await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
		const checked = await run("tsc", ["-p", "tsconfig.json"], dir);
		expect(checked.code, checked.output).toBe(0);
	});
});
