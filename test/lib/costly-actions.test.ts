/**
 * Costly actions are rate limited per person (README, "Limits"): copying an edition, applying and
 * publishing templates, uploading attachments and creating API tokens. Over the limit: 429 with
 * Retry-After on the API, the page with the message on the console, and nothing written (not the
 * clone, the template, the file or the token, and not even the count of the refused attempt).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { AINM_TEMPLATE_ID } from "../../src/cli/seed/ainm-templates";
import { COSTLY_ACTIONS, type CostlyAction, countCostly } from "../../src/lib/costly-actions";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../auth-helpers";
import { AINM_2023, createEdition, rowsOf } from "../features/cloning/helpers";
import { insertNote, upload } from "../features/handover/helpers";
import { seedWithTemplates } from "../features/templates/helpers";
import { addCommitteeMember } from "../fixtures";
import { testDb } from "../helpers";

const HOUR = 3600;

/** Sets `who`'s count of `action` in the current window, as if they had taken it `count` times. */
async function alreadyTaken(action: CostlyAction, who: string, count: number) {
	const { windowMs } = COSTLY_ACTIONS[action];
	const now = Date.now();
	await env.DB.prepare(
		"insert into rate_limits (key, window_start, count) values (?, ?, ?) on conflict (key) do update set window_start = excluded.window_start, count = excluded.count",
	)
		.bind(`costly:${action}:${who}`, now - (now % windowMs), count)
		.run();
}

const countOf = async (action: CostlyAction, who: string) =>
	(await rowsOf("select count from rate_limits where key = ?", `costly:${action}:${who}`))[0]?.count;

const countRows = async (sql: string, ...binds: unknown[]) => (await rowsOf(sql, ...binds)).length;

interface ErrorBody {
	error: { code: string; message: string };
}

/** The 429 of the API: Retry-After within the window, the limit's message, and the count left as it was. */
async function expectRefused(res: Response, message: RegExp, windowSeconds: number) {
	expect(res.status).toBe(429);
	const retryAfter = Number(res.headers.get("Retry-After"));
	expect(retryAfter).toBeGreaterThanOrEqual(1);
	expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
	const body = await res.json<ErrorBody>();
	expect(body.error.code).toBe("rate_limited");
	expect(body.error.message).toMatch(message);
}

let chair: TestUser;
let target: string;
let noteId: string;

beforeAll(async () => {
	await seedWithTemplates();
	chair = await createTestUser("costly");
	target = `costly-${chair.id.slice(0, 8)}`;
	await createEdition({ id: target, year: 2027, start: "2027-10-04", end: "2027-10-06" });
	await addCommitteeMember({ editionId: target, user: chair, role: "chair" });
	await addCommitteeMember({ editionId: AINM_2023, user: chair, role: "chair" });
	noteId = await insertNote({ seriesId: "seed-series-ainm", editionId: target, title: "Costly", authorId: chair.id });
});

describe("the counter", () => {
	it("counts up to the limit, refuses without counting, and starts again in the next window", async () => {
		const db = testDb();
		const who = `counter-${chair.id}`;
		const { limit, windowMs } = COSTLY_ACTIONS["api-token"];
		const start = 10 * windowMs;
		for (let i = 0; i < limit; i++) expect(await countCostly(db, "api-token", who, start + i)).toBe(null);

		const refused = await countCostly(db, "api-token", who, start + windowMs - 90_000);
		expect(refused?.status).toBe(429);
		expect(refused?.retryAfterSeconds).toBe(90);
		expect(refused?.message).toBe("You have created API tokens many times in a short while. Try again in 2 minutes.");
		expect(await countOf("api-token", who)).toBe(limit);

		expect(await countCostly(db, "api-token", who, start + windowMs)).toBe(null);
		expect(await countOf("api-token", who)).toBe(1);
	});
});

describe("copying an edition", () => {
	it("lets the API clone once more at 19 of 20 an hour, then answers 429 and copies nothing", async () => {
		await alreadyTaken("clone", chair.id, COSTLY_ACTIONS.clone.limit - 1);
		const clone = () =>
			sendJson(
				"POST",
				`/api/v1/editions/${target}/clone`,
				{ sourceEditionId: AINM_2023, parts: ["checklist"] },
				{ cookie: chair.cookie },
			);
		expect((await clone()).status).toBe(201);
		const tasks = await countRows("select id from checklist_tasks where edition_id = ?", target);
		expect(tasks).toBeGreaterThan(0);
		expect(await countOf("clone", chair.id)).toBe(20);

		await expectRefused(
			await clone(),
			/^You have copied into editions many times in a short while\. Try again in \d+ minutes?\.$/,
			HOUR,
		);
		expect(await countRows("select id from checklist_tasks where edition_id = ?", target)).toBe(tasks);
		expect(await countOf("clone", chair.id)).toBe(20);
	});

	it("shows the wizard's form again with the message and 429, copying nothing", async () => {
		await alreadyTaken("clone", chair.id, COSTLY_ACTIONS.clone.limit);
		const pagesBefore = await countRows("select id from pages where edition_id = ?", target);
		const res = await postForm(
			`/console/editions/${target}/setup/apply`,
			{ sourceEditionId: AINM_2023, "part.pages": "on" },
			chair.cookie,
		);
		expect(res.status).toBe(429);
		expect(await res.text()).toMatch(
			/You have copied into editions many times in a short while\. Try again in \d+ minutes?\./,
		);
		expect(await countRows("select id from pages where edition_id = ?", target)).toBe(pagesBefore);
	});
});

