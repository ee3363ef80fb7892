/**
 * The public edition subsite through the Worker, on the seeded AINM 2023 (archived) and on small
 * editions of their own: each page's content, its navigation and frame, the 404s that link back
 * to the series, drafts hidden from everyone but a previewing committee, Markdown that cannot
 * carry script, custom hosts, and the home's D1 budget. (The program and sessions: program.test.ts.)
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { STYLESHEET_PATH, themeStylesheetPath } from "../../../src/views/assets";
import { getAs } from "../../auth-helpers";
import { queryCount, request, seed } from "../../helpers";
import { createLifecycleEdition, mapHost, requestUrl, type TestEdition } from "../lifecycle/helpers";
import { cacheBuster, html, uncached } from "./helpers";

const HOME = "/s/ainm/2023";
const CUSTOM_HOST = "site.example.org";

/** The text of the page's main landmark, tags dropped and spaces collapsed: what a reader sees. */
const mainText = (page: string) =>
	(/<main[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1] ?? "")
		.replace(/<[^>]+>/g, " ")
		.replace(/\s+/g, " ")
		.trim();

/** The site navigation's links, as [label, href, current]. */
function navOf(page: string): [string, string, boolean][] {
	const nav = /<nav class="edition-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(page)?.[1] ?? "";
	return [...nav.matchAll(/<a href="([^"]*)"( aria-current="page")?>([^<]*)<\/a>/g)].map((m) => [
		m[3] ?? "",
		m[1] ?? "",
		m[2] !== undefined,
	]);
}

const run = (sql: string, ...args: unknown[]) =>
	env.DB.prepare(sql)
		.bind(...args)
		.run();

/** Changes a row as the console would: with the edition's content version, so no cached page is kept. */
const bump = (editionId: string) =>
	run("update editions set content_version = content_version + 1 where id = ?", editionId);

let published: TestEdition;
let draft: TestEdition;

beforeAll(async () => {
	await seed();
	await mapHost(CUSTOM_HOST, "seed-edition-ainm-2023");
	published = await createLifecycleEdition("published");
	draft = await createLifecycleEdition("draft");
});

