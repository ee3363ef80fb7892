import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../../src/auth/secrets";
import { transferOwnership } from "../../../src/features/institutions/institutions";
import { createTestUser, getAs, mailsTo, sendJson } from "../../auth-helpers";
import { request, testDb } from "../../helpers";
import {
	addInstitutionMember,
	countRows,
	createApiToken,
	createTestInstitution,
	freshEmail,
	institutionRole,
	institutionRoles,
	invitationToken,
} from "../invitations/helpers";

type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string> } };

const slug = () => `inst-${crypto.randomUUID().slice(0, 8)}`;

describe("POST /api/v1/institutions", () => {
	it("creates the institution with the creator as its only member, an owner", async () => {
		const user = await createTestUser("creator");
		const s = slug();

		const res = await sendJson(
			"POST",
			"/api/v1/institutions",
			{ slug: s, name: "  Erasmus MC ", city: "Rotterdam", country: "nl" },
			{ cookie: user.cookie },
		);

		expect(res.status).toBe(201);
		const { data } = await res.json<{ data: { id: string } }>();
		expect(data).toEqual({ id: data.id, slug: s, name: "Erasmus MC", city: "Rotterdam", country: "NL", role: "owner" });
		expect(await institutionRoles(data.id)).toEqual({ [user.id]: "owner" });
	});

	it("answers a taken slug with 409 on the slug field and writes nothing", async () => {
		const { slug: taken, owner } = await createTestInstitution("taken");
		const before = await countRows("institution_members");

		const res = await sendJson(
			"POST",
			"/api/v1/institutions",
			{ slug: taken, name: "Another", country: "NL" },
			{ cookie: owner.cookie },
		);

		expect(res.status).toBe(409);
		expect((await res.json<ErrorJson>()).error).toMatchObject({
			code: "slug_taken",
			fields: { slug: "This slug is taken." },
		});
		expect(await countRows("institutions", "slug = ?", taken)).toBe(1);
		expect(await countRows("institution_members")).toBe(before);
	});

	it("rejects missing, malformed and overlong fields with 400, a message per field, and writes nothing", async () => {
		const user = await createTestUser("bad-input");
		const before = await countRows("institutions");

		const res = await sendJson(
			"POST",
			"/api/v1/institutions",
			{ slug: "Not A Slug", name: "x".repeat(201), country: "XX" },
			{ cookie: user.cookie },
		);

		expect(res.status).toBe(400);
		expect((await res.json<ErrorJson>()).error).toEqual({
			code: "invalid_input",
			message: "Some fields are missing or invalid.",
			fields: {
				slug: "Use lowercase letters, digits and single hyphens, e.g. umcg.",
				name: "Use at most 200 characters.",
				country: "Use a two-letter ISO 3166-1 country code, e.g. NL.",
			},
			requestId: expect.any(String),
		});
		expect(await countRows("institutions")).toBe(before);
	});

	it("names each missing field", async () => {
		const user = await createTestUser("missing");

		const res = await sendJson("POST", "/api/v1/institutions", {}, { cookie: user.cookie });

		expect(res.status).toBe(400);
		expect((await res.json<ErrorJson>()).error.fields).toEqual({
			slug: "Give a short address, e.g. umcg.",
			name: "Give the institution's name.",
			country: "Choose a country.",
		});
	});

	it("asks for sign-in (401) and writes nothing", async () => {
		const before = await countRows("institutions");

		const res = await sendJson("POST", "/api/v1/institutions", { slug: slug(), name: "Anonymous", country: "NL" });

		expect(res.status).toBe(401);
		expect(await countRows("institutions")).toBe(before);
	});

	it("refuses a personal API token (403): institutions are created by people", async () => {
		const user = await createTestUser("token-creator");
		const { id } = await createTestInstitution("token-scope");
		const bearer = await createApiToken(user.id, { access: "write", institutionId: id });

		const res = await sendJson(
			"POST",
			"/api/v1/institutions",
			{ slug: slug(), name: "By token", country: "NL" },
			{ bearer },
		);

		expect(res.status).toBe(403);
	});
});

