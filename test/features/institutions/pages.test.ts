import { describe, expect, it } from "vitest";
import { createTestUser, getAs, mailsTo, postForm } from "../../auth-helpers";
import { request } from "../../helpers";
import {
	countRows,
	createTestInstitution,
	freshEmail,
	institutionRole,
	institutionRoles,
	invitationToken,
} from "../invitations/helpers";

const page = (id: string) => `/console/institutions/${id}`;

describe("signed-out visitors", () => {
	it("are sent to sign in, and back to the page afterwards", async () => {
		const res = await getAs("/console/institutions/some-id");

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(
			`/auth/sign-in?next=${encodeURIComponent("/console/institutions/some-id")}`,
		);
	});

	it("cannot create an institution by posting the form", async () => {
		const before = await countRows("institutions");

		const res = await postForm("/console/institutions", { slug: "anon", name: "Anonymous", country: "NL" });

		expect(res.status).toBe(303);
		expect(await countRows("institutions")).toBe(before);
	});
});

describe("/console/institutions", () => {
	it("lists my institutions with my role", async () => {
		const inst = await createTestInstitution("listed");

		const html = await (await getAs("/console/institutions", inst.admin.cookie)).text();

		expect(html).toContain(`<a href="${page(inst.id)}">Institution listed</a>`);
		expect(html).toContain('<span class="badge">Admin</span>');
	});

	it("creates an institution from the form and leads to it with a notice", async () => {
		const user = await createTestUser("form-creator");
		const slug = `form-${crypto.randomUUID().slice(0, 8)}`;

		const res = await postForm(
			"/console/institutions",
			{ name: "Radboudumc", slug, city: "Nijmegen", country: "NL" },
			user.cookie,
		);

		expect(res.status).toBe(303);
		const location = res.headers.get("Location") ?? "";
		const id = /^\/console\/institutions\/([^?]+)\?notice=created$/.exec(location)?.[1] ?? "";
		expect(await institutionRoles(id)).toEqual({ [user.id]: "owner" });
		const html = await (await getAs(location, user.cookie)).text();
		expect(html).toContain("Institution created. You are its owner.");
	});

	it("shows the form again with a message beside each bad field (400) and writes nothing", async () => {
		const user = await createTestUser("form-bad");
		const before = await countRows("institutions");

		const res = await postForm(
			"/console/institutions",
			{ name: "", slug: "No Good", city: "", country: "" },
			user.cookie,
		);

		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('<p class="field-error" id="field-name-error">Give the institution&#39;s full name.</p>');
		expect(html).toContain(
			'<p class="field-error" id="field-slug-error">Use lowercase letters, digits and single hyphens, e.g. umcg.</p>',
		);
		expect(html).toContain('<p class="field-error" id="field-country-error">');
		expect(html).toContain('value="No Good"');
		expect(await countRows("institutions")).toBe(before);
	});

	it("shows a taken slug beside the slug field (409)", async () => {
		const existing = await createTestInstitution("form-taken");
		const user = await createTestUser("form-taken");

		const res = await postForm(
			"/console/institutions",
			{ name: "Copycat", slug: existing.slug, city: "", country: "NL" },
			user.cookie,
		);

		expect(res.status).toBe(409);
		expect(await res.text()).toContain('<p class="field-error" id="field-slug-error">This slug is taken.</p>');
		expect(await countRows("institutions", "slug = ?", existing.slug)).toBe(1);
	});

	it("rejects a form posted from another site (CSRF) and writes nothing", async () => {
		const user = await createTestUser("csrf");
		const before = await countRows("institutions");

		const res = await request("/console/institutions", {
			method: "POST",
			headers: {
				"Content-Type": "application/x-www-form-urlencoded",
				Origin: "https://evil.example",
				Cookie: user.cookie,
			},
			body: new URLSearchParams({ name: "Evil", slug: "evil", country: "NL" }).toString(),
			redirect: "manual",
		});

		expect(res.status).toBe(403);
		expect(await countRows("institutions")).toBe(before);
	});
});

