import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, getAs, ORIGIN, postForm, sendJson, sessionCookieFrom } from "../../auth-helpers";
import { request, seed } from "../../helpers";
import { mailedLink, pathOf, pressLinkButton } from "../accounts/links";
import {
	addInstitutionMember,
	countRows,
	createApiToken,
	createTestEdition,
	createTestInstitution,
	createUserWithEmail,
	freshEmail,
	institutionRole,
	institutionRoles,
	invitationToken,
} from "./helpers";

beforeAll(async () => {
	await seed();
});

/** An institution and an open invitation to a fresh address, as its owner sent it. */
async function invited(role: "admin" | "member" = "member") {
	const inst = await createTestInstitution("accept");
	const email = freshEmail("invitee");
	const res = await sendJson(
		"POST",
		`/api/v1/institutions/${inst.id}/invitations`,
		{ email, role },
		{ cookie: inst.owner.cookie },
	);
	if (res.status !== 201) throw new Error(`invite answered ${res.status}`);
	return { inst, email, token: await invitationToken(email) };
}

const acceptedAt = async (token: string) =>
	(
		await env.DB.prepare("select accepted_at from invitations where id = ?")
			.bind(token.split(".")[0])
			.first<{ accepted_at: number | null }>()
	)?.accepted_at ?? null;

