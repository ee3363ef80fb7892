/**
 * Issue 17, "series identity travels by itself": a steward sets the series' brand colours and
 * standing partners; every edition's pages show them unless the edition set its own.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../../src/auth/sessions";
import { sendJson } from "../../auth-helpers";
import { insertEdition } from "../../fixtures";
import { request, seed, testDb } from "../../helpers";

let steward: string;
const page = async (path: string) => (await request(path)).text();

beforeAll(async () => {
	await seed();
	steward = `${SESSION_COOKIE}=${await createSession(testDb(), "seed-user-steward")}`;
});

describe("the series' identity on its editions' pages", () => {
	it("shows AINM's seeded partners (society and journal, no logo) on every page of AINM 2023", async () => {
		for (const path of ["/s/ainm/2023", "/s/ainm/2023/program", "/s/ainm/2023/p/committee"]) {
			const html = await page(path);
			expect(html, path).toContain(
				'<aside class="series-partners" aria-label="Partners of AINM"><p>AINM partners: <a href="https://www.eanm.org/" rel="noopener">European Association of Nuclear Medicine (EANM)</a> (affiliated society) · <a href="https://www.frontiersin.org/journals/nuclear-medicine" rel="noopener">Frontiers in Nuclear Medicine</a> (journal partner)</p></aside>',
			);
			expect(html, path).not.toContain("masthead-logo");
		}
	});

	it("a steward's brand colours, logo and partners reach an edition on Baton's defaults, not one with its own", async () => {
		await insertEdition({
			seriesId: "seed-series-ainm",
			year: 2091,
			startDate: "2091-10-01",
			endDate: "2091-10-03",
			status: "published",
		});
		await insertEdition({
			seriesId: "seed-series-ainm",
			year: 2093,
			startDate: "2093-10-01",
			endDate: "2093-10-03",
			status: "published",
			primaryColor: "#225522",
			logoUrl: "https://example.org/own.svg",
		});
		const res = await sendJson(
			"PATCH",
			"/api/v1/series/ainm",
			{
				brandPrimaryColor: "#552255",
				logoUrl: "https://example.org/ainm.svg",
				partners: [{ name: "Example Journal", kind: "journal", url: "https://journal.example/" }],
			},
			{ cookie: steward },
		);
		expect(res.status).toBe(200);

		const branded = await page("/s/ainm/2091");
		expect(branded).toContain('<img class="masthead-logo" src="https://example.org/ainm.svg"');
		expect(branded).toContain("552255");
		expect(branded).toContain(
			'<a href="https://journal.example/" rel="noopener">Example Journal</a> (journal partner)',
		);
		const own = await page("/s/ainm/2093");
		expect(own).toContain('<img class="masthead-logo" src="https://example.org/own.svg"');
		expect(own).toContain("225522");
		expect(own).not.toContain("552255");
		expect(own).toContain("Example Journal");
	});

	it("refuses a partner without a name or of an unknown kind (400 naming the field)", async () => {
		const res = await sendJson(
			"PATCH",
			"/api/v1/series/ainm",
			{ partners: [{ name: "", kind: "sponsor" }] },
			{ cookie: steward },
		);
		expect(res.status).toBe(400);
		const { error } = (await res.json()) as { error: { fields: Record<string, string> } };
		expect(Object.keys(error.fields).sort()).toEqual(["partners.0.kind", "partners.0.name"]);
	});
});
