/**
 * Registering signed out, by emailed link: the same answer for an address with an account and a
 * new one; the account's registration held 24 hours (a seat, lapsing after), confirmed by the link
 * read from the mail, which signs in; a new address's account made by the link; a used or expired
 * link refused kindly; the form rate limited.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Edition, pendingRegistrations, registrations, users } from "../../../src/db/schema";
import { seatsLeft } from "../../../src/features/registration/seats";
import { registerSignedOut, useRegistrationLink } from "../../../src/features/registration/signed-out";
import {
	createTestUser,
	getAs,
	mailedToken,
	mailsTo,
	ORIGIN,
	sessionCookieFrom,
	type TestUser,
} from "../../auth-helpers";
import { request, testDb } from "../../helpers";
import { registrationEdition } from "./helpers";

const HOUR = 3_600_000;
let ipCounter = 0;

/** The signed-out form posted as a browser would, each from its own network unless `ip` is given. */
function postSignedOut(path: string, fields: Record<string, string>, ip = `192.0.2.${++ipCounter}`) {
	return request(path, {
		method: "POST",
		headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, "CF-Connecting-IP": ip },
		body: new URLSearchParams(fields).toString(),
		redirect: "manual",
	});
}

/** The registration as the feature function takes it (the page adds the email field). */
const body = (ticketTypeId: string) => ({
	ticketTypeId,
	name: "Grace Hopper",
	affiliation: "Navy",
	country: "US",
	role: "engineer",
});
const form = (ticketTypeId: string, email: string) => ({ ...body(ticketTypeId), email });

