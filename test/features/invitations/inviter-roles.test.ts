/**
 * Losing the role that allowed an invitation withdraws it: committee, steward and institution
 * removals and demotions revoke the inviter's pending invitations in the same write, and accepting
 * one afterwards is a 410 that says why. Someone who may still invite keeps theirs.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createInvitation, editionTarget } from "../../../src/features/invitations/invitations";
import type { ErrorBody } from "../../../src/lib/errors";
import { postForm, sendJson, type TestUser } from "../../auth-helpers";
import { seed, testDb } from "../../helpers";
import {
	createCommitteeMember,
	createTestEdition,
	createTestInstitution,
	createTestSeries,
	createUserWithEmail,
	freshEmail,
	invitationToken,
} from "./helpers";

beforeAll(async () => {
	await seed();
});

/** Sends an invitation through the API as `inviter`; returns its link token. */
async function invite(path: string, body: Record<string, unknown>, inviter: TestUser) {
	const res = await sendJson("POST", path, body, { cookie: inviter.cookie });
	if (res.status !== 201) throw new Error(`invite answered ${res.status}: ${await res.text()}`);
	return invitationToken(body.email as string);
}

const revokedAt = async (token: string) =>
	(
		await env.DB.prepare("select revoked_at from invitations where id = ?")
			.bind(token.split(".")[0])
			.first<{ revoked_at: number | null }>()
	)?.revoked_at ?? null;

/** The invitee opens the link and accepts: the answer and whether a role was granted. */
async function acceptAs(email: string, token: string) {
	const invitee = await createUserWithEmail(email);
	const res = await sendJson("POST", "/api/v1/invitations/accept", { token }, { cookie: invitee.cookie });
	const { error } = await res.json<{ error?: { code: string; message: string } }>();
	return { status: res.status, body: error ? { error: { code: error.code, message: error.message } } : "accepted" };
}

const WITHDRAWN = {
	status: 410,
	body: {
		error: {
			code: "invitation_revoked",
			message:
				"This invitation was withdrawn. Its sender took it back or no longer has the role that allowed it. Ask for a new one if you still need it.",
		},
	},
};

describe("an edition's committee", () => {
	it("revokes a chair's pending invitations when the chair is removed, and accepting then fails", async () => {
		const edition = await createTestEdition();
		const chair = await createCommitteeMember(edition, "chair", "leaving-chair");
		const other = await createCommitteeMember(edition, "chair", "staying-chair");
		const email = freshEmail("invitee");
		const mine = await invite(`/api/v1/editions/${edition}/invitations`, { email, role: "organizer" }, chair);
		const theirs = await invite(
			`/api/v1/editions/${edition}/invitations`,
			{ email: freshEmail("kept"), role: "reviewer" },
			other,
		);

		const removed = await sendJson("DELETE", `/api/v1/editions/${edition}/members/${chair.id}`, undefined, {
			cookie: other.cookie,
		});

		expect(removed.status).toBe(204);
		expect(await revokedAt(mine)).toEqual(expect.any(Number));
		expect(await revokedAt(theirs)).toBeNull();
		const pending = await sendJson("GET", `/api/v1/editions/${edition}/invitations`, undefined, {
			cookie: other.cookie,
		});
		expect((await pending.json<{ data: { email: string }[] }>()).data.map((i) => i.email)).not.toContain(email);
		expect(await acceptAs(email, mine)).toEqual(WITHDRAWN);
		const row = await env.DB.prepare(
			"select count(*) as n from edition_members where edition_id = ? and user_id in (select id from users where email = ?)",
		)
			.bind(edition, email)
			.first<{ n: number }>();
		expect(row?.n).toBe(0);
	});

	it("revokes them when the chair becomes an organizer (who may not invite)", async () => {
		const edition = await createTestEdition();
		const chair = await createCommitteeMember(edition, "chair", "demoted-chair");
		const other = await createCommitteeMember(edition, "chair", "other-chair");
		const email = freshEmail("invitee");
		const token = await invite(`/api/v1/editions/${edition}/invitations`, { email, role: "reviewer" }, chair);

		const res = await sendJson(
			"PATCH",
			`/api/v1/editions/${edition}/members/${chair.id}`,
			{ role: "organizer" },
			{ cookie: other.cookie },
		);

		expect(res.status).toBe(200);
		expect(await acceptAs(email, token)).toEqual(WITHDRAWN);
	});

	it("keeps the invitations of a chair who is also the series' steward", async () => {
		const steward = await createCommitteeMember(await createTestEdition(), "reviewer", "steward-chair");
		const seriesRow = await createTestSeries([steward.id]);
		const edition = await createTestEdition("draft", seriesRow.id);
		const other = await createCommitteeMember(edition, "chair", "co-chair");
		await env.DB.prepare("insert into edition_members (edition_id, user_id, role) values (?, ?, 'chair')")
			.bind(edition, steward.id)
			.run();
		const email = freshEmail("invitee");
		const token = await invite(`/api/v1/editions/${edition}/invitations`, { email, role: "organizer" }, steward);

		await sendJson("DELETE", `/api/v1/editions/${edition}/members/${steward.id}`, undefined, { cookie: other.cookie });

		expect(await revokedAt(token)).toBeNull();
		expect(await acceptAs(email, token)).toEqual({ status: 200, body: "accepted" });
	});
});

