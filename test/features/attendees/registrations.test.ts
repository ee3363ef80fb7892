/**
 * The committee's side of registration (issue 19): the registration policy (editor, clone and
 * template round trip, registrations never copied), the list with filters and search, a
 * registration by hand (over capacity, 409 for a taken address), an edit on someone's behalf, bulk
 * mail, the CSV's raw bytes, the statistics' SVG and the public attendee list.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEntries, outbox, registrationPolicies, registrations, ticketTypes } from "../../../src/db/schema";
import { cloneEdition } from "../../../src/features/cloning/clone";
import { partSpec, readEditionParts } from "../../../src/features/cloning/edition-parts";
import { NEVER_COPIED, PART_SPECS } from "../../../src/features/cloning/part-specs";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember, insertEdition } from "../../fixtures";
import { testDb } from "../../helpers";
import { createFollowableSeries } from "../following/helpers";

let editionId = "";
let seriesSlug = "";
let seriesId = "";
let chair: TestUser;
let organizer: TestUser;
let reviewer: TestUser;
const TICKET = "tt-regular";
const STUDENT = "tt-student";

/** Registrations of the edition: four people, made on three days. */
const PEOPLE = [
	{
		id: "r-dvorak",
		name: "Antonín Dvořák",
		email: "dvorak@example.org",
		country: "CZ",
		role: "physicist",
		status: "confirmed",
		ticket: TICKET,
		day: "2020-03-01",
		consent: true,
		affiliation: '=HYPERLINK("http://evil.example","x")',
	},
	{
		id: "r-orsted",
		name: "Hans Ørsted",
		email: "orsted@example.org",
		country: "DK",
		role: "engineer",
		status: "confirmed",
		ticket: TICKET,
		day: "2020-03-01",
		consent: false,
		affiliation: "Københavns Universitet",
	},
	{
		id: "r-sahin",
		name: "Uğur Şahin",
		email: "sahin@example.org",
		country: "DE",
		role: "clinician",
		status: "held",
		ticket: STUDENT,
		day: "2020-03-02",
		consent: true,
		affiliation: "Mainz; Klinik",
	},
	{
		id: "r-gone",
		name: "Gone Example",
		email: "gone@example.org",
		country: "DE",
		role: "student",
		status: "cancelled",
		ticket: STUDENT,
		day: "2020-03-04",
		consent: true,
		affiliation: "",
	},
] as const;

beforeAll(async () => {
	const s = await createFollowableSeries("regs");
	seriesSlug = s.slug;
	seriesId = s.id;
	editionId = (
		await insertEdition({
			seriesId: s.id,
			year: 2031,
			startDate: "2031-10-06",
			endDate: "2031-10-08",
			status: "published",
		})
	).id;
	chair = await createTestUser("reg-chair");
	organizer = await createTestUser("reg-organizer");
	reviewer = await createTestUser("reg-reviewer");
	await addCommitteeMember({ editionId, user: chair, role: "chair" });
	await addCommitteeMember({ editionId, user: organizer, role: "organizer" });
	await addCommitteeMember({ editionId, user: reviewer, role: "reviewer" });
	const db = testDb();
	await db.insert(ticketTypes).values([
		{
			id: TICKET,
			editionId,
			name: "Regular",
			priceCents: 45000,
			salesOpenOffsetDays: -200,
			salesCloseOffsetDays: -1,
			capacity: 2,
			position: 1,
		},
		{
			id: STUDENT,
			editionId,
			name: "Student",
			priceCents: 15000,
			salesOpenOffsetDays: -200,
			salesCloseOffsetDays: -1,
			position: 2,
		},
	]);
	await db.insert(registrations).values(
		PEOPLE.map((p) => ({
			id: p.id,
			editionId,
			ticketTypeId: p.ticket,
			email: p.email,
			name: p.name,
			affiliation: p.affiliation,
			country: p.country,
			role: p.role,
			status: p.status,
			listConsent: p.consent,
			expiresAt: p.status === "held" ? new Date(Date.now() + 86_400_000) : null,
			createdAt: new Date(`${p.day}T10:00:00Z`),
		})),
	);
});

