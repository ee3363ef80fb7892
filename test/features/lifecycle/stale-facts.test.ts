/**
 * The stale-fact guard before publishing: earlier editions' facts in an edition's own public texts
 * and feeds (as shown, placeholders resolved) block publishing, each hit named with its text, its
 * context, whose fact it is and where to fix it; a hit marked "right as it is" (audited, undoable)
 * no longer blocks; series-owned texts are not scanned; and the page that confirms publishing
 * lists what goes public.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { CLONE_PARTS, cloneEdition } from "../../../src/features/cloning";
import { newId } from "../../../src/lib/ids";
import { getAs, postForm, sendJson } from "../../auth-helpers";
import { seed, testDb } from "../../helpers";
import { createLifecycleEdition, type ErrorJson, editionState, mapHost, type TestEdition } from "./helpers";

interface Hit {
	key: string;
	text: string;
	editUrl: string;
	kind: string;
	value: string;
	belongsTo: string;
	context: string;
	occurrences: number;
	accepted: { by: string | null; at: string } | null;
}
interface Checks {
	ready: boolean;
	problems: Record<string, string>;
	staleFacts: Hit[];
	unreviewedCopies: unknown[];
}

const q = (sql: string, ...args: unknown[]) => env.DB.prepare(sql).bind(...args);

const checksOf = async (edition: TestEdition) => {
	const res = await sendJson("GET", `/api/v1/editions/${edition.id}/go-live-checks`, undefined, {
		cookie: edition.chair.cookie,
	});
	expect(res.status).toBe(200);
	return (await res.json<{ data: Checks }>()).data;
};

const auditOf = (editionId: string) =>
	env.DB.prepare(
		"select action, target_id as target, actor_id as actor, summary from audit_entries where edition_id = ? and action like 'edition.fact.%' order by at, rowid",
	)
		.bind(editionId)
		.all<{ action: string; target: string; actor: string | null; summary: string }>()
		.then((r) => r.results);

beforeAll(async () => {
	await seed();
});

/**
 * A series of its own with an earlier edition (2031, Utrecht) and this draft (2033, Groningen,
 * hosted again by Utrecht University): the home page and a session mention the earlier edition.
 */
async function controlledFixture() {
	const edition = await createLifecycleEdition("draft");
	const earlierId = `ed-${newId().slice(0, 8)}`;
	const year = edition.year - 2;
	await env.DB.batch([
		q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, host_name, venue_name, venue_address, city, contact_email, status) values (?, ?, ?, ?, ?, ?, 'Europe/Amsterdam', 'Utrecht University', 'Jaarbeurs', 'Jaarbeursplein 6, 3521 AL Utrecht', 'Utrecht', ?, 'archived')",
			earlierId,
			edition.seriesId,
			year,
			`TST ${year}`,
			`${year}-06-01`,
			`${year}-06-03`,
			`tst${year}@example.org`,
		),
		q(
			"insert into edition_people (id, edition_id, name, role) values (?, ?, 'Ada Lovelace', 'organizing_committee')",
			newId(),
			earlierId,
		),
		q("insert into speakers (id, edition_id, seq, name) values (?, ?, 1, 'Grace Hopper')", newId(), earlierId),
		// This edition: the same host as the earlier one, another city; its own host name holds "Utrecht".
		q(
			"update editions set host_name = 'Utrecht University', contact_email = 'hello@example.org' where id = ?",
			edition.id,
		),
		q(
			"update pages set body = ? where id = ?",
			`Welcome to {{edition.city}} in {{edition.year}}, hosted by {{host.name}}.\n\nIn ${year} we met in Utrecht at the Jaarbeurs (write to tst${year}@example.org). Thanks to Ada Lovelace, Grace Hopper and Utrecht University. Utrecht was lovely.`,
			`page-${edition.id}`,
		),
		q(
			"insert into sessions (id, edition_id, seq, guid, kind, title, description, day, start_time, duration_minutes) values (?, ?, 1, ?, 'plenary', ?, 'Looking back at {{edition.year}}.', 1, '09:00', 30)",
			`session-${edition.id}`,
			edition.id,
			newId(),
			`Opening of TST ${year}`,
		),
	]);
	return { edition, earlierYear: year };
}

