import { describe, expect, it } from "vitest";
import { editions, seriesAnnouncements } from "../../../src/db/schema";
import { newId } from "../../../src/lib/ids";
import { createTestUser, sendJson } from "../../auth-helpers";
import { request, testDb } from "../../helpers";
import { createTestSeries, freshEmail } from "../invitations/helpers";
import { addFollower } from "./helpers";

describe("GET /api/v1/series/{slug}/followers", () => {
	it("gives stewards the follower counts and the announcements sent, without any address", async () => {
		const steward = await createTestUser("steward");
		const s = await createTestSeries([steward.id]);
		const editionId = newId();
		const db = testDb();
		await db.insert(editions).values({
			id: editionId,
			seriesId: s.id,
			year: 2033,
			name: "API 2033",
			startDate: "2033-10-03",
			endDate: "2033-10-05",
			timeZone: "Europe/Amsterdam",
			status: "published",
		});
		await db.insert(seriesAnnouncements).values([
			{ editionId, kind: "edition_announced", sentAt: new Date("2033-01-10T12:00:00Z") },
			{ editionId, kind: "abstracts_open", sentAt: new Date("2033-02-01T08:00:00Z") },
		]);
		const emails = [freshEmail("a"), freshEmail("b"), freshEmail("c")];
		await addFollower(s.id, emails[0] ?? "");
		await addFollower(s.id, emails[1] ?? "");
		await addFollower(s.id, emails[2] ?? "", { confirmed: false });

		const res = await sendJson("GET", `/api/v1/series/${s.slug}/followers`, undefined, { cookie: steward.cookie });

		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body).toEqual({
			data: {
				confirmed: 2,
				pending: 1,
				announcements: [
					{ editionId, year: 2033, kind: "abstracts_open", sentAt: "2033-02-01T08:00:00.000Z" },
					{ editionId, year: 2033, kind: "edition_announced", sentAt: "2033-01-10T12:00:00.000Z" },
				],
			},
		});
		for (const email of emails) expect(JSON.stringify(body)).not.toContain(email);
	});

	it("answers 401 signed out, 403 to someone who is not a steward, 404 for an unknown series", async () => {
		const s = await createTestSeries([]);
		const other = await createTestUser("other");

		expect((await sendJson("GET", `/api/v1/series/${s.slug}/followers`, undefined)).status).toBe(401);
		const forbidden = await sendJson("GET", `/api/v1/series/${s.slug}/followers`, undefined, { cookie: other.cookie });
		expect(forbidden.status).toBe(403);
		expect(await forbidden.json()).toMatchObject({ error: { code: "forbidden" } });
		const unknown = await sendJson("GET", "/api/v1/series/no-such-series/followers", undefined, {
			cookie: other.cookie,
		});
		expect(unknown.status).toBe(404);
	});

	it("is described in the OpenAPI document", async () => {
		const doc = (await (await request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
		expect(Object.keys(doc.paths)).toContain("/api/v1/series/{slug}/followers");
	});
});