const api = (path = "") => `/api/v1/editions/${editionId}${path}`;

describe("the registration policy", () => {
	it("is saved through the API with its audit entry, and bad input is a 400 naming the field", async () => {
		const bad = await sendJson(
			"PUT",
			api("/registration-policy"),
			{ holdHours: 0, capacity: -3 },
			{ cookie: chair.cookie },
		);
		expect(bad.status).toBe(400);
		const { error } = (await bad.json()) as { error: { fields: Record<string, string> } };
		expect(error.fields).toEqual({ holdHours: "Use 1 or more.", capacity: "Use 1 or more." });

		const res = await sendJson(
			"PUT",
			api("/registration-policy"),
			{
				capacity: 3,
				cancellationPolicy: "Full refund until **30 days** before.",
				cancelUntilOffsetDays: -30,
				holdHours: 48,
			},
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(200);
		const { data } = (await res.json()) as { data: Record<string, unknown> };
		expect(data).toEqual({
			capacity: 3,
			cancellationPolicy: "Full refund until **30 days** before.",
			cancelUntilOffsetDays: -30,
			cancelUntilTime: "23:59",
			editUntilOffsetDays: null,
			editUntilTime: "23:59",
			holdHours: 48,
			offerHours: 48,
			publicAttendeeList: false,
		});
		const entries = await testDb()
			.select()
			.from(auditEntries)
			.where(and(eq(auditEntries.editionId, editionId), eq(auditEntries.action, "registration.policy.updated")));
		expect(entries.map((e) => e.actorId)).toEqual([chair.id]);
		// A reviewer reads it but may not change it.
		expect((await getAs(`/console/editions/${editionId}/registration-policy`, reviewer.cookie)).status).toBe(200);
		expect(
			(await sendJson("PUT", api("/registration-policy"), { capacity: 9 }, { cookie: reviewer.cookie })).status,
		).toBe(403);
	});

	it("travels with a clone and a template document; the registrations never do", async () => {
		const target = await insertEdition({ seriesId, year: 2033, startDate: "2033-10-10", endDate: "2033-10-12" });
		await cloneEdition(testDb(), { sourceEditionId: editionId, targetEditionId: target.id, parts: ["registration"] });
		const copied = await testDb()
			.select()
			.from(registrationPolicies)
			.where(eq(registrationPolicies.editionId, target.id));
		expect(copied.map(({ editionId: _, ...p }) => p)).toEqual([
			{
				capacity: 3,
				cancellationPolicy: "Full refund until **30 days** before.",
				cancelUntilOffsetDays: -30,
				cancelUntilTime: "23:59",
				editUntilOffsetDays: null,
				editUntilTime: "23:59",
				holdHours: 48,
				offerHours: 48,
				publicAttendeeList: false,
			},
		]);
		expect(await testDb().select().from(registrations).where(eq(registrations.editionId, target.id))).toEqual([]);
		expect(NEVER_COPIED.map((n) => n.table)).toContain(registrations);
		expect(PART_SPECS.some((spec) => Object.values(spec.tables).includes(registrations as never))).toBe(false);

		// A template snapshots the same part: its document survives JSON and the template schema unchanged.
		const { parts } = await readEditionParts(testDb(), editionId, ["registration"]);
		const stored = JSON.parse(JSON.stringify(parts.registration));
		expect(partSpec("registration").schema.parse(stored)).toEqual(parts.registration);
		expect(stored.policy.capacity).toBe(3);
	});
});

describe("the registrations list", () => {
	it("filters by ticket, role, country and status, searches name, email and affiliation, and counts statuses", async () => {
		const ids = async (query: string) => {
			const res = await getAs(api(`/registrations${query}`), organizer.cookie);
			expect(res.status).toBe(200);
			return ((await res.json()) as { data: { id: string }[] }).data.map((r) => r.id);
		};
		expect(await ids("")).toEqual(["r-dvorak", "r-orsted", "r-sahin", "r-gone"]);
		expect(await ids(`?ticket=${STUDENT}`)).toEqual(["r-sahin", "r-gone"]);
		expect(await ids("?country=DE&status=held")).toEqual(["r-sahin"]);
		expect(await ids("?role=engineer")).toEqual(["r-orsted"]);
		expect(await ids("?q=K%C3%B8benhavns")).toEqual(["r-orsted"]);
		expect(await ids("?q=DVORAK%40")).toEqual(["r-dvorak"]);
		expect(await ids("?q=100%25")).toEqual([]);
		expect(await ids("?limit=2")).toEqual(["r-dvorak", "r-orsted"]);

		const bad = await getAs(api("/registrations?status=lost&country=xx"), organizer.cookie);
		expect(bad.status).toBe(400);
		expect(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields).sort()).toEqual([
			"country",
			"status",
		]);

		const page = await (await getAs(`/console/editions/${editionId}/registrations`, chair.cookie)).text();
		const counts = Object.fromEntries(
			[...page.matchAll(/data-count="(\w+)">(\d+)</g)].map((m) => [m[1], Number(m[2])]),
		);
		expect(counts).toEqual({ held: 1, confirmed: 2, waitlisted: 0, offered: 0, cancelled: 1 });
	});

	it("is for chairs and organizers only: a reviewer gets 403, signed out 401", async () => {
		expect((await getAs(api("/registrations"), reviewer.cookie)).status).toBe(403);
		expect((await getAs(`/console/editions/${editionId}/registrations`, reviewer.cookie)).status).toBe(403);
		expect((await getAs(api("/registrations"))).status).toBe(401);
	});
});

