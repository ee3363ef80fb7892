import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { passwordProblem, verifyPassword } from "../../../src/auth/passwords";
import { DEMO_PASSWORD } from "../../../src/db/seed/demo-accounts";
import { seed } from "../../helpers";

const COUNTED = [
	"series",
	"editions",
	"named_lectures",
	"tracks",
	"rooms",
	"speakers",
	"sessions",
	"talks",
	"talk_speakers",
	"users",
	"institutions",
	"institution_members",
	"series_stewards",
	"edition_members",
];

async function rowCounts(): Promise<Record<string, number>> {
	const results = await env.DB.batch(COUNTED.map((t) => env.DB.prepare(`select count(*) as n from ${t}`)));
	return Object.fromEntries(COUNTED.map((t, i) => [t, (results[i]?.results[0] as { n: number } | undefined)?.n ?? 0]));
}

describe("seedDemo", () => {
	it("loads the AINM series and its 2023 edition", async () => {
		await seed();
		expect(await rowCounts()).toEqual({
			series: 1,
			editions: 1,
			named_lectures: 2,
			tracks: 2,
			rooms: 3,
			speakers: 4,
			sessions: 13,
			talks: 4,
			talk_speakers: 4,
			users: 6,
			institutions: 1,
			institution_members: 2,
			series_stewards: 1,
			edition_members: 4,
		});
		const edition = await env.DB.prepare(
			"select name, start_date, end_date, time_zone, city, country, status from editions",
		).first();
		expect(edition).toEqual({
			name: "AINM 2023",
			start_date: "2023-10-09",
			end_date: "2023-10-11",
			time_zone: "Europe/Amsterdam",
			city: "Groningen",
			country: "NL",
			status: "archived",
		});
	});

	it("adds one verified demo account per role, all with the demo password", async () => {
		await seed();
		const { results } = await env.DB.prepare(
			"select email, email_verified_at is not null as verified, password_hash from users order by email",
		).all<{ email: string; verified: number; password_hash: string }>();
		expect(results.map(({ email, verified }) => [email, verified])).toEqual(
			["attendee", "chair", "mentor", "organizer", "reviewer", "steward"].map((role) => [`${role}@baton.test`, 1]),
		);
		for (const { password_hash } of results) expect(await verifyPassword(password_hash, DEMO_PASSWORD)).toBe(true);
		expect(passwordProblem(DEMO_PASSWORD)).toBeNull();
	});

	it("gives each demo account its role", async () => {
		await seed();
		const roles = await env.DB.batch([
			env.DB.prepare(
				"select u.email, i.slug, m.role from institution_members m join users u on u.id = m.user_id join institutions i on i.id = m.institution_id order by u.email",
			),
			env.DB.prepare("select u.email from series_stewards s join users u on u.id = s.user_id"),
			env.DB.prepare(
				"select u.email, m.role, m.mentor_until from edition_members m join users u on u.id = m.user_id order by u.email",
			),
		]);
		expect(roles.map((r) => r.results)).toEqual([
			[
				{ email: "chair@baton.test", slug: "umcg", role: "owner" },
				{ email: "organizer@baton.test", slug: "umcg", role: "member" },
			],
			[{ email: "steward@baton.test" }],
			[
				{ email: "chair@baton.test", role: "chair", mentor_until: null },
				{ email: "mentor@baton.test", role: "mentor", mentor_until: "2099-12-31" },
				{ email: "organizer@baton.test", role: "organizer", mentor_until: null },
				{ email: "reviewer@baton.test", role: "reviewer", mentor_until: null },
			],
		]);
	});

	it("is idempotent: seeding again changes no counts and restores edited seed rows", async () => {
		await seed();
		const before = await rowCounts();
		await env.DB.prepare("update editions set city = 'Elsewhere' where year = 2023").run();
		await seed();
		expect(await rowCounts()).toEqual(before);
		const city = await env.DB.prepare("select city from editions where year = 2023").first<{ city: string }>();
		expect(city?.city).toBe("Groningen");
	});
});