describe("registering signed out by emailed link", () => {
	let world: Awaited<ReturnType<typeof registrationEdition>>;
	let known: TestUser;
	const ticket = () => world.tickets[0]?.id ?? "";
	beforeAll(async () => {
		world = await registrationEdition({ tickets: [{ name: "Regular", capacity: 5 }] });
		known = await createTestUser("known");
	});

	it("shows the form with an email field to a signed-out visitor", async () => {
		const html = await (await getAs(`${world.path}/register`)).text();
		expect(html).toContain(`action="${world.path}/register"`);
		expect(html).toContain('<input id="field-email" name="email" type="email" required="" autocomplete="email"/>');
		expect(html).toContain("Register below: we email you a link to confirm it");
	});

	it("answers an address with an account and a new one with the same page, and holds the account's seat 24 hours", async () => {
		const fresh = `new-${crypto.randomUUID().slice(0, 8)}@example.org`;
		const a = await postSignedOut(`${world.path}/register`, form(ticket(), known.email));
		const b = await postSignedOut(`${world.path}/register`, form(ticket(), fresh));
		expect([a.status, b.status]).toEqual([200, 200]);
		expect(sessionCookieFrom(a)).toBeNull();
		const [pageA, pageB] = [await a.text(), await b.text()];
		expect(pageA).toContain(`Check your inbox: we sent a link to <strong>${known.email}</strong>.`);
		expect(pageA.replaceAll(known.email, "X")).toBe(pageB.replaceAll(fresh, "X"));
		const held = await testDb().select().from(registrations).where(eq(registrations.email, known.email)).get();
		expect(held?.status).toBe("held");
		expect(held?.userId).toBe(known.id);
		expect((held?.expiresAt?.getTime() ?? 0) - (held?.createdAt.getTime() ?? 0)).toBe(24 * HOUR);
		// Nothing but the pending form for the new address: no account, no registration.
		expect(await testDb().select().from(users).where(eq(users.email, fresh)).get()).toBeUndefined();
		expect(await testDb().select().from(registrations).where(eq(registrations.email, fresh)).get()).toBeUndefined();
		expect(
			(await testDb().select().from(pendingRegistrations).where(eq(pendingRegistrations.email, fresh)).all()).length,
		).toBe(1);
	});

	it("the account's link (read from the mail) signs in, confirms the held seat, mails the confirmation and lands on My page", async () => {
		const [mail] = await mailsTo(known.email);
		expect(mail?.subject).toBe(`Confirm your registration: ${world.edition.name}`);
		const token = await mailedToken(known.email, `${world.path}/register/confirm`);
		const confirmPage = await getAs(`${world.path}/register/confirm?token=${encodeURIComponent(token)}`);
		expect(confirmPage.status).toBe(200);
		expect(await confirmPage.text()).toContain("Confirm and sign in");
		const res = await postSignedOut(`${world.path}/register/confirm`, { token });
		expect([res.status, res.headers.get("Location")]).toEqual([303, `${world.path}/me?notice=link_confirmed`]);
		const cookie = sessionCookieFrom(res);
		expect(cookie).not.toBeNull();
		const me = await (await getAs(`${world.path}/me?notice=link_confirmed`, cookie ?? "")).text();
		expect(me).toContain("Your registration is confirmed. We sent you a mail about it.");
		expect(me).toContain('<dd class="status status-confirmed">Confirmed</dd>');
		expect((await mailsTo(known.email)).map((m) => m.subject)).toEqual([
			`Confirm your registration: ${world.edition.name}`,
			`Registration confirmed: ${world.edition.name}`,
		]);
		// Used once: the same link again is refused kindly.
		const again = await postSignedOut(`${world.path}/register/confirm`, { token });
		expect(again.status).toBe(410);
		const text = await again.text();
		expect(text).toContain("This link has already been used.");
		expect(text).toContain(`href="${world.path}/register"`);
	});

	it("a new address's link creates the verified account from the form and registers it", async () => {
		const fresh = `newbie-${crypto.randomUUID().slice(0, 8)}@example.org`;
		await postSignedOut(`${world.path}/register`, form(ticket(), fresh));
		const token = await mailedToken(fresh, `${world.path}/register/confirm`);
		const res = await postSignedOut(`${world.path}/register/confirm`, { token });
		expect([res.status, res.headers.get("Location")]).toEqual([303, `${world.path}/me?notice=link_confirmed`]);
		const user = await testDb().select().from(users).where(eq(users.email, fresh)).get();
		expect({ name: user?.name, affiliation: user?.affiliation, country: user?.country }).toEqual({
			name: "Grace Hopper",
			affiliation: "Navy",
			country: "US",
		});
		expect(user?.emailVerifiedAt).not.toBeNull();
		const reg = await testDb().select().from(registrations).where(eq(registrations.email, fresh)).get();
		expect([reg?.status, reg?.userId]).toEqual(["confirmed", user?.id]);
		const me = await (await getAs(`${world.path}/me`, sessionCookieFrom(res) ?? "")).text();
		expect(me).toContain('<dd class="status status-confirmed">Confirmed</dd>');
		expect((await mailsTo(fresh)).map((m) => m.subject)).toEqual([
			`Confirm your registration: ${world.edition.name}`,
			`Registration confirmed: ${world.edition.name}`,
		]);
		expect((await postSignedOut(`${world.path}/register/confirm`, { token })).status).toBe(410);
		expect((await getAs(`${world.path}/register/confirm?token=nonsense`)).status).toBe(400);
	});

	it("refuses an expired link kindly (410) and creates nothing", async () => {
		const db = testDb();
		const fresh = `late-${crypto.randomUUID().slice(0, 8)}@example.org`;
		const then = new Date(Date.now() - 8 * 24 * HOUR);
		const w = { edition: world.edition as Edition, series: { slug: world.slug }, origin: ORIGIN, ip: "198.51.100.1" };
		await registerSignedOut(db, w, fresh, body(ticket()), then);
		const token = await mailedToken(fresh, `${world.path}/register/confirm`);
		const res = await postSignedOut(`${world.path}/register/confirm`, { token });
		expect(res.status).toBe(410);
		expect(await res.text()).toContain("This link has expired.");
		expect(await db.select().from(users).where(eq(users.email, fresh)).get()).toBeUndefined();
	});

	it("rate limits the signed-out form per address (429 on the fourth in 15 minutes)", async () => {
		const fresh = `flood-${crypto.randomUUID().slice(0, 8)}@example.org`;
		const statuses = [];
		for (let i = 0; i < 4; i++)
			statuses.push((await postSignedOut(`${world.path}/register`, form(ticket(), fresh))).status);
		expect(statuses).toEqual([200, 200, 200, 429]);
		expect((await mailsTo(fresh)).length).toBe(3);
	});
});