describe("the scan of an edition's public texts and feeds", () => {
	it("lists every earlier fact once per text, with its text, context, owner and editor; own values and placeholders are no hits", async () => {
		const { edition, earlierYear } = await controlledFixture();

		const checks = await checksOf(edition);

		const base = `/console/editions/${edition.id}`;
		expect(
			checks.staleFacts.map((h) => [h.text, h.value, h.kind, h.belongsTo, h.occurrences, h.editUrl, h.accepted]),
		).toEqual([
			[
				"Page “Welcome”: content",
				String(earlierYear),
				"year",
				`the year of TST ${earlierYear}`,
				1,
				`${base}/pages/page-${edition.id}`,
				null,
			],
			[
				"Page “Welcome”: content",
				"Utrecht",
				"city",
				`the city of TST ${earlierYear}`,
				2,
				`${base}/pages/page-${edition.id}`,
				null,
			],
			[
				"Page “Welcome”: content",
				"Jaarbeurs",
				"venue",
				`the venue of TST ${earlierYear}`,
				1,
				`${base}/pages/page-${edition.id}`,
				null,
			],
			[
				"Page “Welcome”: content",
				`tst${earlierYear}@example.org`,
				"contact",
				`the contact address of TST ${earlierYear}`,
				1,
				`${base}/pages/page-${edition.id}`,
				null,
			],
			[
				"Page “Welcome”: content",
				"Ada Lovelace",
				"person",
				`a person of TST ${earlierYear}`,
				1,
				`${base}/pages/page-${edition.id}`,
				null,
			],
			[
				"Page “Welcome”: content",
				"Grace Hopper",
				"person",
				`a person of TST ${earlierYear}`,
				1,
				`${base}/pages/page-${edition.id}`,
				null,
			],
			[
				`Session “Opening of TST ${earlierYear}”: title`,
				`TST ${earlierYear}`,
				"name",
				`the edition's name of TST ${earlierYear}`,
				1,
				`${base}/program/session-${edition.id}`,
				null,
			],
		]);
		// The first mention of the earlier city: the host's name before it is this edition's own.
		expect(checks.staleFacts[1]?.context).toBe(
			` Utrecht University. In ${earlierYear} we met in Utrecht at the Jaarbeurs (write to tst${earlierYear}@exam`,
		);
		expect(checks.ready).toBe(false);
		expect(Object.keys(checks.problems).sort()).toEqual(checks.staleFacts.map((h) => `staleFacts.${h.key}`).sort());
	});

	it("does not scan series-owned texts: a named lecture's description naming the earlier year and city", async () => {
		const { edition, earlierYear } = await controlledFixture();
		await env.DB.batch([
			q(
				"insert into named_lectures (id, series_id, slug, name, honoree, description) values (?, ?, 'founders', 'Founders lecture', 'The founders', ?)",
				`lecture-${edition.id}`,
				edition.seriesId,
				`First given in Utrecht in ${earlierYear}.`,
			),
			q(
				"update pages set body = 'Welcome to {{edition.year}} in {{edition.city}}.' where id = ?",
				`page-${edition.id}`,
			),
			q("delete from sessions where edition_id = ?", edition.id),
		]);

		const checks = await checksOf(edition);

		expect(checks.staleFacts).toEqual([]);
		expect(checks).toMatchObject({ ready: true, problems: {} });
	});
});

