import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, getAs, mailsTo, sendJson, type TestUser } from "../../auth-helpers";
import { seed } from "../../helpers";
import { addCommitteeMember, countRows, createTestEdition, createTestSeries, freshEmail } from "../invitations/helpers";

type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string> } };

beforeAll(async () => {
	await seed();
});

async function stewardIds(seriesId: string): Promise<string[]> {
	const { results } = await env.DB.prepare("select user_id from series_stewards where series_id = ? order by user_id")
		.bind(seriesId)
		.all<{ user_id: string }>();
	return results.map((r) => r.user_id);
}

async function committee(editionId: string): Promise<Record<string, [string, string | null]>> {
	const { results } = await env.DB.prepare(
		"select user_id, role, mentor_until from edition_members where edition_id = ?",
	)
		.bind(editionId)
		.all<{ user_id: string; role: string; mentor_until: string | null }>();
	return Object.fromEntries(results.map((r) => [r.user_id, [r.role, r.mentor_until]]));
}

describe("series stewards", () => {
	async function seriesWithStewards(count: number) {
		const stewards: TestUser[] = [];
		for (let i = 0; i < count; i++) stewards.push(await createTestUser(`steward${i}`));
		const series = await createTestSeries(stewards.map((s) => s.id));
		return { ...series, stewards };
	}

	it("lists the stewards to a steward", async () => {
		const { slug, stewards } = await seriesWithStewards(2);
		const [first] = stewards as [TestUser, TestUser];

		const res = await getAs(`/api/v1/series/${slug}/stewards`, first.cookie);

		expect(res.status).toBe(200);
		const { data } = await res.json<{ data: { userId: string; email: string }[] }>();
		expect(data.map((s) => s.userId).sort()).toEqual(stewards.map((s) => s.id).sort());
	});

	it("answers someone who is not a steward with 403 (the series itself is public)", async () => {
		const { slug } = await seriesWithStewards(1);
		const stranger = await createTestUser("stranger");

		const res = await getAs(`/api/v1/series/${slug}/stewards`, stranger.cookie);

		expect(res.status).toBe(403);
	});

	it("answers an unknown series with 404", async () => {
		const stranger = await createTestUser("stranger");

		const res = await getAs("/api/v1/series/no-such-series/stewards", stranger.cookie);

		expect(res.status).toBe(404);
	});

	it("lets a steward invite a steward by email", async () => {
		const { slug, stewards } = await seriesWithStewards(1);
		const email = freshEmail("new-steward");

		const res = await sendJson("POST", `/api/v1/series/${slug}/stewards`, { email }, { cookie: stewards[0]?.cookie });

		expect(res.status).toBe(201);
		expect((await res.json<{ data: { email: string; role: string } }>()).data).toMatchObject({
			email,
			role: "steward",
		});
		// The Subject holds no name (issue 11); the text says what is offered.
		const mails = await mailsTo(email);
		expect(mails.map((m) => m.subject)).toEqual(["You are invited to steward a conference series on Baton"]);
		expect(mails[0]?.text).toContain(`invited you to become a steward of Series ${slug} on Baton.`);
	});

	it("does not let a non-steward invite (403) and writes nothing", async () => {
		const { id, slug } = await seriesWithStewards(1);
		const stranger = await createTestUser("stranger");

		const res = await sendJson(
			"POST",
			`/api/v1/series/${slug}/stewards`,
			{ email: freshEmail("x") },
			{ cookie: stranger.cookie },
		);

		expect(res.status).toBe(403);
		expect(await countRows("invitations", "target_id = ?", id)).toBe(0);
	});

	it("rejects a malformed address with 400 and writes nothing", async () => {
		const { id, slug, stewards } = await seriesWithStewards(1);

		const res = await sendJson(
			"POST",
			`/api/v1/series/${slug}/stewards`,
			{ email: "a@b" },
			{ cookie: stewards[0]?.cookie },
		);

		expect(res.status).toBe(400);
		expect((await res.json<ErrorJson>()).error.fields).toEqual({
			email: "Enter a valid email address, e.g. ada@example.org.",
		});
		expect(await countRows("invitations", "target_id = ?", id)).toBe(0);
	});

	it("lets a steward remove another steward", async () => {
		const { id, slug, stewards } = await seriesWithStewards(2);
		const [first, second] = stewards as [TestUser, TestUser];

		const res = await sendJson("DELETE", `/api/v1/series/${slug}/stewards/${second.id}`, undefined, {
			cookie: first.cookie,
		});

		expect(res.status).toBe(204);
		expect(await stewardIds(id)).toEqual([first.id]);
	});

	it("keeps the last steward (422)", async () => {
		const { id, slug, stewards } = await seriesWithStewards(1);
		const [only] = stewards as [TestUser];

		const res = await sendJson("DELETE", `/api/v1/series/${slug}/stewards/${only.id}`, undefined, {
			cookie: only.cookie,
		});

		expect(res.status).toBe(422);
		expect((await res.json<ErrorJson>()).error.message).toBe(
			"A series always keeps a steward: invite another steward first.",
		);
		expect(await stewardIds(id)).toEqual([only.id]);
	});

	it("answers 404 for someone who is not a steward", async () => {
		const { slug, stewards } = await seriesWithStewards(2);
		const stranger = await createTestUser("stranger");

		const res = await sendJson("DELETE", `/api/v1/series/${slug}/stewards/${stranger.id}`, undefined, {
			cookie: stewards[0]?.cookie,
		});

		expect(res.status).toBe(404);
	});
});