describe("GET /api/v1/institutions", () => {
	it("lists exactly the caller's institutions with their role", async () => {
		const a = await createTestInstitution("list-a");
		const b = await createTestInstitution("list-b");
		await addInstitutionMember(b.id, a.member.id, "admin");

		const res = await getAs("/api/v1/institutions", a.member.cookie);

		expect(res.status).toBe(200);
		const { data } = await res.json<{ data: { id: string; role: string }[] }>();
		expect(data.map(({ id, role }) => ({ id, role })).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
			[
				{ id: a.id, role: "member" },
				{ id: b.id, role: "admin" },
			].sort((x, y) => x.id.localeCompare(y.id)),
		);
	});

	it("lists only the institution a scoped token is for", async () => {
		const a = await createTestInstitution("scoped-a");
		const b = await createTestInstitution("scoped-b");
		await addInstitutionMember(b.id, a.owner.id, "member");
		const bearer = await createApiToken(a.owner.id, { access: "read", institutionId: a.id });

		const res = await sendJson("GET", "/api/v1/institutions", undefined, { bearer });

		expect((await res.json<{ data: { id: string }[] }>()).data.map((i) => i.id)).toEqual([a.id]);
	});
});

describe("GET and PATCH /api/v1/institutions/{id}", () => {
	it("shows a member the institution with their role", async () => {
		const inst = await createTestInstitution("view");

		const res = await getAs(`/api/v1/institutions/${inst.id}`, inst.member.cookie);

		expect(res.status).toBe(200);
		expect((await res.json<{ data: unknown }>()).data).toEqual({
			id: inst.id,
			slug: inst.slug,
			name: "Institution view",
			city: "Groningen",
			country: "NL",
			role: "member",
		});
	});

	it("lets an admin change the details", async () => {
		const inst = await createTestInstitution("patch");

		const res = await sendJson(
			"PATCH",
			`/api/v1/institutions/${inst.id}`,
			{ name: "Renamed", city: "" },
			{ cookie: inst.admin.cookie },
		);

		expect(res.status).toBe(200);
		expect((await res.json<{ data: unknown }>()).data).toMatchObject({ name: "Renamed", city: "", role: "admin" });
	});

	it("refuses a plain member (403) and changes nothing", async () => {
		const inst = await createTestInstitution("patch-member");

		const res = await sendJson(
			"PATCH",
			`/api/v1/institutions/${inst.id}`,
			{ name: "Hijacked" },
			{ cookie: inst.member.cookie },
		);

		expect(res.status).toBe(403);
		expect(await countRows("institutions", "id = ? and name = 'Institution patch-member'", inst.id)).toBe(1);
	});

	it("rejects an empty change with 400", async () => {
		const inst = await createTestInstitution("patch-empty");

		const res = await sendJson("PATCH", `/api/v1/institutions/${inst.id}`, {}, { cookie: inst.owner.cookie });

		expect(res.status).toBe(400);
		expect((await res.json<ErrorJson>()).error.fields).toEqual({ _: "Give at least one field to change." });
	});

	it("refuses a read-only token (403) for a change its owner could make", async () => {
		const inst = await createTestInstitution("read-token");
		const bearer = await createApiToken(inst.owner.id, { access: "read", institutionId: inst.id });

		const res = await sendJson("PATCH", `/api/v1/institutions/${inst.id}`, { name: "By token" }, { bearer });

		expect(res.status).toBe(403);
	});
});

describe("GET /api/v1/institutions/{id}/members", () => {
	it("lists owners, then admins, then members, with names and addresses", async () => {
		const inst = await createTestInstitution("members");

		const res = await getAs(`/api/v1/institutions/${inst.id}/members`, inst.member.cookie);

		expect(res.status).toBe(200);
		const { data } = await res.json<{ data: { userId: string; role: string; email: string }[] }>();
		expect(data.map(({ userId, role, email }) => ({ userId, role, email }))).toEqual([
			{ userId: inst.owner.id, role: "owner", email: inst.owner.email },
			{ userId: inst.admin.id, role: "admin", email: inst.admin.email },
			{ userId: inst.member.id, role: "member", email: inst.member.email },
		]);
	});
});

