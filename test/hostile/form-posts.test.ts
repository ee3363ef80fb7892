/**
 * Hostile input in the console's forms: every form post the authorization matrix knows a valid
 * body for (test/auth/matrix/routes.ts), sent by a role allowed to post it, with one field at a
 * time replaced by a hostile value. Never a 5xx; a form refused (anything but the redirect of a
 * saved form) changes no table. The API bodies are generated from their schemas in
 * api-bodies.test.ts; this covers the same rules where people meet them, in the forms.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { casesOf, isWrite, pathOf } from "../auth/matrix/expectations";
import { ROWS } from "../auth/matrix/routes";
import { createWorld, digestDatabase } from "../auth/matrix/world";
import { postForm } from "../auth-helpers";
import { emptyDatabase } from "../empty-database";

/** One value of each kind a form field can be spoiled with (the generated API runs go wider). */
const HOSTILE: readonly { label: string; value: string }[] = [
	{ label: "NUL", value: "a\u0000b" },
	{ label: "header injection", value: "x\r\nBcc: victim@example.org" },
	{ label: "markup", value: "<script>alert(1)</script><img src=x onerror=alert(2)>" },
	{ label: "SQL", value: "'; drop table users; --" },
	{ label: "100 kB", value: "x".repeat(100_000) },
];

const forms = Object.entries(ROWS).filter(
	([key, row]) => isWrite(key) && key.startsWith("POST /console/") && row.body !== undefined && !row.upload,
);

beforeAll(() => {
	vi.spyOn(console, "log").mockImplementation(() => {});
});

describe("console forms with one hostile field", () => {
	it("covers the console's form posts", () => {
		expect(forms.length).toBeGreaterThan(40);
	});

	it.each(forms.map(([key, row]) => ({ key, row })))(
		"$key: never a 5xx, and a refusal writes nothing",
		async ({ key, row }) => {
			const allowed = casesOf(key, row).find((c) => c.expected === "ok" && c.target === "own");
			if (!allowed || allowed.role === "anonymous") return;
			// Each form's world alone in the database: the digest reads every row, and saved 100 kB
			// values (and their audit entries) from every earlier form made it slower form by form.
			await emptyDatabase();
			const world = await createWorld();
			const cookie = world.cookies[allowed.role];
			const problems: string[] = [];
			const t = world.targets.own;
			const valid = (row.body?.(t, world) ?? {}) as Record<string, string>;
			// The state before each post: a refused post left it as it was (else it is reported), so
			// only a saved one (303) or a 5xx needs the database read again.
			let before = await digestDatabase();
			for (const field of Object.keys(valid)) {
				for (const { label, value } of HOSTILE) {
					const path = pathOf(key, row, world, t, allowed.role, "own");
					const res = await postForm(path, { ...valid, [field]: value }, cookie);
					await res.body?.cancel();
					const after = await digestDatabase();
					if (res.status >= 500) problems.push(`${field} ${label} → ${res.status}`);
					else if (res.status !== 303 && after !== before) problems.push(`${field} ${label} → ${res.status} but wrote`);
					before = after;
				}
			}
			expect(problems).toEqual([]);
		},
	);
});
