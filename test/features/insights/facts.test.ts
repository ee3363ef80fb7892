/**
 * Facts and figures generated from an edition's data: the seeded AINM 2023 exactly, the figures
 * of later features only when they have data, the API (public editions for anyone, drafts for the
 * committee) and the committee dashboard.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ainm2023Sessions, ainm2023Speakers, ainm2023Talks, EDITION_ID } from "../../../src/cli/seed/ainm";
import { editions, speakers } from "../../../src/db/schema";
import { type Facts, factsFor } from "../../../src/features/insights/facts";
import type { FigureSource } from "../../../src/features/insights/figures";
import type { ErrorBody } from "../../../src/lib/errors";
import { newId } from "../../../src/lib/ids";
import { createTestUser, getAs, type TestUser } from "../../auth-helpers";
import { queryCount, request, seed, testDb } from "../../helpers";
import { addCommitteeMember } from "../invitations/helpers";

/** What AINM 2023's seed holds, counted by hand from src/cli/seed/ainm.ts and ainm-site.ts. */
const AINM_2023: Facts = {
	editionId: EDITION_ID,
	days: 3,
	sessions: {
		total: 23,
		byKind: [
			{ kind: "plenary", count: 4 },
			{ kind: "track", count: 6 },
			{ kind: "panel", count: 1 },
			{ kind: "named_lecture", count: 2 },
			{ kind: "poster", count: 3 },
			{ kind: "break", count: 6 },
			{ kind: "social", count: 1 },
		],
	},
	talks: 22,
	speakers: 16,
	countries: {
		count: 12,
		codes: ["BR", "CL", "DK", "IN", "IT", "JP", "JO", "NL", "NG", "SG", "TR", "US"],
		names: [
			"Brazil",
			"Chile",
			"Denmark",
			"India",
			"Italy",
			"Japan",
			"Jordan",
			"Netherlands",
			"Nigeria",
			"Singapore",
			"Türkiye",
			"United States",
		],
		// The four real speakers: the facts do not say where they work.
		speakersWithoutCountry: 4,
	},
	tracks: ["Clinical track", "Physics and technology track"],
	rooms: ["Plenary hall", "Room A", "Room B", "Foyer"],
	namedLectures: [
		{ lecture: "Willem Vaalburg lecture", sessionTitle: "Willem Vaalburg lecture 2023", lecturers: ["Arturo Chiti"] },
		{ lecture: "Anne Paans lecture", sessionTitle: "Anne Paans lecture 2023", lecturers: ["Dimitris Visvikis"] },
	],
	sponsors: ["European Association of Nuclear Medicine (EANM)", "Frontiers in Nuclear Medicine"],
	ticketTypes: ["Participant"],
	// From the seed's made-up confirmed registrations (issue 19): the reference edition's shape.
	figures: [
		{ label: "Attendees (confirmed registrations)", value: "252" },
		{ label: "Attendees' countries", value: "29" },
	],
};

let draftId: string;
let chair: TestUser;
let stranger: TestUser;

beforeAll(async () => {
	await seed();
	const db = testDb();
	draftId = newId();
	await db.insert(editions).values({
		id: draftId,
		seriesId: "seed-series-ainm",
		year: 2031,
		name: "AINM 2031",
		startDate: "2031-10-06",
		endDate: "2031-10-07",
		timeZone: "Europe/Amsterdam",
	});
	chair = await createTestUser("chair");
	stranger = await createTestUser("stranger");
	await addCommitteeMember(draftId, chair.id, "chair");
});

describe("factsFor", () => {
	it("gives the seeded AINM 2023 exactly", async () => {
		expect(await factsFor(testDb(), EDITION_ID)).toEqual(AINM_2023);
	});

	it("agrees with the seed's own rows", async () => {
		const facts = await factsFor(testDb(), EDITION_ID);

		expect(facts?.sessions.total).toBe(ainm2023Sessions.length);
		expect(facts?.talks).toBe(ainm2023Talks.length);
		expect(facts?.speakers).toBe(ainm2023Speakers.length);
		expect(facts?.countries.count).toBe(new Set(ainm2023Speakers.map((s) => s.country).filter(Boolean)).size);
	});

	it("gives an empty edition's facts as zeros and empty lists, and null for no edition", async () => {
		expect(await factsFor(testDb(), draftId)).toEqual({
			editionId: draftId,
			days: 2,
			sessions: { total: 0, byKind: [] },
			talks: 0,
			speakers: 0,
			countries: { count: 0, codes: [], names: [], speakersWithoutCountry: 0 },
			tracks: [],
			rooms: [],
			namedLectures: [],
			sponsors: [],
			ticketTypes: [],
			figures: [],
		});
		expect(await factsFor(testDb(), "no-such-edition")).toBeNull();
	});

	it("adds the figures of later features, and nothing for a source without data", async () => {
		const sources: FigureSource[] = [
			{ topic: "abstracts", load: async (_, id) => (id === EDITION_ID ? [{ label: "Abstracts", value: "148" }] : []) },
			{ topic: "registrations", load: async () => [] },
		];

		expect((await factsFor(testDb(), EDITION_ID, sources))?.figures).toEqual([{ label: "Abstracts", value: "148" }]);
		expect((await factsFor(testDb(), draftId, sources))?.figures).toEqual([]);
	});
});

