/**
 * Console lists that can grow without bound show 50 rows a page with "Previous"/"Next" links
 * (README, "Limits"): an edition's content collections (here its rooms) and its handover notes.
 * Every row is on exactly one page; a page number past the end shows the last page.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, getAs, type TestUser } from "../auth-helpers";
import { createWorld, insertNote, type World } from "../features/handover/helpers";
import { addCommitteeMember, insertEdition } from "../fixtures";

let chair: TestUser;
let editionId: string;
/** Room names in the list's order (by position). */
const ROOMS = Array.from({ length: 53 }, (_, i) => `Room ${String(i + 1).padStart(2, "0")}`);

beforeAll(async () => {
	chair = await createTestUser("pager");
	await env.DB.prepare(
		"insert into series (id, slug, name, short_name) values ('pager-series', 'pager', 'Pager', 'PG')",
	).run();
	({ id: editionId } = await insertEdition({
		seriesId: "pager-series",
		year: 2030,
		startDate: "2030-05-01",
		endDate: "2030-05-02",
	}));
	await addCommitteeMember({ editionId, user: chair, role: "chair" });
	await env.DB.batch(
		ROOMS.map((name, i) =>
			env.DB.prepare("insert into rooms (id, edition_id, name, position) values (?, ?, ?, ?)").bind(
				`pager-room-${i}`,
				editionId,
				name,
				i,
			),
		),
	);
});

const roomsUrl = () => `/console/editions/${editionId}/rooms`;
const roomsOn = (html: string) => [...html.matchAll(/<td>(Room \d\d)<\/td>/g)].map((m) => m[1]);
const pagerOf = (html: string) => /<nav class="pager"[\s\S]*?<\/nav>/.exec(html)?.[0].replace(/\s+/g, " ");

describe("a content collection's list", () => {
	it("shows the first 50 rooms and a link to the next page", async () => {
		const res = await getAs(roomsUrl(), chair.cookie);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(roomsOn(html)).toEqual(ROOMS.slice(0, 50));
		expect(pagerOf(html)).toBe(
			`<nav class="pager" aria-label="Pages"> <span>Page 1 of 2</span> <a rel="next" href="${roomsUrl()}?page=2">Next</a></nav>`,
		);
	});

	it("shows the other 3 on page 2, with a link back to the first page's own address", async () => {
		const html = await (await getAs(`${roomsUrl()}?page=2`, chair.cookie)).text();
		expect(roomsOn(html)).toEqual(ROOMS.slice(50));
		expect(pagerOf(html)).toBe(
			`<nav class="pager" aria-label="Pages"><a rel="prev" href="${roomsUrl()}">Previous</a> <span>Page 2 of 2</span> </nav>`,
		);
	});

	it("shows the last page for a page past the end, and the first for one that is not a number", async () => {
		expect(roomsOn(await (await getAs(`${roomsUrl()}?page=9`, chair.cookie)).text())).toEqual(ROOMS.slice(50));
		expect(roomsOn(await (await getAs(`${roomsUrl()}?page=x`, chair.cookie)).text())).toEqual(ROOMS.slice(0, 50));
	});

	it("has no pager when the list fits on one page", async () => {
		const html = await (await getAs(`/console/editions/${editionId}/tracks`, chair.cookie)).text();
		expect(pagerOf(html)).toBe(undefined);
	});
});

describe("an edition's handover notes", () => {
	let w: World;

	beforeAll(async () => {
		w = await createWorld();
		for (let i = 0; i < 51; i++) {
			await insertNote({
				seriesId: w.seriesId,
				editionId: w.editions[2023],
				title: `Note ${String(i).padStart(2, "0")}`,
				authorId: w.users.chair23.id,
			});
		}
	});

	it("shows 50 notes on the first page and the 51st on the second", async () => {
		const url = `/console/editions/${w.editions[2023]}/handover/notes`;
		const titles = (html: string) => [...html.matchAll(/>(Note \d\d)</g)].map((m) => m[1]);
		const first = await (await getAs(url, w.users.chair23.cookie)).text();
		const second = await (await getAs(`${url}?page=2`, w.users.chair23.cookie)).text();

		expect(titles(first)).toHaveLength(50);
		expect(titles(second)).toHaveLength(1);
		expect(new Set([...titles(first), ...titles(second)]).size).toBe(51);
		expect(pagerOf(first)).toContain(`<a rel="next" href="${url}?page=2">Next</a>`);
		expect(pagerOf(second)).toContain(`<a rel="prev" href="${url}">Previous</a>`);
	});
});

describe("the account's API tokens", () => {
	it("lists 50 tokens a page, newest first, with the older ones on page 2", async () => {
		const user = await createTestUser("many-tokens");
		const names = Array.from({ length: 52 }, (_, i) => `Token ${String(i).padStart(2, "0")}`);
		await env.DB.batch(
			names.map((name, i) =>
				env.DB.prepare(
					"insert into api_tokens (id, user_id, name, secret_hash, access, edition_id, expires_at, created_at) values (?, ?, ?, 'x', 'read', ?, ?, ?)",
				).bind(`${user.id}-${i}`, user.id, name, editionId, Date.now() + 86_400_000, Date.now() - 1_000_000 + i * 1000),
			),
		);
		const tokensOn = (html: string) => [...html.matchAll(/<td>(Token \d\d)<\/td>/g)].map((m) => m[1]);
		const first = await (await getAs("/console/account", user.cookie)).text();
		const second = await (await getAs("/console/account?page=2", user.cookie)).text();

		expect(tokensOn(first)).toEqual(names.toReversed().slice(0, 50));
		expect(tokensOn(second)).toEqual(["Token 01", "Token 00"]);
		expect(pagerOf(first)).toContain('<a rel="next" href="/console/account?page=2">Next</a>');
	});
});