describe("/console/institutions/{id}", () => {
	it("shows an owner every form", async () => {
		const inst = await createTestInstitution("owner-view");

		const html = await (await getAs(page(inst.id), inst.owner.cookie)).text();

		for (const action of ["/invitations", "", "/transfer", "/leave"]) {
			expect(html).toContain(`action="${page(inst.id)}${action}"`);
		}
		expect(html).toContain(`href="${page(inst.id)}/members/${inst.member.id}"`);
	});

	it("shows a member the members but only the leave button", async () => {
		const inst = await createTestInstitution("member-view");

		const html = await (await getAs(page(inst.id), inst.member.cookie)).text();

		expect(html).toContain(inst.owner.email);
		expect([...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => m[1])).toEqual([
			"/auth/sign-out",
			`${page(inst.id)}/leave`,
		]);
		expect(html).not.toContain("/members/");
	});

	it("does not offer an admin to manage the owner", async () => {
		const inst = await createTestInstitution("admin-view");

		const html = await (await getAs(page(inst.id), inst.admin.cookie)).text();

		expect(html).toContain(`href="${page(inst.id)}/members/${inst.member.id}"`);
		expect(html).not.toContain(`href="${page(inst.id)}/members/${inst.owner.id}"`);
		expect(html).not.toContain(`action="${page(inst.id)}/transfer"`);
	});

	it("is a 404 page for a member of another institution, showing none of its data", async () => {
		const a = await createTestInstitution("page-a");
		const b = await createTestInstitution("page-b");
		const secret = freshEmail("b-pending");
		await postForm(`${page(b.id)}/invitations`, { email: secret, role: "admin" }, b.owner.cookie);

		const res = await getAs(page(b.id), a.owner.cookie);

		expect(res.status).toBe(404);
		const html = await res.text();
		expect(html).not.toContain("Institution page-b");
		expect(html).not.toContain(secret);
		expect(html).not.toContain(b.member.email);
	});

	it("is a 404 to every form of another institution, and nothing changes", async () => {
		const a = await createTestInstitution("forms-a");
		const b = await createTestInstitution("forms-b");
		const before = await institutionRoles(b.id);

		const statuses = await Promise.all([
			postForm(page(b.id), { name: "Taken", city: "", country: "NL" }, a.owner.cookie),
			postForm(`${page(b.id)}/invitations`, { email: a.owner.email, role: "admin" }, a.owner.cookie),
			postForm(`${page(b.id)}/transfer`, { userId: a.owner.id }, a.owner.cookie),
			postForm(`${page(b.id)}/leave`, {}, a.owner.cookie),
			postForm(`${page(b.id)}/members/${b.member.id}`, { role: "owner" }, a.owner.cookie),
			postForm(`${page(b.id)}/members/${b.member.id}/remove`, {}, a.owner.cookie),
		]).then((rs) => rs.map((r) => r.status));

		expect(statuses).toEqual([404, 404, 404, 404, 404, 404]);
		expect(await institutionRoles(b.id)).toEqual(before);
		expect(await countRows("invitations", "target_id = ?", b.id)).toBe(0);
	});
});