describe("templates", () => {
	it("refuses the 21st template apply of the hour with 429, applying nothing", async () => {
		await alreadyTaken("template-apply", chair.id, COSTLY_ACTIONS["template-apply"].limit);
		const before = await countRows("select id from email_texts where edition_id = ?", target);
		const res = await sendJson(
			"POST",
			`/api/v1/editions/${target}/apply-template`,
			{ template: AINM_TEMPLATE_ID, version: 1, parts: ["email_texts"] },
			{ cookie: chair.cookie },
		);
		await expectRefused(
			res,
			/^You have applied templates many times in a short while\. Try again in \d+ minutes?\.$/,
			HOUR,
		);
		expect(await countRows("select id from email_texts where edition_id = ?", target)).toBe(before);
		expect(await countRows("select id from template_uses where edition_id = ?", target)).toBe(0);
	});

	it("refuses the 31st template publication of the day (API and page), storing none", async () => {
		await alreadyTaken("template-publish", chair.id, COSTLY_ACTIONS["template-publish"].limit);
		const before = await countRows("select id from templates");
		const api = await sendJson(
			"POST",
			`/api/v1/editions/${AINM_2023}/templates`,
			{ name: "One too many", parts: ["checklist"] },
			{ cookie: chair.cookie },
		);
		await expectRefused(
			api,
			/^You have published templates many times in a short while\. Try again in \d+ (minutes?|hours)\.$/,
			24 * HOUR,
		);

		const page = await postForm(
			`/console/editions/${AINM_2023}/publish-template`,
			{ name: "One too many", visibility: "series", "part.checklist": "on" },
			chair.cookie,
		);
		expect(page.status).toBe(429);
		expect(page.headers.get("Retry-After")).not.toBe(null);
		expect(await page.text()).toMatch(
			/You have published templates many times in a short while\. Try again in \d+ (minutes?|hours)\./,
		);
		expect(await countRows("select id from templates")).toBe(before);
	});
});

describe("attachments", () => {
	const PDF = new TextEncoder().encode("%PDF-1.7\n% costly\n%%EOF\n");
	const pdf = () => new File([PDF], "plan.pdf", { type: "application/pdf" });

	it("refuses the 61st upload of the hour on the API and the note page, storing no file", async () => {
		await alreadyTaken("upload", chair.id, COSTLY_ACTIONS.upload.limit);
		const api = await upload(`/api/v1/handover-notes/${noteId}/attachments`, pdf(), chair.cookie);
		await expectRefused(
			api,
			/^You have uploaded files many times in a short while\. Try again in \d+ minutes?\.$/,
			HOUR,
		);

		const page = await upload(`/console/notes/${noteId}/attachments`, pdf(), chair.cookie);
		expect(page.status).toBe(429);
		expect(await page.text()).toMatch(
			/You have uploaded files many times in a short while\. Try again in \d+ minutes?\./,
		);

		expect(await countRows("select id from handover_attachments where note_id = ?", noteId)).toBe(0);
		// Files are kept as handover/{series}/{note}/{id}; the bucket is shared with other test files.
		const stored = (await env.FILES.list({ prefix: "handover/" })).objects.filter((o) => o.key.includes(`/${noteId}/`));
		expect(stored).toEqual([]);
	});
});

describe("API tokens", () => {
	it("refuses the 11th token of the day with the form again and its message, creating none", async () => {
		const user = await createTestUser("tokens");
		await addCommitteeMember({ editionId: target, user, role: "organizer" });
		await alreadyTaken("api-token", user.id, COSTLY_ACTIONS["api-token"].limit);
		expect((await getAs("/console/account/tokens/new", user.cookie)).status).toBe(200);

		const res = await postForm(
			"/console/account/tokens",
			{ name: "CI", access: "read", scope: `edition:${target}`, expiresInDays: "30" },
			user.cookie,
		);
		expect(res.status).toBe(429);
		const html = await res.text();
		expect(html).toMatch(
			/You have created API tokens many times in a short while\. Try again in \d+ (minutes?|hours)\./,
		);
		expect(html).toContain('action="/console/account/tokens"');
		expect(await countRows("select id from api_tokens where user_id = ?", user.id)).toBe(0);
	});
});