describe("PATCH /api/v1/institutions/{id}/members/{userId}", () => {
	it("lets an admin promote a member to admin", async () => {
		const inst = await createTestInstitution("promote");

		const res = await sendJson(
			"PATCH",
			`/api/v1/institutions/${inst.id}/members/${inst.member.id}`,
			{ role: "admin" },
			{ cookie: inst.admin.cookie },
		);

		expect(res.status).toBe(200);
		expect((await res.json<{ data: { role: string } }>()).data.role).toBe("admin");
		expect(await institutionRole(inst.id, inst.member.id)).toBe("admin");
	});

	it("does not let an admin demote an owner (403)", async () => {
		const inst = await createTestInstitution("demote-owner");

		const res = await sendJson(
			"PATCH",
			`/api/v1/institutions/${inst.id}/members/${inst.owner.id}`,
			{ role: "member" },
			{ cookie: inst.admin.cookie },
		);

		expect(res.status).toBe(403);
		expect(await institutionRole(inst.id, inst.owner.id)).toBe("owner");
	});

	it("does not let an admin make anyone owner (403)", async () => {
		const inst = await createTestInstitution("admin-makes-owner");

		const res = await sendJson(
			"PATCH",
			`/api/v1/institutions/${inst.id}/members/${inst.admin.id}`,
			{ role: "owner" },
			{ cookie: inst.admin.cookie },
		);

		expect(res.status).toBe(403);
		expect(await institutionRole(inst.id, inst.admin.id)).toBe("admin");
	});

	it("lets an owner make a second owner", async () => {
		const inst = await createTestInstitution("second-owner");

		const res = await sendJson(
			"PATCH",
			`/api/v1/institutions/${inst.id}/members/${inst.admin.id}`,
			{ role: "owner" },
			{ cookie: inst.owner.cookie },
		);

		expect(res.status).toBe(200);
		expect(await institutionRoles(inst.id)).toEqual({
			[inst.owner.id]: "owner",
			[inst.admin.id]: "owner",
			[inst.member.id]: "member",
		});
	});

	it("keeps the last owner (422) when they try to demote themselves", async () => {
		const inst = await createTestInstitution("last-owner-demote");

		const res = await sendJson(
			"PATCH",
			`/api/v1/institutions/${inst.id}/members/${inst.owner.id}`,
			{ role: "admin" },
			{ cookie: inst.owner.cookie },
		);

		expect(res.status).toBe(422);
		expect((await res.json<ErrorJson>()).error).toMatchObject({
			code: "last_owner",
			message: "An institution always keeps an owner: make another member owner first.",
		});
		expect(await institutionRole(inst.id, inst.owner.id)).toBe("owner");
	});

	it("rejects an unknown role with 400 and changes nothing", async () => {
		const inst = await createTestInstitution("unknown-role");

		const res = await sendJson(
			"PATCH",
			`/api/v1/institutions/${inst.id}/members/${inst.member.id}`,
			{ role: "emperor" },
			{ cookie: inst.owner.cookie },
		);

		expect(res.status).toBe(400);
		expect((await res.json<ErrorJson>()).error.fields).toEqual({ role: "Choose owner, admin or member." });
		expect(await institutionRole(inst.id, inst.member.id)).toBe("member");
	});

	it("answers 404 for someone who is not a member", async () => {
		const inst = await createTestInstitution("not-member");
		const outsider = await createTestUser("outsider");

		const res = await sendJson(
			"PATCH",
			`/api/v1/institutions/${inst.id}/members/${outsider.id}`,
			{ role: "admin" },
			{ cookie: inst.owner.cookie },
		);

		expect(res.status).toBe(404);
		expect(await institutionRole(inst.id, outsider.id)).toBeNull();
	});
});

