import type { Database } from "./db/client";
import type { QueryCounter } from "./db/query-counter";

/** Bindings and vars from wrangler.toml. */
export interface Bindings {
	DB: D1Database;
	ENVIRONMENT: "development" | "test" | "production";
	MAIN_HOST: string;
}

/** Per-request values set by middleware. */
export interface Variables {
	requestId: string;
	db: Database;
	queries: QueryCounter;
}

export interface AppEnv {
	Bindings: Bindings;
	Variables: Variables;
}

declare global {
	namespace Cloudflare {
		interface Env extends Bindings {}
	}
}
