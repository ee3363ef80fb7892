import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../../src/auth/sessions";
import { EDITION_ID as AINM_2023 } from "../../../src/cli/seed/ainm";
import { DEMO_EDITION_IDS, demoDates } from "../../../src/cli/seed/demo-series";
import { seedDemo } from "../../../src/cli/seed/seed";
import { resolveOffset } from "../../../src/lib/zoned-time";
import { contentUrl, seriesConsoleUrl } from "../../../src/urls";
import { DEMO_NOTICE } from "../../../src/views/demo-banner";
import { getAs } from "../../auth-helpers";
import { request, testDb } from "../../helpers";

/** The day the seed runs in this file: 8 December 2026, 10:00 in Amsterdam. */
const NOW = new Date("2026-12-08T09:00:00Z");

const all = async <T = Record<string, unknown>>(sql: string, ...params: unknown[]) =>
	(
		await env.DB.prepare(sql)
			.bind(...params)
			.all<T>()
	).results;

/** RFC 2606 example domains and RFC 6761's .test: no mail to them reaches anyone. */
const RESERVED_ADDRESS = /^[a-z0-9.]+@(example\.(org|com|net)|[a-z0-9-]+(\.[a-z0-9-]+)*\.test)$/;

beforeAll(() => seedDemo(testDb(), { now: NOW }));