describe("the edition home", () => {
	it("shows dates, venue, host, hero text, the committee's home page, tracks and lectures", async () => {
		const page = await html(HOME);

		expect(page).toContain("<title>AINM 2023 · Baton</title>");
		expect(page.match(/<h1[ >]/g)).toHaveLength(1);
		expect(page).toContain("<h1>AINM 2023</h1>");
		expect(page).toMatch(/<strong>9\s?–\s?11 October 2023<\/strong> <span class="badge">Held<\/span>/);
		expect(page).toContain("<p>University Medical Center Groningen (UMCG), Groningen, Netherlands</p>");
		expect(page).toContain("<p>Hosted by University Medical Center Groningen, University of Groningen</p>");
		expect(page).toContain(
			'<div class="hero-text"><p>The first edition brought around 250 participants from more than 20 countries to Groningen',
		);
		expect(page).toContain(
			'<div class="prose"><p>AINM 2023 was the first edition of <strong>Artificial Intelligence and Informatics in Nuclear Medicine</strong>, a biennial symposium',
		);
		expect(page).toContain(
			'<a href="/s/ainm/2023/program?track=clinical-track"><strong>Clinical track</strong></a><span class="meta"> · for clinicians</span>',
		);
		expect(page).toContain(
			'<a href="/s/ainm/2023/program?track=physics-and-technology-track"><strong>Physics and technology track</strong></a><span class="meta"> · for physicists and technical specialists</span>',
		);
		expect(page).toContain(
			'<p class="meta">Willem Vaalburg lecture</p><h3><a href="/s/ainm/2023/program/2">The bright future of nuclear medicine is illuminated by artificial intelligence</a></h3><p><a href="/s/ainm/2023/speakers/1"><strong>Arturo Chiti</strong></a></p><p class="meta">Monday 9 October, 09:30</p>',
		);
		expect(page).toContain(
			'<p class="meta">Anne Paans lecture</p><h3><a href="/s/ainm/2023/program/6">AI for data corrections in nuclear medicine imaging</a></h3><p><a href="/s/ainm/2023/speakers/2"><strong>Dimitris Visvikis</strong></a></p>',
		);
		expect(page).toContain('<a href="/s/ainm">All editions of AINM</a>');
	});

	it("lists the key dates, resolved in the edition's zone, in time order", async () => {
		const page = await html(HOME);
		const dates = /<dl class="facts key-dates">([\s\S]*?)<\/dl>/.exec(page)?.[1] ?? "";

		expect(
			[...dates.matchAll(/<dt>([^<]*)<\/dt><dd><time datetime="([^"]*)">([^<]*)<\/time>/g)].map((m) => m.slice(1)),
		).toEqual([
			["Call for abstracts opens", "2023-02-11T08:00:00.000Z", "Saturday 11 February 2023, 09:00 CET"],
			["Registration opens", "2023-02-11T08:00:00.000Z", "Saturday 11 February 2023, 09:00 CET"],
			["Abstract submission deadline", "2023-07-01T21:59:00.000Z", "Saturday 1 July 2023, 23:59 CEST"],
			["Decisions on abstracts", "2023-08-10", "Thursday 10 August 2023"],
			["Registration closes", "2023-10-06T21:59:00.000Z", "Friday 6 October 2023, 23:59 CEST"],
		]);
	});

	it("invites visitors of an edition still to come to register and submit; a past edition only to its program", async () => {
		await run(
			"insert into ticket_types (id, edition_id, name, price_cents, sales_open_offset_days, sales_close_offset_days) values (?, ?, 'Regular', 30000, -100, -1)",
			`ticket-${published.id}`,
			published.id,
		);
		await run(
			"insert into abstract_calls (edition_id, opens_offset_days, closes_offset_days) values (?, -200, -90)",
			published.id,
		);
		await bump(published.id);

		const upcoming = await html(`/s/${published.seriesSlug}/${published.year}`);
		const past = await html(HOME);

		const base = `/s/${published.seriesSlug}/${published.year}`;
		expect(upcoming).toContain(
			`<p class="actions"><a class="button" href="${base}/register">Register</a><a class="button button-secondary" href="${base}/abstracts">Submit an abstract</a><a class="button button-secondary" href="${base}/program">Program</a></p>`,
		);
		expect(past).toContain('<p class="actions"><a class="button" href="/s/ainm/2023/program">See the program</a></p>');
	});

	it("describes the edition as a schema.org Event with dates carrying their UTC offset", async () => {
		const page = await html(HOME);
		const script = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1] ?? "";

		expect(JSON.parse(script)).toEqual({
			"@context": "https://schema.org",
			"@type": "Event",
			"@id": "https://site.example.org/#event",
			name: "AINM 2023",
			description:
				"The first edition brought around 250 participants from more than 20 countries to Groningen for three days of lectures, two parallel tracks and a joint panel discussion.",
			// The first session of day 1 starts at 08:00, the last of day 3 ends at 15:45 (CEST).
			startDate: "2023-10-09T08:00:00+02:00",
			endDate: "2023-10-11T15:45:00+02:00",
			eventStatus: "https://schema.org/EventScheduled",
			eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
			location: {
				"@type": "Place",
				name: "University Medical Center Groningen (UMCG)",
				address: {
					"@type": "PostalAddress",
					streetAddress: "Hanzeplein 1, 9713 GZ Groningen",
					addressLocality: "Groningen",
					addressCountry: "NL",
				},
			},
			organizer: { "@type": "Organization", name: "University Medical Center Groningen, University of Groningen" },
			url: "https://site.example.org/",
		});
	});

	it("serves the same page with a trailing slash", async () => {
		expect(await html(`${HOME}/`)).toContain("<h1>AINM 2023</h1>");
	});

	it("is rendered from three D1 statements: the tenant (with the navigation), the lists of the home, the lectures", async () => {
		expect(queryCount(await uncached(HOME))).toBe(3);
	});
});

