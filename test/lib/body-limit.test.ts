/**
 * Every request body is limited (README, "Limits"): over 256 KB answers 413 before anything is read
 * or written, whether the size is declared (Content-Length) or only streamed (chunked); the API
 * with its one error body, pages with the error page. A form just under the limit (the longest
 * handover note, percent-encoded) still works, and the attachment upload keeps its own 10 MB.
 */
import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES } from "../../src/lib/body-limit";
import { postForm, sendJson } from "../auth-helpers";
import { createWorld, rows } from "../features/handover/helpers";
import { request } from "../helpers";

const TOO_LARGE = {
	code: "payload_too_large",
	message: "This request is larger than 256 KB, the most Baton accepts.",
	fields: { _: "Send at most 256 KB." },
};

/** A stream of `bytes` bytes in 16 KB chunks: a body whose size no header declares. */
function chunked(bytes: number): ReadableStream<Uint8Array> {
	let left = bytes;
	return new ReadableStream({
		pull(controller) {
			if (left <= 0) return controller.close();
			const size = Math.min(left, 16 * 1024);
			left -= size;
			controller.enqueue(new Uint8Array(size).fill(0x61));
		},
	});
}

describe("the request body limit", () => {
	it("answers an API body one byte over 256 KB with 413 and the error body, before authentication", async () => {
		const json = JSON.stringify({ name: "x".repeat(BODY_LIMIT_BYTES - 10) });
		expect(new TextEncoder().encode(json).byteLength).toBe(BODY_LIMIT_BYTES + 1);

		const res = await sendJson("POST", "/api/v1/series", JSON.parse(json));

		expect(res.status).toBe(413);
		const body = await res.json<{ error: Record<string, unknown> }>();
		expect(body).toEqual({ error: { ...TOO_LARGE, requestId: res.headers.get("X-Request-Id") } });
	});

	it("lets an API body of exactly 256 KB through to the route, which judges it (400 for the name, not 413)", async () => {
		const json = JSON.stringify({ name: "x".repeat(BODY_LIMIT_BYTES - 11) });
		expect(new TextEncoder().encode(json).byteLength).toBe(BODY_LIMIT_BYTES);

		const res = await sendJson("POST", "/api/v1/series", JSON.parse(json));

		expect(res.status).toBe(400);
		expect((await res.json<{ error: Record<string, unknown> }>()).error.code).toBe("invalid_input");
	});

	it("counts a chunked body without Content-Length as it streams and refuses it past 256 KB", async () => {
		const res = await request("/api/v1/series", {
			method: "POST",
			headers: { "Content-Type": "application/json" },
			body: chunked(BODY_LIMIT_BYTES + 16 * 1024),
			// @ts-expect-error: workerd needs the duplex of a streamed body, lib.dom's RequestInit lacks it
			duplex: "half",
		});

		expect(res.status).toBe(413);
		expect((await res.json<{ error: Record<string, unknown> }>()).error.code).toBe("payload_too_large");
	});

	it("answers a console form over 256 KB with the error page, and writes nothing", async () => {
		const w = await createWorld();
		const title = "Too much";
		const res = await postForm(
			`/console/editions/${w.editions[2023]}/handover/notes`,
			{ topic: "registration_badges", title, body: "€".repeat(30_000), tags: "", visibility: "" },
			w.users.chair23.cookie,
		);

		expect(res.status).toBe(413);
		expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
		const html = await res.text();
		expect(html).toContain("<h1>That is too large</h1>");
		expect(html).toContain("<p>This request is larger than 256 KB, the most Baton accepts.</p>");
		expect(await rows("select id from handover_notes where title = ?", title)).toEqual([]);
	});

	it("accepts the longest note (20,000 three-byte characters, 180 KB percent-encoded) from the console form", async () => {
		const w = await createWorld();
		const body = "€".repeat(20_000);
		const encoded = new URLSearchParams({
			topic: "registration_badges",
			title: "Euros",
			body,
			tags: "",
			visibility: "",
		}).toString();
		expect(encoded.length).toBeGreaterThan(180_000);

		const res = await postForm(
			`/console/editions/${w.editions[2023]}/handover/notes`,
			{ topic: "registration_badges", title: "Euros", body, tags: "", visibility: "" },
			w.users.chair23.cookie,
		);

		expect(res.status).toBe(303);
		expect(await rows("select body from handover_notes where edition_id = ?", w.editions[2023])).toEqual([{ body }]);
	});
});