describe("the demo series", () => {
	it("is a made-up series, flagged as a demo, hosted by a made-up institution", async () => {
		expect(
			await all(
				"select s.slug, s.name, s.is_demo, i.name as host, i.city from series s join institutions i on i.id = s.institution_id where s.slug = 'demo'",
			),
		).toEqual([
			{
				slug: "demo",
				name: "Baton Demo Symposium",
				is_demo: 1,
				host: "Demo University Hospital",
				city: "Demoville (fictional)",
			},
		]);
		expect(await all("select slug, is_demo from series where slug = 'ainm'")).toEqual([{ slug: "ainm", is_demo: 0 }]);
	});

	it("dates its three editions from the seed day: archived two years ago, held three days ago, published four months ahead", async () => {
		expect(
			await all(
				"select id, year, start_date, end_date, status from editions where series_id = 'seed-series-demo' order by start_date",
			),
		).toEqual([
			{
				id: DEMO_EDITION_IDS.earlier,
				year: 2024,
				start_date: "2024-12-03",
				end_date: "2024-12-05",
				status: "archived",
			},
			{ id: DEMO_EDITION_IDS.held, year: 2026, start_date: "2026-12-03", end_date: "2026-12-05", status: "held" },
			{ id: DEMO_EDITION_IDS.next, year: 2027, start_date: "2027-04-07", end_date: "2027-04-09", status: "published" },
		]);
	});

	it("moves the next edition to the next year when four months ahead is still the held edition's year", () => {
		const march = demoDates(new Date("2026-03-10T12:00:00Z"));
		expect(march.editions).toEqual({
			earlier: { year: 2024, startDate: "2024-03-05", endDate: "2024-03-07" },
			held: { year: 2026, startDate: "2026-03-05", endDate: "2026-03-07" },
			next: { year: 2027, startDate: "2027-01-14", endDate: "2027-01-16" },
		});
		expect(march.daysToNext).toBe(310);
	});

	it("seeded again on a later day, moves every edition without meeting the one-edition-per-year rule", async () => {
		const db = testDb();
		await seedDemo(db, { now: new Date("2027-12-08T09:00:00Z") });
		expect(
			await all("select year, status from editions where series_id = 'seed-series-demo' order by start_date"),
		).toEqual([
			{ year: 2025, status: "archived" },
			{ year: 2027, status: "held" },
			{ year: 2028, status: "published" },
		]);
		await seedDemo(db, { now: NOW });
		expect(await all("select year from editions where series_id = 'seed-series-demo' order by start_date")).toEqual([
			{ year: 2024 },
			{ year: 2026 },
			{ year: 2027 },
		]);
	});

	it("has the next edition's ticket sales and call for abstracts open on the seed day, in the edition's zone", async () => {
		const edition = { startDate: "2027-04-07", timeZone: "Europe/Amsterdam" };
		const tickets = await all<{
			name: string;
			price_cents: number;
			capacity: number | null;
			includes: string;
			opens: number;
			open_time: string;
			closes: number;
			close_time: string;
		}>(
			`select name, price_cents, capacity, includes, sales_open_offset_days as opens, sales_open_time as open_time,
			 sales_close_offset_days as closes, sales_close_time as close_time from ticket_types where edition_id = ? order by position`,
			DEMO_EDITION_IDS.next,
		);
		expect(tickets.map(({ name, price_cents, capacity }) => ({ name, price_cents, capacity }))).toEqual([
			{ name: "Student", price_cents: 0, capacity: 20 },
			{ name: "Regular", price_cents: 25000, capacity: null },
		]);
		for (const t of tickets) {
			expect(t.includes, t.name).not.toBe("");
			expect(resolveOffset(edition, t.opens, t.open_time) < NOW, t.name).toBe(true);
			expect(resolveOffset(edition, t.closes, t.close_time) > NOW, t.name).toBe(true);
		}
		const [call] = await all<{ opens: number; opens_time: string; closes: number; closes_time: string }>(
			"select opens_offset_days as opens, opens_time, closes_offset_days as closes, closes_time from abstract_calls where edition_id = ?",
			DEMO_EDITION_IDS.next,
		);
		expect(call).toBeDefined();
		if (!call) return;
		expect(resolveOffset(edition, call.opens, call.opens_time) < NOW).toBe(true);
		expect(resolveOffset(edition, call.closes, call.closes_time).toISOString()).toBe("2027-01-07T22:59:00.000Z");
		expect(
			await all(
				"select capacity, cancel_until_offset_days as cancel, edit_until_offset_days as edit, cancellation_policy != '' as policy from registration_policies where edition_id = ?",
				DEMO_EDITION_IDS.next,
			),
		).toEqual([{ capacity: 150, cancel: -14, edit: -3, policy: 1 }]);
	});

	it("gives the held edition an evaluation survey and the next one two tracks, speakers, named lectures, pages and sponsors", async () => {
		const counts = async (editionId: string) =>
			(
				await env.DB.batch(
					[
						"survey_questions",
						"tracks",
						"speakers",
						"sessions",
						"pages",
						"sponsors",
						"edition_people",
						"registration_fields",
					].map((t) => env.DB.prepare(`select count(*) as n from ${t} where edition_id = ?`).bind(editionId)),
				)
			).map((r) => (r.results[0] as { n: number }).n);
		expect(await counts(DEMO_EDITION_IDS.held)).toEqual([4, 2, 6, 9, 3, 2, 4, 3]);
		expect(await counts(DEMO_EDITION_IDS.next)).toEqual([4, 2, 6, 9, 3, 2, 4, 3]);
		expect(
			await all(
				"select s.title from sessions s join named_lectures l on l.id = s.named_lecture_id where s.edition_id = ? order by s.seq",
				DEMO_EDITION_IDS.next,
			),
		).toEqual([{ title: "Ada Example lecture 2027" }, { title: "Grace Sample lecture 2027" }]);
		expect(
			await all("select count(*) as n from speakers where edition_id like 'seed-edition-demo-%' and fictional = 0"),
		).toEqual([{ n: 0 }]);
	});

	it("fills the Student ticket of the next edition with a waiting list, some Regular, and the demo attendee's registration", async () => {
		expect(
			await all(
				`select t.name, r.status, count(*) as n from registrations r join ticket_types t on t.id = r.ticket_type_id
				 where r.edition_id = ? group by t.name, r.status order by t.name, r.status`,
				DEMO_EDITION_IDS.next,
			),
		).toEqual([
			{ name: "Regular", status: "confirmed", n: 6 },
			{ name: "Student", status: "confirmed", n: 20 },
			{ name: "Student", status: "waitlisted", n: 3 },
		]);
		expect(
			await all(
				"select r.email, r.status, u.email as account from registrations r join users u on u.id = r.user_id where r.edition_id = ?",
				DEMO_EDITION_IDS.next,
			),
		).toEqual([{ email: "attendee@baton.test", status: "confirmed", account: "attendee@baton.test" }]);
	});
});