describe("every subsite page", () => {
	it.each([
		["", "Home"],
		["/program", "Program"],
		["/program/4", "Program"],
		["/speakers", "Speakers"],
		["/speakers/5", "Speakers"],
		["/lectures", "Lectures"],
		["/venue", "Venue"],
		["/sponsors", "Sponsors"],
		["/register", "Register"],
		["/abstracts", "Abstracts"],
		["/p/committee", "Committee"],
		["/past", "Past editions"],
	])(
		"%s has the edition's navigation with its own item current, one h1, the banner and the theme",
		async (path, current) => {
			const page = await html(`${HOME}${path}`);

			expect(navOf(page)).toEqual(
				[
					["Home", ""],
					["Program", "/program"],
					["Speakers", "/speakers"],
					["Lectures", "/lectures"],
					["Venue", "/venue"],
					["Sponsors", "/sponsors"],
					["Register", "/register"],
					["Abstracts", "/abstracts"],
					// The committee's free pages, by nav order; those that introduce a page of the site are shown there.
					["Committee", "/p/committee"],
					["Past editions", "/past"],
				].map(([label, to]) => [label, `${HOME}${to}`, label === current]),
			);
			expect(page.match(/<h1[ >]/g)).toHaveLength(1);
			expect(page).toContain('<html lang="en">');
			expect(page).toContain('<a class="skip-link" href="#main">');
			expect(page).toContain(
				'<p class="notice">AINM 2023 is archived: this site is kept as it was after the event.</p>',
			);
			expect(page).toContain(`<link rel="stylesheet" href="${themeStylesheetPath("#00567a", "#b45309")}"/>`);
			expect(page).toContain(`<link rel="canonical" href="https://${CUSTOM_HOST}${path || "/"}"/>`);
		},
	);
});

describe("the theme stylesheet", () => {
	it("gives the subsite its edition's colours, cached for a year", async () => {
		const res = await request(themeStylesheetPath("#00567a", "#b45309"));

		expect(res.status).toBe(200);
		expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
		expect(await res.text()).toBe(":root { --accent: #00567a; --site-primary: #00567a; --site-accent: #b45309; }\n");
	});

	it("replaces a main colour too light for white text with Baton's own", async () => {
		await run("update editions set primary_color = '#ffe066' where id = ?", published.id);
		await bump(published.id);

		const page = await html(`/s/${published.seriesSlug}/${published.year}/venue`);

		expect(page).toContain(`<link rel="stylesheet" href="${themeStylesheetPath("#1f5f8b", "#c2410c")}"/>`);
	});

	it("shows the edition's logo beside its name, and leaves out one that is not a web address", async () => {
		const other = await createLifecycleEdition("published");
		await run("update editions set logo_url = 'https://example.org/logo.png' where id = ?", published.id);
		await run("update editions set logo_url = 'javascript:alert(1)' where id = ?", other.id);
		await Promise.all([bump(published.id), bump(other.id)]);

		const withLogo = await html(`/s/${published.seriesSlug}/${published.year}/sponsors`);
		const without = await html(`/s/${other.seriesSlug}/${other.year}/sponsors`);

		expect(withLogo).toContain(
			`<div class="masthead-inner"><img class="masthead-logo" src="https://example.org/logo.png" alt="" height="56"/><div><p class="masthead-title"><a href="/s/${published.seriesSlug}/${published.year}">TST ${published.year}</a></p>`,
		);
		expect(without).toContain('<div class="masthead-inner"><div><p class="masthead-title">');
		expect(without).not.toContain("javascript:");
	});

	it.each([
		"/assets/theme.x.00567a.b45309.css",
		themeStylesheetPath("#00567a", "#b45309").replace("00567a", "00567"),
		themeStylesheetPath("#00567a", "#b45309").replace("00567a", "red;}x"),
	])("answers %s with 404", async (path) => {
		expect((await request(path)).status).toBe(404);
	});

	it("leaves the platform's stylesheet as it was", async () => {
		expect((await request(STYLESHEET_PATH)).status).toBe(200);
	});
});

