/**
 * Issue 17, "people from data": an edition's public people are a list (console and API), the
 * committee page and `{{committee}}` are rendered from it, a clone copies none of them, and a
 * named-lecture session is titled after its lecture and the edition's year when created or cloned.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { cloneEdition } from "../../../src/features/cloning";
import { NEVER_COPIED, PART_SPECS } from "../../../src/features/cloning/part-specs";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember, insertEdition } from "../../fixtures";
import { request, seed, testDb } from "../../helpers";

const AINM = "seed-series-ainm";
const AINM_2023 = "seed-edition-ainm-2023";
let chair: TestUser;
let reviewer: TestUser;

const html = async (path: string) => {
	const res = await request(path);
	expect(res.status).toBe(200);
	return res.text();
};
const count = async (sql: string, ...binds: unknown[]) =>
	(
		await env.DB.prepare(sql)
			.bind(...binds)
			.first<{ n: number }>()
	)?.n;

beforeAll(async () => {
	await seed();
	chair = await createTestUser("people-chair");
	reviewer = await createTestUser("people-reviewer");
});

describe("AINM 2023's committee page", () => {
	it("is rebuilt from the people list and reads as before: a heading per role, the names in order", async () => {
		const page = await html("/s/ainm/2023/p/committee");
		const groups = [...page.matchAll(/<h2[^>]*>([^<]*)<\/h2>\s*<ul>([\s\S]*?)<\/ul>/g)].map((m) => [
			m[1],
			[...(m[2] ?? "").matchAll(/<li>([^<]*)<\/li>/g)].map((li) => li[1]),
		]);
		expect(groups).toEqual([
			[
				"Organizing committee",
				[
					"Andor Glaudemans",
					"Rudi Dierckx",
					"Bart Scheerder",
					"Wiro Niessen",
					"Jan Pruim",
					"Dyah Dewi",
					"Ronald Borra",
					"Adriaan Lammertsma",
					"Charalampos Tsoumpas",
					"Riemer Slart",
				],
			],
			["Advisory input", ["Michel Koole", "Stefan Vandenberghe", "Dimitris Visvikis", "Habib Zaidi"]],
			["Organization support", ["Gerda Bakker", "Tanja Uhlen", "Joyce Wieringa", "PhD students"]],
		]);
	});
});

describe("the people list through the API and the console", () => {
	let editionId: string;
	beforeAll(async () => {
		({ id: editionId } = await insertEdition({
			seriesId: AINM,
			year: 2081,
			startDate: "2081-10-06",
			endDate: "2081-10-08",
			status: "published",
		}));
		await addCommitteeMember({ editionId, user: chair, role: "chair" });
		await addCommitteeMember({ editionId, user: reviewer, role: "reviewer" });
		await postForm(
			`/console/editions/${editionId}/pages`,
			{ title: "Committee", slug: "committee", body: "{{committee}}", navOrder: "0", published: "on" },
			chair.cookie,
		);
	});

	it("adds people with a role from the one list, lists them paged, and the committee page shows them escaped", async () => {
		const api = `/api/v1/editions/${editionId}/people`;
		const first = await sendJson(
			"POST",
			api,
			{
				name: "Ada <b>Example</b>",
				role: "scientific_committee",
				affiliation: "[x](javascript:alert(1))",
				position: 2,
			},
			{ cookie: chair.cookie },
		);
		expect(first.status).toBe(201);
		const second = await sendJson("POST", api, { name: "Ben Example", position: 1 }, { cookie: chair.cookie });
		expect(second.status).toBe(201);
		expect(((await second.json()) as { data: { role: string } }).data.role).toBe("organizing_committee");

		const list = await sendJson("GET", `${api}?limit=1`, undefined, { cookie: chair.cookie });
		const body = (await list.json()) as { data: { name: string }[]; page: { nextCursor: string | null } };
		expect(body.data.map((p) => p.name)).toEqual(["Ben Example"]);
		expect(body.page.nextCursor).not.toBeNull();

		const page = await html(`/s/ainm/2081/p/committee`);
		expect(page).toContain("<h2>Organizing committee</h2>");
		expect(page).toContain("<li>Ben Example</li>");
		expect(page).toContain("<h2>Scientific committee</h2>");
		expect(page).toContain("<li>Ada &lt;b&gt;Example&lt;/b&gt;, [x](javascript:alert(1))</li>");
		expect(page).not.toContain("<b>Example</b>");
		expect(page).not.toContain('href="javascript');
	});

	it("refuses a role off the list (400 naming the field) and a reviewer's write (403), writing nothing", async () => {
		const before = await count("select count(*) as n from edition_people where edition_id = ?", editionId);
		const bad = await sendJson(
			"POST",
			`/api/v1/editions/${editionId}/people`,
			{ name: "Cy Example", role: "keynote" },
			{ cookie: chair.cookie },
		);
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
			role: "Choose one of the options.",
		});
		const denied = await sendJson(
			"POST",
			`/api/v1/editions/${editionId}/people`,
			{ name: "Cy Example", role: "advisory" },
			{ cookie: reviewer.cookie },
		);
		expect(denied.status).toBe(403);
		expect(await count("select count(*) as n from edition_people where edition_id = ?", editionId)).toBe(before);
	});

	it("has a console page listing the people with their role", async () => {
		const res = await getAs(`/console/editions/${editionId}/people`, chair.cookie);
		expect(res.status).toBe(200);
		const page = await res.text();
		expect(page).toContain("Ben Example");
		expect(page).toContain("Scientific committee");
	});
});

describe("a clone of AINM 2023 into 2027", () => {
	const TARGET = "people-clone-2027";
	beforeAll(async () => {
		await insertEdition({
			id: TARGET,
			seriesId: AINM,
			year: 2027,
			name: "AINM 2027",
			startDate: "2027-10-04",
			endDate: "2027-10-06",
		});
		await cloneEdition(testDb(), {
			sourceEditionId: AINM_2023,
			targetEditionId: TARGET,
			parts: ["pages", "rooms_tracks", "program"],
			roomMap: {},
		});
	});

	it("copies no public people: the committee page is copied as written and names nobody", async () => {
		expect(await count("select count(*) as n from edition_people where edition_id = ?", AINM_2023)).toBe(18);
		expect(await count("select count(*) as n from edition_people where edition_id = ?", TARGET)).toBe(0);
		expect(await count("select count(*) as n from pages where edition_id = ? and body = '{{committee}}'", TARGET)).toBe(
			1,
		);
	});

	it("titles each named-lecture session after its lecture and the new year", async () => {
		const { results } = await env.DB.prepare(
			"select title from sessions where edition_id = ? and named_lecture_id is not null order by seq",
		)
			.bind(TARGET)
			.all<{ title: string }>();
		expect(results.map((r) => r.title)).toEqual(["Willem Vaalburg lecture 2027", "Anne Paans lecture 2027"]);
	});

	it("declares the people as never copied, in no part's tables", () => {
		const partTables = new Set(PART_SPECS.flatMap((spec) => Object.values(spec.tables)));
		const never = NEVER_COPIED.map((entry) => entry.table);
		expect(never.filter((table) => partTables.has(table as never))).toEqual([]);
		expect(NEVER_COPIED.find((entry) => entry.reason.startsWith("The public people"))).toBeDefined();
	});
});

describe("a named-lecture session created in the console or API", () => {
	it("is stored as '<lecture> <year>', and a later rename of the lecture leaves it", async () => {
		const { id } = await insertEdition({ seriesId: AINM, year: 2083, startDate: "2083-10-04", endDate: "2083-10-06" });
		await addCommitteeMember({ editionId: id, user: chair, role: "chair" });
		const created = await sendJson(
			"POST",
			`/api/v1/editions/${id}/sessions`,
			{
				kind: "named_lecture",
				title: "Vaalburg",
				day: 1,
				startTime: "09:00",
				durationMinutes: 45,
				namedLectureId: "seed-lecture-vaalburg",
			},
			{ cookie: chair.cookie },
		);
		expect(created.status).toBe(201);
		expect(((await created.json()) as { data: { title: string } }).data.title).toBe("Willem Vaalburg lecture 2083");
		await env.DB.prepare(
			"update named_lectures set name = 'Vaalburg memorial lecture' where id = 'seed-lecture-vaalburg'",
		).run();
		expect(
			await count(
				"select count(*) as n from sessions where edition_id = ? and title = 'Willem Vaalburg lecture 2083'",
				id,
			),
		).toBe(1);
		expect(
			await count(
				"select count(*) as n from sessions where edition_id = ? and title = 'Willem Vaalburg lecture 2023'",
				AINM_2023,
			),
		).toBe(1);
		await env.DB.prepare(
			"update named_lectures set name = 'Willem Vaalburg lecture' where id = 'seed-lecture-vaalburg'",
		).run();
	});
});
