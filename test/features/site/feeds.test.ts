/**
 * The edition feeds through the whole Worker: schedule.xml, schedule.json, calendar.ics and a
 * session's calendar.ics of the seeded AINM 2023, an edition across the end of summer time, an
 * edit seen at once, a custom host, and 404s. MAIN_HOST is "localhost" in the tests.
 * (The feeds are validated against the public schemas by test/e2e/feeds.test.ts.)
 */
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { editionHosts, editions, rooms, sessions, speakers, talkSpeakers, talks } from "../../../src/db/schema";
import { findSession, sessionDataOf, updateSession } from "../../../src/features/program/program";
import { queryCount, request, seed, testDb } from "../../helpers";

const MAIN = "http://localhost/s/ainm/2023";
// Sessions of AINM 2023 that are breaks (coffee, registration, lunches): not in the feeds.
const BREAKS = [3, 14, 15, 17, 18, 21];
const LISTED = Array.from({ length: 23 }, (_, i) => i + 1).filter((seq) => !BREAKS.includes(seq));

// A second edition of the series, across the night summer time ends (Sunday 26 October 2025).
const DST = { id: "feeds-2025", year: 2025 };
const DST_GUIDS = {
	saturday: "0d570000-0000-4000-8000-000000000001",
	sunday: "0d570000-0000-4000-8000-000000000002",
};

beforeAll(async () => {
	await seed();
	const db = testDb();
	await db.batch([
		db.insert(editions).values([
			{
				id: DST.id,
				seriesId: "seed-series-ainm",
				year: DST.year,
				name: "AINM 2025",
				startDate: "2025-10-24",
				endDate: "2025-10-27",
				timeZone: "Europe/Amsterdam",
				venueName: "Palais des congrès",
				venueAddress: "50 Quai Charles de Gaulle",
				city: "Lyon",
				country: "FR",
				status: "published",
			},
			{
				id: "feeds-draft",
				seriesId: "seed-series-ainm",
				year: 2027,
				name: "AINM 2027",
				startDate: "2027-10-04",
				endDate: "2027-10-06",
				timeZone: "Europe/Amsterdam",
				status: "draft",
			},
		]),
		db.insert(rooms).values({ id: "feeds-room", editionId: DST.id, name: "Salle Rhône", position: 1 }),
		db.insert(speakers).values({
			id: "feeds-speaker",
			editionId: DST.id,
			seq: 1,
			name: "Zoë Ørsted",
			affiliation: "Université de Lyon",
			consentedAt: new Date("2025-01-01T00:00:00Z"),
		}),
		db.insert(sessions).values([
			{
				id: "feeds-sat",
				editionId: DST.id,
				seq: 1,
				guid: DST_GUIDS.saturday,
				kind: "plenary",
				title: "Saturday lecture",
				day: 2,
				startTime: "09:00",
				durationMinutes: 60,
				roomId: "feeds-room",
			},
			{
				id: "feeds-sun",
				editionId: DST.id,
				seq: 2,
				guid: DST_GUIDS.sunday,
				kind: "plenary",
				title: "Sunday lecture",
				day: 3,
				startTime: "09:00",
				durationMinutes: 60,
				roomId: "feeds-room",
			},
		]),
		db.insert(talks).values({
			id: "feeds-talk",
			editionId: DST.id,
			sessionId: "feeds-sun",
			position: 1,
			title: "Sunday lecture",
			abstract: "",
		}),
		db.insert(talkSpeakers).values({ editionId: DST.id, talkId: "feeds-talk", speakerId: "feeds-speaker" }),
	]);
});

// Every request below gets a query of its own, so the edge cache (keyed by the full URL) never
// answers from an earlier copy: what is asserted is what the feed renders now.
let fresh = 0;
const get = (url: string) =>
	exports.default.fetch(new Request(`${url}${url.includes("?") ? "&" : "?"}fresh=${++fresh}`));

interface JsonEvent {
	id: number;
	guid: string;
	date: string;
	start: string;
	end: string;
	duration: string;
	room: string;
	title: string;
	subtitle: string;
	track: string | null;
	type: string;
	url: string;
	abstract: string;
	description: string;
	persons: unknown[];
}
interface JsonSchedule {
	schedule: {
		version: string;
		base_url: string;
		conference: {
			acronym: string;
			daysCount: number;
			url: string;
			rooms: { name: string; guid: string }[];
			days: { index: number; date: string; day_start: string; day_end: string; rooms: Record<string, JsonEvent[]> }[];
		};
	};
}

