import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { callDateProblems } from "../../../src/features/editions/abstract-call";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { seed } from "../../helpers";

// A fresh edition, so the call starts from its defaults whatever the demo seed holds.
const EDITION = "call-test-2025";
let chair: TestUser;
let reviewer: TestUser;

const storedCall = () =>
	env.DB.prepare(
		"select opens_offset_days, closes_offset_days, decisions_offset_days, topics, presentation_types, word_limit, special_issue from abstract_calls where edition_id = ?",
	)
		.bind(EDITION)
		.first<Record<string, unknown>>();

beforeAll(async () => {
	await seed();
	chair = await createTestUser("chair");
	reviewer = await createTestUser("reviewer");
	await env.DB.batch([
		env.DB.prepare(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone) values (?, 'seed-series-ainm', 2025, 'AINM 2025', '2025-10-06', '2025-10-08', 'Europe/Amsterdam')",
		).bind(EDITION),
		env.DB.prepare("insert into edition_members (edition_id, user_id, role) values (?, ?, 'chair')").bind(
			EDITION,
			chair.id,
		),
		env.DB.prepare("insert into edition_members (edition_id, user_id, role) values (?, ?, 'reviewer')").bind(
			EDITION,
			reviewer.id,
		),
	]);
});

describe("call for abstracts", () => {
	it("starts from defaults and is saved by a chair's form, topics one per line", async () => {
		const page = await getAs(`/console/editions/${EDITION}/abstract-call`, chair.cookie);
		expect(page.status).toBe(200);
		expect(await storedCall()).toBeNull();

		const res = await postForm(
			`/console/editions/${EDITION}/abstract-call`,
			{
				opensOffsetDays: "-240",
				opensTime: "09:00",
				closesOffsetDays: "-100",
				closesTime: "23:59",
				decisionsOffsetDays: "-60",
				topics: "Lesion detection and segmentation\r\nDosimetry and theranostics\r\n",
				presentationTypes: "Oral\nPoster",
				wordLimit: "300",
				specialIssue: "Frontiers in Nuclear Medicine",
			},
			chair.cookie,
		);
		expect(res.status).toBe(303);
		expect(await storedCall()).toEqual({
			opens_offset_days: -240,
			closes_offset_days: -100,
			decisions_offset_days: -60,
			topics: '["Lesion detection and segmentation","Dosimetry and theranostics"]',
			presentation_types: '["Oral","Poster"]',
			word_limit: 300,
			special_issue: "Frontiers in Nuclear Medicine",
		});
	});

	it("refuses a call that closes before it opens, and keeps what was saved", async () => {
		const before = await storedCall();
		const res = await sendJson(
			"PUT",
			`/api/v1/editions/${EDITION}/abstract-call`,
			{ opensOffsetDays: -100, closesOffsetDays: -200, topics: [], presentationTypes: [] },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(422);
		expect((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			closesOffsetDays: "Submissions must close after they open.",
		});
		expect(await storedCall()).toEqual(before);
	});

	it("answers a missing required field with 400", async () => {
		const res = await sendJson(
			"PUT",
			`/api/v1/editions/${EDITION}/abstract-call`,
			{ closesOffsetDays: -10 },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(400);
		expect(Object.keys((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields)).toEqual([
			"opensOffsetDays",
		]);
	});

	it("lets a reviewer read the call but not change it", async () => {
		const read = await sendJson("GET", `/api/v1/editions/${EDITION}/abstract-call`, undefined, {
			cookie: reviewer.cookie,
		});
		expect(read.status).toBe(200);
		expect((await read.json<{ data: Record<string, unknown> }>()).data).toMatchObject({
			wordLimit: 300,
			presentationTypes: ["Oral", "Poster"],
		});
		const write = await sendJson(
			"PUT",
			`/api/v1/editions/${EDITION}/abstract-call`,
			{ opensOffsetDays: -200, closesOffsetDays: -100 },
			{ cookie: reviewer.cookie },
		);
		expect(write.status).toBe(403);
	});
});

describe("the rules between the call's dates (shared with template documents)", () => {
	const call = { opensOffsetDays: -240, opensTime: "09:00", closesOffsetDays: -100, closesTime: "23:59" };

	it("accepts a call that closes after it opens, with decisions after the close or none", () => {
		expect(callDateProblems({ ...call, decisionsOffsetDays: -60 })).toBeNull();
		expect(callDateProblems({ ...call, decisionsOffsetDays: -100 })).toBeNull();
		expect(callDateProblems({ ...call, decisionsOffsetDays: null })).toBeNull();
	});

	it("compares times on the same day, and names each field that breaks a rule", () => {
		expect(
			callDateProblems({ ...call, closesOffsetDays: -240, closesTime: "09:00", decisionsOffsetDays: -241 }),
		).toEqual({
			closesOffsetDays: "Submissions must close after they open.",
			decisionsOffsetDays: "Decisions come after submissions close.",
		});
		expect(
			callDateProblems({ ...call, closesOffsetDays: -240, closesTime: "09:01", decisionsOffsetDays: null }),
		).toBeNull();
	});
});
