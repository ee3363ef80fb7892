import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../src/lib/ids";
import { createTestUser, getAs, postForm, type TestUser } from "../../auth-helpers";
import { addCommitteeMember, insertEdition } from "../../fixtures";
import { request, seed } from "../../helpers";

const AINM = "seed-series-ainm";
let chair: TestUser;
let organizer: TestUser;

const page = async (path: string, cookie?: string) => (await (cookie ? getAs(path, cookie) : request(path))).text();

async function addPage(editionId: string, slug: string, title: string, body: string) {
	await env.DB.prepare("insert into pages (id, edition_id, slug, title, body, published) values (?, ?, ?, ?, ?, 1)")
		.bind(newId(), editionId, slug, title, body)
		.run();
}

beforeAll(async () => {
	await seed();
	chair = await createTestUser("chair");
	organizer = await createTestUser("organizer");
});

describe("AINM 2023's seeded texts", () => {
	it("state the edition's facts with placeholders and read as before", async () => {
		const stored = await env.DB.prepare("select body from pages where id = 'seed-2023-page-venue-and-travel'").first<{
			body: string;
		}>();
		expect(stored?.body.split("\n")[0]).toBe(
			"{{edition.name}} takes place at the **{{venue.name}}**, {{venue.address}}, the Netherlands. The plenary sessions are held in the plenary hall, the two parallel tracks in Room A and Room B, and the poster sessions in the foyer.",
		);

		const home = await page("/s/ainm/2023");
		expect(home).toContain(
			"It took place on 9 – 11 October 2023 at the University Medical Center Groningen (UMCG) in Groningen, the Netherlands.</p>",
		);
		expect(home).toContain("help offered by the organizing committee of 2023.</p>");
		expect(home).toContain(
			'<div class="hero-text"><p>The first edition brought around 250 participants from more than 20 countries to Groningen for three days',
		);
		const venue = await page("/s/ainm/2023/venue");
		expect(venue).toContain(
			"<p>AINM 2023 takes place at the <strong>University Medical Center Groningen (UMCG)</strong>, Hanzeplein 1, 9713 GZ Groningen, the Netherlands.",
		);
		expect(venue).toContain(
			'<p>Questions about the venue? Write to <a href="mailto:ainm2023@example.org">ainm2023@example.org</a>.</p>',
		);
		expect(await page("/s/ainm/2023/abstracts")).toContain("<p>The call for abstracts of AINM 2023 is closed.");
		expect(await page("/s/ainm/2023/program/1")).toContain("<h1>Opening of AINM 2023</h1>");
		// The feeds are built from the same resolved program.
		const feed = await page("/s/ainm/2023/schedule.json");
		expect(feed).toContain('"title":"Opening of AINM 2023"');
		expect(feed).toContain("Dinner for all participants in the city of Groningen.");
		expect(feed).not.toContain("{{");
		expect(await page("/s/ainm/2023/calendar.ics")).toContain("SUMMARY:Opening of AINM 2023");
	});
});

describe("a venue edit", () => {
	it("changes every page that shows {{venue.name}}, cached or not", async () => {
		const { id } = await insertEdition({
			seriesId: AINM,
			year: 2061,
			name: "AINM 2061",
			startDate: "2061-10-03",
			endDate: "2061-10-05",
			status: "published",
			venueName: "Old Hall",
			city: "Leuven",
		});
		await addCommitteeMember({ editionId: id, user: chair, role: "chair" });
		await addPage(id, "home", "Home", "Welcome to {{venue.name}}.");
		await addPage(id, "venue", "Venue", "The venue is {{venue.name}} in {{edition.city}}.");
		await addPage(id, "travel", "Getting to {{venue.name}}", "Find {{venue.name}} on the map.");
		await env.DB.prepare(
			"insert into sessions (id, edition_id, seq, guid, kind, title, description, day, start_time, duration_minutes) values (?, ?, 1, ?, 'plenary', 'Opening at {{venue.name}}', 'Meet in the foyer of {{venue.name}}.', 1, '09:00', 30)",
		)
			.bind(newId(), id, crypto.randomUUID())
			.run();
		const paths = ["/s/ainm/2061", "/s/ainm/2061/venue", "/s/ainm/2061/p/travel", "/s/ainm/2061/program/1"];
		for (const path of paths) expect(await page(path)).toContain("Old Hall");

		const saved = await postForm(
			`/console/editions/${id}/settings`,
			{
				name: "AINM 2061",
				startDate: "2061-10-03",
				endDate: "2061-10-05",
				timeZone: "Europe/Amsterdam",
				hostName: "",
				venueName: "New Hall",
				venueAddress: "",
				city: "Leuven",
				country: "BE",
				mapUrl: "",
				contactEmail: "",
				logoUrl: "",
				primaryColor: "#1f5f8b",
				accentColor: "#c2410c",
				heroText: "",
			},
			chair.cookie,
		);
		expect(saved.status).toBe(303);

		const [home, venue, travel, session] = await Promise.all(paths.map((path) => page(path)));
		for (const html of [home, venue, travel, session]) expect(html).not.toContain("Old Hall");
		expect(home).toContain("<p>Welcome to New Hall.</p>");
		expect(venue).toContain("<p>The venue is New Hall in Leuven.</p>");
		expect(travel).toContain("<h1>Getting to New Hall</h1>");
		expect(travel).toContain("<p>Find New Hall on the map.</p>");
		expect(session).toContain("<h1>Opening at New Hall</h1>");
		expect(session).toContain("<p>Meet in the foyer of New Hall.</p>");
		expect(await page("/s/ainm/2061/schedule.json")).toContain('"title":"Opening at New Hall"');
	});
});