describe("publishing with stale facts", () => {
	it("refuses through the API with 422 and one field per hit, and on the console with the hits listed and linked", async () => {
		const { edition } = await controlledFixture();
		const { staleFacts } = await checksOf(edition);

		const api = await sendJson("POST", `/api/v1/editions/${edition.id}/publish`, undefined, {
			cookie: edition.chair.cookie,
		});
		const page = await postForm(`/console/editions/${edition.id}/publish`, {}, edition.chair.cookie);

		expect(api.status).toBe(422);
		expect(Object.keys((await api.json<ErrorJson>()).error.fields ?? {}).length).toBe(7);
		expect(page.status).toBe(422);
		const html = await page.text();
		expect(html).toContain("This edition cannot be published yet");
		expect(html).toContain("7 texts state a fact of an earlier edition");
		for (const hit of staleFacts) expect(html).toContain(`<a href="${hit.editUrl}">`);
		expect(html).toContain("<mark>Jaarbeurs</mark>");
		expect((await editionState(edition.id))?.status).toBe("draft");
	});

	it("publishes once every hit is fixed or marked right as it is; the marks and their undo are in the audit log", async () => {
		const { edition, earlierYear } = await controlledFixture();
		// Fixed: the session no longer names the earlier edition.
		await q("update sessions set title = 'Opening' where edition_id = ?", edition.id).run();
		const { staleFacts } = await checksOf(edition);
		expect(staleFacts).toHaveLength(6);

		const marked = [];
		for (const hit of staleFacts) {
			const res = await sendJson(
				"POST",
				`/api/v1/editions/${edition.id}/fact-acceptances`,
				{ hitKey: hit.key },
				{ cookie: edition.organizer.cookie },
			);
			marked.push(res.status);
		}
		const [first] = staleFacts;
		const undo = await sendJson(
			"DELETE",
			`/api/v1/editions/${edition.id}/fact-acceptances/${encodeURIComponent(first?.key ?? "")}`,
			undefined,
			{ cookie: edition.chair.cookie },
		);
		const blockedAgain = await checksOf(edition);
		// Marked again, from the status page's button.
		const again = await postForm(
			`/console/editions/${edition.id}/fact-acceptances`,
			{ hitKey: first?.key ?? "" },
			edition.chair.cookie,
		);
		const ready = await checksOf(edition);
		const published = await sendJson("POST", `/api/v1/editions/${edition.id}/publish`, undefined, {
			cookie: edition.chair.cookie,
		});

		expect(marked).toEqual([201, 201, 201, 201, 201, 201]);
		expect(undo.status).toBe(204);
		expect(Object.keys(blockedAgain.problems)).toEqual([`staleFacts.${first?.key}`]);
		expect(again.status).toBe(303);
		expect(again.headers.get("Location")).toBe(
			`/console/editions/${edition.id}/status?notice=fact_accepted#stale-facts`,
		);
		expect(ready).toMatchObject({ ready: true, problems: {} });
		expect(ready.staleFacts.every((h) => h.accepted !== null)).toBe(true);
		expect(published.status).toBe(200);
		const audit = await auditOf(edition.id);
		expect(audit.map((e) => [e.action, e.target, e.actor])).toEqual([
			...staleFacts.map((h) => ["edition.fact.accepted", h.key, edition.organizer.id]),
			["edition.fact.unaccepted", first?.key, edition.chair.id],
			["edition.fact.accepted", first?.key, edition.chair.id],
		]);
		expect(JSON.parse(audit[0]?.summary ?? "{}")).toEqual({
			after: { value: String(earlierYear), text: "Page “Welcome”: content", fact: `the year of TST ${earlierYear}` },
		});
	});

	it("keeps a mark when the text changes elsewhere, and refuses a key that is not a current hit (422) and a reviewer (403)", async () => {
		const { edition } = await controlledFixture();
		const [hit] = (await checksOf(edition)).staleFacts;
		await sendJson(
			"POST",
			`/api/v1/editions/${edition.id}/fact-acceptances`,
			{ hitKey: hit?.key },
			{ cookie: edition.chair.cookie },
		);
		await q("update pages set body = 'A new first line.\n\n' || body where id = ?", `page-${edition.id}`).run();

		const after = (await checksOf(edition)).staleFacts.find((h) => h.key === hit?.key);
		const unknown = await sendJson(
			"POST",
			`/api/v1/editions/${edition.id}/fact-acceptances`,
			{ hitKey: "pages:nope:body:0123456789abcdef" },
			{ cookie: edition.chair.cookie },
		);
		const malformed = await sendJson(
			"POST",
			`/api/v1/editions/${edition.id}/fact-acceptances`,
			{ hitKey: "not a key" },
			{ cookie: edition.chair.cookie },
		);
		const bySteward = await sendJson(
			"POST",
			`/api/v1/editions/${edition.id}/fact-acceptances`,
			{ hitKey: hit?.key },
			{ cookie: edition.steward.cookie },
		);

		expect(after?.accepted).not.toBeNull();
		expect(unknown.status).toBe(422);
		expect((await unknown.json<ErrorJson>()).error.fields).toEqual({ hitKey: "No current hit has this key." });
		expect(malformed.status).toBe(400);
		expect(Object.keys((await malformed.json<ErrorJson>()).error.fields ?? {})).toEqual(["hitKey"]);
		// Stewards publish, but judging the texts is for those who edit them.
		expect(bySteward.status).toBe(403);
	});
});

describe("an unedited clone of AINM 2023", () => {
	it("is blocked, with the source's facts listed", async () => {
		const edition = await createLifecycleEdition("draft", { seriesId: "seed-series-ainm" });
		await q(
			"update editions set name = ?, time_zone = 'Europe/Lisbon', city = 'Lisbon', venue_name = 'Centro de Congressos', venue_address = 'Praça das Indústrias, 1300-307 Lisboa', host_name = 'University of Lisbon', contact_email = 'ainm@example.org' where id = ?",
			`AINM ${edition.year}`,
			edition.id,
		).run();
		await q("delete from pages where edition_id = ?", edition.id).run();
		await cloneEdition(testDb(), {
			sourceEditionId: "seed-edition-ainm-2023",
			targetEditionId: edition.id,
			parts: CLONE_PARTS,
		});

		const checks = await checksOf(edition);
		const published = await sendJson("POST", `/api/v1/editions/${edition.id}/publish`, undefined, {
			cookie: edition.chair.cookie,
		});

		expect(checks.ready).toBe(false);
		expect(new Set(checks.staleFacts.map((h) => h.value))).toEqual(
			new Set(["Groningen", "2023", "AINM 2023", "Arturo Chiti", "Dimitris Visvikis"]),
		);
		expect(checks.staleFacts.map((h) => h.belongsTo)).toContain("the city of AINM 2023");
		expect(checks.staleFacts.length).toBe(8);
		expect(Object.keys(checks.problems).filter((f) => f.startsWith("staleFacts.")).length).toBe(8);
		// Every copied text waits for a review too, each its own problem, until read or saved.
		const unreviewed = Object.keys(checks.problems).filter((f) => f.startsWith("copiedTexts."));
		expect(unreviewed.length).toBeGreaterThan(8);
		expect(unreviewed.length).toBe(checks.unreviewedCopies.length);
		expect(published.status).toBe(422);
		expect((await editionState(edition.id))?.status).toBe("draft");
	});
});

