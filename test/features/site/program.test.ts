/**
 * The program page and the session pages of the subsite, through the Worker: the grid by day and
 * room (parallel sessions side by side, plenaries and breaks across), times in the edition's zone
 * with the zone named, the track filter, session details with structured data, 404s, a custom
 * host, and the D1 budget of an edition with 150 sessions.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { queryCount, request, seed } from "../../helpers";
import { createLifecycleEdition, mapHost, requestUrl, type TestEdition } from "../lifecycle/helpers";
import { html, uncached } from "./helpers";

const HOME = "/s/ainm/2023";
const PROGRAM = `${HOME}/program`;

const run = (sql: string, ...args: unknown[]) =>
	env.DB.prepare(sql)
		.bind(...args)
		.run();

/** The sessions of a program page as [slot time, classes of the cell, title], in page order. */
function cellsOf(page: string, day: number): [string, string, string][] {
	const section = new RegExp(`<section class="program-day" aria-labelledby="day-${day}">([\\s\\S]*?)</section>`).exec(
		page,
	)?.[1];
	const cells: [string, string, string][] = [];
	for (const slot of (section ?? "").split('<li class="slot').slice(1)) {
		const time = /<p class="slot-time"><time[^>]*>([^<]*)<\/time>/.exec(slot)?.[1] ?? "";
		for (const m of slot.matchAll(
			/<article class="session ([^"]*)"[^>]*>.*?class="session-title" id="[^"]*">(?:<a [^>]*>)?([^<]*)/g,
		)) {
			cells.push([time, m[1] ?? "", m[2] ?? ""]);
		}
	}
	return cells;
}

let big: TestEdition;