describe("the write itself", () => {
	it("refuses an invitation whose inviter lost the role after being authorized: no invitation, no mail", async () => {
		const edition = await createTestEdition();
		const chair = await createCommitteeMember(edition, "chair", "racing-chair");
		const email = freshEmail("raced");
		const older = await invite(`/api/v1/editions/${edition}/invitations`, { email, role: "reviewer" }, chair);
		// The request was authorized; the removal lands before its write (the race the role check cannot see).
		await env.DB.prepare("delete from edition_members where edition_id = ? and user_id = ?")
			.bind(edition, chair.id)
			.run();

		const attempt = createInvitation(testDb(), {
			target: editionTarget({ id: edition, name: "AINM test" }),
			email,
			role: "organizer",
			inviter: { id: chair.id, name: chair.name },
			baseUrl: "https://baton.example.org",
		});

		await expect(attempt).rejects.toMatchObject({
			status: 403,
			message: "You no longer have the role that allows this invitation.",
		} satisfies Partial<ErrorBody["error"]> & { status: number });
		const rows = await env.DB.prepare("select role, revoked_at from invitations where email = ? order by created_at")
			.bind(email)
			.all<{ role: string; revoked_at: number | null }>();
		// Only the earlier invitation, untouched by the refused one (its own revocation is the removal's job).
		expect(rows.results).toEqual([{ role: "reviewer", revoked_at: null }]);
		expect(await revokedAt(older)).toBeNull();
		const mails = await env.DB.prepare('select count(*) as n from outbox where "to" = ?')
			.bind(email)
			.first<{ n: number }>();
		expect(mails?.n).toBe(1);
	});
});

describe("a series' stewards", () => {
	it("revokes a removed steward's invitations, to the stewards and to its editions' committees", async () => {
		const [leaving, staying] = [
			await createUserWithEmail(freshEmail("leaving-steward")),
			await createUserWithEmail(freshEmail("staying-steward")),
		];
		const seriesRow = await createTestSeries([leaving.id, staying.id]);
		const edition = await createTestEdition("draft", seriesRow.id);
		await createCommitteeMember(edition, "chair", "chair");
		const stewardEmail = freshEmail("steward-invitee");
		const memberEmail = freshEmail("member-invitee");
		const toStewards = await invite(`/api/v1/series/${seriesRow.slug}/stewards`, { email: stewardEmail }, leaving);
		const toCommittee = await invite(
			`/api/v1/editions/${edition}/invitations`,
			{ email: memberEmail, role: "organizer" },
			leaving,
		);

		const res = await postForm(`/console/series/${seriesRow.slug}/stewards/${leaving.id}/remove`, {}, staying.cookie);

		expect(res.status).toBe(303);
		expect([await revokedAt(toStewards), await revokedAt(toCommittee)]).toEqual([
			expect.any(Number),
			expect.any(Number),
		]);
		expect(await acceptAs(stewardEmail, toStewards)).toEqual(WITHDRAWN);
	});
});

describe("an institution", () => {
	it.each([
		[
			"removed",
			(id: string, userId: string, owner: TestUser) =>
				sendJson("DELETE", `/api/v1/institutions/${id}/members/${userId}`, undefined, { cookie: owner.cookie }),
		],
		[
			"made a plain member",
			(id: string, userId: string, owner: TestUser) =>
				sendJson("PATCH", `/api/v1/institutions/${id}/members/${userId}`, { role: "member" }, { cookie: owner.cookie }),
		],
	] as const)("revokes an admin's invitations when the admin is %s", async (_, change) => {
		const inst = await createTestInstitution("inviter");
		const email = freshEmail("invitee");
		const mine = await invite(`/api/v1/institutions/${inst.id}/invitations`, { email, role: "member" }, inst.admin);
		const owners = await invite(
			`/api/v1/institutions/${inst.id}/invitations`,
			{ email: freshEmail("kept"), role: "member" },
			inst.owner,
		);

		const res = await change(inst.id, inst.admin.id, inst.owner);

		expect(res.status).toBeLessThan(300);
		expect(await revokedAt(owners)).toBeNull();
		expect(await acceptAs(email, mine)).toEqual(WITHDRAWN);
	});

	it("keeps them when the owner hands over ownership and stays on as admin", async () => {
		const inst = await createTestInstitution("transfer");
		const email = freshEmail("invitee");
		const token = await invite(`/api/v1/institutions/${inst.id}/invitations`, { email, role: "member" }, inst.owner);

		const res = await sendJson(
			"POST",
			`/api/v1/institutions/${inst.id}/transfer`,
			{ userId: inst.admin.id },
			{ cookie: inst.owner.cookie },
		);

		expect(res.status).toBeLessThan(300);
		expect(await revokedAt(token)).toBeNull();
	});
});