describe("the committee registers and edits", () => {
	it("registers someone by hand, confirmed over capacity and audited; a taken address is a 409", async () => {
		// Regular holds 2 seats and both are taken; the edition's 3 seats are taken with the hold.
		const res = await sendJson(
			"POST",
			api("/manual-registrations"),
			{
				email: "Keynote@Example.org",
				name: "Kay Note",
				country: "NL",
				role: "physicist",
				ticketTypeId: TICKET,
				note: "Invited keynote",
				complimentary: true,
			},
			{ cookie: organizer.cookie },
		);
		expect(res.status).toBe(201);
		const { data } = (await res.json()) as { data: { registration: Record<string, unknown>; overCapacity: boolean } };
		expect(data.overCapacity).toBe(true);
		expect(data.registration).toMatchObject({
			email: "keynote@example.org",
			status: "confirmed",
			source: "committee",
			note: "Invited keynote",
			priceCents: 0,
		});
		const [entry] = await testDb()
			.select()
			.from(auditEntries)
			.where(
				and(
					eq(auditEntries.action, "registration.registration.created"),
					eq(auditEntries.targetId, String(data.registration.id)),
				),
			);
		expect(entry?.actorId).toBe(organizer.id);
		expect(JSON.parse(entry?.summary ?? "{}").after).toMatchObject({
			overCapacity: true,
			source: "committee",
			status: "confirmed",
		});
		expect(entry?.summary).not.toContain("Kay Note");

		const again = await postForm(
			`/console/editions/${editionId}/registrations/new`,
			{
				email: "keynote@example.org",
				name: "Kay Note",
				country: "NL",
				role: "physicist",
				ticketTypeId: TICKET,
				note: "Twice",
			},
			chair.cookie,
		);
		expect(again.status).toBe(409);
		expect(await again.text()).toContain("This address is already registered for this edition");
	});

	it("confirms a held registration by hand and changes fields, audited without the person's name", async () => {
		const res = await sendJson(
			"PATCH",
			api("/registrations/r-sahin"),
			{ status: "confirmed", affiliation: "Mainz University", ticketTypeId: TICKET },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(200);
		const { data } = (await res.json()) as { data: Record<string, unknown> };
		expect(data).toMatchObject({
			status: "confirmed",
			affiliation: "Mainz University",
			ticketTypeId: TICKET,
			expiresAt: null,
		});
		expect(data.confirmedAt).not.toBeNull();
		const [entry] = await testDb()
			.select()
			.from(auditEntries)
			.where(and(eq(auditEntries.action, "registration.registration.updated"), eq(auditEntries.targetId, "r-sahin")));
		expect(JSON.parse(entry?.summary ?? "{}")).toEqual({
			before: { ticketTypeId: STUDENT, status: "held", affiliation: "…" },
			after: { ticketTypeId: TICKET, status: "confirmed", affiliation: "changed" },
		});

		const bad = await sendJson(
			"PATCH",
			api("/registrations/r-orsted"),
			{ status: "offered" },
			{ cookie: chair.cookie },
		);
		expect(bad.status).toBe(422);
		const other = await sendJson(
			"PATCH",
			api("/registrations/r-orsted"),
			{ ticketTypeId: "nope" },
			{ cookie: chair.cookie },
		);
		expect(other.status).toBe(422);
		expect(((await other.json()) as { error: { fields: object } }).error.fields).toEqual({
			ticketTypeId: "Choose a ticket type of this edition.",
		});
	});
});

describe("exports and mail", () => {
	it("exports a CSV that opens right in Excel: BOM, `;`, CRLF, formula cells neutralised (raw bytes)", async () => {
		const res = await getAs(`/console/editions/${editionId}/registrations.csv?country=CZ`, chair.cookie);
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
		const lines = text.split("\r\n");
		expect(lines[0]).toBe(
			"\uFEFFname;email;affiliation;country;country_name;role;ticket;status;source;registered_at;confirmed_at;price;currency;listed_publicly;note",
		);
		expect(lines[1]).toBe(
			`Antonín Dvořák;dvorak@example.org;"'=HYPERLINK(""http://evil.example"",""x"")";CZ;Czechia;physicist;Regular;confirmed;self;2020-03-01T10:00:00.000Z;;0.00;EUR;yes;`,
		);
		expect(lines.slice(2)).toEqual([""]);
		// "ř" is two bytes of UTF-8 (c5 99), never a Latin-1 guess.
		expect(Buffer.from(bytes).includes(Buffer.from([0xc5, 0x99]))).toBe(true);

		const all = new TextDecoder().decode(
			await (await getAs(`/console/editions/${editionId}/registrations.csv`, chair.cookie)).arrayBuffer(),
		);
		expect(all).toContain("Hans Ørsted;orsted@example.org;Københavns Universitet;DK;Denmark;");
		expect(all).toContain(`Uğur Şahin;sahin@example.org;Mainz University;DE;Germany;`);
		expect(all.split("\r\n").every((line) => !line.includes("\n"))).toBe(true);
	});

	it("mails the filtered registrations (never cancelled ones) through the outbox, after showing the count", async () => {
		const preview = await (
			await getAs(`/console/editions/${editionId}/registrations/mail?country=DE`, chair.cookie)
		).text();
		expect(preview).toContain('data-recipients="1"');
		const changed = await sendJson(
			"POST",
			api("/registration-mail?country=DE"),
			{ subject: "Venue", body: "Hall B.", expectedRecipients: 2 },
			{ cookie: chair.cookie },
		);
		expect(changed.status).toBe(409);
		const res = await sendJson(
			"POST",
			api("/registration-mail?country=DE"),
			{ subject: "Venue", body: "Hall B.", expectedRecipients: 1 },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ data: { recipients: 1 } });
		const mails = await testDb()
			.select()
			.from(outbox)
			.where(and(eq(outbox.editionId, editionId), eq(outbox.subject, "Venue")));
		expect(mails.map((m) => m.to)).toEqual(["sahin@example.org"]);
	});
});

