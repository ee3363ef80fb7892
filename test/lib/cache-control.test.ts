/**
 * What caches may keep: nothing about the signed-in account or a committee (`private, no-store`
 * on the API, the console and sign-in unless an answer says otherwise), and no 404 at all
 * (`no-store` from the error boundary, `no-cache` from the subsite's edge cache).
 */
import { describe, expect, it } from "vitest";
import { getAs } from "../auth-helpers";
import { createLifecycleEdition } from "../features/lifecycle/helpers";
import { request } from "../helpers";

const cacheControlOf = (res: Response) => [res.status, res.headers.get("Cache-Control")];

describe("answers about the signed-in account or a committee", () => {
	it("say private, no-store: /api/v1/me and the account's tokens", async () => {
		const edition = await createLifecycleEdition("published");
		const { cookie } = edition.chair;

		expect(cacheControlOf(await getAs("/api/v1/me", cookie))).toEqual([200, "private, no-store"]);
		expect(cacheControlOf(await getAs("/api/v1/me/tokens", cookie))).toEqual([200, "private, no-store"]);
	});

	it("say private, no-store: the committee's member list, as a page and through the API", async () => {
		const edition = await createLifecycleEdition("published");
		const { cookie } = edition.chair;

		const page = await getAs(`/console/editions/${edition.id}/committee`, cookie);
		const api = await getAs(`/api/v1/editions/${edition.id}/members`, cookie);

		expect(cacheControlOf(page)).toEqual([200, "private, no-store"]);
		expect(cacheControlOf(api)).toEqual([200, "private, no-store"]);
		expect(await page.text()).toContain(edition.organizer.name);
	});

	it("say private, no-store on the API even when public, since a token may change what it shows", async () => {
		expect(cacheControlOf(await request("/api/v1/series"))).toEqual([200, "private, no-store"]);
	});

	it("keep a Cache-Control they set themselves (the account page says no-store)", async () => {
		const edition = await createLifecycleEdition("published");

		expect(cacheControlOf(await getAs("/console/account", edition.chair.cookie))).toEqual([200, "no-store"]);
	});
});

describe("every 404", () => {
	it("says no-store from the error boundary: a page, an API path, an unknown host", async () => {
		expect(cacheControlOf(await request("/no/such/page"))).toEqual([404, "no-store"]);
		expect(cacheControlOf(await request("/api/v1/nothing-here"))).toEqual([404, "no-store"]);
		expect(cacheControlOf(await request("http://unknown.example.org/"))).toEqual([404, "no-store"]);
	});

	it("and so does every other error: signed out on /api/v1/me", async () => {
		expect(cacheControlOf(await request("/api/v1/me"))).toEqual([401, "no-store"]);
	});

	it("says no-cache on the subsite: an unknown edition, a draft, a page an edition does not have", async () => {
		const draft = await createLifecycleEdition("draft");
		const published = await createLifecycleEdition("published");

		expect(cacheControlOf(await request(`/s/${draft.seriesSlug}/1999`))).toEqual([404, "no-cache"]);
		expect(cacheControlOf(await request(`/s/${draft.seriesSlug}/${draft.year}`))).toEqual([404, "no-cache"]);
		expect(cacheControlOf(await request(`/s/${published.seriesSlug}/${published.year}/no-such-page`))).toEqual([
			404,
			"no-cache",
		]);
	});
});