const scheduleOf = async (url: string) => (await (await get(url)).json()) as JsonSchedule;
const eventsOf = (schedule: JsonSchedule) =>
	schedule.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());
const octets = (line: string) => new TextEncoder().encode(line).length;
/** The ICS content lines, unfolded. */
const icsLines = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n");

describe("content types", () => {
	it.each([
		["schedule.xml", "application/xml; charset=utf-8", null],
		["schedule.json", "application/json; charset=utf-8", null],
		["calendar.ics", "text/calendar; charset=utf-8", 'attachment; filename="ainm2023.ics"'],
		["program/4/calendar.ics", "text/calendar; charset=utf-8", 'attachment; filename="ainm2023-session-4.ics"'],
	])("serves %s as %s", async (path, type, disposition) => {
		const res = await get(`${MAIN}/${path}`);
		expect(res.status).toBe(200);
		expect(res.headers.get("Content-Type")).toBe(type);
		expect(res.headers.get("Content-Disposition")).toBe(disposition);
	});

	it.each(["schedule.xml", "schedule.json", "calendar.ics", "program/4/calendar.ics"])(
		"renders %s from three D1 statements (tenant, program)",
		async (path) => {
			const res = await get(`${MAIN}/${path}`);
			expect(res.headers.get("X-Cache")).toBe("MISS");
			expect(queryCount(res)).toBe(3);
		},
	);
});

describe("schedule.json of AINM 2023", () => {
	it("describes the conference: acronym, days, rooms, canonical URLs on the main host", async () => {
		const { schedule } = await scheduleOf(`${MAIN}/schedule.json`);
		expect(schedule.base_url).toBe("http://localhost/s/ainm/2023/");
		expect(schedule.conference).toMatchObject({
			acronym: "ainm2023",
			title: "AINM 2023",
			start: "2023-10-09",
			end: "2023-10-11",
			daysCount: 3,
			time_zone_name: "Europe/Amsterdam",
			url: "http://localhost/s/ainm/2023/",
		});
		// Sessions without a room (the conference dinner) take place at the venue.
		expect(schedule.conference.rooms.map((r) => r.name)).toEqual([
			"University Medical Center Groningen (UMCG)",
			"Plenary hall",
			"Room A",
			"Room B",
			"Foyer",
		]);
		expect(schedule.conference.days.map((d) => [d.index, d.date, d.day_start, Object.keys(d.rooms)])).toEqual([
			[1, "2023-10-09", "2023-10-09T00:00:00+02:00", ["Plenary hall", "Room A", "Room B", "Foyer"]],
			[
				2,
				"2023-10-10",
				"2023-10-10T00:00:00+02:00",
				["University Medical Center Groningen (UMCG)", "Plenary hall", "Room A", "Room B", "Foyer"],
			],
			[3, "2023-10-11", "2023-10-11T00:00:00+02:00", ["Plenary hall", "Room A", "Room B", "Foyer"]],
		]);
	});

	it("lists every session but the breaks, with the session seq as id and its stored guid", async () => {
		const events = eventsOf(await scheduleOf(`${MAIN}/schedule.json`));
		expect(events.map((e) => e.id).sort((a, b) => a - b)).toEqual(LISTED);
		for (const event of events) {
			expect(event.guid).toBe(`5eed2023-0000-4000-8000-${String(event.id).padStart(12, "0")}`);
		}
	});

	it("gives a named lecture its time with offset, duration, lecture as subtitle and speaker in pretalx's shape", async () => {
		const events = eventsOf(await scheduleOf(`${MAIN}/schedule.json`));
		expect(events.find((e) => e.id === 2)).toEqual({
			guid: "5eed2023-0000-4000-8000-000000000002",
			id: 2,
			date: "2023-10-09T09:30:00+02:00",
			start: "09:30",
			end: "2023-10-09T10:15:00+02:00",
			duration: "00:45",
			room: "Plenary hall",
			slug: "ainm2023-2-willem-vaalburg-lecture-2023",
			url: "http://localhost/s/ainm/2023/program/2",
			title: "Willem Vaalburg lecture 2023",
			subtitle: "The bright future of nuclear medicine is illuminated by artificial intelligence",
			track: null,
			type: "Named lecture",
			language: null,
			abstract: "",
			description: "The bright future of nuclear medicine is illuminated by artificial intelligence — Arturo Chiti",
			persons: [
				{
					guid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
					name: "Arturo Chiti",
					public_name: "Arturo Chiti",
					biography: "Editor-in-chief of EJNMMI.",
					avatar: null,
					url: "http://localhost/s/ainm/2023/speakers/1",
				},
			],
			links: [],
		});
	});

	it("gives a track session its track, chair and every talk's speaker", async () => {
		const events = eventsOf(await scheduleOf(`${MAIN}/schedule.json`));
		const session = events.find((e) => e.id === 4);
		expect(session).toMatchObject({ track: "Clinical track", type: "Parallel track session", room: "Room A" });
		expect(session?.description.split("\n")[0]).toBe("Chair: Joana Ferreira (Fictional University Hospital São Paulo)");
		expect(session?.persons.map((p) => (p as { name: string }).name)).toEqual([
			"Chidinma Okafor",
			"Wei Ling Tan",
			"Giulia Marchetti",
		]);
	});

	it("is the same, byte for byte, when generated again", async () => {
		const [first, second] = await Promise.all([get(`${MAIN}/schedule.json`), get(`${MAIN}/schedule.json`)]);
		expect(await first.text()).toBe(await second.text());
	});
});

