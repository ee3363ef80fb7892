/**
 * Production never runs a fake: a Worker whose ENVIRONMENT says production (or says nothing)
 * refuses to serve with the outbox mailer or a local MAIN_HOST, its scheduler refuses to keep
 * mail in the outbox, and /dev pages do not exist there.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app";
import type { Bindings } from "../../src/env";
import { isProduction, productionConfigProblems } from "../../src/lib/environment";
import { fakeMailDeliveries } from "../../src/lib/fake-mail-provider";
import { deliveryAdapter } from "../../src/lib/mailer";
import { runScheduledJobs } from "../../src/scheduled";

afterEach(() => {
	vi.restoreAllMocks();
});

/** A complete production configuration, as wrangler.toml's top level and a `wrangler secret put` give it. */
const PRODUCTION: Bindings = {
	...env,
	ENVIRONMENT: "production",
	MAIN_HOST: "baton.example.org",
	MAIL_ADAPTER: "http",
	MAIL_FROM: "Baton <no-reply@baton.example.org>",
	MAIL_HTTP_URL: "https://api.mail-provider.example/send",
	MAIL_HTTP_TOKEN: "secret",
	HOSTNAME_VERIFIER: "dns",
};

const MAIN = "https://baton.example.org";
const send = (path: string, bindings: Bindings) => createApp().request(`${MAIN}${path}`, {}, bindings);

describe("a production configuration", () => {
	it("is production unless ENVIRONMENT says development or test", () => {
		const as = (ENVIRONMENT: string | undefined) => isProduction({ ENVIRONMENT } as Pick<Bindings, "ENVIRONMENT">);
		expect([as("production"), as(undefined), as("prod"), as("development"), as("test")]).toEqual([
			true,
			true,
			true,
			false,
			false,
		]);
	});

	it("has no problems when complete, and names each fake or development setting otherwise", () => {
		expect(productionConfigProblems(PRODUCTION)).toEqual([]);
		expect(productionConfigProblems({ ...PRODUCTION, MAIL_ADAPTER: undefined, MAIN_HOST: "localhost" })).toEqual([
			'MAIL_ADAPTER is "outbox" (or unset): production needs "http" or "send_email", or every mail stays in the outbox table',
			'MAIN_HOST is "localhost", a development setting: set the platform\'s host name',
		]);
		expect(productionConfigProblems({ ...PRODUCTION, MAIL_HTTP_TOKEN: undefined })).toEqual([
			'MAIL_ADAPTER "http" needs MAIL_HTTP_TOKEN',
		]);
		expect(productionConfigProblems({ ...PRODUCTION, MAIL_ADAPTER: "send_email", EMAIL: undefined })).toEqual([
			'MAIL_ADAPTER "send_email" needs EMAIL',
		]);
		expect(productionConfigProblems({ ...PRODUCTION, HOSTNAME_VERIFIER: "fake" })).toEqual([
			'HOSTNAME_VERIFIER is "fake": production needs "dns" or "cloudflare", or no host name can be proven',
		]);
		expect(productionConfigProblems({ ...PRODUCTION, HOSTNAME_VERIFIER: "cloudflare", CF_ZONE_ID: "zone" })).toEqual([
			'HOSTNAME_VERIFIER "cloudflare" needs CF_API_TOKEN',
		]);
		// Development and tests may keep mail in the outbox.
		expect(productionConfigProblems({ ...PRODUCTION, ENVIRONMENT: "test", MAIL_ADAPTER: "outbox" })).toEqual([]);
	});

	it("serves pages when complete", async () => {
		expect((await send("/", PRODUCTION)).status).toBe(200);
	});

	it("refuses every request with the outbox as its only mail delivery: a 500 and a log line naming why", async () => {
		const logged: string[] = [];
		vi.spyOn(console, "error").mockImplementation((line: string) => logged.push(line));

		const page = await send("/", { ...PRODUCTION, MAIL_ADAPTER: "outbox" });
		const api = await send("/api/v1/series", { ...PRODUCTION, MAIL_ADAPTER: undefined });

		expect([page.status, api.status]).toEqual([500, 500]);
		expect((await api.json<{ error: { code: string } }>()).error.code).toBe("internal");
		expect(logged).toHaveLength(2);
		expect(logged[0]).toContain('unsafe production configuration: MAIL_ADAPTER is \\"outbox\\"');
	});

	it("refuses to pick the outbox as the mail delivery, so the scheduler's run fails before any job", async () => {
		const outboxOnly = { ...PRODUCTION, MAIL_ADAPTER: undefined };
		const job = { name: "never-run", run: vi.fn(async () => ({ mailIds: [] })) };

		expect(() => deliveryAdapter(outboxOnly)).toThrow('MAIL_ADAPTER is "outbox" (or unset) in production');
		await expect(runScheduledJobs(outboxOnly, new Date(), [job])).rejects.toThrow("in production");
		expect(job.run).not.toHaveBeenCalled();
		// Outside production the outbox is the delivery: the fake provider, nothing leaves the machine.
		// (Issue 15: it is now an adapter that records, no longer "no adapter".)
		const fake = deliveryAdapter({ ...outboxOnly, ENVIRONMENT: "test" });
		await fake({ id: "m1", to: "a@example.org", subject: "Hi", text: "", kind: "transactional", unsubscribeUrl: null });
		expect(fakeMailDeliveries().at(-1)).toEqual({
			idempotencyKey: "m1",
			to: "a@example.org",
			subject: "Hi",
			text: "",
			headers: {},
		});
	});

	it("has no /dev pages", async () => {
		const outbox = await send("/dev/outbox", PRODUCTION);
		const other = await send("/dev/anything", PRODUCTION);

		expect([outbox.status, other.status]).toEqual([404, 404]);
		expect(await outbox.text()).not.toContain("Outbox");
	});
});