describe("copied texts nobody reviewed, on the status page", () => {
	it("lists each with Mark reviewed (back to the status page), and Mark all clears the rest, one audit entry per text", async () => {
		const edition = await createLifecycleEdition("draft", { seriesId: "seed-series-ainm" });
		await q("delete from pages where edition_id = ?", edition.id).run();
		await cloneEdition(testDb(), {
			sourceEditionId: "seed-edition-ainm-2023",
			targetEditionId: edition.id,
			parts: ["pages", "email_texts"],
		});
		const base = `/console/editions/${edition.id}`;
		const before = (await checksOf(edition)).unreviewedCopies.length;
		expect(before).toBeGreaterThan(2);

		const status = await (await getAs(`${base}/status`, edition.chair.cookie)).text();
		const buttons = [...status.matchAll(/<form method="post" action="([^"]*\/copied-texts\/[^"]+\/reviewed)"/g)].map(
			(m) => m[1] ?? "",
		);
		expect(buttons.length).toBe(before);
		expect(status).toContain(`<form method="post" action="${base}/copied-texts/reviewed"`);
		expect(status).toContain(`Mark all ${before} reviewed`);

		const one = await postForm(buttons[0] ?? "", { back: "status" }, edition.chair.cookie);
		expect(one.status).toBe(303);
		expect(one.headers.get("location")).toMatch(new RegExp(`^${base}/status\\?notice=`));
		expect((await checksOf(edition)).unreviewedCopies.length).toBe(before - 1);

		const all = await postForm(`${base}/copied-texts/reviewed`, {}, edition.chair.cookie);
		expect(all.status).toBe(303);
		const after = await checksOf(edition);
		expect(after.unreviewedCopies).toEqual([]);
		expect(Object.keys(after.problems).filter((f) => f.startsWith("copiedTexts."))).toEqual([]);
		const entries = await env.DB.prepare(
			"select count(*) as n from audit_entries where edition_id = ? and action = 'edition.copied-text.reviewed'",
		)
			.bind(edition.id)
			.first<{ n: number }>();
		expect(entries?.n).toBe(before);
	});
});

describe("the confirmation before publishing", () => {
	it("lists the pages, feeds and serving custom host with one Publish now button; the status page's Publish leads to it", async () => {
		const edition = await createLifecycleEdition("draft");
		await q(
			"insert into pages (id, edition_id, slug, title, body, published, nav_order) values (?, ?, 'social-programme', 'Social programme', 'A boat trip.', 1, 1)",
			newId(),
			edition.id,
		).run();
		const host = `tst${edition.year}.example.org`;
		await mapHost(host, edition.id);
		await mapHost(`pending-${host}`, edition.id, "pending");

		const status = await (await getAs(`/console/editions/${edition.id}/status`, edition.chair.cookie)).text();
		const res = await getAs(`/console/editions/${edition.id}/publish`, edition.chair.cookie);

		expect(status).toContain(`<a class="button" href="/console/editions/${edition.id}/publish">Publish</a>`);
		expect(res.status).toBe(200);
		const html = await res.text();
		const site = `http://localhost/s/${edition.seriesSlug}/${edition.year}`;
		const listed = [...html.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]);
		expect(listed).toEqual([
			site,
			`${site}/program`,
			`${site}/speakers`,
			`${site}/lectures`,
			`${site}/venue`,
			`${site}/sponsors`,
			`${site}/register`,
			`${site}/abstracts`,
			`${site}/p/social-programme`,
			`${site}/past`,
			`${site}/schedule.xml`,
			`${site}/schedule.json`,
			`${site}/calendar.ics`,
			`https://${host}/`,
		]);
		// The layout's sign-out form, and the one button that publishes.
		expect([...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => m[1])).toEqual([
			"/auth/sign-out",
			`/console/editions/${edition.id}/publish`,
		]);
		expect(html).toContain("Publish now");
		expect((await editionState(edition.id))?.status).toBe("draft");
	});

	it("shows a blocked draft why instead of the button", async () => {
		const { edition } = await controlledFixture();

		const html = await (await getAs(`/console/editions/${edition.id}/publish`, edition.chair.cookie)).text();

		expect(html).toContain("7 go-live checks block publishing");
		expect(html).not.toContain("Publish now");
	});
});