describe("edition committees", () => {
	async function editionWithCommittee(status: "draft" | "published" = "draft") {
		const id = await createTestEdition(status);
		const [chair, organizer, reviewer, mentor, expiredMentor] = await Promise.all([
			createTestUser("chair"),
			createTestUser("organizer"),
			createTestUser("reviewer"),
			createTestUser("mentor"),
			createTestUser("expired-mentor"),
		]);
		await addCommitteeMember(id, chair.id, "chair");
		await addCommitteeMember(id, organizer.id, "organizer");
		await addCommitteeMember(id, reviewer.id, "reviewer");
		await addCommitteeMember(id, mentor.id, "mentor", "2099-12-31");
		await addCommitteeMember(id, expiredMentor.id, "mentor", "2020-01-01");
		return { id, chair, organizer, reviewer, mentor, expiredMentor };
	}

	describe("GET /api/v1/editions/{id}/members", () => {
		it("lists chairs, organizers, reviewers, then mentors, to an active mentor", async () => {
			const e = await editionWithCommittee();

			const res = await getAs(`/api/v1/editions/${e.id}/members`, e.mentor.cookie);

			expect(res.status).toBe(200);
			const { data } = await res.json<{ data: { userId: string; role: string; mentorUntil: string | null }[] }>();
			expect(data.map(({ userId, role, mentorUntil }) => ({ userId, role, mentorUntil }))).toEqual([
				{ userId: e.chair.id, role: "chair", mentorUntil: null },
				{ userId: e.organizer.id, role: "organizer", mentorUntil: null },
				{ userId: e.reviewer.id, role: "reviewer", mentorUntil: null },
				...[
					{ userId: e.mentor.id, name: e.mentor.name, role: "mentor", mentorUntil: "2099-12-31" },
					{ userId: e.expiredMentor.id, name: e.expiredMentor.name, role: "mentor", mentorUntil: "2020-01-01" },
				]
					.sort((a, b) => a.name.localeCompare(b.name))
					.map(({ name: _, ...m }) => m),
			]);
		});

		it("hides a draft edition from a mentor whose last day has passed (404)", async () => {
			const e = await editionWithCommittee("draft");

			const res = await getAs(`/api/v1/editions/${e.id}/members`, e.expiredMentor.cookie);

			expect(res.status).toBe(404);
		});

		it("answers an expired mentor of a public edition with 403", async () => {
			const e = await editionWithCommittee("published");

			const res = await getAs(`/api/v1/editions/${e.id}/members`, e.expiredMentor.cookie);

			expect(res.status).toBe(403);
		});

		it("shows the committee to a steward of the series", async () => {
			const e = await editionWithCommittee();
			const steward = await createTestUser("steward");
			await env.DB.prepare("insert into series_stewards (series_id, user_id) values ('seed-series-ainm', ?)")
				.bind(steward.id)
				.run();

			const res = await getAs(`/api/v1/editions/${e.id}/members`, steward.cookie);

			expect(res.status).toBe(200);
		});
	});

	describe("POST /api/v1/editions/{id}/invitations", () => {
		it("lets a chair invite a mentor with a last day", async () => {
			const e = await editionWithCommittee();
			const email = freshEmail("mentor");

			const res = await sendJson(
				"POST",
				`/api/v1/editions/${e.id}/invitations`,
				{ email, role: "mentor", mentorUntil: "2099-06-30" },
				{ cookie: e.chair.cookie },
			);

			expect(res.status).toBe(201);
			expect((await res.json<{ data: unknown }>()).data).toMatchObject({
				email,
				role: "mentor",
				mentorUntil: "2099-06-30",
			});
			const [mail] = await mailsTo(email);
			expect(mail?.text).toContain(
				`${e.chair.name} invited you to join the committee of AINM test ${e.id.slice(0, 4)} as a mentor (read and comment until 30 June 2099) on Baton.`,
			);
		});

		it("lets a steward of the series invite a chair", async () => {
			const e = await editionWithCommittee();
			const steward = await createTestUser("steward-inviter");
			await env.DB.prepare("insert into series_stewards (series_id, user_id) values ('seed-series-ainm', ?)")
				.bind(steward.id)
				.run();

			const res = await sendJson(
				"POST",
				`/api/v1/editions/${e.id}/invitations`,
				{ email: freshEmail("chair"), role: "chair" },
				{ cookie: steward.cookie },
			);

			expect(res.status).toBe(201);
		});

		it("does not let an organizer invite (403) and writes nothing", async () => {
			const e = await editionWithCommittee();

			const res = await sendJson(
				"POST",
				`/api/v1/editions/${e.id}/invitations`,
				{ email: freshEmail("x"), role: "reviewer" },
				{ cookie: e.organizer.cookie },
			);

			expect(res.status).toBe(403);
			expect(await countRows("invitations", "target_id = ?", e.id)).toBe(0);
		});

		it("rejects an unknown role, a mentor without a last day and a last day for others with 400", async () => {
			const e = await editionWithCommittee();
			const invite = (body: unknown) =>
				sendJson("POST", `/api/v1/editions/${e.id}/invitations`, body, { cookie: e.chair.cookie }).then(
					async (r) => [r.status, (await r.json<ErrorJson>()).error.fields] as const,
				);

			const results = await Promise.all([
				invite({ email: freshEmail("a"), role: "treasurer" }),
				invite({ email: freshEmail("b"), role: "mentor" }),
				invite({ email: freshEmail("c"), role: "organizer", mentorUntil: "2099-01-01" }),
				invite({ email: freshEmail("d"), role: "mentor", mentorUntil: "2099-02-30" }),
			]);

			expect(results).toEqual([
				[400, { role: "Choose chair, organizer, reviewer or mentor." }],
				[400, { mentorUntil: "Give the last day of mentoring." }],
				[400, { mentorUntil: "Only mentors have a last day: leave it empty." }],
				[400, { mentorUntil: "Use a date like 2025-12-31." }],
			]);
			expect(await countRows("invitations", "target_id = ?", e.id)).toBe(0);
		});

		it("refuses a last day of mentoring that has passed (422)", async () => {
			const e = await editionWithCommittee();

			const res = await sendJson(
				"POST",
				`/api/v1/editions/${e.id}/invitations`,
				{ email: freshEmail("late"), role: "mentor", mentorUntil: "2020-01-01" },
				{ cookie: e.chair.cookie },
			);

			expect(res.status).toBe(422);
			expect((await res.json<ErrorJson>()).error.fields).toEqual({
				mentorUntil: "This day has passed: choose a day from today on.",
			});
		});
	});

	describe("PATCH /api/v1/editions/{id}/members/{userId}", () => {
		it("lets a chair change an organizer into a reviewer", async () => {
			const e = await editionWithCommittee();

			const res = await sendJson(
				"PATCH",
				`/api/v1/editions/${e.id}/members/${e.organizer.id}`,
				{ role: "reviewer" },
				{ cookie: e.chair.cookie },
			);

			expect(res.status).toBe(200);
			expect((await committee(e.id))[e.organizer.id]).toEqual(["reviewer", null]);
		});

		it("lets a chair move a mentor's last day", async () => {
			const e = await editionWithCommittee();

			const res = await sendJson(
				"PATCH",
				`/api/v1/editions/${e.id}/members/${e.expiredMentor.id}`,
				{ mentorUntil: "2030-12-31" },
				{ cookie: e.chair.cookie },
			);

			expect(res.status).toBe(200);
			expect((await res.json<{ data: unknown }>()).data).toMatchObject({ role: "mentor", mentorUntil: "2030-12-31" });
		});

		it("clears the last day when a mentor becomes an organizer", async () => {
			const e = await editionWithCommittee();

			await sendJson(
				"PATCH",
				`/api/v1/editions/${e.id}/members/${e.mentor.id}`,
				{ role: "organizer" },
				{ cookie: e.chair.cookie },
			);

			expect((await committee(e.id))[e.mentor.id]).toEqual(["organizer", null]);
		});

		it("needs a last day to make someone a mentor (422)", async () => {
			const e = await editionWithCommittee();

			const res = await sendJson(
				"PATCH",
				`/api/v1/editions/${e.id}/members/${e.reviewer.id}`,
				{ role: "mentor" },
				{ cookie: e.chair.cookie },
			);

			expect(res.status).toBe(422);
			expect((await committee(e.id))[e.reviewer.id]).toEqual(["reviewer", null]);
		});

		it("keeps the last chair (422)", async () => {
			const e = await editionWithCommittee();

			const res = await sendJson(
				"PATCH",
				`/api/v1/editions/${e.id}/members/${e.chair.id}`,
				{ role: "organizer" },
				{ cookie: e.chair.cookie },
			);

			expect(res.status).toBe(422);
			expect((await res.json<ErrorJson>()).error).toMatchObject({
				code: "last_chair",
				message: "An edition always keeps a chair: make another member chair first.",
			});
			expect((await committee(e.id))[e.chair.id]).toEqual(["chair", null]);
		});

		it("lets a chair step back once there is a second chair", async () => {
			const e = await editionWithCommittee();
			await sendJson(
				"PATCH",
				`/api/v1/editions/${e.id}/members/${e.organizer.id}`,
				{ role: "chair" },
				{ cookie: e.chair.cookie },
			);

			const res = await sendJson(
				"PATCH",
				`/api/v1/editions/${e.id}/members/${e.chair.id}`,
				{ role: "organizer" },
				{ cookie: e.chair.cookie },
			);

			expect(res.status).toBe(200);
			const roles = await committee(e.id);
			expect([roles[e.chair.id], roles[e.organizer.id]]).toEqual([
				["organizer", null],
				["chair", null],
			]);
		});

		it("does not let a reviewer change roles (403)", async () => {
			const e = await editionWithCommittee();

			const res = await sendJson(
				"PATCH",
				`/api/v1/editions/${e.id}/members/${e.reviewer.id}`,
				{ role: "chair" },
				{ cookie: e.reviewer.cookie },
			);

			expect(res.status).toBe(403);
			expect((await committee(e.id))[e.reviewer.id]).toEqual(["reviewer", null]);
		});

		it("rejects an empty change and unknown fields with 400", async () => {
			const e = await editionWithCommittee();
			const patch = (body: unknown) =>
				sendJson("PATCH", `/api/v1/editions/${e.id}/members/${e.reviewer.id}`, body, { cookie: e.chair.cookie });

			const [empty, unknown] = await Promise.all([patch({}), patch({ role: "chair", admin: true })]);

			expect([empty.status, unknown.status]).toEqual([400, 400]);
			expect((await committee(e.id))[e.reviewer.id]).toEqual(["reviewer", null]);
		});
	});

	describe("DELETE /api/v1/editions/{id}/members/{userId}", () => {
		it("lets a chair take a reviewer off the committee", async () => {
			const e = await editionWithCommittee();

			const res = await sendJson("DELETE", `/api/v1/editions/${e.id}/members/${e.reviewer.id}`, undefined, {
				cookie: e.chair.cookie,
			});

			expect(res.status).toBe(204);
			expect(Object.keys(await committee(e.id)).sort()).toEqual(
				[e.chair.id, e.organizer.id, e.mentor.id, e.expiredMentor.id].sort(),
			);
		});

		it("keeps the last chair (422)", async () => {
			const e = await editionWithCommittee();

			const res = await sendJson("DELETE", `/api/v1/editions/${e.id}/members/${e.chair.id}`, undefined, {
				cookie: e.chair.cookie,
			});

			expect(res.status).toBe(422);
			expect((await committee(e.id))[e.chair.id]).toEqual(["chair", null]);
		});
	});

	describe("edition B for the chair of edition A", () => {
		it("is a 404 for a draft, to read and to change, and nothing changes", async () => {
			const a = await editionWithCommittee();
			const b = await editionWithCommittee("draft");
			const before = await committee(b.id);
			const as = { cookie: a.chair.cookie };

			const statuses = await Promise.all([
				getAs(`/api/v1/editions/${b.id}/members`, a.chair.cookie),
				getAs(`/api/v1/editions/${b.id}/invitations`, a.chair.cookie),
				sendJson("POST", `/api/v1/editions/${b.id}/invitations`, { email: a.chair.email, role: "chair" }, as),
				sendJson("PATCH", `/api/v1/editions/${b.id}/members/${b.organizer.id}`, { role: "chair" }, as),
				sendJson("DELETE", `/api/v1/editions/${b.id}/members/${b.reviewer.id}`, undefined, as),
				getAs("/api/v1/editions/no-such-edition/members", a.chair.cookie),
			]).then((rs) => rs.map((r) => r.status));

			expect(statuses).toEqual([404, 404, 404, 404, 404, 404]);
			expect(await committee(b.id)).toEqual(before);
			expect(await countRows("invitations", "target_id = ?", b.id)).toBe(0);
		});

		it("is a 403 to change a public one, and nothing changes", async () => {
			const a = await editionWithCommittee();
			const b = await editionWithCommittee("published");
			const before = await committee(b.id);

			const res = await sendJson(
				"PATCH",
				`/api/v1/editions/${b.id}/members/${b.organizer.id}`,
				{ role: "chair" },
				{
					cookie: a.chair.cookie,
				},
			);

			expect(res.status).toBe(403);
			expect(await committee(b.id)).toEqual(before);
		});
	});
});
