/**
 * Series management: an institution's owners and admins start a series (its creator becomes the
 * first steward, in the same batch); stewards change its details and keep its named lectures.
 * Through the API and the console, with the permission answers and "nothing written" checks.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { request, seed } from "../../helpers";
import { rows } from "../hosting/helpers";
import { countRows, createTestInstitution, createTestSeries, type TestInstitution } from "../invitations/helpers";

let umc: TestInstitution;
let other: TestInstitution;
let stranger: TestUser;

beforeAll(async () => {
	await seed();
	[umc, other, stranger] = await Promise.all([
		createTestInstitution("umc"),
		createTestInstitution("other"),
		createTestUser("stranger"),
	]);
});

let n = 0;
const newSeries = (institutionId: string, changes: Record<string, unknown> = {}) => ({
	institutionId,
	slug: `series-${++n}-${Date.now().toString(36)}`,
	name: "European Symposium on Imaging Informatics",
	shortName: "ESII",
	...changes,
});

describe("POST /api/v1/series", () => {
	it("creates a series of the founding institution, with its creator as steward", async () => {
		const body = newSeries(umc.id, {
			description: "Every two years.",
			society: "EANM",
			logoUrl: "https://example.org/esii.svg",
		});
		const res = await sendJson("POST", "/api/v1/series", body, { cookie: umc.admin.cookie });
		expect(res.status).toBe(201);
		const { data } = await res.json<{ data: Record<string, unknown> }>();
		expect(data).toEqual({
			id: expect.any(String),
			slug: body.slug,
			name: "European Symposium on Imaging Informatics",
			shortName: "ESII",
			description: "Every two years.",
			cadenceYears: 2,
			society: "EANM",
			logoUrl: "https://example.org/esii.svg",
			brandPrimaryColor: "",
			brandAccentColor: "",
			partners: [],
			institutionId: umc.id,
			// A series made through the API is never one of the demo seed's made-up series.
			isDemo: false,
			url: `/s/${body.slug}`,
		});
		expect(await rows("select user_id from series_stewards where series_id = ?", data.id)).toEqual([
			{ user_id: umc.admin.id },
		]);
	});

	it("refuses a plain member of the institution (403) and someone outside it (404), writing nothing", async () => {
		const before = await countRows("series");
		expect((await sendJson("POST", "/api/v1/series", newSeries(umc.id), { cookie: umc.member.cookie })).status).toBe(
			403,
		);
		expect((await sendJson("POST", "/api/v1/series", newSeries(umc.id), { cookie: other.owner.cookie })).status).toBe(
			404,
		);
		expect((await sendJson("POST", "/api/v1/series", newSeries(umc.id), { cookie: stranger.cookie })).status).toBe(404);
		expect(await countRows("series")).toBe(before);
	});

	it("refuses a taken slug (409) without adding a steward anywhere", async () => {
		const stewards = await countRows("series_stewards");
		const res = await sendJson("POST", "/api/v1/series", newSeries(umc.id, { slug: "ainm" }), {
			cookie: umc.owner.cookie,
		});
		expect(res.status).toBe(409);
		expect((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			slug: "This slug is taken.",
		});
		expect(await countRows("series_stewards")).toBe(stewards);
	});

	it("refuses the reserved slug 'new' (the console's own address) with 400", async () => {
		const res = await sendJson("POST", "/api/v1/series", newSeries(umc.id, { slug: "new" }), {
			cookie: umc.owner.cookie,
		});
		expect(res.status).toBe(400);
		expect((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			slug: "This address is reserved: choose another.",
		});
	});
});

describe("PATCH /api/v1/series/{slug}", () => {
	it("lets a steward change the details, keeping the fields not sent", async () => {
		const s = await createTestSeries([umc.owner.id]);
		const res = await sendJson(
			"PATCH",
			`/api/v1/series/${s.slug}`,
			{ society: "SNMMI", cadenceYears: 3 },
			{ cookie: umc.owner.cookie },
		);
		expect(res.status).toBe(200);
		expect(await rows("select name, society, cadence_years from series where id = ?", s.id)).toEqual([
			{ name: `Series ${s.slug}`, society: "SNMMI", cadence_years: 3 },
		]);
	});

	it("refuses non-stewards (403), a slug change and bad values (400), changing nothing", async () => {
		const s = await createTestSeries([umc.owner.id]);
		const patch = (body: unknown, user: TestUser) =>
			sendJson("PATCH", `/api/v1/series/${s.slug}`, body, { cookie: user.cookie });
		expect((await patch({ society: "X" }, stranger)).status).toBe(403);
		expect((await patch({ slug: "renamed" }, umc.owner)).status).toBe(400);
		const bad = await patch({ cadenceYears: 0, logoUrl: "javascript:alert(1)" }, umc.owner);
		expect(bad.status).toBe(400);
		expect((await bad.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			cadenceYears: "Use 1 or more.",
			logoUrl: "Enter a web address starting with https://.",
		});
		expect(await rows("select slug, society, cadence_years from series where id = ?", s.id)).toEqual([
			{ slug: s.slug, society: "", cadence_years: 2 },
		]);
	});
});

describe("named lectures", () => {
	it("lets stewards add and edit lectures through the API, and anyone list them", async () => {
		const s = await createTestSeries([umc.owner.id]);
		const added = await sendJson(
			"POST",
			`/api/v1/series/${s.slug}/lectures`,
			{ name: "Łukasz Żółć lecture", honoree: "Łukasz Żółć" },
			{ cookie: umc.owner.cookie },
		);
		expect(added.status).toBe(201);
		const { data } = await added.json<{ data: { id: string; slug: string } }>();
		expect(data).toEqual({
			id: expect.any(String),
			slug: "lukasz-zolc",
			name: "Łukasz Żółć lecture",
			honoree: "Łukasz Żółć",
			description: "",
		});
		const edited = await sendJson(
			"PATCH",
			`/api/v1/series/${s.slug}/lectures/${data.id}`,
			{ description: "For young researchers." },
			{ cookie: umc.owner.cookie },
		);
		expect(edited.status).toBe(200);
		const listed = await request(`/api/v1/series/${s.slug}/lectures`);
		expect((await listed.json<{ data: unknown[] }>()).data).toEqual([
			{
				id: data.id,
				slug: "lukasz-zolc",
				name: "Łukasz Żółć lecture",
				honoree: "Łukasz Żółć",
				description: "For young researchers.",
			},
		]);
	});

	it("refuses a second lecture for the same honoree (409) and non-stewards (403)", async () => {
		const s = await createTestSeries([umc.owner.id]);
		const add = (user: TestUser) =>
			sendJson(
				"POST",
				`/api/v1/series/${s.slug}/lectures`,
				{ name: "Paans lecture", honoree: "Anne Paans" },
				{ cookie: user.cookie },
			);
		expect((await add(umc.owner)).status).toBe(201);
		const again = await add(umc.owner);
		expect(again.status).toBe(409);
		expect((await again.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			honoree: "This series already has a lecture in this person's honour.",
		});
		expect((await add(stranger)).status).toBe(403);
		expect(await countRows("named_lectures", "series_id = ?", s.id)).toBe(1);
	});

	it("answers a lecture of another series with 404", async () => {
		const s = await createTestSeries([umc.owner.id]);
		const res = await sendJson(
			"PATCH",
			`/api/v1/series/${s.slug}/lectures/seed-lecture-vaalburg`,
			{ description: "Hijacked" },
			{ cookie: umc.owner.cookie },
		);
		expect(res.status).toBe(404);
		expect(await rows("select description from named_lectures where id = 'seed-lecture-vaalburg'")).not.toEqual([
			{ description: "Hijacked" },
		]);
	});
});

describe("console", () => {
	it("starts a series from the form, offering only institutions the user administers", async () => {
		const page = await getAs("/console/series/new", umc.owner.cookie);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`<option value="${umc.id}">Institution umc</option>`);
		expect(html).not.toContain(`<option value="${other.id}">`);

		const body = newSeries(umc.id);
		const res = await postForm("/console/series/new", { ...body, cadenceYears: "2" }, umc.owner.cookie);
		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/console/series/${body.slug}?notice=series_created`);
		const details = await getAs(res.headers.get("Location") ?? "", umc.owner.cookie);
		expect(details.status).toBe(200);
		expect(await details.text()).toContain("Series created. You are its steward.");
	});

	it("tells someone who administers no institution how to start one", async () => {
		const html = await (await getAs("/console/series/new", stranger.cookie)).text();
		expect(html).toContain("Only owners and admins of an institution can start a series.");
		expect(html).not.toContain('name="slug"');
	});

	it("shows a taken slug beside the field", async () => {
		const res = await postForm(
			"/console/series/new",
			{ ...newSeries(umc.id), slug: "ainm", cadenceYears: "2" },
			umc.owner.cookie,
		);
		expect(res.status).toBe(409);
		expect(await res.text()).toContain('<p class="field-error" id="field-slug-error">This slug is taken.</p>');
	});

	it("edits the details and adds and edits named lectures", async () => {
		const s = await createTestSeries([umc.owner.id]);
		const saved = await postForm(
			`/console/series/${s.slug}`,
			{ name: "Renamed series", shortName: "REN", description: "", cadenceYears: "2", society: "EANM", logoUrl: "" },
			umc.owner.cookie,
		);
		expect(saved.status).toBe(303);
		expect(await rows("select name, short_name, society from series where id = ?", s.id)).toEqual([
			{ name: "Renamed series", short_name: "REN", society: "EANM" },
		]);

		const added = await postForm(
			`/console/series/${s.slug}/lectures`,
			{ name: "Vaalburg lecture", honoree: "Willem Vaalburg", description: "" },
			umc.owner.cookie,
		);
		expect(added.status).toBe(303);
		const [lecture] = await rows<{ id: string }>("select id from named_lectures where series_id = ?", s.id);
		const edited = await postForm(
			`/console/series/${s.slug}/lectures/${lecture?.id}`,
			{ name: "Willem Vaalburg lecture", honoree: "Willem Vaalburg", description: "Since 2023." },
			umc.owner.cookie,
		);
		expect(edited.status).toBe(303);
		expect(await rows("select slug, name, description from named_lectures where series_id = ?", s.id)).toEqual([
			{ slug: "willem-vaalburg", name: "Willem Vaalburg lecture", description: "Since 2023." },
		]);
	});

	it("keeps the series' console pages to its stewards", async () => {
		const s = await createTestSeries([umc.owner.id]);
		expect((await getAs(`/console/series/${s.slug}`, stranger.cookie)).status).toBe(403);
		expect((await getAs(`/console/series/${s.slug}/lectures`, stranger.cookie)).status).toBe(403);
		expect((await getAs(`/console/series/${s.slug}`)).status).toBe(303);
	});
});