describe("DELETE /api/v1/institutions/{id}/members/{userId}", () => {
	it("lets an admin remove a member", async () => {
		const inst = await createTestInstitution("remove");

		const res = await sendJson("DELETE", `/api/v1/institutions/${inst.id}/members/${inst.member.id}`, undefined, {
			cookie: inst.admin.cookie,
		});

		expect(res.status).toBe(204);
		expect(await institutionRoles(inst.id)).toEqual({ [inst.owner.id]: "owner", [inst.admin.id]: "admin" });
	});

	it("does not let an admin remove an owner (403)", async () => {
		const inst = await createTestInstitution("remove-owner");

		const res = await sendJson("DELETE", `/api/v1/institutions/${inst.id}/members/${inst.owner.id}`, undefined, {
			cookie: inst.admin.cookie,
		});

		expect(res.status).toBe(403);
		expect(await institutionRole(inst.id, inst.owner.id)).toBe("owner");
	});

	it("does not let a member remove anyone (403)", async () => {
		const inst = await createTestInstitution("member-removes");

		const res = await sendJson("DELETE", `/api/v1/institutions/${inst.id}/members/${inst.admin.id}`, undefined, {
			cookie: inst.member.cookie,
		});

		expect(res.status).toBe(403);
		expect(await institutionRole(inst.id, inst.admin.id)).toBe("admin");
	});

	it("keeps the last owner (422) even when they remove themselves", async () => {
		const inst = await createTestInstitution("remove-last-owner");

		const res = await sendJson("DELETE", `/api/v1/institutions/${inst.id}/members/${inst.owner.id}`, undefined, {
			cookie: inst.owner.cookie,
		});

		expect(res.status).toBe(422);
		expect(await institutionRole(inst.id, inst.owner.id)).toBe("owner");
	});
});

describe("POST /api/v1/institutions/{id}/leave", () => {
	it("lets a member leave", async () => {
		const inst = await createTestInstitution("leave");

		const res = await sendJson("POST", `/api/v1/institutions/${inst.id}/leave`, undefined, {
			cookie: inst.member.cookie,
		});

		expect(res.status).toBe(204);
		expect(await institutionRole(inst.id, inst.member.id)).toBeNull();
	});

	it("keeps the last owner (422) with a message saying what to do", async () => {
		const inst = await createTestInstitution("leave-last-owner");

		const res = await sendJson("POST", `/api/v1/institutions/${inst.id}/leave`, undefined, {
			cookie: inst.owner.cookie,
		});

		expect(res.status).toBe(422);
		expect((await res.json<ErrorJson>()).error.message).toBe(
			"You are the last owner: make another member owner first.",
		);
		expect(await institutionRole(inst.id, inst.owner.id)).toBe("owner");
	});

	it("lets one of two owners leave", async () => {
		const inst = await createTestInstitution("leave-co-owner");
		await sendJson(
			"PATCH",
			`/api/v1/institutions/${inst.id}/members/${inst.admin.id}`,
			{ role: "owner" },
			{ cookie: inst.owner.cookie },
		);

		const res = await sendJson("POST", `/api/v1/institutions/${inst.id}/leave`, undefined, {
			cookie: inst.owner.cookie,
		});

		expect(res.status).toBe(204);
		expect(await institutionRoles(inst.id)).toEqual({ [inst.admin.id]: "owner", [inst.member.id]: "member" });
	});
});

