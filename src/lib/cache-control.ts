/**
 * Cache-Control defaults for answers that depend on who asks. The public subsite has its own rules
 * (features/site/edge-cache.ts); everything that reads the session or an API token (the API, the
 * console, sign-in) is about one person or one committee, so no cache may keep it, not a shared
 * one and not the browser's (a shared computer's back button, a proxy that ignores `private`).
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";

/** For answers about the signed-in account or what only a committee may see. */
export const PRIVATE_NO_STORE = "private, no-store";

/**
 * Gives every answer that did not say its own Cache-Control `private, no-store`. Mounted on the
 * authenticated paths (app.tsx); an answer that means to be cached (or says `no-store` alone, like
 * the account pages) keeps what it set.
 *
 * @example app.use("/api/*", privateByDefault);
 */
export const privateByDefault: MiddlewareHandler<AppEnv> = async (c, next) => {
	await next();
	if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", PRIVATE_NO_STORE);
};