describe("speakers", () => {
	it("lists the speakers who agreed to publication, alphabetically, with affiliation and country", async () => {
		const page = await html(`${HOME}/speakers`);
		const items = [
			...page.matchAll(
				/<li><a href="\/s\/ainm\/2023\/speakers\/(\d+)">([^<]*)<\/a>(?:<span class="meta"> ([^<]*)<\/span>)?<\/li>/g,
			),
		];

		expect(items.map((m) => m[2])).toEqual([
			"Ananya Iyer",
			"Arturo Chiti",
			"Chidinma Okafor",
			"Dimitris Visvikis",
			"Emily Carter",
			"Emre Yıldız",
			"Giulia Marchetti",
			"Haruto Nakamura",
			"Irene Buvat",
			"Joana Ferreira",
			"Lars Henriksen",
			"Layla Haddad",
			"Mateo Rojas",
			"Ritumbra Manuvie",
			"Sanne Janssen",
			"Wei Ling Tan",
		]);
		expect(items[2]?.slice(1)).toEqual(["5", "Chidinma Okafor", "Fictional University Hospital Lagos, Nigeria"]);
		expect(items[1]?.slice(1)).toEqual(["1", "Arturo Chiti", undefined]);
	});

	it("shows a speaker's bio, ORCID and part in the program: talks given and sessions chaired", async () => {
		await run("update speakers set orcid = '0000-0002-1825-0097' where id = 'seed-2023-speaker-okafor'");
		await bump("seed-edition-ainm-2023");

		const page = await html(`${HOME}/speakers/5`);

		expect(page).toContain("<title>Chidinma Okafor · AINM 2023 · Baton</title>");
		expect(page).toContain('<h1>Chidinma Okafor</h1><p class="lead">Fictional University Hospital Lagos, Nigeria</p>');
		expect(page).toContain(
			'<div class="prose"><p>Fictional speaker (demo data). Nuclear medicine physician interested in AI support for reading whole-body PET/CT.</p>',
		);
		expect(page).toContain(
			'ORCID: <a href="https://orcid.org/0000-0002-1825-0097" rel="noopener">0000-0002-1825-0097</a>',
		);
		const program = /<section aria-labelledby="in-the-program">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? "";
		expect(mainText(`<main>${program}</main>`)).toBe(
			"In the program Monday 9 October, 10:45–12:15 · Room A Lesion detection and segmentation Automated lesion detection in whole-body [18F]FDG PET/CT of lymphoma: a second reader for the physician Tuesday 10 October, 11:00–12:30 · Room A Dosimetry and theranostics Chair of this session",
		);
		expect([...program.matchAll(/<h3><a href="([^"]*)">/g)].map((m) => m[1])).toEqual([
			"/s/ainm/2023/program/4",
			"/s/ainm/2023/program/8",
		]);
	});

	it("leaves out a speaker who has not agreed to publication, everywhere", async () => {
		await run("update speakers set consented_at = null where id = 'seed-2023-speaker-okafor'");
		await bump("seed-edition-ainm-2023");
		try {
			const list = await html(`${HOME}/speakers`);
			const own = await request(`${HOME}/speakers/5`);
			const program = await html(`${HOME}/program`);

			expect(list).not.toContain("Chidinma Okafor");
			expect(own.status).toBe(404);
			expect(program).not.toContain("Chidinma Okafor");
			// Their talk stays in the program, without a name.
			expect(program).toContain("Automated lesion detection in whole-body [18F]FDG PET/CT of lymphoma");
		} finally {
			await run("update speakers set consented_at = 1693526400000 where id = 'seed-2023-speaker-okafor'");
			await bump("seed-edition-ainm-2023");
		}
	});
});