describe("institution forms", () => {
	it("saves the details and says so", async () => {
		const inst = await createTestInstitution("details");

		const res = await postForm(
			page(inst.id),
			{ name: "Renamed", city: "Leeuwarden", country: "NL" },
			inst.admin.cookie,
		);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`${page(inst.id)}?notice=updated`);
		expect(await countRows("institutions", "id = ? and name = 'Renamed' and city = 'Leeuwarden'", inst.id)).toBe(1);
	});

	it("sends an invitation and lists it as pending", async () => {
		const inst = await createTestInstitution("invite-form");
		const email = freshEmail("form-invitee");

		const res = await postForm(`${page(inst.id)}/invitations`, { email, role: "admin" }, inst.admin.cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`${page(inst.id)}?notice=invited#invite`);
		expect((await mailsTo(email)).length).toBe(1);
		const html = await (await getAs(page(inst.id), inst.admin.cookie)).text();
		expect(html).toContain(`<td>${email}</td>`);
	});

	it("shows a malformed address beside the field (400) and sends nothing", async () => {
		const inst = await createTestInstitution("invite-form-bad");

		const res = await postForm(`${page(inst.id)}/invitations`, { email: "nobody", role: "member" }, inst.owner.cookie);

		expect(res.status).toBe(400);
		expect(await res.text()).toContain(
			'<p class="field-error" id="field-email-error">Enter a valid email address, e.g. ada@example.org.</p>',
		);
		expect(await countRows("invitations", "target_id = ?", inst.id)).toBe(0);
	});

	it("withdraws a pending invitation", async () => {
		const inst = await createTestInstitution("withdraw-form");
		const email = freshEmail("withdrawn");
		await postForm(`${page(inst.id)}/invitations`, { email, role: "member" }, inst.owner.cookie);
		const [id] = (await invitationToken(email)).split(".");

		const res = await postForm(`${page(inst.id)}/invitations/${id}/revoke`, {}, inst.owner.cookie);

		expect(res.status).toBe(303);
		expect(await countRows("invitations", "id = ? and revoked_at is not null", id)).toBe(1);
	});

	it("keeps the last owner when they try to leave (422, with the reason on the page)", async () => {
		const inst = await createTestInstitution("leave-form");

		const res = await postForm(`${page(inst.id)}/leave`, {}, inst.owner.cookie);

		expect(res.status).toBe(422);
		expect(await res.text()).toContain("You are the last owner: make another member owner first.");
		expect(await institutionRole(inst.id, inst.owner.id)).toBe("owner");
	});

	it("lets a member leave and leads back to the list", async () => {
		const inst = await createTestInstitution("leave-member");

		const res = await postForm(`${page(inst.id)}/leave`, {}, inst.member.cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/console/institutions?notice=left");
		expect(await institutionRole(inst.id, inst.member.id)).toBeNull();
	});

	it("transfers ownership", async () => {
		const inst = await createTestInstitution("transfer-form");

		const res = await postForm(`${page(inst.id)}/transfer`, { userId: inst.admin.id }, inst.owner.cookie);

		expect(res.status).toBe(303);
		expect(await institutionRoles(inst.id)).toEqual({
			[inst.owner.id]: "admin",
			[inst.admin.id]: "owner",
			[inst.member.id]: "member",
		});
	});
});

describe("/console/institutions/{id}/members/{userId}", () => {
	it("offers an owner every role, including owner", async () => {
		const inst = await createTestInstitution("member-page");

		const html = await (await getAs(`${page(inst.id)}/members/${inst.member.id}`, inst.owner.cookie)).text();

		expect([...html.matchAll(/<option value="(\w+)"/g)].map((m) => m[1])).toEqual(["owner", "admin", "member"]);
	});

	it("offers an admin only admin and member", async () => {
		const inst = await createTestInstitution("member-page-admin");

		const html = await (await getAs(`${page(inst.id)}/members/${inst.member.id}`, inst.admin.cookie)).text();

		expect([...html.matchAll(/<option value="(\w+)"/g)].map((m) => m[1])).toEqual(["admin", "member"]);
	});

	it("is not for an admin when the member is an owner (403)", async () => {
		const inst = await createTestInstitution("member-page-owner");

		const res = await getAs(`${page(inst.id)}/members/${inst.owner.id}`, inst.admin.cookie);

		expect(res.status).toBe(403);
	});

	it("changes a role", async () => {
		const inst = await createTestInstitution("role-form");

		const res = await postForm(`${page(inst.id)}/members/${inst.member.id}`, { role: "admin" }, inst.admin.cookie);

		expect(res.status).toBe(303);
		expect(await institutionRole(inst.id, inst.member.id)).toBe("admin");
	});

	it("does not let an admin make someone owner through the form (403)", async () => {
		const inst = await createTestInstitution("role-form-owner");

		const res = await postForm(`${page(inst.id)}/members/${inst.member.id}`, { role: "owner" }, inst.admin.cookie);

		expect(res.status).toBe(403);
		expect(await institutionRole(inst.id, inst.member.id)).toBe("member");
	});

	it("shows an unknown role beside the field (400)", async () => {
		const inst = await createTestInstitution("role-form-bad");

		const res = await postForm(`${page(inst.id)}/members/${inst.member.id}`, { role: "king" }, inst.owner.cookie);

		expect(res.status).toBe(400);
		expect(await res.text()).toContain("Choose owner, admin or member.");
		expect(await institutionRole(inst.id, inst.member.id)).toBe("member");
	});

	it("removes a member", async () => {
		const inst = await createTestInstitution("remove-form");

		const res = await postForm(`${page(inst.id)}/members/${inst.member.id}/remove`, {}, inst.admin.cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`${page(inst.id)}?notice=removed`);
		expect(await institutionRole(inst.id, inst.member.id)).toBeNull();
	});
});
