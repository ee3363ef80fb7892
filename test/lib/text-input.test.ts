import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTER_MESSAGE, multiLine, SINGLE_LINE_MESSAGE, singleLine } from "../../src/lib/text-input";

const issues = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
	result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);

describe("singleLine", () => {
	it.each([
		["CRLF", "Ada\r\nBcc: x@y"],
		["LF", "Ada\nBcc: x@y"],
		["CR", "Ada\rBcc: x@y"],
		["TAB", "Ada\tLovelace"],
		["NUL", "Ada\u0000"],
		["ESC", "Ada\u001b[31m"],
		["DEL", "Ada\u007f"],
		["C1 NEL", "Ada\u0085Bcc"],
		["U+2028", "Ada\u2028Bcc"],
		["U+2029", "Ada\u2029Bcc"],
	])("refuses %s", (_, value) => {
		expect(issues(singleLine().safeParse(value))).toEqual([SINGLE_LINE_MESSAGE]);
	});

	it("takes one line of any script, and the field's own rules after it", () => {
		const schema = singleLine().trim().max(20, "Too long.");
		expect(schema.parse("  Zürich – 東京 ✓ ")).toBe("Zürich – 東京 ✓");
		expect(issues(schema.safeParse("x".repeat(21)))).toEqual(["Too long."]);
	});
});

describe("multiLine", () => {
	it("stores CRLF and lone CR as LF and keeps LF and TAB", () => {
		expect(multiLine().parse("one\r\ntwo\rthree\n\tfour")).toBe("one\ntwo\nthree\n\tfour");
	});

	it.each([
		["NUL", "one\u0000two"],
		["ESC", "one\u001btwo"],
		["VT", "one\u000btwo"],
		["C1", "one\u0090two"],
	])("refuses %s", (_, value) => {
		expect(issues(multiLine().safeParse(value))).toEqual([CONTROL_CHARACTER_MESSAGE]);
	});

	it("counts the length after normalising", () => {
		expect(multiLine().max(3).parse("a\r\nb")).toBe("a\nb");
	});
});
