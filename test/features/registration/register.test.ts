/**
 * Registering through the API and the pages: the answers a signed-in attendee gets (201, 200,
 * 409, 422, 400 with field messages, 401, 404), the confirmation mail with its manage link, the
 * sale window to the second in the edition's zone (across both DST changes), My page (answers,
 * cancel under the policy, the freed seat offered to the next in line, accepting it), and that
 * these pages are personal: never cached, on the main host only, one's own registration only.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { editionHosts, editions } from "../../../src/db/schema";
import { findEditionWithSeries } from "../../../src/domain/editions";
import { registerAttendee } from "../../../src/features/registration/registering";
import { AppError } from "../../../src/lib/errors";
import { createTestUser, getAs, mailsTo, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { request, testDb } from "../../helpers";
import { registrationEdition } from "./helpers";

const body = (ticketTypeId: string, extra: Record<string, unknown> = {}) => ({
	ticketTypeId,
	name: "Ada Lovelace",
	affiliation: "Analytical Society",
	country: "GB",
	role: "engineer",
	...extra,
});

describe("the registration API", () => {
	let world: Awaited<ReturnType<typeof registrationEdition>>;
	let ada: TestUser;
	let dietId: string;
	beforeAll(async () => {
		world = await registrationEdition({
			tickets: [
				{ name: "Regular", capacity: 1 },
				{ name: "Dinner", priceCents: 4500 },
				{ name: "Early", close: [-100, "23:59"] },
			],
			fields: (editionId) => [
				{
					id: `${editionId}-diet`,
					editionId,
					label: "Diet",
					kind: "select",
					required: true,
					options: ["None", "Vegan"],
				},
				{ id: `${editionId}-photo`, editionId, label: "Photo consent", kind: "checkbox", required: false },
			],
		});
		dietId = `${world.edition.id}-diet`;
		ada = await createTestUser("ada");
	});
	const url = () => `/api/v1/editions/${world.edition.id}/registrations`;
	const ticketId = (i: number) => () => world.tickets[i]?.id ?? "";
	const [regular, dinner, late] = [ticketId(0), ticketId(1), ticketId(2)];

	it("registers the signed-in user: 201 with the confirmed registration and a mail with the manage link", async () => {
		const res = await sendJson("POST", url(), body(regular(), { answers: { [dietId]: "Vegan" } }), {
			cookie: ada.cookie,
		});
		expect(res.status).toBe(201);
		const { data } = (await res.json()) as { data: Record<string, unknown> };
		expect({ ...data, id: undefined, createdAt: undefined }).toEqual({
			id: undefined,
			createdAt: undefined,
			editionId: world.edition.id,
			ticketTypeId: regular(),
			status: "confirmed",
			expiresAt: null,
			email: ada.email,
			name: "Ada Lovelace",
			affiliation: "Analytical Society",
			country: "GB",
			role: "engineer",
			answers: { [dietId]: "Vegan", [`${world.edition.id}-photo`]: false },
			listConsent: false,
			priceCents: 0,
			currency: "EUR",
		});
		expect(await mailsTo(ada.email)).toEqual([
			{
				subject: `Registration confirmed: ${world.edition.name}`,
				text: `You are registered for ${world.edition.name} (Regular).\n\nYour registration: http://localhost${world.path}/me\n`,
			},
		]);
	});

	it("answers the existing registration again (200) and 409 for another ticket", async () => {
		const again = await sendJson("POST", url(), body(regular(), { answers: { [dietId]: "None" } }), {
			cookie: ada.cookie,
		});
		expect(again.status).toBe(200);
		expect(((await again.json()) as { data: { status: string } }).data.status).toBe("confirmed");
		const other = await sendJson("POST", url(), body(dinner(), { answers: { [dietId]: "None" } }), {
			cookie: ada.cookie,
		});
		expect(other.status).toBe(409);
		expect(await other.json()).toMatchObject({
			error: {
				code: "already_registered",
				message: "You are already registered for this edition with another ticket.",
				fields: { ticketTypeId: "You are already registered with another ticket: cancel that registration first." },
			},
		});
	});

	it("waitlists when the ticket is full, holds a paid ticket, and a retry with the same Idempotency-Key gets the same answer", async () => {
		const bob = await createTestUser("bob");
		const carol = await createTestUser("carol");
		const headersFor = (who: TestUser, key: string) => ({ cookie: who.cookie, key });
		const withKey = async (who: TestUser, ticket: string, key: string) => {
			const res = await fetchWithKey(url(), body(ticket, { answers: { [dietId]: "None" } }), headersFor(who, key));
			return {
				status: res.status,
				data: ((await res.json()) as { data: { id: string; status: string; expiresAt: string | null } }).data,
			};
		};
		const first = await withKey(bob, regular(), "bob-1");
		const retry = await withKey(bob, regular(), "bob-1");
		expect([first.status, first.data.status, retry.status, retry.data.id]).toEqual([
			201,
			"waitlisted",
			201,
			first.data.id,
		]);
		const held = await withKey(carol, dinner(), "carol-1");
		expect([held.status, held.data.status, held.data.expiresAt === null]).toEqual([201, "held", false]);
		expect((await mailsTo(bob.email)).map((m) => m.subject)).toEqual([`On the waiting list: ${world.edition.name}`]);
		expect((await mailsTo(carol.email)).map((m) => m.subject)).toEqual([`Seat held: ${world.edition.name}`]);
	});

	it("answers 400 with a message per field, 422 outside the sale window, 401 signed out, 404 for a draft", async () => {
		const dan = await createTestUser("dan");
		const bad = await sendJson("POST", url(), body(regular(), { country: "XX", answers: {} }), { cookie: dan.cookie });
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
			country: "Choose a country from the list.",
		});
		// The edition's own questions: the schema built from its fields names the answer.
		const unanswered = await sendJson("POST", url(), body(regular(), { answers: { [dietId]: "Pizza" } }), {
			cookie: dan.cookie,
		});
		expect(unanswered.status).toBe(400);
		expect(((await unanswered.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
			[`answers.${dietId}`]: "Choose one of the options.",
		});
		const closed = await sendJson("POST", url(), body(late(), { answers: { [dietId]: "None" } }), {
			cookie: dan.cookie,
		});
		expect(closed.status).toBe(422);
		expect(((await closed.json()) as { error: { code: string; message: string } }).error).toMatchObject({
			code: "not_on_sale",
			message: "Early is no longer on sale.",
		});
		expect((await sendJson("POST", url(), body(regular()), {})).status).toBe(401);
		const draft = await registrationEdition({ tickets: [{}] });
		await testDb().update(editions).set({ status: "draft" }).where(eq(editions.id, draft.edition.id));
		expect(
			(
				await sendJson("POST", `/api/v1/editions/${draft.edition.id}/registrations`, body(draft.tickets[0]?.id ?? ""), {
					cookie: dan.cookie,
				})
			).status,
		).toBe(404);
		const rows = await env.DB.prepare("select count(*) as n from registrations where email = ?")
			.bind(dan.email)
			.first<{ n: number }>();
		expect(rows?.n).toBe(0);
	});

	it("lists only the signed-in user's own registrations", async () => {
		const res = await getAs("/api/v1/me/registrations", ada.cookie);
		const list = (await res.json()) as { data: { email: string; ticketTypeId: string }[]; page: unknown };
		expect(list.data.map((r) => [r.email, r.ticketTypeId])).toEqual([[ada.email, regular()]]);
		expect(list.page).toEqual({ limit: 50, nextCursor: null });
	});
});

function fetchWithKey(path: string, json: unknown, auth: { cookie: string; key: string }) {
	return request(path, {
		method: "POST",
		headers: { "Content-Type": "application/json", Cookie: auth.cookie, "Idempotency-Key": auth.key },
		body: JSON.stringify(json),
	});
}

describe("the sale window, to the second in the edition's zone", () => {
	// Day 1 is Monday 3 November 2025 in Amsterdam. The window opens on Sunday 30 March 2025 (the day
	// summer time starts) at 09:00 CEST and closes on Sunday 26 October 2025 (the day it ends) at
	// 23:59 CET: an hour later in UTC than the same wall-clock time a day before.
	let world: Awaited<ReturnType<typeof registrationEdition>>;
	let user: TestUser;
	beforeAll(async () => {
		world = await registrationEdition({
			startDate: "2025-11-03",
			tickets: [{ name: "Regular", open: [-218, "09:00"], close: [-8, "23:59"] }],
		});
		user = await createTestUser("window");
	});
	const attempt = async (iso: string) => {
		const { edition, series } = await loadWorld(world);
		try {
			const outcome = await registerAttendee(
				testDb(),
				{ user: { ...user, email: `${iso}-${user.email}` }, edition, series, origin: "https://baton.test" },
				body(world.tickets[0]?.id ?? ""),
				null,
				new Date(iso),
			);
			return outcome.registration.status;
		} catch (error) {
			if (error instanceof AppError) return `${error.status} ${error.message}`;
			throw error;
		}
	};

	it.each([
		["2025-03-30T06:59:59Z", "422 Regular is not on sale yet."],
		["2025-03-30T07:00:00Z", "confirmed"],
		["2025-03-30T07:00:01Z", "confirmed"],
		["2025-10-26T22:58:59Z", "confirmed"],
		["2025-10-26T22:59:00Z", "422 Regular is no longer on sale."],
		["2025-10-26T22:59:01Z", "422 Regular is no longer on sale."],
	])("at %s: %s", async (iso, expected) => {
		expect(await attempt(iso)).toBe(expected);
	});
});

async function loadWorld(world: Awaited<ReturnType<typeof registrationEdition>>) {
	const found = await findEditionWithSeries(testDb(), world.edition.id);
	if (!found) throw new Error("no edition");
	return found;
}

describe("the register page and My page", () => {
	let world: Awaited<ReturnType<typeof registrationEdition>>;
	let eve: TestUser;
	let finn: TestUser;
	beforeAll(async () => {
		world = await registrationEdition({
			tickets: [{ name: "Regular", capacity: 1, includes: "all sessions and lunches" }],
			policy: { cancellationPolicy: "Cancel **free of charge** until the cut-off." },
		});
		eve = await createTestUser("eve");
		finn = await createTestUser("finn");
	});

	// Changed by registering signed out (issue #19): the form is shown signed out too, with sign-in offered to prefill it.
	it("offers a signed-out visitor the form or signing in first and coming back, with live seats, never cached", async () => {
		const res = await getAs(`${world.path}/register`);
		expect(res.status).toBe(200);
		expect(res.headers.get("Cache-Control")).toBe("private, no-store");
		const html = await res.text();
		const back = encodeURIComponent(`${world.path}/register`);
		expect(html).toContain(
			`Registration is open. Register below: we email you a link to confirm it, which also gives you an account to manage it. Have an account? <a href="/auth/sign-in?next=${back}">Sign in</a> first and the form is filled in.`,
		);
		expect(html).toContain('<p class="includes">Includes: all sessions and lunches</p>');
		expect(html).toContain("<dt>Seats left</dt><dd>1</dd>");
		expect(html).toContain(`action="${world.path}/register"`);
	});

	it("prefills the form for a signed-in attendee; posting it registers and lands on My page", async () => {
		const page = await (await getAs(`${world.path}/register`, eve.cookie)).text();
		expect(page).toContain(`Registering as <strong>${eve.email}</strong>.`);
		expect(page).toContain(
			'<input id="field-name" name="name" type="text" value="Test eve" required="" autocomplete="name"/>',
		);
		const res = await postForm(
			`${world.path}/register`,
			{
				ticketTypeId: world.tickets[0]?.id ?? "",
				name: "Eve Example",
				affiliation: "",
				country: "NL",
				role: "student",
			},
			eve.cookie,
		);
		expect([res.status, res.headers.get("Location")]).toEqual([303, `${world.path}/me?notice=registered`]);
		const me = await (await getAs(`${world.path}/me?notice=registered`, eve.cookie)).text();
		expect(me).toContain("Thank you: your registration is in. We sent you a mail about it.");
		expect(me).toContain(
			'<dt>Ticket</dt><dd>Regular</dd><dt>Status</dt><dd class="status status-confirmed">Confirmed</dd>',
		);
		expect(me).toContain("<strong>free of charge</strong>");
		const full = await (await getAs(`${world.path}/register`, finn.cookie)).text();
		expect(full).toContain("<dt>Seats left</dt><dd>None: waiting list</dd>");
	});

	it("shows the form again with field messages for invalid input (400)", async () => {
		const res = await postForm(
			`${world.path}/register`,
			{ ticketTypeId: world.tickets[0]?.id ?? "", name: "", country: "ZZ", role: "wizard" },
			finn.cookie,
		);
		expect(res.status).toBe(400);
		const html = await res.text();
		for (const message of [
			"Enter your name.",
			"Choose a country from the list.",
			"Choose one of: clinician, physicist, engineer, student, industry, other.",
		]) {
			expect(html).toContain(message);
		}
	});

	it("a cancellation offers the freed seat to the next in line, who accepts it on My page", async () => {
		const waiting = await postForm(
			`${world.path}/register`,
			{ ticketTypeId: world.tickets[0]?.id ?? "", name: "Finn", country: "DE", role: "clinician" },
			finn.cookie,
		);
		expect(waiting.status).toBe(303);
		expect(await (await getAs(`${world.path}/me`, finn.cookie)).text()).toContain(
			'class="status status-waitlisted">On the waiting list</dd>',
		);
		const cancel = await postForm(`${world.path}/me/cancel`, {}, eve.cookie);
		expect([cancel.status, cancel.headers.get("Location")]).toEqual([
			303,
			`${world.path}/me?notice=registration_cancelled`,
		]);
		expect((await mailsTo(finn.email)).map((m) => m.subject)).toEqual([
			`On the waiting list: ${world.edition.name}`,
			`A seat is free for you: ${world.edition.name}`,
		]);
		expect(await (await getAs(`${world.path}/me`, finn.cookie)).text()).toContain("Accept the seat");
		const accept = await postForm(`${world.path}/me/accept`, {}, finn.cookie);
		expect(accept.status).toBe(303);
		expect(await (await getAs(`${world.path}/me`, finn.cookie)).text()).toContain(
			'class="status status-confirmed">Confirmed</dd>',
		);
	});

	it("sends a signed-out visitor of My page to sign in and back; a custom host to the main host", async () => {
		const res = await getAs(`${world.path}/me`);
		expect([res.status, res.headers.get("Location")]).toEqual([
			303,
			`/auth/sign-in?next=${encodeURIComponent(`${world.path}/me`)}`,
		]);
		const host = `reg-${world.edition.id.slice(0, 8)}.example.org`;
		await testDb().insert(editionHosts).values({ hostname: host, editionId: world.edition.id });
		for (const path of ["/register", "/me"]) {
			const moved = await getAs(`http://${host}${path}`);
			expect([moved.status, moved.headers.get("Location")]).toEqual([302, `https://localhost${world.path}${path}`]);
		}
	});
});