describe("schedule.xml of AINM 2023", () => {
	it("holds the same events as schedule.json, persons with the speaker's seq as integer id", async () => {
		const xml = await (await get(`${MAIN}/schedule.xml`)).text();
		const ids = [...xml.matchAll(/<event id="(\d+)" guid="([^"]+)">/g)].map((m) => [Number(m[1]), m[2]]);
		expect(ids.map(([id]) => id).sort((a, b) => Number(a) - Number(b))).toEqual(LISTED);
		expect(ids).toContainEqual([2, "5eed2023-0000-4000-8000-000000000002"]);
		expect(xml).toMatch(/<person id="1" guid="[0-9a-f-]{36}">Arturo Chiti<\/person>/);
		expect(xml).toContain("<acronym>ainm2023</acronym>");
		expect(xml).toContain('<day index="2" date="2023-10-10" start="2023-10-10T00:00:00+02:00"');
	});
});

describe("calendar.ics of AINM 2023", () => {
	it("has one event per listed session, its UID made of the session's guid", async () => {
		const ics = await (await get(`${MAIN}/calendar.ics`)).text();
		const uids = icsLines(ics).filter((l) => l.startsWith("UID:"));
		expect(uids.sort()).toEqual(
			LISTED.map((seq) => `UID:5eed2023-0000-4000-8000-${String(seq).padStart(12, "0")}@baton`).sort(),
		);
	});

	it("uses CRLF line endings and folds every line at 75 octets", async () => {
		const ics = await (await get(`${MAIN}/calendar.ics`)).text();
		expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
		expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
		const lines = ics.split("\r\n");
		expect(Math.max(...lines.map(octets))).toBe(75);
		expect(lines.filter((l) => l.startsWith(" ")).length).toBeGreaterThan(20);
	});

	it("writes a session with the edition's zone, escaped text, location and URL", async () => {
		const ics = await (await get(`${MAIN}/program/4/calendar.ics`)).text();
		const lines = icsLines(ics);
		expect(lines).toContain("TZID:Europe/Amsterdam");
		expect(lines).toContain("DTSTART;TZID=Europe/Amsterdam:20231009T104500");
		expect(lines).toContain("DTEND;TZID=Europe/Amsterdam:20231009T121500");
		expect(lines).toContain("SUMMARY:Lesion detection and segmentation");
		expect(lines).toContain(
			"LOCATION:Room A\\, University Medical Center Groningen (UMCG)\\, Hanzeplein 1\\, 9713 GZ Groningen",
		);
		expect(lines).toContain("URL:http://localhost/s/ainm/2023/program/4");
		const description = lines.find((l) => l.startsWith("DESCRIPTION:")) ?? "";
		expect(description).toContain("\\n\\nChair: Joana Ferreira (Fictional University Hospital São Paulo)\\n");
		expect(description.endsWith("\\n\\nhttp://localhost/s/ainm/2023/program/4")).toBe(true);
	});

	it("serves a break's calendar on its own, though the whole program leaves breaks out", async () => {
		const res = await get(`${MAIN}/program/3/calendar.ics`);
		expect(res.status).toBe(200);
		expect(icsLines(await res.text())).toContain("SUMMARY:Coffee break");
	});
});

