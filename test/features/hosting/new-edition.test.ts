/**
 * Creating an edition directly (not through a call for hosts): who may (the founding institution's
 * owners and admins for a series' first edition at home; stewards who administer the host), the
 * edition row and its chair written together, and nothing written when a rule refuses it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { seed } from "../../helpers";
import {
	addInstitutionMember,
	countRows,
	createTestEdition,
	createTestInstitution,
	type TestInstitution,
} from "../invitations/helpers";
import { freezeClock, insertSeries, rows } from "./helpers";

let groningen: TestInstitution;
let leuven: TestInstitution;

beforeAll(async () => {
	freezeClock();
	await seed();
	[groningen, leuven] = await Promise.all([createTestInstitution("groningen"), createTestInstitution("leuven")]);
});

afterAll(() => {
	vi.useRealTimers();
});

const EDITION = {
	year: 2025,
	startDate: "2025-10-06",
	endDate: "2025-10-08",
	timeZone: "Europe/Amsterdam",
	city: "Groningen",
	country: "NL",
	venueName: "Martiniplaza",
};

const create = (slug: string, hostInstitutionId: string, user: TestUser, changes: Record<string, unknown> = {}) =>
	sendJson(
		"POST",
		`/api/v1/series/${slug}/editions`,
		{ hostInstitutionId, ...EDITION, ...changes },
		{ cookie: user.cookie },
	);

describe("POST /api/v1/series/{slug}/editions", () => {
	it("lets the founding institution's admin create the first edition at home: a draft, with them as chair", async () => {
		const s = await insertSeries({ institutionId: groningen.id });
		const res = await create(s.slug, groningen.id, groningen.admin);
		expect(res.status).toBe(201);
		const { data } = await res.json<{ data: Record<string, unknown> }>();
		expect(data).toMatchObject({ year: 2025, name: `${s.shortName} 2025`, status: "draft", url: `/s/${s.slug}/2025` });
		expect(
			await rows(
				"select year, name, start_date, end_date, time_zone, city, country, venue_name, host_name, host_institution_id, status from editions where series_id = ?",
				s.id,
			),
		).toEqual([
			{
				year: 2025,
				name: `${s.shortName} 2025`,
				start_date: "2025-10-06",
				end_date: "2025-10-08",
				time_zone: "Europe/Amsterdam",
				city: "Groningen",
				country: "NL",
				venue_name: "Martiniplaza",
				host_name: "Institution groningen",
				host_institution_id: groningen.id,
				status: "draft",
			},
		]);
		expect(await rows("select user_id, role from edition_members where edition_id = ?", data.id)).toEqual([
			{ user_id: groningen.admin.id, role: "chair" },
		]);
	});

	it("does not let the founder's admins create an edition once the series has one (403), nor one hosted elsewhere", async () => {
		const s = await insertSeries({ institutionId: groningen.id });
		await createTestEdition("draft", s.id);
		expect((await create(s.slug, groningen.id, groningen.owner)).status).toBe(403);

		const fresh = await insertSeries({ institutionId: groningen.id });
		await addInstitutionMember(leuven.id, groningen.admin.id, "admin");
		expect((await create(fresh.slug, leuven.id, groningen.admin)).status).toBe(403);
		expect(await countRows("editions", "series_id in (?, ?)", s.id, fresh.id)).toBe(1);
	});

	it("lets a steward who administers the host create a later edition there", async () => {
		const s = await insertSeries({ stewardIds: [leuven.owner.id] });
		await createTestEdition("published", s.id);
		const res = await create(s.slug, leuven.id, leuven.owner, { city: "Leuven", country: "BE" });
		expect(res.status).toBe(201);
		expect(await rows("select host_institution_id from editions where series_id = ? and year = 2025", s.id)).toEqual([
			{ host_institution_id: leuven.id },
		]);
	});

	it("hides a host institution the caller is not a member of (404) and refuses a plain member (403)", async () => {
		const outsider = await createTestUser("outsider");
		const s = await insertSeries({ stewardIds: [leuven.member.id, outsider.id], institutionId: leuven.id });
		expect((await create(s.slug, leuven.id, outsider)).status).toBe(404);
		expect((await create(s.slug, leuven.id, leuven.member)).status).toBe(403);
		expect((await create("no-such-series", leuven.id, leuven.owner)).status).toBe(404);
		expect(await countRows("editions", "series_id = ?", s.id)).toBe(0);
	});

	it("refuses dates that do not fit (422) and a taken year (409), writing nothing", async () => {
		const s = await insertSeries({ institutionId: groningen.id });
		const backwards = await create(s.slug, groningen.id, groningen.owner, { endDate: "2025-10-01" });
		expect(backwards.status).toBe(422);
		const wrongYear = await create(s.slug, groningen.id, groningen.owner, {
			startDate: "2026-10-06",
			endDate: "2026-10-08",
		});
		expect(wrongYear.status).toBe(422);
		expect((await wrongYear.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			startDate: "Choose a day in 2025, the edition's year.",
			endDate: "Choose a day in 2025, the edition's year.",
		});
		expect(await countRows("editions", "series_id = ?", s.id)).toBe(0);

		expect((await create(s.slug, groningen.id, groningen.owner)).status).toBe(201);
		const other = await insertSeries({ stewardIds: [groningen.owner.id] });
		const edition = await create(other.slug, groningen.id, groningen.owner);
		expect(edition.status).toBe(201);
		const taken = await create(other.slug, groningen.id, groningen.owner, { city: "Elsewhere" });
		expect(taken.status).toBe(409);
		expect(await rows("select city from editions where series_id = ?", other.id)).toEqual([{ city: "Groningen" }]);
		expect(
			await countRows("edition_members", "edition_id in (select id from editions where series_id = ?)", other.id),
		).toBe(1);
	});
});

describe("console: /console/series/:slug/editions/new", () => {
	it("offers the institutions the user administers and creates the edition from the form", async () => {
		const s = await insertSeries({ institutionId: groningen.id });
		const page = await getAs(`/console/series/${s.slug}/editions/new`, groningen.admin.cookie);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`<option value="${groningen.id}">Institution groningen</option>`);
		expect(html).toContain("has no edition yet");
		const res = await postForm(
			`/console/series/${s.slug}/editions/new`,
			{ hostInstitutionId: groningen.id, ...EDITION, year: "2025" },
			groningen.admin.cookie,
		);
		expect(res.status).toBe(303);
		const [edition] = await rows<{ id: string }>("select id from editions where series_id = ?", s.id);
		expect(res.headers.get("Location")).toBe(`/console/editions/${edition?.id}/committee?notice=edition_created`);
	});

	it("shows a taken year beside the year field", async () => {
		const other = await insertSeries({ stewardIds: [groningen.owner.id] });
		expect((await create(other.slug, groningen.id, groningen.owner)).status).toBe(201);
		const res = await postForm(
			`/console/series/${other.slug}/editions/new`,
			{ hostInstitutionId: groningen.id, ...EDITION, year: "2025" },
			groningen.owner.cookie,
		);
		expect(res.status).toBe(409);
		expect(await res.text()).toContain(
			`<p class="field-error" id="field-year-error">${other.shortName} 2025 exists already: choose another year.</p>`,
		);
	});
});
