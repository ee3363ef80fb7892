import { describe, expect, it } from "vitest";
import { encodeSubject, headerValue, rawMessage } from "../../src/lib/mailer";

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
