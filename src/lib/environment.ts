/**
 * Which kind of deployment this is, from the ENVIRONMENT var, and what production must not run
 * with. Anything but "development" or "test" counts as production (a missing or misspelt var
 * included), so a forgotten setting never turns a fake on.
 *
 * wrangler.toml's top level is the production configuration; development lives in `[env.dev]`
 * and the tests set ENVIRONMENT "test" (vitest.config.ts).
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv, Bindings } from "../env";

type EnvironmentOf = Pick<Bindings, "ENVIRONMENT">;

/** True on a developer's machine (`npm run dev`): the only place /dev/* pages exist. */
export const isDevelopment = (env: EnvironmentOf) => env.ENVIRONMENT === "development";

/** True unless ENVIRONMENT says development or test. */
export const isProduction = (env: EnvironmentOf) => env.ENVIRONMENT !== "development" && env.ENVIRONMENT !== "test";

const LOCAL_HOSTS = new Set(["", "localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * What is wrong with a production configuration: a fake or a development setting where a real one
 * belongs. Empty outside production and when all is well.
 *
 * @example productionConfigProblems({ ENVIRONMENT: "production", MAIL_ADAPTER: "outbox", … })
 * // ["MAIL_ADAPTER is \"outbox\": …"]
 */
export function productionConfigProblems(env: Bindings): string[] {
	if (!isProduction(env)) return [];
	const problems: string[] = [];
	const adapter = env.MAIL_ADAPTER ?? "outbox";
	if (adapter === "outbox") {
		problems.push(
			'MAIL_ADAPTER is "outbox" (or unset): production needs "http" or "send_email", or every mail stays in the outbox table',
		);
	}
	const missing = (names: (keyof Bindings)[]) => names.filter((name) => !env[name]);
	if (adapter === "http") {
		for (const name of missing(["MAIL_HTTP_URL", "MAIL_HTTP_TOKEN", "MAIL_FROM"])) {
			problems.push(`MAIL_ADAPTER "http" needs ${name}`);
		}
	}
	if (adapter === "send_email") {
		for (const name of missing(["EMAIL", "MAIL_FROM"])) problems.push(`MAIL_ADAPTER "send_email" needs ${name}`);
	}
	if (env.HOSTNAME_VERIFIER === "fake") {
		problems.push('HOSTNAME_VERIFIER is "fake": production needs "dns" or "cloudflare", or no host name can be proven');
	}
	if (env.HOSTNAME_VERIFIER === "cloudflare") {
		for (const name of missing(["CF_ZONE_ID", "CF_API_TOKEN"]))
			problems.push(`HOSTNAME_VERIFIER "cloudflare" needs ${name}`);
	}
	if (LOCAL_HOSTS.has((env.MAIN_HOST ?? "").trim().toLowerCase())) {
		problems.push(`MAIN_HOST is "${env.MAIN_HOST ?? ""}", a development setting: set the platform's host name`);
	}
	return problems;
}

/**
 * Refuses every request of a production Worker whose configuration has a fake or a development
 * setting in it (see productionConfigProblems): a 500 and an error log line naming the problems,
 * from the first request on, rather than a site that quietly keeps its sign-in links to itself.
 */
export const refuseUnsafeProduction: MiddlewareHandler<AppEnv> = async (c, next) => {
	const problems = productionConfigProblems(c.env);
	if (problems.length > 0) throw new Error(`unsafe production configuration: ${problems.join("; ")}`);
	await next();
};
