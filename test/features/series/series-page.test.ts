/**
 * The public series page: the editions timeline (drafts hidden, an open call announcing the next
 * edition's host as still to come), every named lecture with each time it was given (newest first,
 * lecturers named only with their consent), and the open call for hosts.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { editionTiming } from "../../../src/features/series/series-page";
import { queryCount, request, seed } from "../../helpers";

const q = (sql: string, ...args: unknown[]) => env.DB.prepare(sql).bind(...args);

beforeAll(async () => {
	await seed();
	await env.DB.batch([
		// A public AINM 2025 whose Vaalburg lecture has a consenting lecturer and whose Paans lecture
		// has one who has not consented yet …
		q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, host_name, city, status) values ('ed-2025', 'seed-series-ainm', 2025, 'AINM 2025', '2025-09-29', '2025-10-01', 'Europe/Brussels', 'UZ Leuven', 'Leuven', 'published')",
		),
		q(
			"insert into speakers (id, edition_id, seq, name, affiliation, consented_at) values ('sp-ada', 'ed-2025', 1, 'Ada Example', 'KU Leuven', 1), ('sp-shy', 'ed-2025', 2, 'Shy Example', 'KU Leuven', null)",
		),
		q(
			"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes, named_lecture_id) values ('se-v', 'ed-2025', 7, 'g1', 'named_lecture', 'Vaalburg lecture 2025', 1, '09:00', 45, 'seed-lecture-vaalburg'), ('se-p', 'ed-2025', 8, 'g2', 'named_lecture', 'Paans lecture 2025', 2, '09:00', 45, 'seed-lecture-paans')",
		),
		q(
			"insert into talks (id, edition_id, session_id, title) values ('t-v', 'ed-2025', 'se-v', 'Foundation models in PET'), ('t-p', 'ed-2025', 'se-p', 'Quantitative SPECT')",
		),
		q(
			"insert into talk_speakers (edition_id, talk_id, speaker_id) values ('ed-2025', 't-v', 'sp-ada'), ('ed-2025', 't-p', 'sp-shy')",
		),
		// … and a draft AINM 2027 whose lecture nobody may see yet.
		q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values ('ed-2027', 'seed-series-ainm', 2027, 'AINM 2027 draft', '2027-10-04', '2027-10-06', 'Europe/Rome', 'draft')",
		),
		q(
			"insert into sessions (id, edition_id, seq, guid, kind, title, day, start_time, duration_minutes, named_lecture_id) values ('se-d', 'ed-2027', 1, 'g3', 'named_lecture', 'Secret lecture', 1, '09:00', 45, 'seed-lecture-vaalburg')",
		),
		q("insert into talks (id, edition_id, session_id, title) values ('t-d', 'ed-2027', 'se-d', 'A secret title')"),
		q("delete from host_calls where series_id = 'seed-series-ainm'"),
	]);
});

/** The list items of the named lecture section headed `name`. */
function lectureItems(html: string, name: string): string[] {
	const section = html.split(`>${name}</h3>`)[1]?.split("</section>")[0] ?? "";
	return [...section.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1] ?? "");
}

describe("GET /s/{series}: named lectures", () => {
	it("lists each time a lecture was given in a public edition, newest first, with its title and lecturer", async () => {
		const html = await (await request("/s/ainm")).text();
		const chiti = await env.DB.prepare(
			"select s.seq, sp.affiliation from sessions s join talks t on t.session_id = s.id join talk_speakers ts on ts.talk_id = t.id join speakers sp on sp.id = ts.speaker_id where s.named_lecture_id = 'seed-lecture-vaalburg' and s.edition_id = 'seed-edition-ainm-2023'",
		).first<{ seq: number; affiliation: string }>();
		const chitiName = chiti?.affiliation ? `Arturo Chiti (${chiti.affiliation})` : "Arturo Chiti";
		expect(lectureItems(html, "Willem Vaalburg lecture")).toEqual([
			'<a href="/s/ainm/2025/program/7">AINM 2025</a>: Ada Example (KU Leuven), “Foundation models in PET”',
			`<a href="/s/ainm/2023/program/${chiti?.seq}">AINM 2023</a>: ${chitiName}, “The bright future of nuclear medicine is illuminated by artificial intelligence”`,
		]);
		expect(html).toContain("In honour of Willem Vaalburg");
	});

	it("names no lecturer who has not agreed to be published, and shows nothing of drafts", async () => {
		const html = await (await request("/s/ainm")).text();
		expect(lectureItems(html, "Anne Paans lecture")[0]).toBe(
			'<a href="/s/ainm/2025/program/8">AINM 2025</a>: lecturer to be announced, “Quantitative SPECT”',
		);
		expect(html).not.toContain("Shy Example");
		expect(html).not.toContain("A secret title");
		expect(html).not.toContain("AINM 2027");
	});
});