/** 3 days × 10 hourly slots × 5 rooms = 150 sessions, 2 talks each, with speakers and a chair. */
async function createLargeEdition(): Promise<TestEdition> {
	const edition = await createLifecycleEdition("published");
	const id = edition.id;
	const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n}) `;
	await env.DB.batch(
		[
			`${numbers(5)}insert into rooms (id, edition_id, name, position) select ?1 || '-room-' || i, ?1, 'Room ' || i, i from n`,
			`${numbers(3)}insert into tracks (id, edition_id, name, position) select ?1 || '-track-' || i, ?1, 'Track ' || i, i from n`,
			`${numbers(60)}insert into speakers (id, edition_id, seq, name, consented_at) select ?1 || '-sp-' || i, ?1, i, 'Speaker ' || i, 1 from n`,
			`${numbers(150)}insert into sessions (id, edition_id, seq, guid, kind, title, description, day, start_time, duration_minutes, room_id, track_id) select ?1 || '-s-' || i, ?1, i, ?1 || '-g-' || i, 'track', 'Session ' || i, 'About session ' || i, (i - 1) / 50 + 1, printf('%02d:00', 8 + ((i - 1) % 50) / 5), 45, ?1 || '-room-' || (((i - 1) % 5) + 1), ?1 || '-track-' || (((i - 1) % 3) + 1) from n`,
			`${numbers(300)}insert into talks (id, edition_id, session_id, position, title, duration_minutes) select ?1 || '-t-' || i, ?1, ?1 || '-s-' || ((i + 1) / 2), 2 - i % 2, 'Talk ' || i, 20 from n`,
			`${numbers(300)}insert into talk_speakers (edition_id, talk_id, speaker_id) select ?1, ?1 || '-t-' || i, ?1 || '-sp-' || ((i % 60) + 1) from n`,
			`${numbers(150)}insert into session_chairs (edition_id, session_id, speaker_id) select ?1, ?1 || '-s-' || i, ?1 || '-sp-' || ((i % 60) + 1) from n`,
		].map((sql) => env.DB.prepare(sql).bind(id)),
	);
	return edition;
}

beforeAll(async () => {
	await seed();
	await mapHost("program.example.org", "seed-edition-ainm-2023");
	big = await createLargeEdition();
});

describe("the program page", () => {
	it("shows each day as a section, with a day navigation and the zone of its times", async () => {
		const page = await html(PROGRAM);

		expect(page).toContain("<title>Program · AINM 2023 · Baton</title>");
		expect(page).toContain('<p class="meta">Times in Europe/Amsterdam (CEST, UTC+02:00).</p>');
		expect(page).toContain(
			'<nav class="pill-nav" aria-label="Program days"><ul><li><a href="#day-1">Monday 9 October</a></li><li><a href="#day-2">Tuesday 10 October</a></li><li><a href="#day-3">Wednesday 11 October</a></li></ul></nav>',
		);
		expect([...page.matchAll(/<h2 id="(day-\d)">([^<]*)/g)].map((m) => [m[1], m[2]])).toEqual([
			["day-1", "Monday 9 October "],
			["day-2", "Tuesday 10 October "],
			["day-3", "Wednesday 11 October "],
		]);
	});

	it("puts parallel sessions in their rooms' columns and lets plenaries, posters and breaks span them", async () => {
		const page = await html(PROGRAM);

		expect(cellsOf(page, 1)).toEqual([
			["08:00", "kind-break span", "Registration and welcome coffee"],
			["09:00", "kind-plenary span", "Opening of AINM 2023"],
			["09:30", "kind-named_lecture span", "Willem Vaalburg lecture 2023"],
			["10:15", "kind-break span", "Coffee break"],
			["10:45", "kind-track col-1", "Lesion detection and segmentation"],
			["10:45", "kind-track col-2", "Attenuation correction and data corrections"],
			["12:15", "kind-break span", "Lunch"],
			["13:15", "kind-poster span", "Poster session: detection, segmentation and data corrections"],
		]);
		expect(cellsOf(page, 3).at(-2)).toEqual([
			"14:00",
			"kind-panel span",
			"Joint panel discussion: from research to routine",
		]);
		// The columns are the rooms of the parallel sessions, named above them.
		expect(page).toContain(
			'<div class="slot slot-head cols-2" aria-hidden="true"><span class="col-1">Room A</span><span class="col-2">Room B</span></div>',
		);
	});

	it("gives each session its time, room, track, chair, talks and linked speakers; breaks get no link", async () => {
		const page = await html(PROGRAM);

		expect(page).toContain(
			'<article class="session kind-track col-1" aria-labelledby="session-4"><p class="session-time"><time datetime="2023-10-09T08:45:00.000Z">10:45</time>–<time datetime="2023-10-09T10:15:00.000Z">12:15</time><span class="session-room"> · Room A</span></p><h3 class="session-title" id="session-4"><a href="/s/ainm/2023/program/4">Lesion detection and segmentation</a></h3><p class="session-track"><svg class="swatch" aria-hidden="true" width="12" height="12" viewBox="0 0 12 12"><rect width="12" height="12" rx="2" fill="#1f6f43"></rect></svg> Clinical track</p><p class="session-chairs">Chair: <a href="/s/ainm/2023/speakers/11">Joana Ferreira</a></p><ul class="session-talks"><li><span class="talk-title">Automated lesion detection in whole-body [18F]FDG PET/CT of lymphoma: a second reader for the physician</span> <span class="talk-speakers"><a href="/s/ainm/2023/speakers/5">Chidinma Okafor</a></span></li>',
		);
		expect(page).toContain(
			'<p class="session-kind">Willem Vaalburg lecture</p><h3 class="session-title" id="session-2"><a href="/s/ainm/2023/program/2">Willem Vaalburg lecture 2023</a></h3>',
		);
		expect(page).toContain('<p class="session-title" id="session-3">Coffee break</p>');
		expect(page).not.toContain('href="/s/ainm/2023/program/3"');
	});

	it("names the zone of each day when a clock change falls within the edition", async () => {
		const edition = await createLifecycleEdition("published");
		await run("update editions set start_date = '2025-10-25', end_date = '2025-10-27' where id = ?", edition.id);
		for (const day of [1, 2]) {
			await run(
				"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes) values (?, ?, ?, ?, 'plenary', ?, ?, '09:00', 60)",
				`dst-${edition.id}-${day}`,
				edition.id,
				day,
				`dst-g-${edition.id}-${day}`,
				`Day ${day} opening`,
				day,
			);
		}

		const page = await html(`/s/${edition.seriesSlug}/${edition.year}/program`);

		expect([...page.matchAll(/<p class="meta">Times in ([^<]*)\.<\/p>/g)].map((m) => m[1])).toEqual([
			"Europe/Amsterdam (CEST, UTC+02:00)",
			"Europe/Amsterdam (CET, UTC+01:00)",
		]);
		expect(page).toContain('<time datetime="2025-10-26T08:00:00.000Z">09:00</time>');
	});

	it("says so when no program is published yet", async () => {
		const edition = await createLifecycleEdition("published");

		const page = await html(`/s/${edition.seriesSlug}/${edition.year}/program`);

		expect(page).toContain("<h1>Program</h1><p>The program has not been published yet.</p>");
	});
});

describe("the track filter", () => {
	it.each([
		["its slug", "clinical-track"],
		["its id", "seed-2023-track-clinical"],
	])("shows, by %s, the track's sessions and those for everyone, without JavaScript", async (_, param) => {
		const page = await html(`${PROGRAM}?track=${param}`);

		expect(page).toContain("<title>Program: Clinical track · AINM 2023 · Baton</title>");
		expect(page).toContain("<h1>Program: Clinical track</h1>");
		expect(cellsOf(page, 1).map(([time, classes, title]) => [time, classes, title])).toEqual([
			["08:00", "kind-break span", "Registration and welcome coffee"],
			["09:00", "kind-plenary span", "Opening of AINM 2023"],
			["09:30", "kind-named_lecture span", "Willem Vaalburg lecture 2023"],
			["10:15", "kind-break span", "Coffee break"],
			["10:45", "kind-track span", "Lesion detection and segmentation"],
			["12:15", "kind-break span", "Lunch"],
			["13:15", "kind-poster span", "Poster session: detection, segmentation and data corrections"],
		]);
		expect(page).not.toContain("Attenuation correction and data corrections");
		expect(page).toContain(
			'<li><a href="/s/ainm/2023/program?track=clinical-track" aria-current="page"><svg class="swatch"',
		);
		expect(page).toContain('<li><a href="/s/ainm/2023/program">All tracks</a></li>');
		expect(page).toContain('<link rel="canonical" href="https://program.example.org/program?track=clinical-track"/>');
	});

	it("marks 'All tracks' as current without a filter", async () => {
		expect(await html(PROGRAM)).toContain(
			'<li><a href="/s/ainm/2023/program" aria-current="page">All tracks</a></li><li><a href="/s/ainm/2023/program?track=clinical-track"><svg',
		);
	});

	it("answers a track the program does not have with the edition's 404", async () => {
		const res = await request(`${PROGRAM}?track=nope`);

		expect(res.status).toBe(404);
		expect(await res.text()).toContain("<p>This track does not exist.</p>");
	});
});

describe("a session page", () => {
	it("shows when, where, track, kind, chairs, the talks with their times, speakers and abstracts", async () => {
		const page = await html(`${PROGRAM}/4`);
		const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1] ?? "";

		expect(page).toContain("<title>Lesion detection and segmentation · AINM 2023 · Baton</title>");
		expect(main).toContain(
			'<p class="back-link"><a href="/s/ainm/2023/program#day-1">Program of Monday 9 October</a></p><h1>Lesion detection and segmentation</h1><p class="lead">Parallel track session</p>',
		);
		expect(main).toContain(
			'<dt>When</dt><dd>Monday 9 October, <time datetime="2023-10-09T08:45:00.000Z">10:45</time>–<time datetime="2023-10-09T10:15:00.000Z">12:15</time><br/><span class="meta">Times in Europe/Amsterdam (CEST, UTC+02:00)</span></dd><dt>Where</dt><dd>Room A</dd><dt>Track</dt><dd>',
		);
		expect(main).toContain('<a href="/s/ainm/2023/program?track=clinical-track">Clinical track</a>');
		expect(main).toContain(
			'<dt>Chair</dt><dd><a href="/s/ainm/2023/speakers/11">Joana Ferreira</a><span class="meta"> (Fictional University Hospital São Paulo)</span></dd>',
		);
		expect(main).toContain(
			'<a class="button button-secondary" href="/s/ainm/2023/program/4/calendar.ics">Add to your calendar (.ics)</a>',
		);
		expect(main).toContain(
			'<h2 id="about">About this session</h2><div class="prose"><p>Automated detection and segmentation',
		);
		expect(
			[...main.matchAll(/<li id="talk-(\d)"><h3>([^<]*)<\/h3><p class="meta">([^<]*)<\/p><p><a href="([^"]*)">/g)].map(
				(m) => m.slice(1),
			),
		).toEqual([
			[
				"1",
				"Automated lesion detection in whole-body [18F]FDG PET/CT of lymphoma: a second reader for the physician",
				"10:45–11:10",
				"/s/ainm/2023/speakers/5",
			],
			[
				"2",
				"Total metabolic tumour volume from automated segmentation: how close to expert contours?",
				"11:10–11:35",
				"/s/ainm/2023/speakers/7",
			],
			[
				"3",
				"Deep learning for bone metastases on PSMA PET/CT: designing a fair reader study",
				"11:35–12:00",
				"/s/ainm/2023/speakers/8",
			],
		]);
		expect(main).toContain('<div class="prose"><p>Whole-body FDG PET/CT of lymphoma can show dozens of lesions');
	});

	it("points a named lecture to the lecture's history", async () => {
		const page = await html(`${PROGRAM}/2`);

		expect(page).toContain('<p class="lead">Willem Vaalburg lecture</p>');
		expect(page).toContain(
			'<h2 id="named-lecture">Willem Vaalburg lecture</h2><p>In honour of Willem Vaalburg. <a href="/s/ainm/2023/lectures#willem-vaalburg">Every Willem Vaalburg lecture so far</a></p>',
		);
		expect(page).toContain(
			'<h2 id="talks">Lecture</h2><ol class="talk-list"><li id="talk-1"><h3>The bright future of nuclear medicine is illuminated by artificial intelligence</h3><p><a href="/s/ainm/2023/speakers/1">Arturo Chiti</a></p></li></ol>',
		);
	});

	it("describes the session as a schema.org Event, a subEvent of the edition", async () => {
		const page = await html(`${PROGRAM}/6`);
		const script = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1] ?? "";

		expect(JSON.parse(script)).toEqual({
			"@context": "https://schema.org",
			"@type": "Event",
			name: "Anne Paans lecture 2023",
			startDate: "2023-10-10T09:00:00+02:00",
			endDate: "2023-10-10T09:45:00+02:00",
			eventStatus: "https://schema.org/EventScheduled",
			eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
			location: {
				"@type": "Place",
				name: "Plenary hall, University Medical Center Groningen (UMCG)",
				address: {
					"@type": "PostalAddress",
					streetAddress: "Hanzeplein 1, 9713 GZ Groningen",
					addressLocality: "Groningen",
					addressCountry: "NL",
				},
			},
			performer: [{ "@type": "Person", name: "Dimitris Visvikis", url: "https://program.example.org/speakers/2" }],
			url: "https://program.example.org/program/6",
			superEvent: { "@type": "Event", "@id": "https://program.example.org/#event" },
		});
	});

	it("escapes '<' in its structured data, so no title can end the script element", async () => {
		const edition = await createLifecycleEdition("published");
		await run(
			"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes) values (?, ?, 1, ?, 'plenary', ?, 1, '09:00', 30)",
			`lt-${edition.id}`,
			edition.id,
			`lt-g-${edition.id}`,
			"</script><script>alert(1)</script>",
		);

		const page = await html(`/s/${edition.seriesSlug}/${edition.year}/program/1`);
		const script = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1] ?? "";

		expect(script).toContain('"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"');
		expect(page.match(/<script/g)).toHaveLength(1);
	});

	it.each([
		["an unknown number", "/999"],
		["zero", "/0"],
		["a number with a leading zero", "/04"],
		["not a number", "/abc"],
	])("answers %s with the edition's 404", async (_, path) => {
		const res = await request(`${PROGRAM}${path}`);

		expect(res.status).toBe(404);
		expect(await res.text()).toContain('<a href="/s/ainm/2023">Go to the home page of AINM 2023</a>');
	});

	it("answers another edition's session number with 404, never its session", async () => {
		const other = await createLifecycleEdition("published");
		await run(
			"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes) values (?, ?, 77, ?, 'plenary', 'Not of AINM', 1, '09:00', 30)",
			`other-${other.id}`,
			other.id,
			`other-g-${other.id}`,
		);

		const own = await request(`/s/${other.seriesSlug}/${other.year}/program/77`);
		const res = await request(`${PROGRAM}/77`);

		expect(own.status).toBe(200);
		expect(res.status).toBe(404);
		expect(await res.text()).not.toContain("Not of AINM");
	});

	it("links within the custom host when asked for there", async () => {
		const res = await requestUrl("http://program.example.org/program/4");

		expect(res.status).toBe(200);
		const page = await res.text();
		expect(page).toContain('<link rel="canonical" href="https://program.example.org/program/4"/>');
		expect(page).toContain('<a href="/program#day-1">Program of Monday 9 October</a>');
		expect(page).toContain('<a href="/speakers/5">Chidinma Okafor</a>');
		expect(page).toContain('href="/program/4/calendar.ics"');
	});

	it("is rendered from three D1 statements", async () => {
		expect(queryCount(await uncached(`${PROGRAM}/4`))).toBe(3);
	});
});

describe("an edition with 150 sessions", () => {
	it("renders its program from three D1 statements: the tenant and the program's two", async () => {
		const res = await uncached(`/s/${big.seriesSlug}/${big.year}/program`);

		expect(res.status).toBe(200);
		expect(queryCount(res)).toBe(3);
		const page = await res.text();
		expect(page.match(/<article class="session kind-track col-\d"/g)).toHaveLength(150);
		expect(page.match(/<div class="slot slot-head cols-5"/g)).toHaveLength(3);
	});

	it("renders its filtered program from three D1 statements too", async () => {
		const res = await uncached(`/s/${big.seriesSlug}/${big.year}/program?track=track-2`);

		expect(res.status).toBe(200);
		expect(queryCount(res)).toBe(3);
		expect((await res.text()).match(/<article class="session /g)).toHaveLength(50);
	});

	it("renders its home from three D1 statements", async () => {
		const res = await uncached(`/s/${big.seriesSlug}/${big.year}`);

		expect(res.status).toBe(200);
		expect(queryCount(res)).toBe(3);
	});
});