describe("named lectures", () => {
	it("shows each of the series' lectures: its lecturer at this edition and its whole history", async () => {
		const page = await html(`${HOME}/lectures`);

		expect(page).toContain("<h1>Named lectures</h1>");
		// The committee's "named-lectures" page follows, its headings below its own (it is not listed in the navigation).
		expect(page).toContain(
			'<h2 id="from-the-committee">From the committee of AINM 2023</h2><div class="prose"><p>AINM honours two Groningen founders of PET in the Netherlands',
		);
		expect(page).toContain("<h3>Willem Vaalburg lecture</h3>");
		expect(page).toContain(
			'<section class="lecture" id="willem-vaalburg" aria-labelledby="willem-vaalburg-name"><h2 id="willem-vaalburg-name">Willem Vaalburg lecture</h2><p class="meta">In honour of Willem Vaalburg</p>',
		);
		expect(page).toContain(
			'<h3>At AINM 2023</h3><ul class="plain-list"><li><a href="/s/ainm/2023/program/2">The bright future of nuclear medicine is illuminated by artificial intelligence</a> by <strong>Arturo Chiti</strong></li></ul>',
		);
		expect(page).toContain(
			'<h3>Every Willem Vaalburg lecture</h3><ol class="history"><li><span class="history-year">2023</span> <a href="/s/ainm/2023/program/2">',
		);
		expect(page).toContain(
			'<h3>At AINM 2023</h3><ul class="plain-list"><li><a href="/s/ainm/2023/program/6">AI for data corrections in nuclear medicine imaging</a> by <strong>Dimitris Visvikis</strong></li></ul>',
		);
	});

	it("includes earlier public editions of the series, newest first, linked at their own address", async () => {
		const older = await createLifecycleEdition("archived");
		const newer = await createLifecycleEdition("published", { seriesId: older.seriesId });
		const hidden = await createLifecycleEdition("draft", { seriesId: older.seriesId });
		await run(
			"insert into named_lectures (id, series_id, slug, name, honoree) values (?, ?, 'ada', 'Ada lecture', 'Ada')",
			`lecture-${older.id}`,
			older.seriesId,
		);
		for (const [edition, title] of [
			[older, "Old lecture"],
			[newer, "New lecture"],
			[hidden, "Secret lecture"],
		] as const) {
			await run(
				"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes, named_lecture_id) values (?, ?, 3, ?, 'named_lecture', 'Ada lecture', 1, '09:00', 45, ?)",
				`s-${edition.id}`,
				edition.id,
				`g-${edition.id}`,
				`lecture-${older.id}`,
			);
			await run(
				"insert into talks (id, edition_id, session_id, title) values (?, ?, ?, ?)",
				`t-${edition.id}`,
				edition.id,
				`s-${edition.id}`,
				title,
			);
		}

		const page = await html(`/s/${older.seriesSlug}/${newer.year}/lectures`);

		const history = /<ol class="history">([\s\S]*?)<\/ol>/.exec(page)?.[1] ?? "";
		expect(
			[...history.matchAll(/<span class="history-year">(\d+)<\/span> <a href="([^"]*)">([^<]*)<\/a>/g)].map((m) =>
				m.slice(1),
			),
		).toEqual([
			[String(newer.year), `/s/${older.seriesSlug}/${newer.year}/program/3`, "New lecture"],
			[String(older.year), `/s/${older.seriesSlug}/${older.year}/program/3`, "Old lecture"],
		]);
		expect(page).not.toContain("Secret lecture");
	});
});

