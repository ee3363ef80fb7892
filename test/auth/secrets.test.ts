import { describe, expect, it } from "vitest";
import { constantTimeEqual, randomSecret, sha256Hex, splitToken } from "../../src/auth/secrets";

describe("randomSecret", () => {
	it("is 24 symbols of the 32-symbol alphabet without look-alikes (120 bits)", () => {
		const secrets = Array.from({ length: 200 }, () => randomSecret());
		expect(secrets.every((s) => /^[abcdefghijkmnpqrstuvwxyz23456789]{24}$/.test(s))).toBe(true);
	});

	it("uses the whole alphabet", () => {
		const seen = new Set(Array.from({ length: 200 }, () => randomSecret()).join(""));
		expect(seen.size).toBe(32);
	});

	it("does not repeat", () => {
		const secrets = Array.from({ length: 1000 }, () => randomSecret());
		expect(new Set(secrets).size).toBe(1000);
	});

	it("takes another length", () => {
		expect(randomSecret(40)).toHaveLength(40);
	});
});

describe("sha256Hex", () => {
	it("is the lowercase hex SHA-256 of the text", async () => {
		expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	});
});

describe("constantTimeEqual", () => {
	it("is true for equal strings", () => {
		expect(constantTimeEqual("a1b2c3", "a1b2c3")).toBe(true);
	});

	it("is false for strings of equal length that differ", () => {
		expect(constantTimeEqual("a1b2c3", "a1b2c4")).toBe(false);
	});

	it("is false for strings of different lengths", () => {
		expect([constantTimeEqual("abc", "abcd"), constantTimeEqual("", "a")]).toEqual([false, false]);
	});
});

describe("splitToken", () => {
	it("splits `<id>.<secret>`", () => {
		expect(splitToken("abc.def")).toEqual({ id: "abc", secret: "def" });
	});

	it("refuses tokens without exactly one dot, with empty parts, or with overlong parts", () => {
		const inputs = ["abc", "abc.def.ghi", ".def", "abc.", `${"a".repeat(65)}.def`, `abc.${"d".repeat(65)}`];
		expect(inputs.map(splitToken)).toEqual([null, null, null, null, null, null]);
	});
});