describe("AINM 2023's made-up registrations", () => {
	it("number about 250, all confirmed, from at least 20 countries and every audience role", async () => {
		const [row] = await all<{ n: number; countries: number; roles: number; confirmed: number }>(
			`select count(*) as n, count(distinct country) as countries, count(distinct role) as roles,
			 sum(status = 'confirmed') as confirmed from registrations where edition_id = ?`,
			AINM_2023,
		);
		expect(row).toEqual({ n: 252, countries: row?.countries, roles: 6, confirmed: 252 });
		expect(row?.countries).toBeGreaterThanOrEqual(20);
		const continents = await all<{ country: string }>(
			"select distinct country from registrations where edition_id = ? and country in ('US', 'BR', 'CN', 'JP', 'IN', 'ZA', 'AU')",
			AINM_2023,
		);
		expect(continents.length).toBeGreaterThanOrEqual(5);
	});

	it("have made-up names (diacritics included) and only addresses on reserved domains, in every edition", async () => {
		const emails = await all<{ email: string }>("select email from registrations");
		expect(emails.length).toBe(281);
		for (const { email } of emails) expect(email).toMatch(RESERVED_ADDRESS);
		const names = (await all<{ name: string }>("select name from registrations where edition_id = ?", AINM_2023)).map(
			(r) => r.name,
		);
		expect(names.some((name) => /[^\u0020-\u007e]/.test(name))).toBe(true);
		expect(new Set(names).size).toBeGreaterThan(150);
	});

	it("came in over the months before the event, more of them near its end, never after registration closed", async () => {
		const byMonth = await all<{ month: string; n: number }>(
			"select strftime('%Y-%m', created_at / 1000, 'unixepoch') as month, count(*) as n from registrations where edition_id = ? group by month order by month",
			AINM_2023,
		);
		expect(byMonth.map((m) => m.month)).toEqual([
			"2023-02",
			"2023-03",
			"2023-04",
			"2023-05",
			"2023-06",
			"2023-07",
			"2023-08",
			"2023-09",
			"2023-10",
		]);
		const count = (month: string) => byMonth.find((m) => m.month === month)?.n ?? 0;
		expect(count("2023-09")).toBeGreaterThan(count("2023-05"));
		const [last] = await all<{ at: number }>(
			"select max(created_at) as at from registrations where edition_id = ?",
			AINM_2023,
		);
		expect((last?.at ?? 0) < Date.parse("2023-10-07T00:00:00Z")).toBe(true);
	});

	it("are the same rows on every run (a seeded generator, not Math.random)", async () => {
		const snapshot = () =>
			all(
				"select id, name, email, country, role, created_at from registrations where edition_id = ? order by id",
				AINM_2023,
			);
		const before = await snapshot();
		await seedDemo(testDb(), { now: NOW });
		expect(await snapshot()).toEqual(before);
	});

	it("claim no price: AINM 2023's one ticket costs nothing recorded, and its registration page says so, not 'Free'", async () => {
		expect(await all("select name, price_cents from ticket_types where edition_id = ?", AINM_2023)).toEqual([
			{ name: "Participant", price_cents: 0 },
		]);
		expect(await all("select distinct price_cents from registrations where edition_id = ?", AINM_2023)).toEqual([
			{ price_cents: 0 },
		]);
		const html = await (await request("/s/ainm/2023/register")).text();
		expect(html).toContain('<p class="price">Price not recorded</p>');
		expect(html).not.toContain("Free");
		expect(html).not.toContain("€");
	});
});

describe("the demo banner", () => {
	const banner = `<p class="notice demo-banner" role="note"><strong>${DEMO_NOTICE}</strong></p>`;

	it("is on the demo series' page and every subsite page of its editions, whose home claims no event in structured data", async () => {
		for (const path of ["/s/demo", "/s/demo/2027", "/s/demo/2027/program", "/s/demo/2027/register", "/s/demo/2026"]) {
			const response = await request(path);
			expect(response.status, path).toBe(200);
			expect(await response.text(), path).toContain(banner);
		}
		expect(await (await request("/s/demo/2027")).text()).not.toContain("application/ld+json");
	});

	it("is on no AINM page, whose home keeps its structured data", async () => {
		for (const path of ["/s/ainm", "/s/ainm/2023", "/s/ainm/2023/program", "/s/ainm/2023/register"]) {
			const html = await (await request(path)).text();
			expect(html, path).not.toContain("demo-banner");
			expect(html, path).not.toContain(DEMO_NOTICE);
		}
		expect(await (await request("/s/ainm/2023")).text()).toContain("application/ld+json");
	});

	it("frames the console pages of a demo series and its editions, and no page of AINM's", async () => {
		const db = testDb();
		const host = `${SESSION_COOKIE}=${await createSession(db, "seed-user-host")}`;
		const chair = `${SESSION_COOKIE}=${await createSession(db, "seed-user-chair")}`;
		for (const path of [
			contentUrl(DEMO_EDITION_IDS.next),
			`/console/editions/${DEMO_EDITION_IDS.held}/mail`,
			seriesConsoleUrl({ slug: "demo" }),
		]) {
			const response = await getAs(path, host);
			expect(response.status, path).toBe(200);
			expect(await response.text(), path).toContain(banner);
		}
		const steward = `${SESSION_COOKIE}=${await createSession(db, "seed-user-steward")}`;
		for (const [path, cookie] of [
			[contentUrl(AINM_2023), chair],
			[`/console/editions/${AINM_2023}/mail`, chair],
			["/console", chair],
			[seriesConsoleUrl({ slug: "ainm" }), steward],
		] as const) {
			const response = await getAs(path, cookie);
			expect(response.status, path).toBe(200);
			expect(await response.text(), path).not.toContain(DEMO_NOTICE);
		}
	});
});