describe("venue, sponsors, pages and past editions", () => {
	it("shows the venue with its address, map and the committee's travel page", async () => {
		const page = await html(`${HOME}/venue`);

		expect(page).toContain(
			"<p><strong>University Medical Center Groningen (UMCG)</strong></p><address>Hanzeplein 1, 9713 GZ Groningen<br/>Groningen, Netherlands<br/></address>",
		);
		expect(page).toContain(
			'<a href="https://www.openstreetmap.org/search?query=Hanzeplein%201%2C%209713%20GZ%20Groningen" rel="noopener">Open the map</a>',
		);
		// The page "venue-and-travel" in Markdown: its "##" headings sit right below the h1.
		expect(page).toContain("<h2>By train</h2>");
		expect(page).toContain('Write to <a href="mailto:ainm2023@example.org">ainm2023@example.org</a>.');
	});

	it("lists the sponsors by tier, in tier order", async () => {
		const page = await html(`${HOME}/sponsors`);

		expect(
			[...page.matchAll(/<h2 id="tier-\d">([^<]*)<\/h2><ul class="sponsor-list">(.*?)<\/ul>/g)].map((m) => [
				m[1],
				m[2],
			]),
		).toEqual([
			[
				"Affiliated society",
				'<li class="card"><a href="https://www.eanm.org/" rel="noopener">European Association of Nuclear Medicine (EANM)</a></li>',
			],
			[
				"Journal partner",
				'<li class="card"><a href="https://www.frontiersin.org/journals/nuclear-medicine" rel="noopener">Frontiers in Nuclear Medicine</a></li>',
			],
		]);
	});

	it("shows a published page, and answers an unknown or unpublished one with the edition's 404 page", async () => {
		await run(
			"insert into pages (id, edition_id, slug, title, body, published) values ('draft-page-2023', 'seed-edition-ainm-2023', 'soon', 'Soon', 'Not yet.', 0)",
		);
		await bump("seed-edition-ainm-2023");

		const committee = await html(`${HOME}/p/committee`);
		const unknown = await request(`${HOME}/p/nope`);
		const unpublished = await request(`${HOME}/p/soon`);

		expect(committee).toContain('<h1>Committee</h1><div class="prose"><h2>Organizing committee</h2>');
		for (const res of [unknown, unpublished]) {
			expect(res.status).toBe(404);
			const page = await res.text();
			expect(page).toContain("<h1>Page not found</h1><p>This page does not exist.</p>");
			expect(page).toContain('<a href="/s/ainm/2023">Go to the home page of AINM 2023</a>');
			expect(page).toContain('<a href="/s/ainm">See all editions of AINM</a>');
			expect(navOf(page).map(([label]) => label)).toContain("Program");
			expect(page).not.toContain("Not yet.");
		}
	});

	it("answers any other path below an edition with the edition's 404 page", async () => {
		const res = await request(`${HOME}/no/such/page`);

		expect(res.status).toBe(404);
		expect(await res.text()).toContain('<a href="/s/ainm">See all editions of AINM</a>');
	});

	it("lists the series' other public editions, earlier and later, newest first", async () => {
		const first = await createLifecycleEdition("archived");
		const second = await createLifecycleEdition("held", { seriesId: first.seriesId });
		const third = await createLifecycleEdition("published", { seriesId: first.seriesId });
		await createLifecycleEdition("draft", { seriesId: first.seriesId });
		const slug = first.seriesSlug;

		const middle = await html(`/s/${slug}/${second.year}/past`);
		const oldest = await html(`/s/${slug}/${first.year}/past`);
		const ainm = await html(`${HOME}/past`);

		expect(mainText(middle)).toContain(
			`TST ${second.year} has taken place. The newest edition is TST ${third.year} . Past editions Before ${second.year} TST ${first.year} 5 – 7 May 2031 Groningen After ${second.year} TST ${third.year} 5 – 7 May 2031 Groningen All editions of TST`,
		);
		expect(middle).toContain(`<h3><a href="/s/${slug}/${first.year}">TST ${first.year}</a></h3>`);
		expect(oldest).toContain(`<h2 id="later">After ${first.year}</h2>`);
		expect(mainText(oldest)).toContain(`TST ${first.year} is the first edition of Test series.`);
		expect(mainText(ainm)).toContain(
			"AINM 2023 is the first edition of Artificial Intelligence and Informatics in Nuclear Medicine.",
		);
	});
});