describe("GET /s/{series}: timeline and call for hosts", () => {
	it("shows the public editions, newest first, and no call section while no call is open", async () => {
		const html = await (await request("/s/ainm")).text();
		const cards = [...html.matchAll(/<h3><a href="\/s\/ainm\/(\d{4})">/g)].map((m) => m[1]);
		expect(cards).toEqual(["2025", "2023"]);
		expect(html).not.toContain("Call for hosts");
		expect(html).not.toContain("host to be announced");
	});

	it("announces the next edition's host as to come, and the open call with its deadline and requirements", async () => {
		await env.DB.prepare(
			"insert into host_calls (id, series_id, for_year, deadline, requirements, status) values ('call-2029', 'seed-series-ainm', 2029, '2028-03-31', 'A hall for 300.\n\nA local team.', 'open')",
		).run();
		const html = await (await request("/s/ainm")).text();
		expect(html).toContain(
			'<li class="card"><h3>AINM 2029</h3><p>Next edition: host to be announced.</p><p class="meta"><a href="#call-for-hosts">The call for hosts is open</a></p></li>',
		);
		expect(html).toContain(
			"Institutions are invited to host AINM 2029. Proposals are welcome until <strong>31 March 2028</strong> (anywhere on Earth).",
		);
		expect(html).toContain("<h3>What a proposal must contain</h3><p>A hall for 300.</p><p>A local team.</p>");
		expect(html).toContain(
			'<a class="button" href="/console/series/ainm/calls/call-2029/propose">Propose to host AINM 2029</a>',
		);
		await env.DB.prepare("delete from host_calls where id = 'call-2029'").run();
	});

	it("stops inviting proposals once the deadline has passed, while the stewards decide", async () => {
		await env.DB.prepare(
			"insert into host_calls (id, series_id, for_year, deadline, status) values ('call-late', 'seed-series-ainm', 2029, '2026-01-31', 'open')",
		).run();
		const html = await (await request("/s/ainm")).text();
		expect(html).toContain("Proposals to host AINM 2029 were due on 31 January 2026. The stewards are deciding.");
		expect(html).toContain('<a href="#call-for-hosts">The call for hosts</a>');
		expect(html).not.toContain("Propose to host");
		await env.DB.prepare("delete from host_calls where id = 'call-late'").run();
	});

	it("is served from five D1 statements sent at once", async () => {
		expect(queryCount(await request("/s/ainm"))).toBe(5);
	});

	it("answers an unknown series with 404", async () => {
		expect((await request("/s/nope")).status).toBe(404);
	});
});

describe("editionTiming()", () => {
	// Auckland is at UTC+13 in October (daylight saving time).
	const edition = { startDate: "2025-10-06", endDate: "2025-10-08", timeZone: "Pacific/Auckland" };

	it("reads the calendar in the edition's own time zone", () => {
		expect(editionTiming(edition, new Date("2025-10-05T10:59:00Z"))).toBe("upcoming"); // 5 Oct 23:59 there
		expect(editionTiming(edition, new Date("2025-10-05T11:00:00Z"))).toBe("now"); // 6 Oct 00:00 there
		expect(editionTiming(edition, new Date("2025-10-08T10:59:00Z"))).toBe("now"); // 8 Oct 23:59 there
		expect(editionTiming(edition, new Date("2025-10-08T11:00:00Z"))).toBe("past"); // 9 Oct 00:00 there
	});
});