describe("GET /api/v1/editions/{id}/facts", () => {
	it("gives a public edition's facts to anyone, in seven D1 statements", async () => {
		const res = await request(`/api/v1/editions/${EDITION_ID}/facts`);

		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ data: AINM_2023 });
		// The edition lookup, then the facts' batch of five, and the registration figures' one (issue 19).
		expect(queryCount(res)).toBe(7);
	});

	it("gives a draft's facts to its committee only: 401 signed out, 404 to others", async () => {
		const anonymous = await request(`/api/v1/editions/${draftId}/facts`);
		const other = await getAs(`/api/v1/editions/${draftId}/facts`, stranger.cookie);
		const committee = await getAs(`/api/v1/editions/${draftId}/facts`, chair.cookie);
		const unknown = await getAs("/api/v1/editions/no-such-edition/facts", stranger.cookie);

		expect(anonymous.status).toBe(401);
		expect(other.status).toBe(404);
		expect(unknown.status).toBe(404);
		// A hidden draft answers exactly as an unknown edition does.
		const bodies = [(await other.json()) as ErrorBody, (await unknown.json()) as ErrorBody];
		expect(bodies.map((b) => [b.error.code, b.error.message])).toEqual([
			["not_found", "This does not exist."],
			["not_found", "This does not exist."],
		]);
		expect(committee.status).toBe(200);
		expect(((await committee.json()) as { data: Facts }).data.days).toBe(2);
	});
});

describe("speakers without consent", () => {
	it("are in no count or country of a public edition's facts", async () => {
		const id = newId();
		await testDb().insert(editions).values({
			id,
			seriesId: "seed-series-ainm",
			year: 2033,
			name: "AINM 2033",
			startDate: "2033-10-03",
			endDate: "2033-10-04",
			timeZone: "Europe/Amsterdam",
			status: "published",
		});
		const speaker = (seq: number, country: string, consentedAt: Date | null) => ({
			id: `${id}-s${seq}`,
			editionId: id,
			seq,
			name: `Speaker ${seq}`,
			country,
			consentedAt,
		});
		await testDb()
			.insert(speakers)
			.values([
				speaker(1, "NL", new Date()),
				speaker(2, "DK", new Date()),
				speaker(3, "FR", null),
				speaker(4, "", null),
			]);

		const res = await request(`/api/v1/editions/${id}/facts`);

		expect(res.status).toBe(200);
		const { data } = await res.json<{ data: Facts }>();
		expect([data.speakers, data.countries]).toEqual([
			2,
			{ count: 2, codes: ["DK", "NL"], names: ["Denmark", "Netherlands"], speakersWithoutCountry: 0 },
		]);
	});
});

describe("the committee dashboard", () => {
	it("shows the edition's facts and figures", async () => {
		await addCommitteeMember(EDITION_ID, chair.id, "organizer");

		const html = await (await getAs(`/console/editions/${EDITION_ID}/content`, chair.cookie)).text();

		expect(html).toContain('<h2 id="facts">Facts and figures</h2>');
		expect(html).toContain(
			"<dt>Countries of speakers</dt><dd>12: Brazil, Chile, Denmark, India, Italy, Japan, Jordan, Netherlands, Nigeria, Singapore, Türkiye, United States",
		);
		expect(html).toContain(
			"<dt>Sessions</dt><dd>23: 4 plenaries, 6 parallel-track sessions, 1 panel, 2 named lectures, 3 poster sessions, 6 breaks and 1 social event</dd>",
		);
		expect(html).toContain("<li>Willem Vaalburg lecture: Arturo Chiti</li>");
	});
});