describe("registration and the call for abstracts, as configured", () => {
	it("shows the ticket types with their prices (none recorded for AINM 2023) and sale windows, and the registration questions", async () => {
		const page = await html(`${HOME}/register`);

		expect(page).toContain("<p>Registration is closed: AINM 2023 has taken place.</p>");
		expect(
			[...page.matchAll(/<h3>([^<]*)<\/h3><p class="price">([^<]*)<\/p><dl class="facts compact">(.*?)<\/dl>/g)].map(
				(m) => [m[1], m[2], (m[3] ?? "").replace(/<[^>]+>/g, "|").replace(/\|+/g, "|")],
			),
		).toEqual([
			// AINM 2023's prices are not among its facts: an archived edition's 0 is "not recorded", never "Free".
			[
				"Participant",
				"Price not recorded",
				"|On sale from|Saturday 11 February 2023, 09:00 CET|Until|Friday 6 October 2023, 23:59 CEST|",
			],
		]);
		expect(page).toContain(
			'<li><strong>Professional background</strong><span class="meta"> (one of a list: Clinician, Physicist / engineer, Data scientist, Researcher, Student, Industry, Other; required)</span></li>',
		);
		expect(page).toContain(
			'<li><strong>Dietary requirements</strong><span class="meta"> (a short answer; optional)</span></li>',
		);
	});

	it("shows the call for abstracts: window, decisions, word limit, presentation types, and the committee's page", async () => {
		const page = await html(`${HOME}/abstracts`);

		expect(page).toContain("<p>The call for abstracts is closed: AINM 2023 has taken place.</p>");
		expect(mainText(page)).toContain(
			"Submissions open Saturday 11 February 2023, 09:00 CET Deadline Saturday 1 July 2023, 23:59 CEST Decisions Thursday 10 August 2023 Word limit 300 words Presentation Oral, Poster",
		);
		// The committee's "call-for-abstracts" page lists the topics and the special issue in its own words.
		expect(page).toContain("<li>Lesion detection and segmentation</li>");
		expect(page.match(/Lesion detection and segmentation<\/li>/g)).toHaveLength(1);
	});

	it("lists the topics and the special issue itself when the committee wrote no page about the call", async () => {
		const edition = await createLifecycleEdition("published");
		await run(
			`insert into abstract_calls (edition_id, opens_offset_days, closes_offset_days, topics, presentation_types, word_limit, special_issue) values (?, -200, -90, '["Dosimetry","Explainability"]', '["Poster"]', 250, 'Frontiers in Nuclear Medicine')`,
			edition.id,
		);
		await bump(edition.id);

		const page = await html(`/s/${edition.seriesSlug}/${edition.year}/abstracts`);

		expect(page).toContain(
			"<p>Online submission is not open on this site yet. This is the call as the committee set it up.</p>",
		);
		expect(page).toContain('<h2 id="topics">Topics</h2><ul><li>Dosimetry</li><li>Explainability</li></ul>');
		expect(page).toContain("<p>Selected abstracts are published in Frontiers in Nuclear Medicine.</p>");
	});

	it("says so when an edition has no call for abstracts and no tickets yet", async () => {
		const base = `/s/${draft.seriesSlug}/${draft.year}`;
		const edition = await createLifecycleEdition("published");
		const path = `/s/${edition.seriesSlug}/${edition.year}`;

		expect(await html(`${path}/abstracts`)).toContain(`<p>TST ${edition.year} has no call for abstracts.</p>`);
		expect(await html(`${path}/register`)).toContain("<p>The tickets have not been announced yet.</p>");
		expect((await request(`${base}/register`)).status).toBe(404);
	});
});