describe("POST /api/v1/institutions/{id}/transfer", () => {
	it("makes the member owner and the old owner admin", async () => {
		const inst = await createTestInstitution("transfer");

		const res = await sendJson(
			"POST",
			`/api/v1/institutions/${inst.id}/transfer`,
			{ userId: inst.member.id },
			{ cookie: inst.owner.cookie },
		);

		expect(res.status).toBe(200);
		expect(await institutionRoles(inst.id)).toEqual({
			[inst.owner.id]: "admin",
			[inst.admin.id]: "admin",
			[inst.member.id]: "owner",
		});
	});

	it("refuses a non-member as new owner (422) and changes no role", async () => {
		const inst = await createTestInstitution("transfer-outsider");
		const outsider = await createTestUser("transfer-outsider");

		const res = await sendJson(
			"POST",
			`/api/v1/institutions/${inst.id}/transfer`,
			{ userId: outsider.id },
			{ cookie: inst.owner.cookie },
		);

		expect(res.status).toBe(422);
		expect((await res.json<ErrorJson>()).error.fields).toEqual({
			userId: "Only a member can become owner: invite them first.",
		});
		expect(await institutionRoles(inst.id)).toEqual({
			[inst.owner.id]: "owner",
			[inst.admin.id]: "admin",
			[inst.member.id]: "member",
		});
	});

	it("is for owners only: an admin gets 403", async () => {
		const inst = await createTestInstitution("transfer-admin");

		const res = await sendJson(
			"POST",
			`/api/v1/institutions/${inst.id}/transfer`,
			{ userId: inst.admin.id },
			{ cookie: inst.admin.cookie },
		);

		expect(res.status).toBe(403);
		expect(await institutionRole(inst.id, inst.owner.id)).toBe("owner");
	});

	it("writes both roles or neither: from someone who no longer owns, nobody is promoted", async () => {
		// The batch's two updates each require the other's precondition; here the "old owner" is an
		// admin (as after a concurrent demotion), so the promotion must not happen either.
		const inst = await createTestInstitution("transfer-atomic");

		const attempt = transferOwnership(testDb(), {
			institutionId: inst.id,
			fromUserId: inst.admin.id,
			toUserId: inst.member.id,
		});

		await expect(attempt).rejects.toMatchObject({ status: 422, code: "not_owner" });
		expect(await institutionRoles(inst.id)).toEqual({
			[inst.owner.id]: "owner",
			[inst.admin.id]: "admin",
			[inst.member.id]: "member",
		});
	});
});

