/**
 * A draft's feeds, like its pages, answer only its committee's preview (`?preview=1` on the main
 * host), never from or into the edge cache; everyone else, signed out or signed in without a role
 * on it, gets the 404 of an unknown edition.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, getAs, sendJson, type TestUser } from "../../auth-helpers";
import { createLifecycleEdition, type TestEdition } from "../lifecycle/helpers";

const FEEDS = ["schedule.xml", "schedule.json", "calendar.ics", "program/1/calendar.ics"];

let draft: TestEdition;
let stranger: TestUser;
let base: string;

beforeAll(async () => {
	draft = await createLifecycleEdition("draft");
	stranger = await createTestUser("stranger");
	base = `/s/${draft.seriesSlug}/${draft.year}`;
	const session = { kind: "plenary", title: "Draft keynote", day: 1, startTime: "09:00", durationMinutes: 60 };
	const res = await sendJson("POST", `/api/v1/editions/${draft.id}/sessions`, session, { cookie: draft.chair.cookie });
	expect(res.status).toBe(201);
});

describe("a draft's feeds as a preview", () => {
	it.each(FEEDS)(
		"%s answers its chair, an organizer and the series' steward, private and never cached",
		async (path) => {
			for (const who of [draft.chair, draft.organizer, draft.steward]) {
				for (let i = 0; i < 2; i++) {
					const res = await getAs(`${base}/${path}?preview=1`, who.cookie);
					expect(res.status).toBe(200);
					expect(res.headers.get("Cache-Control")).toBe("private, no-store");
					expect(res.headers.get("X-Cache")).toBeNull();
					expect(await res.text()).toContain("Draft keynote");
				}
			}
		},
	);

	it("shows what the feed will be once published: the canonical URLs, the revision", async () => {
		const ics = await (await getAs(`${base}/program/1/calendar.ics?preview=1`, draft.chair.cookie)).text();
		const lines = ics.replace(/\r\n /g, "").split("\r\n");
		expect(lines).toContain(`URL:http://localhost${base}/program/1`);
		expect(lines).toContain("SEQUENCE:0");
		expect(lines).toContain("SUMMARY:Draft keynote");
	});

	it.each(FEEDS)(
		"%s is a 404 to the signed-out and to a signed-in stranger, asked as a preview or not",
		async (path) => {
			for (const cookie of [undefined, stranger.cookie]) {
				const preview = await getAs(`${base}/${path}?preview=1`, cookie);
				expect(preview.status).toBe(404);
				expect(preview.headers.get("Cache-Control")).toBe("private, no-store");
				expect(await preview.text()).not.toContain("Draft keynote");
				const plain = await getAs(`${base}/${path}`, cookie);
				expect(plain.status).toBe(404);
				expect(await plain.text()).not.toContain("Draft keynote");
			}
		},
	);

	it.each(FEEDS)("%s is a 404 to its own chair without ?preview=1 (nothing the edge could keep)", async (path) => {
		const res = await getAs(`${base}/${path}`, draft.chair.cookie);
		expect(res.status).toBe(404);
		expect(res.headers.get("X-Cache")).toBeNull();
	});
});
