import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, getAs, mailsTo, postForm, type TestUser } from "../../auth-helpers";
import { seed } from "../../helpers";
import { addCommitteeMember, countRows, createTestEdition, createTestSeries, freshEmail } from "../invitations/helpers";

beforeAll(async () => {
	await seed();
});

const committeePage = (id: string) => `/console/editions/${id}/committee`;

async function memberRow(editionId: string, userId: string) {
	return env.DB.prepare("select role, mentor_until from edition_members where edition_id = ? and user_id = ?")
		.bind(editionId, userId)
		.first<{ role: string; mentor_until: string | null }>();
}

describe("/console/series/{slug}/stewards", () => {
	async function seriesWith(count: number) {
		const stewards: TestUser[] = [];
		for (let i = 0; i < count; i++) stewards.push(await createTestUser(`page-steward${i}`));
		const series = await createTestSeries(stewards.map((s) => s.id));
		return { ...series, stewards: stewards as [TestUser, ...TestUser[]] };
	}

	it("lists the stewards and the series' editions, with the invite form", async () => {
		const s = await seriesWith(1);
		const editionId = await createTestEdition("draft", s.id);

		const html = await (await getAs(`/console/series/${s.slug}/stewards`, s.stewards[0].cookie)).text();

		expect(html).toContain(`<td>${s.stewards[0].email}</td>`);
		expect(html).toContain(`href="${committeePage(editionId)}"`);
		expect(html).toContain(`action="/console/series/${s.slug}/stewards"`);
	});

	it("is not for someone who is not a steward (403)", async () => {
		const s = await seriesWith(1);
		const stranger = await createTestUser("page-stranger");

		const res = await getAs(`/console/series/${s.slug}/stewards`, stranger.cookie);

		expect(res.status).toBe(403);
	});

	it("invites a steward from the form", async () => {
		const s = await seriesWith(1);
		const email = freshEmail("form-steward");

		const res = await postForm(`/console/series/${s.slug}/stewards`, { email }, s.stewards[0].cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/console/series/${s.slug}/stewards?notice=invited#invite`);
		expect((await mailsTo(email)).length).toBe(1);
	});

	it("keeps the last steward, saying why on the page (422)", async () => {
		const s = await seriesWith(1);

		const res = await postForm(
			`/console/series/${s.slug}/stewards/${s.stewards[0].id}/remove`,
			{},
			s.stewards[0].cookie,
		);

		expect(res.status).toBe(422);
		expect(await res.text()).toContain("A series always keeps a steward: invite another steward first.");
		expect(await countRows("series_stewards", "series_id = ?", s.id)).toBe(1);
	});

	it("lets a steward step down when another remains, and leads to the dashboard", async () => {
		const s = await seriesWith(2);

		const res = await postForm(
			`/console/series/${s.slug}/stewards/${s.stewards[0].id}/remove`,
			{},
			s.stewards[0].cookie,
		);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/console?notice=removed");
		expect(await countRows("series_stewards", "series_id = ?", s.id)).toBe(1);
	});
});

describe("/console/editions/{id}/committee", () => {
	async function edition(status: "draft" | "published" = "draft") {
		const id = await createTestEdition(status);
		const [chair, organizer, mentor] = await Promise.all([
			createTestUser("page-chair"),
			createTestUser("page-organizer"),
			createTestUser("page-mentor"),
		]);
		await addCommitteeMember(id, chair.id, "chair");
		await addCommitteeMember(id, organizer.id, "organizer");
		await addCommitteeMember(id, mentor.id, "mentor", "2099-12-31");
		return { id, chair, organizer, mentor };
	}

	it("shows a chair the members, links to manage them and the invite form", async () => {
		const e = await edition();

		const html = await (await getAs(committeePage(e.id), e.chair.cookie)).text();

		expect(html).toContain("<td>Mentor until 31 December 2099</td>");
		expect(html).toContain(`href="${committeePage(e.id)}/${e.organizer.id}"`);
		expect(html).toContain(`action="/console/editions/${e.id}/invitations"`);
	});

	it("shows an organizer the members but no forms", async () => {
		const e = await edition();

		const html = await (await getAs(committeePage(e.id), e.organizer.cookie)).text();

		expect(html).toContain(`<td>${e.chair.email}</td>`);
		expect([...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => m[1])).toEqual(["/auth/sign-out"]);
		expect(html).not.toContain(`${committeePage(e.id)}/`);
	});

	it("is a 404 page for a stranger when the edition is a draft", async () => {
		const e = await edition();
		const stranger = await createTestUser("page-stranger");

		const res = await getAs(committeePage(e.id), stranger.cookie);

		expect(res.status).toBe(404);
		expect(await res.text()).not.toContain(e.chair.email);
	});

	it("shows a mentor without a last day beside the date field (400) and invites nobody", async () => {
		const e = await edition();

		const res = await postForm(
			`/console/editions/${e.id}/invitations`,
			{ email: freshEmail("no-date"), role: "mentor", mentorUntil: "" },
			e.chair.cookie,
		);

		expect(res.status).toBe(400);
		expect(await res.text()).toContain(
			'<p class="field-error" id="field-mentorUntil-error">Give the last day of mentoring.</p>',
		);
		expect(await countRows("invitations", "target_id = ?", e.id)).toBe(0);
	});

	it("invites an organizer even if a date was left in the form", async () => {
		const e = await edition();
		const email = freshEmail("organizer");

		const res = await postForm(
			`/console/editions/${e.id}/invitations`,
			{ email, role: "organizer", mentorUntil: "2099-01-01" },
			e.chair.cookie,
		);

		expect(res.status).toBe(303);
		const row = await env.DB.prepare("select role, mentor_until from invitations where email = ?").bind(email).first();
		expect(row).toEqual({ role: "organizer", mentor_until: null });
	});

	it("turns a mentor into an organizer and clears the last day", async () => {
		const e = await edition();

		const res = await postForm(
			`${committeePage(e.id)}/${e.mentor.id}`,
			{ role: "organizer", mentorUntil: "2099-12-31" },
			e.chair.cookie,
		);

		expect(res.status).toBe(303);
		expect(await memberRow(e.id, e.mentor.id)).toEqual({ role: "organizer", mentor_until: null });
	});

	it("sets a mentor's last day", async () => {
		const e = await edition();

		const res = await postForm(
			`${committeePage(e.id)}/${e.mentor.id}`,
			{ role: "mentor", mentorUntil: "2026-03-31" },
			e.chair.cookie,
		);

		expect(res.status).toBe(303);
		expect(await memberRow(e.id, e.mentor.id)).toEqual({ role: "mentor", mentor_until: "2026-03-31" });
	});

	it("keeps the last chair, saying why beside the form (422)", async () => {
		const e = await edition();

		const res = await postForm(
			`${committeePage(e.id)}/${e.chair.id}`,
			{ role: "reviewer", mentorUntil: "" },
			e.chair.cookie,
		);

		expect(res.status).toBe(422);
		expect(await res.text()).toContain("An edition always keeps a chair: make another member chair first.");
		expect(await memberRow(e.id, e.chair.id)).toEqual({ role: "chair", mentor_until: null });
	});

	it("removes a member", async () => {
		const e = await edition();

		const res = await postForm(`${committeePage(e.id)}/${e.organizer.id}/remove`, {}, e.chair.cookie);

		expect(res.status).toBe(303);
		expect(await memberRow(e.id, e.organizer.id)).toBeNull();
	});

	it("does not let an organizer open a member's page (403 on a public edition)", async () => {
		const e = await edition("published");

		const res = await getAs(`${committeePage(e.id)}/${e.mentor.id}`, e.organizer.cookie);

		expect(res.status).toBe(403);
	});
});

describe("signed-out visitors", () => {
	it("are sent to sign in from every committee and steward page", async () => {
		const paths = [
			"/console/series/ainm/stewards",
			"/console/editions/seed-edition-ainm-2023/committee",
			"/console/editions/seed-edition-ainm-2023/committee/seed-user-chair",
		];

		const responses = await Promise.all(paths.map((path) => getAs(path)));

		expect(responses.map((r) => [r.status, r.headers.get("Location")])).toEqual(
			paths.map((path) => [303, `/auth/sign-in?next=${encodeURIComponent(path)}`]),
		);
	});

	it("cannot post a committee form, and nothing is written", async () => {
		const before = await countRows("invitations");

		const res = await postForm("/console/editions/seed-edition-ainm-2023/invitations", {
			email: freshEmail("anon"),
			role: "chair",
		});

		expect(res.status).toBe(303);
		expect(await countRows("invitations")).toBe(before);
	});
});
