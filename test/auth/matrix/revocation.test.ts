/**
 * Revoking a role takes effect on the very next request: roles are loaded per request (never
 * cached in the session), for pages and the API, on an edition, an institution and a series. Each
 * role is removed through the app itself, by whoever may remove it, in a fresh world per test.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getAs, sendJson } from "../../auth-helpers";
import { createWorld, type World } from "./world";

let w: World;
beforeEach(async () => {
	vi.spyOn(console, "log").mockImplementation(() => {});
	w = await createWorld();
});

describe("revoking a role", () => {
	it("an organizer removed from the committee no longer sees the edition's pages: 404 at once", async () => {
		const { editionId } = w.targets.own;
		const page = `/console/editions/${editionId}/settings`;
		expect((await getAs(page, w.cookies.organizer)).status).toBe(200);
		const removed = await sendJson(
			"DELETE",
			`/api/v1/editions/${editionId}/members/${w.userIds.organizer}`,
			undefined,
			{
				cookie: w.cookies.chair,
			},
		);
		expect(removed.status).toBe(204);
		expect((await getAs(page, w.cookies.organizer)).status).toBe(404);
	});

	it("an organizer demoted to reviewer may no longer add rooms through the API: 403 at once, no room added", async () => {
		const { editionId } = w.targets.own;
		const addRoom = (name: string) =>
			sendJson("POST", `/api/v1/editions/${editionId}/rooms`, { name }, { cookie: w.cookies.organizer });
		const rooms = () =>
			env.DB.prepare("select name from rooms where edition_id = ? order by name").bind(editionId).all();
		expect((await addRoom("Room B")).status).toBe(201);
		const demoted = await sendJson(
			"PATCH",
			`/api/v1/editions/${editionId}/members/${w.userIds.organizer}`,
			{ role: "reviewer" },
			{ cookie: w.cookies.chair },
		);
		expect(demoted.status).toBe(200);
		expect((await addRoom("Room C")).status).toBe(403);
		expect((await rooms()).results).toEqual([{ name: "Hall" }, { name: "Room B" }]);
	});

	it("an institution admin removed by its owner no longer sees it, page or API: 404 at once", async () => {
		const { institutionId } = w.targets.own;
		expect((await getAs(`/console/institutions/${institutionId}`, w.cookies.admin)).status).toBe(200);
		expect(
			(await sendJson("GET", `/api/v1/institutions/${institutionId}`, undefined, { cookie: w.cookies.admin })).status,
		).toBe(200);
		const removed = await sendJson(
			"DELETE",
			`/api/v1/institutions/${institutionId}/members/${w.userIds.admin}`,
			undefined,
			{
				cookie: w.cookies.owner,
			},
		);
		expect(removed.status).toBe(204);
		expect((await getAs(`/console/institutions/${institutionId}`, w.cookies.admin)).status).toBe(404);
		expect(
			(await sendJson("GET", `/api/v1/institutions/${institutionId}`, undefined, { cookie: w.cookies.admin })).status,
		).toBe(404);
	});

	it("a steward removed by another steward may no longer change the series: 403 at once", async () => {
		const { seriesSlug, targetUserCookie } = w.targets.own;
		expect((await getAs(`/console/series/${seriesSlug}`, w.cookies.steward)).status).toBe(200);
		const removed = await sendJson("DELETE", `/api/v1/series/${seriesSlug}/stewards/${w.userIds.steward}`, undefined, {
			// The target user is the series' other steward.
			cookie: targetUserCookie,
		});
		expect(removed.status).toBe(204);
		expect((await getAs(`/console/series/${seriesSlug}`, w.cookies.steward)).status).toBe(403);
		const refused = await sendJson(
			"PATCH",
			`/api/v1/series/${seriesSlug}`,
			{ society: "EANM" },
			{ cookie: w.cookies.steward },
		);
		expect(refused.status).toBe(403);
	});
});
