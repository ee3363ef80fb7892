import { env, exports } from "cloudflare:workers";
import { seedDemo } from "../src/cli/seed/seed";
import { createDatabase } from "../src/db/client";

/** A drizzle client on this test file's own D1. */
export const testDb = () => createDatabase(env.DB);

/** Loads the AINM demo data into this test file's D1. */
export const seed = () => seedDemo(testDb());

/** Sends a request through the real Worker entry, as a browser or API client would. */
export function request(path: string, init?: RequestInit): Promise<Response> {
	return exports.default.fetch(new Request(new URL(path, "http://localhost"), init));
}

/** D1 statements the request sent, read from the Server-Timing header the app sets. */
export function queryCount(response: Response): number {
	const match = /d1;desc="(\d+) queries"/.exec(response.headers.get("Server-Timing") ?? "");
	if (!match?.[1]) throw new Error("response has no D1 Server-Timing entry");
	return Number(match[1]);
}

export const postJson = (path: string, body: unknown) =>
	request(path, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: typeof body === "string" ? body : JSON.stringify(body),
	});

const unescapeHtml = (value: string) =>
	value
		.replaceAll("&quot;", '"')
		.replaceAll("&#39;", "'")
		.replaceAll("&lt;", "<")
		.replaceAll("&gt;", ">")
		.replaceAll("&amp;", "&");

/** The inner HTML of the form of `method` whose action is `action`. */
export function formHtml(html: string, action: string, method = "post"): string {
	const form = new RegExp(`<form method="${method}" action="${action}">([\\s\\S]*?)</form>`).exec(html);
	if (!form?.[1]) throw new Error(`no form posting to ${action}`);
	return form[1];
}

/** The hidden fields a browser would send with the form of `method` whose action is `action`. */
export const hiddenFields = (html: string, action: string, method = "post"): Record<string, string> =>
	Object.fromEntries(
		[...formHtml(html, action, method).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
			unescapeHtml(m[1] ?? ""),
			unescapeHtml(m[2] ?? ""),
		]),
	);