describe("POST /api/v1/institutions/{id}/invitations", () => {
	it("stores an invitation for 7 days and mails the single-use link", async () => {
		const inst = await createTestInstitution("invite");
		const email = freshEmail("invitee");
		const before = Date.now();

		const res = await sendJson(
			"POST",
			`/api/v1/institutions/${inst.id}/invitations`,
			{ email: `  ${email.toUpperCase()} `, role: "admin" },
			{ cookie: inst.admin.cookie },
		);

		expect(res.status).toBe(201);
		const { data } = await res.json<{ data: { id: string; expiresAt: string } }>();
		expect(data).toEqual({
			id: data.id,
			email,
			role: "admin",
			mentorUntil: null,
			expiresAt: data.expiresAt,
			createdAt: expect.any(String),
			invitedByName: inst.admin.name,
		});
		const ttl = Date.parse(data.expiresAt) - before;
		expect(ttl).toBeGreaterThanOrEqual(7 * 86_400_000 - 1000);
		expect(ttl).toBeLessThanOrEqual(7 * 86_400_000 + 60_000);
		const mails = await mailsTo(email);
		// The Subject holds no name (issue 11: the inviting side chooses names); the text says what is offered.
		expect(mails.map((m) => m.subject)).toEqual(["You are invited to join an institution on Baton"]);
		expect(mails[0]?.text).toContain(`${inst.admin.name} invited you to join Institution invite as an admin on Baton.`);
		const token = await invitationToken(email);
		expect(token.startsWith(`${data.id}.`)).toBe(true);
	});

	it("stores only the SHA-256 of the link's secret", async () => {
		const inst = await createTestInstitution("invite-hash");
		const email = freshEmail("hash");
		await sendJson(
			"POST",
			`/api/v1/institutions/${inst.id}/invitations`,
			{ email, role: "member" },
			{ cookie: inst.owner.cookie },
		);
		const [id, secret] = (await invitationToken(email)).split(".");

		const row = await testDb().query.invitations.findFirst({ where: (i, { eq }) => eq(i.id, id ?? "") });

		expect(row?.secretHash).toBe(await sha256Hex(secret ?? ""));
	});

	it("rejects a malformed address and an owner role with 400 and writes nothing", async () => {
		const inst = await createTestInstitution("invite-bad");
		const before = [await countRows("invitations"), await countRows("outbox")];

		const res = await sendJson(
			"POST",
			`/api/v1/institutions/${inst.id}/invitations`,
			{ email: "not-an-address", role: "owner" },
			{ cookie: inst.owner.cookie },
		);

		expect(res.status).toBe(400);
		expect((await res.json<ErrorJson>()).error.fields).toEqual({
			email: "Enter a valid email address, e.g. ada@example.org.",
			role: "Choose admin or member.",
		});
		expect([await countRows("invitations"), await countRows("outbox")]).toEqual(before);
	});

	it("refuses to invite someone who is already a member (422)", async () => {
		const inst = await createTestInstitution("invite-member");

		const res = await sendJson(
			"POST",
			`/api/v1/institutions/${inst.id}/invitations`,
			{ email: inst.member.email, role: "admin" },
			{ cookie: inst.owner.cookie },
		);

		expect(res.status).toBe(422);
		expect(await countRows("invitations", "target_id = ?", inst.id)).toBe(0);
	});

	it("replaces a pending invitation to the same address: only the newest link is open", async () => {
		const inst = await createTestInstitution("invite-twice");
		const email = freshEmail("twice");
		const invite = () =>
			sendJson(
				"POST",
				`/api/v1/institutions/${inst.id}/invitations`,
				{ email, role: "member" },
				{ cookie: inst.owner.cookie },
			);
		await invite();
		await invite();

		const res = await getAs(`/api/v1/institutions/${inst.id}/invitations`, inst.owner.cookie);

		const { data } = await res.json<{ data: { email: string }[] }>();
		expect(data.map((i) => i.email)).toEqual([email]);
		expect(await countRows("invitations", "target_id = ? and revoked_at is not null", inst.id)).toBe(1);
	});

	it("does not let a member invite (403)", async () => {
		const inst = await createTestInstitution("invite-by-member");

		const res = await sendJson(
			"POST",
			`/api/v1/institutions/${inst.id}/invitations`,
			{ email: freshEmail("x"), role: "member" },
			{ cookie: inst.member.cookie },
		);

		expect(res.status).toBe(403);
		expect(await countRows("invitations", "target_id = ?", inst.id)).toBe(0);
	});
});

describe("DELETE /api/v1/institutions/{id}/invitations/{invitationId}", () => {
	it("withdraws a pending invitation, so it is no longer listed", async () => {
		const inst = await createTestInstitution("revoke");
		const created = await sendJson(
			"POST",
			`/api/v1/institutions/${inst.id}/invitations`,
			{ email: freshEmail("revoke"), role: "member" },
			{ cookie: inst.owner.cookie },
		);
		const { data } = await created.json<{ data: { id: string } }>();

		const res = await sendJson("DELETE", `/api/v1/institutions/${inst.id}/invitations/${data.id}`, undefined, {
			cookie: inst.admin.cookie,
		});

		expect(res.status).toBe(204);
		const list = await (await getAs(`/api/v1/institutions/${inst.id}/invitations`, inst.owner.cookie)).json<{
			data: [];
		}>();
		expect(list.data).toEqual([]);
	});

	it("answers 404 for an invitation of another institution and leaves it open", async () => {
		const a = await createTestInstitution("revoke-a");
		const b = await createTestInstitution("revoke-b");
		const created = await sendJson(
			"POST",
			`/api/v1/institutions/${b.id}/invitations`,
			{ email: freshEmail("b-invitee"), role: "member" },
			{ cookie: b.owner.cookie },
		);
		const { data } = await created.json<{ data: { id: string } }>();

		const res = await sendJson("DELETE", `/api/v1/institutions/${a.id}/invitations/${data.id}`, undefined, {
			cookie: a.owner.cookie,
		});

		expect(res.status).toBe(404);
		expect(await countRows("invitations", "id = ? and revoked_at is null", data.id)).toBe(1);
	});
});

