/**
 * The edge cache of the public subsite, through the Worker's entry: ETag and `no-cache` for
 * browsers, 304s, copies served for the one tenant statement, and every kind of change (content,
 * status of a sibling, series, named lectures, host names, a deploy) visible on the next request.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { ainm2023Tracks, ainmNamedLectures, ainmSeries } from "../../../src/cli/seed/ainm";
import { createDatabase } from "../../../src/db/client";
import { writeEditionContent } from "../../../src/db/content-version";
import { editions, series, sessions, tracks } from "../../../src/db/schema";
import type { AppEnv } from "../../../src/env";
import { changeStatus } from "../../../src/features/lifecycle/lifecycle";
import { updateNamedLecture } from "../../../src/features/series/lectures";
import { updateSeries } from "../../../src/features/series/series";
import { changesAt, EDGE_TTL_SECONDS, edgeCache, ifNoneMatchHits } from "../../../src/features/site/edge-cache";
import worker from "../../../src/index";
import { createTestUser, getAs } from "../../auth-helpers";
import { queryCount, seed, testDb } from "../../helpers";
import { createLifecycleEdition, mapHost } from "../lifecycle/helpers";

const AINM_2023 = "seed-edition-ainm-2023";
const HOME = "/s/ainm/2023";

/**
 * A request through the Worker's default export, like `exports.default.fetch`, but with an
 * execution context the test waits on: the edge copy is stored (ctx.waitUntil) before the next
 * request, so "the second request hits" never depends on timing.
 */
async function send(path: string, init: RequestInit = {}, bindings: Partial<typeof env> = {}): Promise<Response> {
	const ctx = createExecutionContext();
	const response = await worker.fetch(
		new Request(new URL(path, "http://localhost"), init),
		{ ...env, ...bindings },
		ctx,
	);
	await waitOnExecutionContext(ctx);
	return response;
}

/** Status, cache headers, D1 statements and body of a response, for exact comparisons. */
async function seen(response: Response) {
	return {
		status: response.status,
		cache: response.headers.get("X-Cache"),
		cacheControl: response.headers.get("Cache-Control"),
		etag: response.headers.get("ETag"),
		queries: queryCount(response),
		body: await response.text(),
	};
}

/** The home as the edge holds it now: asked for until it is a hit, so a stale copy could be served. */
async function cachedHome() {
	await send(HOME);
	const home = await seen(await send(HOME));
	expect(home.cache).toBe("HIT");
	return home;
}

beforeAll(async () => {
	await seed();
	// Held rather than archived (as seeded): still a past edition with its banner, but writable.
	await env.DB.prepare("update editions set status = 'held', content_version = content_version + 1 where id = ?")
		.bind(AINM_2023)
		.run();
});