describe("an edition across the end of summer time", () => {
	const base = `http://localhost/s/ainm/${DST.year}`;

	it("gives Saturday's session +02:00 and Sunday's +01:00, both at 09:00 local", async () => {
		const events = eventsOf(await scheduleOf(`${base}/schedule.json`));
		expect(events.map((e) => [e.guid, e.date, e.start, e.end])).toEqual([
			[DST_GUIDS.saturday, "2025-10-25T09:00:00+02:00", "09:00", "2025-10-25T10:00:00+02:00"],
			[DST_GUIDS.sunday, "2025-10-26T09:00:00+01:00", "09:00", "2025-10-26T10:00:00+01:00"],
		]);
	});

	it("writes both at 09:00 in the zone, with the change in the VTIMEZONE", async () => {
		const lines = icsLines(await (await get(`${base}/calendar.ics`)).text());
		expect(lines.filter((l) => l.startsWith("DTSTART;"))).toEqual([
			"DTSTART;TZID=Europe/Amsterdam:20251025T090000",
			"DTSTART;TZID=Europe/Amsterdam:20251026T090000",
		]);
		const tz = lines.slice(lines.indexOf("BEGIN:VTIMEZONE"), lines.indexOf("END:VTIMEZONE") + 1).join("\n");
		expect(tz).toContain("BEGIN:STANDARD\nDTSTART:20251026T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD");
	});
});

describe("after an edit", () => {
	const base = `http://localhost/s/ainm/${DST.year}`;

	it("shows the new title and time at once in schedule.json and calendar.ics, under the same guid and UID", async () => {
		const db = testDb();
		const jsonPath = `/s/ainm/${DST.year}/schedule.json`;
		const icsPath = `/s/ainm/${DST.year}/calendar.ics`;
		// Plain URLs, as a schedule app asks again and again: the second answer comes from the edge copy.
		const before = (await (await request(jsonPath)).json()) as JsonSchedule;
		const beforeIcs = icsLines(await (await request(icsPath)).text());
		expect((await request(jsonPath)).headers.get("X-Cache")).toBe("HIT");
		expect((await request(icsPath)).headers.get("X-Cache")).toBe("HIT");

		const title = 'Lyon, "PET & AI" <live>; part 1\nand 2';
		const edition = {
			id: DST.id,
			seriesId: "seed-series-ainm",
			year: DST.year,
			startDate: "2025-10-24",
			endDate: "2025-10-27",
		};
		const saturday = sessionDataOf(await findSession(db, DST.id, "feeds-sat"));
		await updateSession(db, edition, "feeds-sat", { ...saturday, title, startTime: "10:30" });

		const afterResponse = await request(jsonPath);
		expect(afterResponse.headers.get("X-Cache")).toBe("MISS");
		const after = (await afterResponse.json()) as JsonSchedule;
		const edited = eventsOf(after).find((e) => e.guid === DST_GUIDS.saturday);
		expect(edited).toMatchObject({ id: 1, title, date: "2025-10-25T10:30:00+02:00", start: "10:30" });
		// The version is a hash of what the schedule shows (feed-changes.test.ts: only that moves it).
		expect(after.schedule.version).toMatch(/^[0-9a-f]{16}$/);
		expect(after.schedule.version).not.toBe(before.schedule.version);
		expect(eventsOf(after).map((e) => e.guid)).toEqual(eventsOf(before).map((e) => e.guid));

		const lines = icsLines(await (await request(icsPath)).text());
		const event = lines.slice(lines.indexOf(`UID:${DST_GUIDS.saturday}@baton`));
		expect(event.slice(0, 6)).toEqual([
			`UID:${DST_GUIDS.saturday}@baton`,
			expect.stringMatching(/^DTSTAMP:\d{8}T\d{6}Z$/),
			// The edited event's first revision; the Sunday session's stays 0.
			"SEQUENCE:1",
			"DTSTART;TZID=Europe/Amsterdam:20251025T103000",
			"DTEND;TZID=Europe/Amsterdam:20251025T113000",
			'SUMMARY:Lyon\\, "PET & AI" <live>\\; part 1\\nand 2',
		]);
		expect(lines.filter((l) => l.startsWith("UID:"))).toEqual(beforeIcs.filter((l) => l.startsWith("UID:")));
		expect(lines.slice(lines.indexOf(`UID:${DST_GUIDS.sunday}@baton`))[2]).toBe("SEQUENCE:0");
	});

	it("escapes the edited title in schedule.xml", async () => {
		const xml = await (await get(`${base}/schedule.xml`)).text();
		expect(xml).toContain("<title>Lyon, &quot;PET &amp; AI&quot; &lt;live&gt;; part 1\nand 2</title>");
	});

	it("lists a speaker who consented, with a non-ASCII name, in both schedules", async () => {
		const events = eventsOf(await scheduleOf(`${base}/schedule.json`));
		expect(events.find((e) => e.guid === DST_GUIDS.sunday)?.persons).toMatchObject([{ name: "Zoë Ørsted" }]);
		expect(await (await get(`${base}/schedule.xml`)).text()).toMatch(
			/<person id="1" guid="[0-9a-f-]{36}">Zoë Ørsted<\/person>/,
		);
	});
});

