import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		// Request logs are one JSON line per request: show them only for failing tests.
		silent: "passed-only",
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
