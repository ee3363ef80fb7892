import { describe, expect, it } from "vitest";
import { chunked, MAX_BOUND_PARAMETERS } from "../../src/db/batching";
import { outboxInserts } from "../../src/lib/mailer";
import { testDb } from "../helpers";

describe("outboxInserts", () => {
	it("puts 60 mails in statements of at most 100 bound parameters, each mail once", () => {
		const messages = Array.from({ length: 60 }, (_, i) => ({ to: `p${i}@example.org`, subject: "S", text: "T" }));

		const { ids, statements } = outboxInserts(testDb(), messages);

		expect(ids).toHaveLength(60);
		expect(new Set(ids).size).toBe(60);
		const params = statements.map((s) => (s as unknown as { toSQL(): { params: unknown[] } }).toSQL().params);
		expect(params.map((p) => p.length)).toEqual([100, 100, 40]);
		expect(params.flat().filter((p) => String(p).endsWith("@example.org"))).toEqual(messages.map((m) => m.to));
		expect(Math.max(...params.map((p) => p.length))).toBeLessThanOrEqual(MAX_BOUND_PARAMETERS);
	});

	it("writes nothing for no mails", () => {
		expect(outboxInserts(testDb(), [])).toEqual({ ids: [], statements: [] });
	});
});

describe("chunked", () => {
	it("slices in order, the last slice shorter", () => {
		expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunked([], 3)).toEqual([]);
	});
});
