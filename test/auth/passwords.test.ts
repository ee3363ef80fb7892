import { describe, expect, it } from "vitest";
import { DECOY_HASH, hashPassword, needsRehash, passwordProblem, verifyPassword } from "../../src/auth/passwords";

const PASSWORD = "marble otter lantern";

describe("hashPassword and verifyPassword", () => {
	it("verifies the password a hash was made from", async () => {
		const hash = await hashPassword(PASSWORD);
		expect(await verifyPassword(hash, PASSWORD)).toBe(true);
	});

	it("refuses any other password", async () => {
		const hash = await hashPassword(PASSWORD);
		expect(await verifyPassword(hash, "marble otter lanterns")).toBe(false);
	});

	it("stores the scheme and the scrypt parameters N=2^14, r=8, p=5 with a 16-byte salt and 32-byte key", async () => {
		const [scheme, n, r, p, salt, key, ...rest] = (await hashPassword(PASSWORD)).split("$");
		expect({ scheme, n, r, p, rest }).toEqual({ scheme: "scrypt", n: "16384", r: "8", p: "5", rest: [] });
		expect(Buffer.from(salt ?? "", "base64")).toHaveLength(16);
		expect(Buffer.from(key ?? "", "base64")).toHaveLength(32);
	});

	it("salts every hash, so equal passwords hash differently", async () => {
		expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
	});

	it("treats canonically equivalent Unicode spellings as the same password", async () => {
		const hash = await hashPassword("Ła\u0301ska wierzba 12");
		expect(await verifyPassword(hash, "Łáska wierzba 12")).toBe(true);
	});

	it("answers false for malformed stored hashes instead of throwing", async () => {
		const results = await Promise.all(
			["", "bcrypt$x", "scrypt$16384$8$5$$", "plain text"].map((h) => verifyPassword(h, PASSWORD)),
		);
		expect(results).toEqual([false, false, false, false]);
	});
});

describe("DECOY_HASH", () => {
	it("has today's parameters and matches no password", async () => {
		expect([
			needsRehash(DECOY_HASH),
			await verifyPassword(DECOY_HASH, ""),
			await verifyPassword(DECOY_HASH, PASSWORD),
		]).toEqual([false, false, false]);
	});
});

describe("needsRehash", () => {
	it("is false for a hash made today", async () => {
		expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
	});

	it("is true when any parameter is below today's", () => {
		expect(["scrypt$1024$8$5$s$h", "scrypt$16384$4$5$s$h", "scrypt$16384$8$1$s$h"].map(needsRehash)).toEqual([
			true,
			true,
			true,
		]);
	});
});

describe("passwordProblem", () => {
	it("accepts a long, uncommon password", () => {
		expect(passwordProblem(PASSWORD)).toBeNull();
	});

	it("rejects a password shorter than 10 characters", () => {
		expect(passwordProblem("short pw1")).toBe("Use at least 10 characters.");
	});

	it("rejects a password longer than 128 characters", () => {
		expect(passwordProblem("x".repeat(129))).toBe("Use at most 128 characters.");
	});

	it("rejects very common passwords in any case, repeated characters and digit runs", () => {
		const problems = ["password123", "PASSWORD123", "aaaaaaaaaaaa", "12345678901234"].map((p) => passwordProblem(p));
		expect(new Set(problems)).toEqual(
			new Set(["This password is too common. Choose a less predictable one, e.g. a few unrelated words."]),
		);
	});

	it("rejects the user's own email name or full name", () => {
		expect([
			passwordProblem("ada.lovelace!!", { email: "ada.lovelace@example.org" }),
			passwordProblem("Ada Lovelace", { name: "ada lovelace" }),
		]).toEqual([
			"Do not use your name or email address as your password.",
			"Do not use your name or email address as your password.",
		]);
	});
});