describe("a public page", () => {
	it("is rendered once with an ETag and no-cache, then served from the edge copy for the tenant statement", async () => {
		const first = await seen(await send(HOME));
		const second = await seen(await send(HOME));

		expect(first).toMatchObject({ status: 200, cache: "MISS", cacheControl: "no-cache" });
		expect(first.etag).toMatch(/^"[0-9a-f]{32}"$/);
		expect(first.body).toContain("<h1>AINM 2023</h1>");
		expect(second).toEqual({ ...first, cache: "HIT", queries: 1 });
	});

	it("keeps the request's own id and security headers on a copy, not the first request's", async () => {
		await send(HOME);
		const a = await send(HOME);
		const b = await send(HOME);

		expect(a.headers.get("X-Cache")).toBe("HIT");
		expect(a.headers.get("X-Request-Id")).not.toBe(b.headers.get("X-Request-Id"));
		expect(a.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
		expect(a.headers.get("Content-Type")).toBe("text/html; charset=UTF-8");
	});

	it("answers HEAD from the copy too, without a body", async () => {
		const page = await send(HOME);
		const head = await send(HOME, { method: "HEAD" });

		expect(head.status).toBe(200);
		expect(head.headers.get("ETag")).toBe(page.headers.get("ETag"));
		expect(head.headers.get("X-Cache")).toBe("HIT");
		expect(await head.text()).toBe("");
	});
});

describe("every public route of the subsite", () => {
	it.each([
		["the program", `${HOME}/program`, "text/html; charset=UTF-8"],
		["the program of one track", `${HOME}/program?track=clinical-track`, "text/html; charset=UTF-8"],
		["a session", `${HOME}/program/2`, "text/html; charset=UTF-8"],
		["the speakers", `${HOME}/speakers`, "text/html; charset=UTF-8"],
		["schedule.json", `${HOME}/schedule.json`, "application/json; charset=utf-8"],
		["schedule.xml", `${HOME}/schedule.xml`, "application/xml; charset=utf-8"],
		["calendar.ics", `${HOME}/calendar.ics`, "text/calendar; charset=utf-8"],
		["a session's calendar.ics", `${HOME}/program/2/calendar.ics`, "text/calendar; charset=utf-8"],
	])("%s: an ETag and no-cache, then the edge copy for one statement, and 304s", async (_, path, type) => {
		const first = await seen(await send(path));
		const second = await seen(await send(path));
		const revalidated = await send(path, { headers: { "If-None-Match": first.etag ?? "" } });

		expect(first).toMatchObject({ status: 200, cache: "MISS", cacheControl: "no-cache" });
		expect(first.etag).toMatch(/^"[0-9a-f]{32}"$/);
		expect(first.queries).toBeLessThanOrEqual(3);
		expect(second).toEqual({ ...first, cache: "HIT", queries: 1 });
		expect(revalidated.status).toBe(304);
		expect(revalidated.headers.get("ETag")).toBe(first.etag);
		expect((await send(path)).headers.get("Content-Type")).toBe(type);
	});

	it("keeps the program of each track apart (the query string is part of the key)", async () => {
		const all = await seen(await send(`${HOME}/program`));
		const clinical = await seen(await send(`${HOME}/program?track=clinical-track`));

		expect(clinical.etag).not.toBe(all.etag);
		expect(clinical.body).not.toBe(all.body);
	});
});

describe("If-None-Match", () => {
	const etagOfHome = async () => (await send(HOME)).headers.get("ETag") ?? "";

	it.each([
		["the ETag itself", (etag: string) => etag],
		["its weak form (as Cloudflare sends it back after compressing)", (etag: string) => `W/${etag}`],
		["a list holding it", (etag: string) => `"stale", ${etag}, W/"other"`],
		["*", () => "*"],
	])("answers %s with a bodiless 304 that keeps ETag and Cache-Control", async (_, header) => {
		const etag = await etagOfHome();

		const res = await send(HOME, { headers: { "If-None-Match": header(etag) } });

		expect(res.status).toBe(304);
		expect(res.headers.get("ETag")).toBe(etag);
		expect(res.headers.get("Cache-Control")).toBe("no-cache");
		expect(res.headers.get("Content-Type")).toBeNull();
		expect(res.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
		expect(await res.text()).toBe("");
		expect(queryCount(res)).toBe(1);
	});

	it("answers another tag with the page", async () => {
		const etag = await etagOfHome();

		const res = await send(HOME, { headers: { "If-None-Match": '"stale", W/"other"' } });

		expect(res.status).toBe(200);
		expect(res.headers.get("ETag")).toBe(etag);
		expect(await res.text()).toContain("<h1>AINM 2023</h1>");
	});

	it("is answered with a 304 after an edit that leaves the page's bytes as they were", async () => {
		const etag = await etagOfHome();
		// A write that bumps the version without changing anything shown: a new key, the same bytes.
		await writeEditionContent(testDb(), AINM_2023, []);

		const res = await send(HOME, { headers: { "If-None-Match": etag } });

		expect(res.status).toBe(304);
		expect(res.headers.get("X-Cache")).toBe("MISS");
		expect(res.headers.get("ETag")).toBe(etag);
	});

	it.each([
		["no header", undefined, false],
		["an empty header", "", false],
		["the tag", '"abc"', true],
		["the weak tag", 'W/"abc"', true],
		["another tag only", '"abd"', false],
		["a list with the tag", '"x" , "abc"', true],
		["*", "*", true],
	])("weakly compares %s", (_, header, hits) => {
		expect(ifNoneMatchHits(header, '"abc"')).toBe(hits);
	});
});

describe("changes show on the next request", () => {
	it("a content write (writeEditionContent): new body, new ETag, then cached again", async () => {
		const before = await cachedHome();
		await writeEditionContent(testDb(), AINM_2023, [
			testDb()
				.update(tracks)
				.set({ name: "Clinical practice track" })
				.where(eq(tracks.id, ainm2023Tracks[0]?.id ?? "")),
		]);

		const after = await seen(await send(HOME));
		const again = await seen(await send(HOME));

		expect(before.body).toContain("Clinical track");
		expect(after).toMatchObject({ status: 200, cache: "MISS" });
		expect(after.etag).not.toBe(before.etag);
		expect(after.body).toContain("<strong>Clinical practice track</strong>");
		expect(after.body).not.toContain("<strong>Clinical track</strong>");
		expect(again).toEqual({ ...after, cache: "HIT", queries: 1 });
	});

	it("a session retitled: the program, the session and the feeds show it at once", async () => {
		const paths = [`${HOME}/program`, `${HOME}/program/1`, `${HOME}/schedule.json`, `${HOME}/program/1/calendar.ics`];
		for (const path of paths) {
			await send(path);
			expect((await send(path)).headers.get("X-Cache")).toBe("HIT");
		}
		await writeEditionContent(testDb(), AINM_2023, [
			testDb()
				.update(sessions)
				.set({ title: "Opening and welcome" })
				.where(and(eq(sessions.editionId, AINM_2023), eq(sessions.seq, 1))),
		]);

		for (const path of paths) {
			const after = await seen(await send(path));
			expect(after.cache, path).toBe("MISS");
			expect(after.body, path).toContain("Opening and welcome");
			expect(after.body, path).not.toContain("Opening of AINM 2023");
		}
	});

	it("a newer edition published: the past edition's banner points to it", async () => {
		const before = await cachedHome();
		const newer = await createLifecycleEdition("draft", { seriesId: ainmSeries.id });
		const [row] = await testDb().select().from(editions).where(eq(editions.id, newer.id));
		if (!row) throw new Error("no edition");
		await changeStatus(testDb(), row, "publish");

		const after = await seen(await send(HOME));

		expect(before.body).not.toContain("The newest edition is");
		expect(after.cache).toBe("MISS");
		expect(after.etag).not.toBe(before.etag);
		expect(after.body).toContain(`The newest edition is <a href="/s/ainm/${newer.year}">AINM ${newer.year}</a>`);
	});

	it("the series renamed (no edition's content version changes)", async () => {
		const before = await cachedHome();
		const [row] = await testDb().select().from(series).where(eq(series.id, ainmSeries.id));
		if (!row) throw new Error("no series");
		const { shortName, description, cadenceYears, society, logoUrl, brandPrimaryColor, brandAccentColor, partners } =
			row;
		const details = {
			...{ shortName, description, cadenceYears, society, logoUrl, brandPrimaryColor, brandAccentColor, partners },
			name: "AI and Informatics in NM",
		};
		await updateSeries(testDb(), { id: row.id, details });

		const after = await seen(await send(HOME));

		expect(after.cache).toBe("MISS");
		expect(after.etag).not.toBe(before.etag);
		expect(after.body).toContain('<p class="lead">AI and Informatics in NM</p>');
	});

	it("a named lecture renamed (a series row, shown on the edition's pages)", async () => {
		const before = await cachedHome();
		const vaalburg = ainmNamedLectures[0];
		if (!vaalburg) throw new Error("no lecture");
		await updateNamedLecture(testDb(), {
			seriesId: ainmSeries.id,
			lectureId: vaalburg.id,
			lecture: {
				name: "Vaalburg memorial lecture",
				honoree: vaalburg.honoree,
				description: vaalburg.description ?? "",
			},
		});

		const after = await seen(await send(HOME));

		expect(before.body).toContain('<p class="meta">Willem Vaalburg lecture</p>');
		expect(after.cache).toBe("MISS");
		expect(after.body).toContain('<p class="meta">Vaalburg memorial lecture</p>');
	});

	it("a deploy (a new version id) renders afresh", async () => {
		const before = await cachedHome();

		const after = await seen(
			await send(HOME, {}, { CF_VERSION_METADATA: { id: "next-deploy", tag: "", timestamp: "" } }),
		);

		expect(after).toMatchObject({ cache: "MISS", etag: before.etag, body: before.body });
	});
});

describe("hosts", () => {
	it("a host name mapped: the main host's page names it as canonical at once", async () => {
		const edition = await createLifecycleEdition("published");
		const path = `/s/${edition.seriesSlug}/${edition.year}`;
		await send(path);
		const before = await seen(await send(path));
		// Straight into D1, without the content-version bump the hosts feature adds: the key still changes.
		await mapHost("canonical.example.org", edition.id);

		const after = await seen(await send(path));

		expect(before.cache).toBe("HIT");
		expect(before.body).not.toContain('rel="canonical"');
		expect(after.cache).toBe("MISS");
		expect(after.body).toContain('<link rel="canonical" href="https://canonical.example.org/"/>');
	});

	it("keeps the main host's and the custom host's copies apart; a custom-host hit costs the host lookup", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("edge.example.org", edition.id);
		const main = await seen(await send(`/s/${edition.seriesSlug}/${edition.year}`));
		const mainAgain = await seen(await send(`/s/${edition.seriesSlug}/${edition.year}`));

		const custom = await seen(await send("http://edge.example.org/"));
		const customAgain = await seen(await send("http://edge.example.org/"));

		expect([main.cache, mainAgain.cache]).toEqual(["MISS", "HIT"]);
		expect(custom).toMatchObject({ status: 200, cache: "MISS", cacheControl: "no-cache" });
		// Links to the platform are absolute on the custom host: a shared entry would show the wrong ones.
		expect(custom.body).not.toBe(main.body);
		expect(custom.etag).not.toBe(main.etag);
		expect(customAgain).toEqual({ ...custom, cache: "HIT", queries: 1 });
	});
});

describe("never stored", () => {
	it("a committee preview of a draft: private, no-store, rendered on every request", async () => {
		const draft = await createLifecycleEdition("draft");
		const path = `/s/${draft.seriesSlug}/${draft.year}?preview=1`;

		const first = await send(path, { headers: { Cookie: draft.chair.cookie } });
		const second = await send(path, { headers: { Cookie: draft.chair.cookie } });

		for (const res of [first, second]) {
			expect(res.status).toBe(200);
			expect(res.headers.get("Cache-Control")).toBe("private, no-store");
			expect(res.headers.get("ETag")).toBeNull();
			expect(res.headers.get("X-Cache")).toBeNull();
			expect(await res.text()).toContain("<strong>Preview.</strong>");
		}
		expect(queryCount(second)).toBe(queryCount(first));
	});

	it("a preview of a public edition, not even for someone without the cookie", async () => {
		await send(HOME);

		const res = await send(`${HOME}?preview=1`);

		expect(res.status).toBe(200);
		expect(res.headers.get("Cache-Control")).toBe("private, no-store");
		expect(res.headers.get("X-Cache")).toBeNull();
	});

	it("a 404 under a public edition: no-cache, no ETag, rendered each time", async () => {
		for (let i = 0; i < 2; i++) {
			const res = await send(`${HOME}/no-such-page`);
			expect(res.status).toBe(404);
			expect(res.headers.get("Cache-Control")).toBe("no-cache");
			expect(res.headers.get("ETag")).toBeNull();
			expect(res.headers.get("X-Cache")).toBeNull();
		}
	});

	it("a draft asked for without ?preview=1: the public 404, untouched", async () => {
		const draft = await createLifecycleEdition("draft");

		const res = await send(`/s/${draft.seriesSlug}/${draft.year}`);

		expect(res.status).toBe(404);
		expect(res.headers.get("X-Cache")).toBeNull();
		expect(res.headers.get("ETag")).toBeNull();
	});

	it("a POST to a cached page's path", async () => {
		await send(HOME);

		const res = await send(HOME, { method: "POST", headers: { Origin: "http://localhost" } });

		expect(res.status).toBe(404);
		expect(res.headers.get("X-Cache")).toBeNull();
	});
});

describe("cookies", () => {
	it("a signed-in visitor renders the copy everyone gets: same bytes, no signed-in chrome", async () => {
		const user = await createTestUser("visitor");
		// The chrome exists: the console greets the user by name.
		expect(await (await getAs("/console", user.cookie)).text()).toContain(`Signed in as ${user.name}`);
		await writeEditionContent(testDb(), AINM_2023, []);

		const signedIn = await seen(await send(HOME, { headers: { Cookie: user.cookie } }));
		const anonymous = await seen(await send(HOME));

		expect(signedIn.cache).toBe("MISS");
		expect(anonymous).toEqual({ ...signedIn, cache: "HIT", queries: 1 });
		expect(signedIn.body).not.toContain(user.name);
		expect(signedIn.body).not.toContain("Sign out");
	});
});

describe("changesAt", () => {
	/** A subsite route that says its page changes at `instant`, behind the edge cache. */
	const appChangingAt = (instant: () => Date) =>
		new Hono<AppEnv>()
			.use((c, next) => {
				c.set("db", createDatabase(env.DB));
				return next();
			})
			.use("/s/:series/:year/*", edgeCache)
			.get("/s/:series/:year", (c) => {
				changesAt(c, instant());
				return c.html("<p>Registration is open</p>");
			});

	/** X-Cache of two requests in a row, on a host of the test's own (so no other test's copy answers). */
	const twice = async (app: Hono<AppEnv>, host: string) => {
		const statuses: (string | null)[] = [];
		for (let i = 0; i < 2; i++) {
			const ctx = createExecutionContext();
			const res = await app.fetch(new Request(`http://${host}${HOME}`), env, ctx);
			await waitOnExecutionContext(ctx);
			statuses.push(res.headers.get("X-Cache"));
		}
		return statuses;
	};

	it("keeps no copy of a page that changes within the second", async () => {
		const app = appChangingAt(() => new Date(Date.now() + 500));

		expect(await twice(app, "soon.example")).toEqual(["MISS", "MISS"]);
	});

	it("ignores an instant already past (a deadline that has passed changes nothing more)", async () => {
		const app = appChangingAt(() => new Date(Date.now() - 1000));

		expect(await twice(app, "past.example")).toEqual(["MISS", "HIT"]);
	});

	it("keeps a copy of a page that changes later than the edge's TTL", async () => {
		const app = appChangingAt(() => new Date(Date.now() + 2 * EDGE_TTL_SECONDS * 1000));

		expect(await twice(app, "later.example")).toEqual(["MISS", "HIT"]);
	});
});
