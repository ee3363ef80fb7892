import type { Actor } from "./auth/policy";
import type { Database } from "./db/client";
import type { QueryCounter } from "./db/query-counter";
import type { User } from "./db/schema";

/** Bindings and vars from wrangler.toml (secrets via `wrangler secret put`). */
export interface Bindings {
	DB: D1Database;
	/** R2: handover-note attachments. */
	FILES: R2Bucket;
	ENVIRONMENT: "development" | "test" | "production";
	/** The platform host: console and sign-in live only here. */
	MAIN_HOST: string;
	/** "outbox" (default), "http" or "send_email": see src/lib/mailer.ts. */
	MAIL_ADAPTER?: "outbox" | "http" | "send_email";
	MAIL_FROM?: string;
	MAIL_HTTP_URL?: string;
	MAIL_HTTP_TOKEN?: string;
	EMAIL?: SendEmail;
	/** The mail queue's producer (wrangler.toml [[queues.producers]]): outbox ids to deliver (MailJob). */
	MAIL_QUEUE?: Queue<{ id: string }>;
	/** Secret: the shared secret of the mail provider's bounce webhook; unset, the webhook does not exist. */
	MAIL_WEBHOOK_SECRET?: string;
	/**
	 * Who confirms control of custom host names (src/features/hostnames/verifier.ts): "dns" (a TXT
	 * record over DNS-over-HTTPS), "cloudflare" (Cloudflare for SaaS custom hostnames) or "fake"
	 * (tests and local development; refused in production). Unset: "fake" in development and
	 * tests, "dns" anywhere else.
	 */
	HOSTNAME_VERIFIER?: "fake" | "dns" | "cloudflare";
	/** The DNS-over-HTTPS JSON endpoint of the "dns" verifier; Cloudflare's resolver when unset. */
	DOH_URL?: string;
	/** The Cloudflare for SaaS zone of the "cloudflare" verifier. */
	CF_ZONE_ID?: string;
	/** Secret: an API token with SSL and Certificates Write on that zone. */
	CF_API_TOKEN?: string;
	/** wrangler.toml [version_metadata]: a new id per deployed version (and per local start); the edge cache keys on it. */
	CF_VERSION_METADATA?: WorkerVersionMetadata;
}

/** Who made the request, when anyone did: a browser session or a personal API token. */
export interface Authentication {
	user: User;
	sessionId: string | null;
	token: Actor["token"] | null;
}

/** Per-request values set by middleware. */
export interface Variables {
	requestId: string;
	db: Database;
	queries: QueryCounter;
	auth: Authentication | null;
	actor: Actor | null;
	/** Set when the request's series or edition is (of) a demo series: the console frame shows the demo banner. */
	demo?: boolean;
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
