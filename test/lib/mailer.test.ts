import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { deliveryAdapter, encodeSubject, headerValue, listHeaders, rawMessage } from "../../src/lib/mailer";

const FROM = "baton@baton.example.org";

/** The header block of a raw message, unfolded (a CRLF followed by a space continues a line). */
const headerLines = (raw: string) => (raw.split("\r\n\r\n")[0] ?? "").replace(/\r\n /g, " ").split("\r\n");

describe("rawMessage (the send_email adapter's message)", () => {
	it("writes exactly its own headers and the body with CRLF", () => {
		const raw = rawMessage(
			FROM,
			{ to: "ada@example.org", subject: "Your Baton sign-in link", text: "Hello,\n\nbye" },
			"m1",
		);
		expect(raw).toBe(
			[
				"From: baton@baton.example.org",
				"To: ada@example.org",
				"Subject: Your Baton sign-in link",
				"Message-ID: <m1@baton.example.org>",
				"MIME-Version: 1.0",
				"Content-Type: text/plain; charset=utf-8",
				"Content-Transfer-Encoding: 8bit",
				"",
				"Hello,\r\n\r\nbye",
			].join("\r\n"),
		);
	});

	it.each([
		["a name in the subject", { subject: "Question from Ada\r\nBcc: x@y", to: "ada@example.org" }],
		["a lone LF", { subject: "Question from Ada\nBcc: x@y", to: "ada@example.org" }],
		["the recipient", { subject: "Hi", to: "ada@example.org\r\nBcc: x@y" }],
		["NUL", { subject: "Hi\u0000Bcc: x@y", to: "ada@example.org" }],
		["U+2028", { subject: "Hi\u2028Bcc: x@y", to: "ada@example.org" }],
	])("refuses a header with a line break or control character: %s", (_, message) => {
		expect(() => rawMessage(FROM, { ...message, text: "Hello" })).toThrow(/refused to write a (Subject|To) header/);
	});

	it("never emits an injected header, whatever the subject holds", () => {
		let raw = "";
		try {
			raw = rawMessage(FROM, { to: "ada@example.org", subject: "Ada\r\nBcc: x@y", text: "Hello" });
		} catch {
			// refused: nothing to send
		}
		expect(headerLines(raw).filter((line) => /^bcc:/i.test(line))).toEqual([]);
	});

	it("refuses a From with a line break (the configuration is checked like any value)", () => {
		expect(() => rawMessage("baton@x.org\r\nBcc: x@y", { to: "ada@example.org", subject: "Hi", text: "" })).toThrow();
	});
});

describe("encodeSubject", () => {
	it("keeps ASCII as it is", () => {
		expect(encodeSubject("AINM 2025: registration is open")).toBe("AINM 2025: registration is open");
	});

	it("writes anything else as RFC 2047 UTF-8 encoded-words", () => {
		expect(encodeSubject("Zürich 2025")).toBe("=?UTF-8?B?WsO8cmljaCAyMDI1?=");
	});

	it("splits long subjects between characters into words of at most 75 characters, folded", () => {
		const subject = `Question about “${"Ünïcødé 東京 ".repeat(8)}”`;
		const encoded = encodeSubject(subject);
		const words = encoded.split("\r\n ");
		expect(words.length).toBeGreaterThan(1);
		for (const word of words) {
			expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
			expect(word.length).toBeLessThanOrEqual(75);
		}
		const decoded = new TextDecoder().decode(
			new Uint8Array(words.flatMap((word) => [...atob(word.slice(10, -2))].map((c) => c.charCodeAt(0)))),
		);
		expect(decoded).toBe(subject);
		// Each word alone is whole UTF-8 (no character cut in two).
		for (const word of words) {
			const bytes = Uint8Array.from(atob(word.slice(10, -2)), (c) => c.charCodeAt(0));
			expect(() => new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes)).not.toThrow();
		}
	});

	it("refuses a subject with a line break", () => {
		expect(() => encodeSubject("Zürich\r\nBcc: x@y")).toThrow();
		expect(() => headerValue("Subject", "Zürich\r\nBcc: x@y")).toThrow();
	});
});

describe("List-Unsubscribe (issue 15: follower, announcement and bulk mail)", () => {
	const UNFOLLOW = "https://baton.example.org/s/ainm/unfollow?token=f1.abc";
	const announcement = {
		to: "ada@example.org",
		subject: "AINM 2025 is announced",
		text: "Hello",
		kind: "announcement" as const,
		unsubscribeUrl: UNFOLLOW,
	};

	it("writes the one-click headers into the raw message of the kinds a recipient can stop", () => {
		for (const kind of ["follower", "announcement", "bulk"] as const) {
			expect(headerLines(rawMessage(FROM, { ...announcement, kind }, "m1")).slice(4, 6)).toEqual([
				`List-Unsubscribe: <${UNFOLLOW}>`,
				"List-Unsubscribe-Post: List-Unsubscribe=One-Click",
			]);
		}
	});

	it("writes none into transactional mail", () => {
		const raw = rawMessage(FROM, { ...announcement, kind: "transactional" }, "m1");
		expect(headerLines(raw).filter((line) => line.startsWith("List-"))).toEqual([]);
	});

	it.each([
		["no address", undefined, /without a valid address/],
		["a line break", `${UNFOLLOW}\r\nBcc: x@y`, /line break or control character/],
		["plain http on a public host", "http://baton.example.org/s/ainm/unfollow?token=t", /not https/],
		["not a URL", "unfollow me", /without a valid address/],
	])("refuses an unsubscribable mail with %s, so it never goes out without its way out", (_, unsubscribeUrl, error) => {
		expect(() => rawMessage(FROM, { ...announcement, unsubscribeUrl }, "m1")).toThrow(error);
		expect(() => listHeaders({ kind: "bulk", unsubscribeUrl: unsubscribeUrl ?? null })).toThrow(error);
	});

	it("percent-encodes what would end the header's <…> or start another", () => {
		expect(listHeaders({ kind: "follower", unsubscribeUrl: "https://b.example/u?token=a>b <c>" })).toEqual({
			"List-Unsubscribe": "<https://b.example/u?token=a%3Eb%20%3Cc%3E>",
			"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
		});
	});

	it("sends them, and the outbox id as Idempotency-Key, to an HTTP provider", async () => {
		const calls: { headers: Headers; body: unknown }[] = [];
		const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (_input, init) => {
			calls.push({ headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) });
			return new Response("{}", { status: 200 });
		});
		const deliver = deliveryAdapter({
			...env,
			MAIL_ADAPTER: "http",
			MAIL_HTTP_URL: "https://mail.example/send",
			MAIL_FROM: FROM,
		});

		await deliver({ ...announcement, id: "outbox-1" });
		spy.mockRestore();

		expect(calls.map((call) => [call.headers.get("Idempotency-Key"), call.body])).toEqual([
			[
				"outbox-1",
				{
					from: FROM,
					to: "ada@example.org",
					subject: "AINM 2025 is announced",
					text: "Hello",
					headers: {
						"List-Unsubscribe": `<${UNFOLLOW}>`,
						"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
					},
				},
			],
		]);
	});
});