describe("values", () => {
	it("are text: a venue name with HTML or Markdown adds no markup or link", async () => {
		const { id } = await insertEdition({
			seriesId: AINM,
			year: 2063,
			startDate: "2063-10-03",
			endDate: "2063-10-05",
			status: "published",
			venueName: "<script>alert(1)</script> [x](javascript:alert(1)) **bold** &amp;",
		});
		await addPage(id, "home", "Home", "# Welcome\n\nAt {{venue.name}}.\n\n{{venue.name}}");

		const html = await page("/s/ainm/2063");
		expect(html).toContain(
			"<p>At &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) **bold** &amp;amp;.</p>",
		);
		expect(html).not.toContain("<script>alert");
		expect(html).not.toContain('javascript:alert(1)"');
		expect(html).not.toContain("<strong>bold");
	});

	it("missing: left out publicly, left as written in a committee preview and the editor's preview", async () => {
		const draft = await insertEdition({ seriesId: AINM, year: 2065, startDate: "2065-10-03", endDate: "2065-10-05" });
		const published = await insertEdition({
			seriesId: AINM,
			year: 2067,
			startDate: "2067-10-03",
			endDate: "2067-10-05",
			status: "published",
		});
		await addCommitteeMember({ editionId: draft.id, user: chair, role: "chair" });
		for (const { id } of [draft, published]) await addPage(id, "venue", "Venue", "We meet at {{venue.name}}.");

		expect(await page("/s/ainm/2067/venue")).toContain("<p>We meet at .</p>");
		expect(await page("/s/ainm/2065/venue?preview=1", chair.cookie)).toContain("<p>We meet at {{venue.name}}.</p>");

		const [row] = (
			await env.DB.prepare("select id from pages where edition_id = ?").bind(draft.id).all<{ id: string }>()
		).results;
		const pagesOf = async () =>
			(await env.DB.prepare("select * from pages where edition_id = ?").bind(draft.id).all()).results;
		const before = await pagesOf();
		const previewed = await postForm(
			`/console/editions/${draft.id}/pages/${row?.id}`,
			{
				title: "Venue of {{edition.name}}",
				slug: "venue",
				body: "See you at {{venue.name}} on {{edition.dates}}.",
				navOrder: "0",
				published: "on",
				preview: "1",
			},
			chair.cookie,
		);
		expect(previewed.status).toBe(200);
		const html = await previewed.text();
		expect(html).toContain(
			"This edition has no value yet for {{venue.name}}: shown here as written, left out on the public site and in mails until the edition&#39;s settings have one.",
		);
		expect(html).toContain("<h3>Title</h3><p>Venue of Edition 2065</p>");
		expect(html).toContain("<p>See you at {{venue.name}} on 3 – 5 October 2065.</p>");
		// The insert list: each placeholder with its value now.
		expect(html).toContain(
			"<td><code>{{edition.name}}</code></td><td>The edition&#39;s name</td><td>Edition 2065</td>",
		);
		expect(html).toContain(
			'<td><code>{{venue.name}}</code></td><td>The venue</td><td><span class="meta">no value yet</span></td>',
		);
		expect(await pagesOf()).toEqual(before);
	});

	it("{{committee}} names the edition's people from their list, not its accounts' roles", async () => {
		const { id } = await insertEdition({
			seriesId: AINM,
			year: 2069,
			startDate: "2069-10-03",
			endDate: "2069-10-05",
			status: "published",
		});
		const reviewer = await createTestUser("reviewer");
		await addCommitteeMember({ editionId: id, user: chair, role: "chair" });
		await addCommitteeMember({ editionId: id, user: organizer, role: "organizer" });
		await addCommitteeMember({ editionId: id, user: reviewer, role: "reviewer" });
		await env.DB.prepare(
			"insert into edition_people (id, edition_id, name, role, position) values ('p-2069-1', ?, 'Ada Example', 'organizing_committee', 1), ('p-2069-2', ?, 'Ben Example', 'advisory', 2)",
		)
			.bind(id, id)
			.run();
		await addPage(id, "committee", "Committee", "The committee: {{committee}}");

		expect(await page("/s/ainm/2069/p/committee")).toContain(
			"<p>The committee: Organizing committee: Ada Example. Advisory input: Ben Example.</p>",
		);
	});

	it("unknown placeholders are refused when a page is saved", async () => {
		const { id } = await insertEdition({ seriesId: AINM, year: 2071, startDate: "2071-10-03", endDate: "2071-10-05" });
		await addCommitteeMember({ editionId: id, user: chair, role: "chair" });
		const res = await postForm(
			`/console/editions/${id}/pages`,
			{ title: "Home", slug: "home", body: "At {{venue.nmae}}.", navOrder: "0" },
			chair.cookie,
		);
		expect(res.status).toBe(422);
		expect(await res.text()).toContain("{{venue.nmae}} is not a placeholder: use {{edition.name}}");
		expect(
			(await env.DB.prepare("select count(*) as n from pages where edition_id = ?").bind(id).first<{ n: number }>())?.n,
		).toBe(0);
	});
});
