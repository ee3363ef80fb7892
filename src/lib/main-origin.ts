import type { Context } from "hono";
import type { AppEnv } from "../env";

/**
 * The origin emailed links point to. The Host header is the client's to choose, so it is trusted
 * only when it names the main host (keeping the port, for local development); otherwise links
 * point to https://MAIN_HOST, never to a host an attacker typed.
 */
export function mainOrigin(c: Context<AppEnv>): string {
	const url = new URL(c.req.url);
	return url.hostname === c.env.MAIN_HOST ? url.origin : `https://${c.env.MAIN_HOST}`;
}