describe("Markdown from the committee", () => {
	it("reaches the page without any markup or script that could run", async () => {
		const edition = await createLifecycleEdition("published");
		const payload = [
			"<script>alert(1)</script>",
			'<img src=x onerror="alert(1)">',
			"[click](javascript:alert(1))",
			"[data](data:text/html;base64,PHNjcmlwdD4=)",
			"<javascript:alert(1)>",
			"**bold** and https://example.org/",
		].join("\n\n");
		await run(
			"insert into pages (id, edition_id, slug, title, body, published) values (?, ?, 'xss', 'XSS', ?, 1)",
			`xss-${edition.id}`,
			edition.id,
			payload,
		);
		await run("update editions set hero_text = ? where id = ?", "<script>alert(2)</script> *hi*", edition.id);
		await bump(edition.id);

		const [page, home] = await Promise.all([
			html(`/s/${edition.seriesSlug}/${edition.year}/p/xss`),
			html(`/s/${edition.seriesSlug}/${edition.year}`),
		]);

		const body = /<div class="prose">([\s\S]*?)<\/div>/.exec(page)?.[1];
		expect(body).toBe(
			'<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>\n<p>[click](javascript:alert(1))</p>\n<p>[data](data:text/html;base64,PHNjcmlwdD4=)</p>\n<p>&lt;javascript:alert(1)&gt;</p>\n<p><strong>bold</strong> and <a href="https://example.org/" rel="noopener">https://example.org/</a></p>\n',
		);
		expect(home).toContain('<div class="hero-text"><p>&lt;script&gt;alert(2)&lt;/script&gt; <em>hi</em></p>\n</div>');
		for (const text of [page, home]) {
			expect(text).not.toMatch(/<script(?! type="application\/ld\+json")/);
			expect(text).not.toMatch(/href="javascript:/i);
		}
	});
});

describe("drafts", () => {
	it.each(["", "/program", "/speakers", "/lectures", "/venue", "/p/home", "/nope"])(
		"answer %s with the 404 of an unknown edition, linking to the series",
		async (path) => {
			const res = await request(`/s/${draft.seriesSlug}/${draft.year}${path}`);

			expect(res.status).toBe(404);
			const page = await res.text();
			expect(page).toContain("<p>This edition does not exist.</p>");
			expect(page).toContain(`<a href="/s/${draft.seriesSlug}">See all editions of TST</a>`);
			expect(page).not.toContain(`TST ${draft.year}`);
		},
	);

	it("are previewed by their committee on every page, with the banner, links that stay in the preview, never cached", async () => {
		const res = await getAs(`/s/${draft.seriesSlug}/${draft.year}/venue?preview=1`, draft.chair.cookie);

		expect(res.status).toBe(200);
		expect(res.headers.get("Cache-Control")).toBe("private, no-store");
		const page = await res.text();
		expect(page).toContain("<strong>Preview.</strong> This edition is a draft");
		const base = `/s/${draft.seriesSlug}/${draft.year}`;
		expect(navOf(page).slice(0, 2)).toEqual([
			["Home", `${base}?preview=1`, false],
			["Program", `${base}/program?preview=1`, false],
		]);
		expect(navOf(page)[4]).toEqual(["Venue", `${base}/venue?preview=1`, true]);
	});

	it("answer an unknown series with a link to the directory", async () => {
		const res = await request("/s/no-such-series/2023/program");

		expect(res.status).toBe(404);
		expect(await res.text()).toContain('<a href="/">Go to the list of symposium series</a>');
	});
});

describe("on the edition's custom host", () => {
	it.each([
		["/", "<h1>AINM 2023</h1>"],
		["/speakers", "<h1>Speakers</h1>"],
		["/lectures", "<h1>Named lectures</h1>"],
		["/venue", "<h1>Venue and travel</h1>"],
	])("serves %s with links at the host's root and the platform's pages on the main host", async (path, h1) => {
		const res = await requestUrl(`http://${CUSTOM_HOST}${path}`);

		expect(res.status).toBe(200);
		const page = await res.text();
		expect(page).toContain(h1);
		expect(navOf(page).slice(0, 3)).toEqual([
			["Home", "/", path === "/"],
			["Program", "/program", false],
			["Speakers", "/speakers", path === "/speakers"],
		]);
		expect(page).toContain(`<link rel="canonical" href="https://${CUSTOM_HOST}${path}"/>`);
		expect(page).toContain('<a class="brand" href="https://localhost/">');
		expect(mainText(page)).toBe(mainText(await html(`${HOME}${path === "/" ? "" : path}`)));
	});

	it("answers an unknown page with the edition's 404, linking to the series on the main host", async () => {
		const res = await requestUrl(`http://${CUSTOM_HOST}/p/nope`);

		expect(res.status).toBe(404);
		const page = await res.text();
		expect(page).toContain('<a href="/">Go to the home page of AINM 2023</a>');
		expect(page).toContain('<a href="https://localhost/s/ainm">See all editions of AINM</a>');
	});

	it("keeps the home within three D1 statements, the host lookup being the tenant", async () => {
		expect(queryCount(await requestUrl(`http://${CUSTOM_HOST}/?${cacheBuster()}`))).toBe(3);
	});
});