describe("a custom host", () => {
	const HOST = "ainm2025.example.org";

	beforeAll(async () => {
		await testDb().insert(editionHosts).values({ hostname: HOST, editionId: DST.id });
	});

	it.each(["schedule.xml", "schedule.json", "calendar.ics", "program/2/calendar.ics"])(
		"serves %s at / of the host, from three D1 statements",
		async (path) => {
			const res = await get(`http://${HOST}/${path}`);
			expect(res.status).toBe(200);
			expect(queryCount(res)).toBe(3);
		},
	);

	it("puts the custom host in every URL, on the custom host and on the main host alike", async () => {
		for (const url of [`http://${HOST}/schedule.json`, `http://localhost/s/ainm/${DST.year}/schedule.json`]) {
			const schedule = await scheduleOf(url);
			expect(schedule.schedule.base_url).toBe(`https://${HOST}/`);
			expect(eventsOf(schedule).map((e) => e.url)).toEqual([`https://${HOST}/program/1`, `https://${HOST}/program/2`]);
		}
		const lines = icsLines(await (await get(`http://${HOST}/program/2/calendar.ics`)).text());
		expect(lines).toContain(`URL:https://${HOST}/program/2`);
	});

	it("keeps the guids and UIDs of the main host", async () => {
		const onHost = await (await get(`http://${HOST}/calendar.ics`)).text();
		const onMain = await (await get(`http://localhost/s/ainm/${DST.year}/calendar.ics`)).text();
		const uids = (ics: string) => icsLines(ics).filter((l) => l.startsWith("UID:"));
		expect(uids(onHost)).toEqual([`UID:${DST_GUIDS.saturday}@baton`, `UID:${DST_GUIDS.sunday}@baton`]);
		expect(uids(onMain)).toEqual(uids(onHost));
	});
});

describe("what is not there", () => {
	it.each([
		["a draft edition", `${MAIN.replace("2023", "2027")}/schedule.json`],
		["a draft edition, even asked for as a preview", `${MAIN.replace("2023", "2027")}/calendar.ics?preview=1`],
		["an unknown year", `${MAIN.replace("2023", "1999")}/schedule.xml`],
		["an unknown series", "http://localhost/s/nope/2023/calendar.ics"],
		["an unknown session", `${MAIN}/program/999/calendar.ics`],
		["a session seq that is not a number", `${MAIN}/program/abc/calendar.ics`],
		["session seq 0", `${MAIN}/program/0/calendar.ics`],
		["another edition's path on a custom host", "http://ainm2025.example.org/s/ainm/2023/schedule.json"],
	])("answers %s with 404", async (_, url) => {
		const res = await get(url);
		expect(res.status).toBe(404);
	});
});
