import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
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