describe("GET /auth/invitations/{token}", () => {
	it("shows a visitor what is offered and links to sign in or sign up, coming back here", async () => {
		const { token, email, inst } = await invited("admin");
		const path = `/auth/invitations/${token}`;

		const res = await request(path);

		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(
			`${inst.owner.name} invited <strong>${email}</strong> to join Institution accept as an admin.`,
		);
		expect(html).toContain(`href="/auth/sign-in?next=${encodeURIComponent(path)}"`);
		expect(html).toContain(`href="/auth/sign-up?next=${encodeURIComponent(path)}"`);
		expect(html).not.toContain("Accept invitation");
	});

	it("shows the invitee an Accept button that posts back to the link", async () => {
		const { token, email } = await invited();
		const invitee = await createUserWithEmail(email);

		const html = await (await getAs(`/auth/invitations/${token}`, invitee.cookie)).text();

		expect(html).toContain(`<form method="post" action="/auth/invitations/${token}">`);
		expect(html).toContain("Accept invitation");
	});

	it("tells someone signed in with another address that it was sent elsewhere, without a button", async () => {
		const { token } = await invited();
		const other = await createTestUser("other");

		const html = await (await getAs(`/auth/invitations/${token}`, other.cookie)).text();

		expect(html).toContain("this invitation was sent to another address");
		expect(html).not.toContain("Accept invitation");
	});

	it("answers a link with a wrong secret with 404, like an unknown one", async () => {
		const { token } = await invited();
		const [id] = token.split(".");

		const [wrongSecret, unknown, malformed] = await Promise.all([
			request(`/auth/invitations/${id}.wrongsecret`),
			request("/auth/invitations/nope.nope"),
			request("/auth/invitations/no-dot"),
		]);

		expect([wrongSecret.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
		expect(await wrongSecret.text()).toContain("This invitation link is not valid.");
	});
});

describe("accepting on the invitation page", () => {
	it("makes an existing user a member with the invited role and leads to the institution", async () => {
		const { inst, email, token } = await invited("admin");
		const invitee = await createUserWithEmail(email);

		const res = await postForm(`/auth/invitations/${token}`, {}, invitee.cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/console/institutions/${inst.id}?notice=joined`);
		expect(await institutionRole(inst.id, invitee.id)).toBe("admin");
		expect(await acceptedAt(token)).toEqual(expect.any(Number));
	});

	it("works for a new user who signed up after the invitation was sent", async () => {
		const { inst, email, token } = await invited();
		expect(await countRows("users", "email = ?", email)).toBe(0);
		// Signs up (verified) and signs in only now, then opens the link again.
		const newcomer = await createUserWithEmail(email);

		const res = await postForm(`/auth/invitations/${token}`, {}, newcomer.cookie);

		expect(res.status).toBe(303);
		expect(await institutionRole(inst.id, newcomer.id)).toBe("member");
	});

	it("brings someone new through sign-up and the verification mail back to the invitation, to accept it", async () => {
		const inst = await createTestInstitution("newcomer");
		const email = "new@example.org";
		const invite = { email, role: "member" };
		const sent = await sendJson("POST", `/api/v1/institutions/${inst.id}/invitations`, invite, {
			cookie: inst.owner.cookie,
		});
		expect(sent.status).toBe(201);
		const token = await invitationToken(email);
		const path = `/auth/invitations/${token}`;

		// A visitor opens the invitation and follows "Create an account".
		const invitationPage = await (await request(path)).text();
		const signUpHref = /href="(\/auth\/sign-up\?next=[^"]+)"/.exec(invitationPage)?.[1] ?? "";
		expect(signUpHref).toBe(`/auth/sign-up?next=${encodeURIComponent(path)}`);
		const signUpPage = await (await request(signUpHref)).text();
		const next = /<input type="hidden" name="next" value="([^"]+)"\/>/.exec(signUpPage)?.[1] ?? "";
		expect(next).toBe(path);

		// Signs up, and opens the link in the verification mail.
		const form = { email, name: "New Person", affiliation: "", country: "NL", password: "", next };
		const signedUp = await postForm("/auth/sign-up", form);
		expect(signedUp.status).toBe(303);
		const verified = await pressLinkButton(pathOf(await mailedLink(email, "/auth/verify")));
		expect([verified.status, verified.headers.get("Location")]).toEqual([303, path]);
		const cookie = sessionCookieFrom(verified) ?? "";

		// Back on the invitation, now signed in, and accepts.
		const back = await getAs(path, cookie);
		expect(await back.text()).toContain("Accept invitation");
		const accepted = await postForm(path, {}, cookie);

		expect(accepted.status).toBe(303);
		expect(accepted.headers.get("Location")).toBe(`/console/institutions/${inst.id}?notice=joined`);
		const newcomer = await env.DB.prepare("select id from users where email = ?").bind(email).first<{ id: string }>();
		const { results } = await env.DB.prepare(
			"select institution_id, user_id, role from institution_members where user_id = ?",
		)
			.bind(newcomer?.id)
			.all();
		expect(results).toEqual([{ institution_id: inst.id, user_id: newcomer?.id, role: "member" }]);
		expect(await institutionRoles(inst.id)).toEqual({
			[inst.owner.id]: "owner",
			[inst.admin.id]: "admin",
			[inst.member.id]: "member",
			[newcomer?.id ?? ""]: "member",
		});
		expect(await acceptedAt(token)).toEqual(expect.any(Number));
	});

	it("sends a visitor to sign in first (303), back to the invitation afterwards, and writes nothing", async () => {
		const { token } = await invited();
		const path = `/auth/invitations/${token}`;

		const res = await request(path, {
			method: "POST",
			headers: {
				"Content-Type": "application/x-www-form-urlencoded",
				Origin: ORIGIN,
				Referer: `${ORIGIN}${path}`,
			},
			redirect: "manual",
		});

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/auth/sign-in?next=${encodeURIComponent(path)}`);
		expect(await acceptedAt(token)).toBeNull();
	});

	it("refuses another address with 403 and a clear message, and writes nothing", async () => {
		const { inst, token } = await invited();
		const other = await createTestUser("wrong-address");

		const res = await postForm(`/auth/invitations/${token}`, {}, other.cookie);

		expect(res.status).toBe(403);
		expect(await res.text()).toContain("This invitation was sent to another address.");
		expect(await institutionRole(inst.id, other.id)).toBeNull();
		expect(await acceptedAt(token)).toBeNull();
	});

	it("refuses an account whose address is not confirmed yet (403)", async () => {
		const { inst, email, token } = await invited();
		const unconfirmed = await createUserWithEmail(email, { verified: false });

		const res = await postForm(`/auth/invitations/${token}`, {}, unconfirmed.cookie);

		expect(res.status).toBe(403);
		expect(await institutionRole(inst.id, unconfirmed.id)).toBeNull();
	});

	it("works once: the second use is 410 and changes nothing", async () => {
		const { inst, email, token } = await invited();
		const invitee = await createUserWithEmail(email);
		await postForm(`/auth/invitations/${token}`, {}, invitee.cookie);
		await env.DB.prepare("update institution_members set role = 'admin' where user_id = ?").bind(invitee.id).run();

		const res = await postForm(`/auth/invitations/${token}`, {}, invitee.cookie);

		expect(res.status).toBe(410);
		expect(await res.text()).toContain("This invitation has already been used.");
		expect(await institutionRole(inst.id, invitee.id)).toBe("admin");
	});

	it("answers an expired invitation with 410 and writes nothing", async () => {
		const { inst, email, token } = await invited();
		const invitee = await createUserWithEmail(email);
		await env.DB.prepare("update invitations set expires_at = ? where id = ?")
			.bind(Date.now() - 1000, token.split(".")[0])
			.run();

		const [page, post] = [
			await getAs(`/auth/invitations/${token}`, invitee.cookie),
			await postForm(`/auth/invitations/${token}`, {}, invitee.cookie),
		];

		expect([page.status, post.status]).toEqual([410, 410]);
		expect(await post.text()).toContain("This invitation has expired.");
		expect(await institutionRole(inst.id, invitee.id)).toBeNull();
		expect(await acceptedAt(token)).toBeNull();
	});

	it("answers a withdrawn invitation with 410 and writes nothing", async () => {
		const { inst, email, token } = await invited();
		const invitee = await createUserWithEmail(email);
		await sendJson("DELETE", `/api/v1/institutions/${inst.id}/invitations/${token.split(".")[0]}`, undefined, {
			cookie: inst.owner.cookie,
		});

		const res = await postForm(`/auth/invitations/${token}`, {}, invitee.cookie);

		expect(res.status).toBe(410);
		expect(await res.text()).toContain("This invitation was withdrawn.");
		expect(await institutionRole(inst.id, invitee.id)).toBeNull();
	});

	it("keeps the role of someone who became a member meanwhile, and uses the invitation up", async () => {
		const { inst, email, token } = await invited("member");
		const invitee = await createUserWithEmail(email);
		await addInstitutionMember(inst.id, invitee.id, "admin");

		const res = await postForm(`/auth/invitations/${token}`, {}, invitee.cookie);

		expect(res.status).toBe(303);
		expect(await institutionRole(inst.id, invitee.id)).toBe("admin");
		expect(await acceptedAt(token)).toEqual(expect.any(Number));
	});
});

describe("POST /api/v1/invitations/accept", () => {
	it("accepts for the signed-in invitee and says what was joined", async () => {
		const { inst, email, token } = await invited("admin");
		const invitee = await createUserWithEmail(email);

		const res = await sendJson("POST", "/api/v1/invitations/accept", { token }, { cookie: invitee.cookie });

		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({
			data: {
				scope: "institution",
				targetId: inst.id,
				name: "Institution accept",
				role: "admin",
				consoleUrl: `/console/institutions/${inst.id}`,
			},
		});
		expect(await institutionRole(inst.id, invitee.id)).toBe("admin");
	});

	it("lets only one of two simultaneous acceptances through", async () => {
		const { inst, email, token } = await invited();
		const invitee = await createUserWithEmail(email);
		const accept = () => sendJson("POST", "/api/v1/invitations/accept", { token }, { cookie: invitee.cookie });

		const statuses = (await Promise.all([accept(), accept()])).map((r) => r.status).sort();

		expect(statuses).toEqual([200, 410]);
		expect(await countRows("institution_members", "institution_id = ? and user_id = ?", inst.id, invitee.id)).toBe(1);
	});

	it("refuses another address with 403 and the data contract's body", async () => {
		const { token } = await invited();
		const other = await createTestUser("api-other");

		const res = await sendJson("POST", "/api/v1/invitations/accept", { token }, { cookie: other.cookie });

		expect(res.status).toBe(403);
		expect((await res.json<{ error: unknown }>()).error).toEqual({
			code: "invitation_wrong_address",
			message: "This invitation was sent to another address. Sign in with the address it was sent to.",
			requestId: expect.any(String),
		});
	});

	it("rejects a missing or overlong token with 400", async () => {
		const user = await createTestUser("api-bad");

		const [missing, long] = await Promise.all([
			sendJson("POST", "/api/v1/invitations/accept", {}, { cookie: user.cookie }),
			sendJson("POST", "/api/v1/invitations/accept", { token: "x".repeat(201) }, { cookie: user.cookie }),
		]);

		expect([missing.status, long.status]).toEqual([400, 400]);
		expect((await missing.json<{ error: { fields: unknown } }>()).error.fields).toEqual({
			token: "Give the invitation token from the link.",
		});
	});

	it("is not for API tokens (403): accepting is a personal act", async () => {
		const { inst, email, token } = await invited();
		const invitee = await createUserWithEmail(email);
		const other = await createTestInstitution("token-home");
		await addInstitutionMember(other.id, invitee.id, "member");
		const bearer = await createApiToken(invitee.id, { access: "write", institutionId: other.id });

		const res = await sendJson("POST", "/api/v1/invitations/accept", { token }, { bearer });

		expect(res.status).toBe(403);
		expect(await institutionRole(inst.id, invitee.id)).toBeNull();
	});

	it("makes a steward of the series for a steward invitation", async () => {
		const steward = await createUserWithEmail(freshEmail("steward"));
		await env.DB.prepare("insert into series_stewards (series_id, user_id) values ('seed-series-ainm', ?)")
			.bind(steward.id)
			.run();
		const email = freshEmail("new-steward");
		await sendJson("POST", "/api/v1/series/ainm/stewards", { email }, { cookie: steward.cookie });
		const invitee = await createUserWithEmail(email);

		const res = await sendJson(
			"POST",
			"/api/v1/invitations/accept",
			{ token: await invitationToken(email) },
			{ cookie: invitee.cookie },
		);

		expect(res.status).toBe(200);
		expect(await countRows("series_stewards", "series_id = 'seed-series-ainm' and user_id = ?", invitee.id)).toBe(1);
	});

	it("makes a mentor with the chair's last day for a mentor invitation", async () => {
		const editionId = await createTestEdition();
		const chair = await createUserWithEmail(freshEmail("chair"));
		await env.DB.prepare("insert into edition_members (edition_id, user_id, role) values (?, ?, 'chair')")
			.bind(editionId, chair.id)
			.run();
		const email = freshEmail("mentor");
		await sendJson(
			"POST",
			`/api/v1/editions/${editionId}/invitations`,
			{ email, role: "mentor", mentorUntil: "2099-12-31" },
			{ cookie: chair.cookie },
		);
		const invitee = await createUserWithEmail(email);

		await sendJson(
			"POST",
			"/api/v1/invitations/accept",
			{ token: await invitationToken(email) },
			{ cookie: invitee.cookie },
		);

		const row = await env.DB.prepare(
			"select role, mentor_until from edition_members where edition_id = ? and user_id = ?",
		)
			.bind(editionId, invitee.id)
			.first();
		expect(row).toEqual({ role: "mentor", mentor_until: "2099-12-31" });
	});
});