describe("statistics", () => {
	it("draws bars whose count, labels and heights follow the data, and a table beside each chart", async () => {
		const html = await (
			await getAs(`/console/editions/${editionId}/registrations/statistics`, organizer.cookie)
		).text();
		const chart = (id: string) => {
			const svg =
				html.match(new RegExp(`<svg[^>]*aria-labelledby="${id}-title ${id}-desc"[^>]*>([\\s\\S]*?)</svg>`))?.[1] ?? "";
			return {
				svg,
				heights: [...svg.matchAll(/<rect class="bar"[^>]* height="([\d.]+)" data-value="(\d+)"/g)].map((m) => [
					Number(m[1]),
					Number(m[2]),
				]),
				labels: [...svg.matchAll(/<text class="label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]),
			};
		};
		// Confirmed now: Dvořák (CZ), Ørsted (DK), Şahin (DE, confirmed by hand above), Kay Note (NL): all Regular.
		const country = chart("chart-country");
		expect(country.labels).toEqual(["Czechia", "Denmark", "Germany", "Netherlands"]);
		expect(country.heights.map(([, v]) => v)).toEqual([1, 1, 1, 1]);
		const ticket = chart("chart-ticket");
		expect(ticket.labels).toEqual(["Regular"]);
		expect(ticket.heights.map(([, v]) => v)).toEqual([4]);
		const role = chart("chart-role");
		expect(role.labels).toEqual(["Clinician", "Physicist", "Engineer"]);
		expect(role.heights.map(([, v]) => v)).toEqual([1, 2, 1]);
		// Heights are in the order of the values: the physicists' bar is twice the others'.
		const [h1, h2, h3] = role.heights.map(([h]) => h);
		expect(h2).toBeCloseTo((h1 ?? 0) * 2, 0);
		expect(h3).toBe(h1);
		expect(html).toContain('role="img"');
		expect(html).toContain("<caption>By role</caption>");
		// Over time: not cancelled, cumulative by day: 2 on 1 March, 3 on 2 March, then today's manual one.
		const line = chart("chart-time");
		expect(line.svg).toMatch(/<path class="line" d="M[\d.]+,[\d.]+ L[\d.]+,[\d.]+ L[\d.]+,[\d.]+"/);
		expect(html).toContain('<th scope="row">2020-03-01</th><td>2</td>');
		expect(html).toContain('<th scope="row">2020-03-02</th><td>3</td>');
	});

	it("feeds the edition's facts and figures with attendance and countries", async () => {
		const res = await getAs(`/api/v1/editions/${editionId}/facts`, chair.cookie);
		const { data } = (await res.json()) as { data: { figures: { label: string; value: string }[] } };
		expect(data.figures).toEqual([
			{ label: "Attendees (confirmed registrations)", value: "4" },
			{ label: "Attendees' countries", value: "4" },
		]);
	});
});

describe("the public attendee list", () => {
	it("is a 404 until the committee turns it on, then names only confirmed attendees who consented", async () => {
		const path = `/s/${seriesSlug}/2031/attendees`;
		expect((await getAs(path)).status).toBe(404);
		const policy = (await (await getAs(api("/registration-policy"), chair.cookie)).json()) as { data: object };
		expect(
			(
				await sendJson(
					"PUT",
					api("/registration-policy"),
					{ ...policy.data, publicAttendeeList: true },
					{ cookie: chair.cookie },
				)
			).status,
		).toBe(200);
		const res = await getAs(path);
		expect(res.status).toBe(200);
		const html = await res.text();
		const names = [...html.matchAll(/<li>([^<]+)<span class="meta">/g)].map((m) => m[1]);
		// Dvořák and Şahin consented and are confirmed; Ørsted did not consent; "Gone" is cancelled; Kay Note did not consent.
		expect(names).toEqual(["Antonín Dvořák", "Uğur Şahin"]);
		expect(html).not.toContain("@example.org");
	});
});