describe("institution B for a member of institution A", () => {
	async function twoInstitutions() {
		const a = await createTestInstitution("tenant-a");
		const b = await createTestInstitution("tenant-b");
		// B has data that could leak: a pending invitation.
		await sendJson(
			"POST",
			`/api/v1/institutions/${b.id}/invitations`,
			{ email: freshEmail("b-secret"), role: "admin" },
			{ cookie: b.owner.cookie },
		);
		return { a, b };
	}

	it("is a 404 to read, with the same body as an id that does not exist", async () => {
		const { a, b } = await twoInstitutions();

		const responses = await Promise.all([
			getAs(`/api/v1/institutions/${b.id}`, a.owner.cookie),
			getAs(`/api/v1/institutions/${b.id}/members`, a.owner.cookie),
			getAs(`/api/v1/institutions/${b.id}/invitations`, a.owner.cookie),
			getAs("/api/v1/institutions/no-such-id", a.owner.cookie),
		]);

		expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404]);
		const bodies = await Promise.all(responses.map(async (r) => (await r.json<ErrorJson>()).error.message));
		expect(new Set(bodies)).toEqual(new Set(["This does not exist."]));
	});

	it("is a 404 to change, and nothing changes", async () => {
		const { a, b } = await twoInstitutions();
		const before = [await institutionRoles(b.id), await countRows("invitations", "target_id = ?", b.id)];
		const as = { cookie: a.owner.cookie };

		const statuses = await Promise.all([
			sendJson("PATCH", `/api/v1/institutions/${b.id}`, { name: "Taken over" }, as),
			sendJson("PATCH", `/api/v1/institutions/${b.id}/members/${b.member.id}`, { role: "admin" }, as),
			sendJson("DELETE", `/api/v1/institutions/${b.id}/members/${b.member.id}`, undefined, as),
			sendJson("POST", `/api/v1/institutions/${b.id}/invitations`, { email: a.owner.email, role: "admin" }, as),
			sendJson("POST", `/api/v1/institutions/${b.id}/leave`, undefined, as),
			sendJson("POST", `/api/v1/institutions/${b.id}/transfer`, { userId: a.owner.id }, as),
		]).then((rs) => rs.map((r) => r.status));

		expect(statuses).toEqual([404, 404, 404, 404, 404, 404]);
		expect([await institutionRoles(b.id), await countRows("invitations", "target_id = ?", b.id)]).toEqual(before);
		expect(await countRows("institutions", "id = ? and name = 'Institution tenant-b'", b.id)).toBe(1);
	});
});

describe("GET /api/openapi.json", () => {
	it("documents every institution operation with the API token security scheme", async () => {
		const doc = await (await request("/api/openapi.json")).json<{
			security: unknown;
			paths: Record<string, Record<string, { security?: unknown }>>;
		}>();

		const operations = Object.entries(doc.paths)
			.filter(([path]) => path.startsWith("/api/v1/institutions"))
			.flatMap(([path, ops]) =>
				// The security in force: the operation's own, else the document's.
				Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op.security ?? doc.security]),
			);
		expect(Object.fromEntries(operations)).toEqual(
			Object.fromEntries(
				[
					"GET /api/v1/institutions",
					"POST /api/v1/institutions",
					"GET /api/v1/institutions/{id}",
					"PATCH /api/v1/institutions/{id}",
					"GET /api/v1/institutions/{id}/members",
					"PATCH /api/v1/institutions/{id}/members/{userId}",
					"DELETE /api/v1/institutions/{id}/members/{userId}",
					"GET /api/v1/institutions/{id}/invitations",
					"POST /api/v1/institutions/{id}/invitations",
					"DELETE /api/v1/institutions/{id}/invitations/{invitationId}",
					"POST /api/v1/institutions/{id}/leave",
					"POST /api/v1/institutions/{id}/transfer",
					"GET /api/v1/institutions/{id}/audit",
				].map((op) => [op, [{ apiToken: [] }]]),
			),
		);
	});
});
