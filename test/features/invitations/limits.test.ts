/**
 * Invitations cannot be used to spam (issue 11): per sender, per recipient address (re-invitations
 * included, whoever invites) and per institution, series or edition a day. Over a limit: 429 with
 * Retry-After on the API, the form again with the message on pages, and nothing written (no
 * invitation, no mail, not even the count).
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { INVITATION_LIMITS } from "../../../src/features/invitations/limits";
import { createTestUser, postForm, sendJson } from "../../auth-helpers";
import { addInstitutionMember, countRows, createTestInstitution, freshEmail } from "./helpers";

const invite = (institutionId: string, email: string, cookie: string) =>
	sendJson("POST", `/api/v1/institutions/${institutionId}/invitations`, { email, role: "member" }, { cookie });

const outboxTo = (email: string) => countRows("outbox", '"to" = ?', email);

interface LimitBody {
	error: { code: string; message: string };
}

describe("invitation limits", () => {
	it("lets an address get 5 invitations a day, re-invitations included, then answers 429 and writes nothing", async () => {
		const inst = await createTestInstitution("recipient");
		const email = freshEmail("flooded");
		for (let i = 0; i < INVITATION_LIMITS.perRecipient.limit; i++) {
			expect((await invite(inst.id, email, inst.owner.cookie)).status).toBe(201);
		}
		const refused = await invite(inst.id, email, inst.owner.cookie);
		expect(refused.status).toBe(429);
		const retryAfter = Number(refused.headers.get("Retry-After"));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
		const body = await refused.json<LimitBody>();
		expect(body.error.code).toBe("rate_limited");
		expect(body.error.message).toMatch(
			/^This address has had as many invitations as it may get in a day\. Try again in \d+ (minutes?|hours)\.$/,
		);
		expect(await outboxTo(email)).toBe(5);
		expect(await countRows("invitations", "email = ?", email)).toBe(5);
		// The newest of the five is still the one that works: the refused one withdrew nothing.
		expect(await countRows("invitations", "email = ? and revoked_at is null", email)).toBe(1);

		// Someone else, elsewhere, gets the same answer for this address.
		const other = await createTestInstitution("elsewhere");
		expect((await invite(other.id, email, other.owner.cookie)).status).toBe(429);
		expect(await outboxTo(email)).toBe(5);
	});

	it("lets one person send 30 invitations an hour, then answers 429 and writes nothing", async () => {
		const inst = await createTestInstitution("sender");
		for (let i = 0; i < INVITATION_LIMITS.perSender.limit; i++) {
			expect((await invite(inst.id, freshEmail(`guest${i}`), inst.admin.cookie)).status).toBe(201);
		}
		const email = freshEmail("one-too-many");
		const refused = await invite(inst.id, email, inst.admin.cookie);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get("Retry-After"))).toBeLessThanOrEqual(3600);
		expect((await refused.json<LimitBody>()).error.message).toMatch(
			/^You have sent many invitations in a short time\. Try again in \d+ minutes?\.$/,
		);
		expect(await outboxTo(email)).toBe(0);
		expect(await countRows("invitations", "invited_by = ?", inst.admin.id)).toBe(30);
		// The limit is the sender's: the owner still invites.
		expect((await invite(inst.id, email, inst.owner.cookie)).status).toBe(201);
		expect(await outboxTo(email)).toBe(1);
	});

	it("lets an institution send 50 invitations a day, whoever sends them, then refuses the console form too", async () => {
		const inst = await createTestInstitution("tenant");
		const admins = await Promise.all([createTestUser("a1"), createTestUser("a2")]);
		await Promise.all(admins.map((a) => addInstitutionMember(inst.id, a.id, "admin")));
		// 50 from three senders, each within their own hourly limit.
		const senders = [inst.owner, ...admins];
		for (let i = 0; i < INVITATION_LIMITS.perTenant.limit; i++) {
			const sender = senders[i % senders.length];
			expect((await invite(inst.id, freshEmail(`t${i}`), sender?.cookie ?? "")).status).toBe(201);
		}
		const email = freshEmail("fifty-first");
		const refused = await invite(inst.id, email, inst.admin.cookie);
		expect(refused.status).toBe(429);
		expect((await refused.json<LimitBody>()).error.message).toMatch(
			/^This institution has sent as many invitations as it may in a day\. Try again in \d+ (minutes?|hours)\.$/,
		);

		const page = await postForm(
			`/console/institutions/${inst.id}/invitations`,
			{ email, role: "member" },
			inst.admin.cookie,
		);
		expect(page.status).toBe(429);
		expect(Number(page.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
		expect(await page.text()).toContain("This institution has sent as many invitations as it may in a day.");
		expect(await outboxTo(email)).toBe(0);
		expect(await countRows("invitations", "scope = 'institution' and target_id = ?", inst.id)).toBe(50);
		const { results } = await env.DB.prepare("select count from rate_limits where key = ?")
			.bind(`invite:institution:${inst.id}`)
			.all<{ count: number }>();
		// Refused attempts are not counted: their batch, counters and all, was rolled back.
		expect(results).toEqual([{ count: 50 }]);
	});

	it("puts no name in the Subject: the inviter's and the institution's names are in the text only", async () => {
		const inst = await createTestInstitution("subject");
		await env.DB.prepare("update users set name = 'Buy cheap pills' where id = ?").bind(inst.owner.id).run();
		await env.DB.prepare("update institutions set name = 'WIN A PRIZE' where id = ?").bind(inst.id).run();
		const email = freshEmail("subject");
		expect((await invite(inst.id, email, inst.owner.cookie)).status).toBe(201);
		const { results } = await env.DB.prepare('select subject, text from outbox where "to" = ?')
			.bind(email)
			.all<{ subject: string; text: string }>();
		expect(results.map((r) => r.subject)).toEqual(["You are invited to join an institution on Baton"]);
		expect(results[0]?.text).toContain("Buy cheap pills invited you to join WIN A PRIZE as a member on Baton.");
	});
});
