/**
 * /dev/dns: the fake host-name verifier's zone in development, where a developer publishes the
 * record an edition's Host names page asks for; outside development it does not exist, so nobody
 * can prove control of a name to the fake through it.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/app";
import { listFakeTxt } from "../../../src/features/hostnames/fake-verifier";
import { request } from "../../helpers";

const publish = (environment: "development" | "test") =>
	createApp().request(
		"/dev/dns",
		{
			method: "POST",
			headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
			body: new URLSearchParams({ name: `_baton-verify.${environment}.example.org`, value: "baton-verify=abc" }),
		},
		{ ...env, ENVIRONMENT: environment },
	);

describe("/dev/dns", () => {
	it("does not exist outside development (404), and publishes nothing there", async () => {
		const page = await request("/dev/dns");
		const posted = await publish("test");

		expect(page.status).toBe(404);
		expect(posted.status).toBe(404);
		expect(listFakeTxt()).not.toContainEqual({ name: "_baton-verify.test.example.org", value: "baton-verify=abc" });
	});

	it("publishes a TXT record in the fake zone in development and lists it", async () => {
		const posted = await publish("development");
		const page = await createApp().request("/dev/dns", {}, { ...env, ENVIRONMENT: "development" });

		expect(posted.status).toBe(303);
		expect(listFakeTxt()).toContainEqual({ name: "_baton-verify.development.example.org", value: "baton-verify=abc" });
		expect(await page.text()).toContain(
			"<code>_baton-verify.development.example.org</code> TXT <code>baton-verify=abc</code>",
		);
	});
});
