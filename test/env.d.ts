import type { D1Migration } from "cloudflare:test";

declare global {
	namespace Cloudflare {
		interface Env {
			/** The drizzle-kit migrations, read by vitest.config.ts. */
			TEST_MIGRATIONS: D1Migration[];
			/** Runs per operation of test/hostile/ (the environment variable, or "" for the default). */
			HOSTILE_RUNS: string;
		}
		interface GlobalProps {
			/** Types `exports.default` from `cloudflare:workers` as the Worker entry. */
			mainModule: typeof import("../src/index");
		}
	}
}