describe("the 24-hour hold of a signed-out registration", () => {
	it("takes a seat until it lapses after 24 hours; a late link takes one again, or waits when the seat went", async () => {
		const db = testDb();
		const world = await registrationEdition({ tickets: [{ name: "Solo", capacity: 1 }] });
		const ticket = world.tickets[0];
		if (!ticket) throw new Error("ticket");
		const w = { edition: world.edition as Edition, series: { slug: world.slug }, origin: ORIGIN, ip: "203.0.113.9" };
		const ann = await createTestUser("ann");
		const t0 = new Date();
		await registerSignedOut(db, w, ann.email, body(ticket.id), t0);
		const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);
		expect((await seatsLeft(db, world.edition.id, at(23.99))).byTicket.get(ticket.id)).toBe(0);
		expect((await seatsLeft(db, world.edition.id, at(24))).byTicket.get(ticket.id)).toBe(1);

		// Used after the hold lapsed, with the seat still free: a seat again.
		const annToken = await mailedToken(ann.email, `${world.path}/register/confirm`);
		const late = await useRegistrationLink(db, w, annToken, at(30));
		expect(late.outcome).toBe("retaken");
		const annRow = await db.select().from(registrations).where(eq(registrations.email, ann.email)).get();
		expect([annRow?.status, annRow?.expiresAt]).toEqual(["confirmed", null]);

		// Bob's hold lapses and someone else takes the seat meanwhile: his late link puts him on the waiting list.
		const world2 = await registrationEdition({ tickets: [{ name: "Solo", capacity: 1 }] });
		const t2 = world2.tickets[0];
		if (!t2) throw new Error("ticket");
		const w2 = { ...w, edition: world2.edition as Edition, series: { slug: world2.slug } };
		const bob = await createTestUser("bob");
		const cid = await createTestUser("cid");
		await registerSignedOut(db, w2, bob.email, body(t2.id), t0);
		await registerSignedOut(db, w2, cid.email, body(t2.id), at(25));
		const cidRow = await db.select().from(registrations).where(eq(registrations.email, cid.email)).get();
		expect(cidRow?.status).toBe("held");
		const bobToken = await mailedToken(bob.email, `${world2.path}/register/confirm`);
		const bobLate = await useRegistrationLink(db, w2, bobToken, at(26));
		expect(bobLate.outcome).toBe("waitlisted");
		const bobRow = await db.select().from(registrations).where(eq(registrations.email, bob.email)).get();
		expect([bobRow?.status, bobRow?.expiresAt]).toEqual(["waitlisted", null]);
	});

	it("a signed-out registration when full is waitlisted with no expiry", async () => {
		const db = testDb();
		const world = await registrationEdition({ tickets: [{ name: "Solo", capacity: 0 }] });
		const ticket = world.tickets[0];
		if (!ticket) throw new Error("ticket");
		const w = { edition: world.edition as Edition, series: { slug: world.slug }, origin: ORIGIN, ip: "203.0.113.10" };
		const dee = await createTestUser("dee");
		await registerSignedOut(db, w, dee.email, body(ticket.id));
		const row = await db.select().from(registrations).where(eq(registrations.email, dee.email)).get();
		expect([row?.status, row?.expiresAt]).toEqual(["waitlisted", null]);
	});
});
