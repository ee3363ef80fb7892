import { availableParallelism } from "node:os";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The longest test files (measured in a full run), started first so the workers finish together.
 * Without a previous run's timings (a fresh CI machine) vitest starts the largest files first,
 * and these are short files sending thousands of requests: started last, one ran alone for minutes.
 */
const SLOWEST = [
	"test/auth/matrix/writes.test.ts",
	"test/auth/matrix/reads.test.ts",
	"test/features/accounts/sign-in.test.ts",
	"test/hostile/form-posts.test.ts",
	"test/hostile/api-bodies.test.ts",
	"test/hostile/path-params.test.ts",
	"test/features/single-line-fields.test.ts",
	// The e2e project's longest: 5 × 1,000 concurrent registrations (minutes on a busy 2-core machine).
	"test/e2e/registration-load.test.ts",
];

class SlowestFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const rank = (spec: TestSpecification) => {
			const i = SLOWEST.findIndex((path) => spec.moduleId.endsWith(path));
			return i < 0 ? SLOWEST.length : i;
		};
		// A stable sort: the rest keep vitest's order (longest last time, else largest).
		return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
	}
}

export default defineConfig({
	test: {
		// Request logs are one JSON line per request: show them only for failing tests.
		silent: "passed-only",
		sequence: { sequencer: SlowestFirst },
		projects: [
			{
				// Worker project: tests run inside workerd with a real local D1. Files reuse their test
				// worker's runtime (isolate: false: a fresh workerd per file cost three quarters of the
				// run) and each starts from empty tables (test/setup/apply-migrations.ts).
				plugins: [
					cloudflareTest(async () => ({
						// The development environment: wrangler.toml's top level is production (real mail,
						// no local host). ENVIRONMENT is then "test" (below).
						wrangler: { configPath: "./wrangler.toml", environment: "dev" },
						remoteBindings: false,
						miniflare: {
							bindings: {
								ENVIRONMENT: "test",
								// The migrations drizzle-kit generated, applied by test/setup/apply-migrations.ts.
								TEST_MIGRATIONS: await readD1Migrations("./migrations"),
								// Runs per operation of the generated hostile-input tests (test/hostile/): a CI can
								// afford the default, a longer hunt sets HOSTILE_RUNS=200.
								HOSTILE_RUNS: process.env.HOSTILE_RUNS ?? "",
							},
							// The relay sends to a queue nobody consumes: tests drive the mail consumer with
							// cloudflare:test's createMessageBatch, so no delivery runs behind a test's back.
							queueProducers: { MAIL_QUEUE: { queueName: "baton-mail-tests" } },
						},
					})),
				],
				test: {
					name: "worker",
					isolate: false,
					// One workerd per core: a test file's work runs in its workerd (one thread), so vitest's
					// default of one worker fewer than the cores left half of a 2-core CI machine idle. Each
					// worker has its own workerd and D1; a file never shares its database with another file.
					maxWorkers: availableParallelism(),
					include: ["test/**/*.test.{ts,tsx}"],
					exclude: ["test/e2e/**"],
					setupFiles: ["./test/setup/apply-migrations.ts"],
					// Tests keep production password hashing (scrypt, 16 MiB a hash): on a busy 2-core machine a
					// sign-in test can take several seconds. The timeout guards against hangs, not for speed.
					testTimeout: 60_000,
				},
			},
			{
				// Node project: starts the Worker on its own migrated, seeded local state and drives it
				// over HTTP with headless Chromium and the shared validators.
				test: {
					name: "e2e",
					environment: "node",
					// After the worker files, as before (a project of its own worker count needs its own group):
					// its files share one seeded Worker and run one at a time.
					sequence: { groupOrder: 1 },
					include: ["test/e2e/**/*.test.ts"],
					globalSetup: ["./test/e2e/global-setup.ts"],
					// A safety net against a hang, not a timing goal: a walk through 30 pages with axe takes about a
					// minute on a quiet 2-core machine and several on a busy one.
					testTimeout: 600_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
});
