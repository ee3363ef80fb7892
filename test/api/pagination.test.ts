/**
 * Every API list answers in pages (README, "Limits"): `?limit=` (default 50, at most 200) and an
 * opaque `cursor`; `page.nextCursor` is null on the last page. Walking the pages returns every
 * item exactly once, in the list's order, even when the last item shown is removed in between.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../src/features/content/collections";
import { newId } from "../../src/lib/ids";
import { insertEdition } from "../fixtures";
import { request, seed } from "../helpers";

interface Page<T> {
	data: T[];
	page: { limit: number; nextCursor: string | null };
}
interface ErrorBody {
	error: { code: string; message: string; fields?: Record<string, string> };
}

let slug: string;
/** The years of the series' seven published editions, newest first (the list's order). */
const YEARS = [2030, 2029, 2028, 2027, 2026, 2025, 2024];

beforeAll(async () => {
	await seed();
	const id = newId();
	slug = `paged-${id.slice(0, 8)}`;
	await env.DB.prepare("insert into series (id, slug, name, short_name) values (?, ?, 'Paged', 'PG')")
		.bind(id, slug)
		.run();
	for (const year of YEARS) {
		await insertEdition({
			seriesId: id,
			year,
			startDate: `${year}-05-01`,
			endDate: `${year}-05-02`,
			status: "published",
		});
	}
});

const editionsPage = async (query: string) => {
	const res = await request(`/api/v1/series/${slug}/editions${query}`);
	return { res, body: await res.json<Page<{ year: number }>>() };
};

/** Follows nextCursor from the first page to the last; the years of every page. */
async function walk(limit: number): Promise<number[][]> {
	const pages: number[][] = [];
	let cursor: string | null = null;
	do {
		const { res, body } = await editionsPage(`?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
		expect(res.status).toBe(200);
		expect(body.page.limit).toBe(limit);
		pages.push(body.data.map((e) => e.year));
		cursor = body.page.nextCursor;
	} while (cursor !== null && pages.length < 20);
	return pages;
}

describe("walking the pages of a list", () => {
	it("returns every item exactly once, in order, three at a time", async () => {
		expect(await walk(3)).toEqual([[2030, 2029, 2028], [2027, 2026, 2025], [2024]]);
	});

	it("ends with a null nextCursor when the last page is full", async () => {
		expect(await walk(7)).toEqual([YEARS]);
	});

	it("answers 50 at most without a limit, and says so", async () => {
		const { res, body } = await editionsPage("");
		expect(res.status).toBe(200);
		expect(body.page).toEqual({ limit: 50, nextCursor: null });
		expect(body.data.map((e) => e.year)).toEqual(YEARS);
	});

	it("goes on after the last item shown even when that item is gone, skipping nothing", async () => {
		const first = await editionsPage("?limit=3");
		expect(first.body.data.map((e) => e.year)).toEqual([2030, 2029, 2028]);
		const cursor = first.body.page.nextCursor;
		await env.DB.prepare(
			"update editions set status = 'draft' where series_id = (select id from series where slug = ?) and year = 2028",
		)
			.bind(slug)
			.run();
		try {
			const next = await editionsPage(`?limit=3&cursor=${cursor}`);
			expect(next.body.data.map((e) => e.year)).toEqual([2027, 2026, 2025]);
		} finally {
			await env.DB.prepare(
				"update editions set status = 'published' where series_id = (select id from series where slug = ?) and year = 2028",
			)
				.bind(slug)
				.run();
		}
	});

	it("does not repeat an item when one is added before the cursor", async () => {
		const first = await editionsPage("?limit=3");
		const seriesId =
			(await env.DB.prepare("select id from series where slug = ?").bind(slug).first<{ id: string }>())?.id ?? "";
		const added = await insertEdition({
			seriesId,
			year: 2031,
			startDate: "2031-05-01",
			endDate: "2031-05-02",
			status: "published",
		});
		try {
			const next = await editionsPage(`?limit=3&cursor=${first.body.page.nextCursor}`);
			expect(next.body.data.map((e) => e.year)).toEqual([2027, 2026, 2025]);
		} finally {
			await env.DB.prepare("delete from editions where id = ?").bind(added.id).run();
		}
	});
});

describe("limits of a page", () => {
	it("accepts 1 and 200", async () => {
		expect((await editionsPage("?limit=1")).body.data.map((e) => e.year)).toEqual([2030]);
		const { res, body } = await editionsPage("?limit=200");
		expect(res.status).toBe(200);
		expect(body.page).toEqual({ limit: 200, nextCursor: null });
	});

	for (const limit of ["0", "201", "-1", "2.5", "abc", ""]) {
		it(`answers limit=${limit} with 400 naming limit`, async () => {
			const res = await request(`/api/v1/series/${slug}/editions?limit=${limit}`);
			expect(res.status).toBe(400);
			expect((await res.json<ErrorBody>()).error).toEqual({
				code: "invalid_input",
				message: "Some fields are missing or invalid.",
				fields: { limit: "Use a whole number from 1 to 200." },
				requestId: res.headers.get("X-Request-Id"),
			});
		});
	}

	const notCursors = {
		"not base64": "a.b!",
		"base64 of text": btoa("hello").replace(/=+$/, ""),
		"JSON of another shape": btoa(JSON.stringify({ id: 3, at: "x" })).replace(/=+$/, ""),
		"too long": "a".repeat(600),
	};
	for (const [what, cursor] of Object.entries(notCursors)) {
		it(`answers a cursor that is ${what} with 400 naming cursor`, async () => {
			const res = await request(`/api/v1/series/${slug}/editions?cursor=${encodeURIComponent(cursor)}`);
			expect(res.status).toBe(400);
			expect((await res.json<ErrorBody>()).error.fields).toEqual({
				cursor: "This cursor is not one a page of this list gave out: start again without it.",
			});
		});
	}
});

describe("every list operation", () => {
	interface Operation {
		operationId: string;
		parameters?: { name?: string; in?: string }[];
		responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
	}
	interface Schema {
		type?: string;
		properties?: Record<string, Schema>;
		$ref?: string;
	}

	it("is paged: its GET answer's data is an array beside a page, with limit and cursor in the query", async () => {
		const doc = await (await request("/api/openapi.json")).json<{ paths: Record<string, Record<string, Operation>> }>();
		const lists: string[] = [];
		const unpaged: string[] = [];
		for (const byMethod of Object.values(doc.paths)) {
			const op = byMethod.get;
			const schema = op?.responses["200"]?.content?.["application/json"]?.schema;
			if (!op || schema?.properties?.data?.type !== "array") continue;
			lists.push(op.operationId);
			const query = (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
			const paged =
				schema.properties.page?.$ref === "#/components/schemas/Page" &&
				query.includes("limit") &&
				query.includes("cursor");
			if (!paged) unpaged.push(op.operationId);
		}
		expect(unpaged).toEqual([]);
		expect(lists.length).toBe(LIST_COUNT);
	});
});

/** The list operations: one per content collection plus the 23 others (series, members, notes, mail…). */
const LIST_COUNT = COLLECTIONS.length + 28;
