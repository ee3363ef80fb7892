/**
 * Error bodies never echo unbounded input (issue 11): messages and field names that quote what was
 * sent (an unknown key, a key of a map) are cut, through the API, the forms and the error page.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { AppError, bounded, MAX_MESSAGE_LENGTH } from "../../src/lib/errors";
import { newId } from "../../src/lib/ids";
import { createTestUser, postForm, sendJson } from "../auth-helpers";

const HUGE = "x".repeat(100_000);
/** No response may carry this much of the 100 kB value. */
const ECHO = "x".repeat(MAX_MESSAGE_LENGTH + 1);

describe("bounded error bodies", () => {
	it("cuts a 100 kB unknown key out of the API's message and field names", async () => {
		const user = await createTestUser("echo");
		const res = await sendJson(
			"POST",
			"/api/v1/institutions",
			{ name: "Institute", slug: `n-${newId().slice(0, 8)}`, country: "NL", [HUGE]: 1 },
			{ cookie: user.cookie },
		);
		expect(res.status).toBe(400);
		const text = await res.text();
		expect(text).not.toContain(ECHO);
		expect(text.length).toBeLessThan(2_000);
		const { error } = JSON.parse(text) as { error: { code: string; fields: Record<string, string> } };
		expect(error.code).toBe("invalid_input");
		expect(Object.values(error.fields)).toEqual([`Unrecognized key: "${"x".repeat(MAX_MESSAGE_LENGTH - 20)}…`]);
	});

	it("cuts a 100 kB map key, which becomes a field name, to 100 characters", async () => {
		const user = await createTestUser("echo-map");
		const res = await sendJson(
			"POST",
			"/api/v1/editions/no-such-edition/clone",
			{ sourceEditionId: "elsewhere", parts: ["rooms_tracks"], roomMap: { [HUGE]: "Hall" } },
			{ cookie: user.cookie },
		);
		expect(res.status).toBe(400);
		const text = await res.text();
		expect(text).not.toContain(ECHO);
		const { error } = JSON.parse(text) as { error: { fields: Record<string, string> } };
		for (const name of Object.keys(error.fields)) expect([...name].length).toBeLessThanOrEqual(100);
	});

	it("keeps a console form's page free of a 100 kB unknown field", async () => {
		const user = await createTestUser("echo-form");
		const res = await postForm(
			"/console/institutions",
			{ name: "Institute", slug: `n-${newId().slice(0, 8)}`, country: "NL", [HUGE]: "1" },
			user.cookie,
		);
		expect(res.status).toBe(400);
		expect(await res.text()).not.toContain(ECHO);
	});

	it("answers a 100 kB unknown series with a short 404", async () => {
		const res = await sendJson("GET", `/s/${HUGE}`, undefined);
		expect(res.status).toBe(404);
		expect(await res.text()).not.toContain(ECHO);
	});

	it("bounds every AppError's message and fields, and leaves short ones as they are", () => {
		const error = new AppError(422, "x", `Unknown ${HUGE}`, { [HUGE]: HUGE, title: "Too long." });
		expect([...error.message].length).toBe(MAX_MESSAGE_LENGTH);
		expect(error.message.endsWith("…")).toBe(true);
		expect(Object.keys(error.fields ?? {}).map((k) => k.length)).toEqual([100, 5]);
		expect(error.fields?.title).toBe("Too long.");
		expect(bounded("short", 10)).toBe("short");
		expect(bounded("🙂".repeat(20), 5)).toBe("🙂🙂🙂🙂…");
		expect(env).toBeDefined();
	});
});
