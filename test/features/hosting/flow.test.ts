/**
 * The proposal flow keeps its place and asks nothing twice (issue #18): creating an institution
 * from the proposal page comes back to it with the institution chosen; an admin's only
 * institution is preselected; city, country and a zone for the country come from the institution
 * (NL → Europe/Amsterdam, IN → Asia/Kolkata, US → asked, its zones first); sign-up's affiliation
 * and country fill the institution form. Stewards are mailed a new proposal and the proposer gets
 * a receipt; the dashboard lists what waits for a steward, who accepts from there; accepting and
 * declining carry separate notes.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { institutions, users } from "../../../src/db/schema";
import { formatDateRange } from "../../../src/lib/dates";
import { newId } from "../../../src/lib/ids";
import { createTestUser, getAs, mailsTo, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { testDb } from "../../helpers";
import { addInstitutionMember, createTestInstitution, type TestInstitution } from "../invitations/helpers";
import { insertCall, insertProposal, insertSeries, rows } from "./helpers";

/** The `<select>` of a field, from its opening tag to its end. */
function selectOf(html: string, name: string): string {
	const start = html.indexOf(`<select id="field-${name}"`);
	if (start < 0) throw new Error(`no select ${name}`);
	return html.slice(start, html.indexOf("</select>", start) + "</select>".length);
}

/** The values of the options a select has selected. */
const selected = (html: string, name: string) =>
	[...selectOf(html, name).matchAll(/<option value="([^"]*)" selected="">/g)].map((m) => m[1]);

/** An institution in `country`, with `user` as its admin. */
async function institutionIn(country: string, city: string, user: TestUser): Promise<string> {
	const id = newId();
	await testDb()
		.insert(institutions)
		.values({ id, slug: `i-${id.slice(0, 8)}`, name: `Institute of ${city}`, city, country });
	await addInstitutionMember(id, user.id, "admin");
	return id;
}

/** A series with an open call for 2030 and the given stewards. */
async function seriesWithCall(stewardIds: string[] = []) {
	const s = await insertSeries({ stewardIds });
	const callId = await insertCall(s.id, 2030, { deadline: "2099-12-31" });
	return { ...s, callId, propose: `/console/series/${s.slug}/calls/${callId}/propose` };
}

const PROPOSAL = {
	venue: "Jaarbeurs",
	startDate: "2030-10-07",
	endDate: "2030-10-09",
	expectedParticipants: "250",
	team: "",
	motivation: "Utrecht is central.",
	budget: "",
};

let steward: TestUser;
let leuven: TestInstitution;

beforeAll(async () => {
	steward = await createTestUser("flow-steward");
	leuven = await createTestInstitution("flow-leuven");
});

describe("creating an institution from the proposal page", () => {
	it("comes back to the proposal with the new institution chosen and its city, country and zone filled in", async () => {
		const s = await seriesWithCall();
		const newcomer = await createTestUser("newcomer");
		await testDb().update(users).set({ affiliation: "UMC Utrecht", country: "NL" }).where(eq(users.id, newcomer.id));

		// Without an institution the proposal page sends them to create one, and back.
		const empty = await (await getAs(s.propose, newcomer.cookie)).text();
		const back = encodeURIComponent(s.propose);
		expect(empty).toContain(`<a href="/console/institutions?return=${back}#create">Create an institution</a>`);
		expect(empty).not.toContain('name="city"');

		// The institution form starts from sign-up's affiliation and country, and carries the way back.
		const form = await (await getAs(`/console/institutions?return=${back}`, newcomer.cookie)).text();
		expect(form).toContain('name="name" type="text" value="UMC Utrecht"');
		expect(form).toContain('<option value="NL" selected="">Netherlands</option>');
		expect(form).toContain(`<input type="hidden" name="return" value="${s.propose}"/>`);

		const created = await postForm(
			"/console/institutions",
			{ name: "UMC Utrecht", slug: `umcu-${newId().slice(0, 6)}`, city: "Utrecht", country: "NL", return: s.propose },
			newcomer.cookie,
		);
		expect(created.status).toBe(303);
		const [institution] = await rows<{ id: string }>(
			"select institution_id as id from institution_members where user_id = ?",
			newcomer.id,
		);
		const location = `${s.propose}?institution=${institution?.id}&notice=created`;
		expect(created.headers.get("Location")).toBe(location);

		// The proposal form arrives with the institution, its city and country, and the Netherlands' zone.
		const proposal = await (await getAs(location, newcomer.cookie)).text();
		expect(proposal).toContain('<p class="notice" role="status">Institution created. You are its owner.</p>');
		expect(selected(proposal, "institutionId")).toEqual([institution?.id]);
		expect(proposal).toContain('name="city" type="text" value="Utrecht"');
		expect(selected(proposal, "country")).toEqual(["NL"]);
		expect(selected(proposal, "timeZone")).toEqual(["Europe/Amsterdam"]);

		const sent = await postForm(
			s.propose,
			{
				institutionId: String(institution?.id),
				city: "Utrecht",
				country: "NL",
				timeZone: "Europe/Amsterdam",
				...PROPOSAL,
			},
			newcomer.cookie,
		);
		expect(sent.status).toBe(303);
		expect(
			await rows("select city, country, time_zone from host_proposals where institution_id = ?", institution?.id),
		).toEqual([{ city: "Utrecht", country: "NL", time_zone: "Europe/Amsterdam" }]);
	});

	it("refuses a return to anywhere but the console pages that ask for an institution", async () => {
		const user = await createTestUser("elsewhere");
		for (const outside of ["https://evil.example/console", "//evil.example/x", "/console/account", "/\\evil.example"]) {
			const page = await (
				await getAs(`/console/institutions?return=${encodeURIComponent(outside)}`, user.cookie)
			).text();
			expect(page).not.toContain('name="return"');
			const res = await postForm(
				"/console/institutions",
				{ name: "Somewhere", slug: `sw-${newId().slice(0, 8)}`, city: "", country: "NL", return: outside },
				user.cookie,
			);
			expect(res.status).toBe(303);
			const id = /^\/console\/institutions\/([^?]+)\?notice=created$/.exec(res.headers.get("Location") ?? "")?.[1];
			expect(id).toBeDefined();
		}
	});

	it("does not offer sign-up's affiliation again once the user has that institution", async () => {
		const member = await createTestUser("affiliated");
		await testDb()
			.update(users)
			.set({ affiliation: "Institution flow-leuven", country: "BE" })
			.where(eq(users.id, member.id));
		const before = await (await getAs("/console/institutions", member.cookie)).text();
		expect(before).toContain('name="name" type="text" value="Institution flow-leuven"');
		await addInstitutionMember(leuven.id, member.id, "member");
		const after = await (await getAs("/console/institutions", member.cookie)).text();
		expect(after).toContain('name="name" type="text" value=""');
		expect(after).toContain('<option value="BE" selected="">Belgium</option>');
	});
});

describe("which institution the form starts with", () => {
	it("preselects an admin's only institution, and asks one with several which one first", async () => {
		const s = await seriesWithCall();
		const single = await (await getAs(s.propose, leuven.admin.cookie)).text();
		expect(selected(single, "institutionId")).toEqual([leuven.id]);
		expect(single).toContain('name="city" type="text" value="Groningen"');

		const both = await createTestUser("two-hats");
		await institutionIn("NL", "Delft", both);
		const pune = await institutionIn("IN", "Pune", both);
		const chooser = await (await getAs(s.propose, both.cookie)).text();
		expect(chooser).toContain(`<form method="get" action="${s.propose}">`);
		expect(chooser).not.toContain('name="city"');
		expect(selected(chooser, "institution")).toEqual([]);

		// India has one zone: Asia/Kolkata, by its canonical name.
		const chosen = await (await getAs(`${s.propose}?institution=${pune}`, both.cookie)).text();
		expect(selected(chosen, "institutionId")).toEqual([pune]);
		expect(chosen).toContain('name="city" type="text" value="Pune"');
		expect(selected(chosen, "country")).toEqual(["IN"]);
		expect(selected(chosen, "timeZone")).toEqual(["Asia/Kolkata"]);

		// An institution that is not theirs is not chosen for them.
		const foreign = await (await getAs(`${s.propose}?institution=${leuven.id}`, both.cookie)).text();
		expect(foreign).toContain(`<form method="get" action="${s.propose}">`);
		expect(foreign).not.toContain("Institution flow-leuven");
	});

	it("asks for the zone of a country with several, listing that country's zones first and UTC among the rest", async () => {
		const s = await seriesWithCall();
		const american = await createTestUser("boston");
		await institutionIn("US", "Boston", american);
		const html = await (await getAs(s.propose, american.cookie)).text();
		expect(selected(html, "country")).toEqual(["US"]);
		expect(selected(html, "timeZone")).toEqual([""]);
		const zones = selectOf(html, "timeZone");
		expect(zones).toContain(
			'<option value="" selected="">Choose a time zone</option><optgroup label="Time zones of United States"><option value="America/New_York">America/New York (Eastern (most areas))</option>',
		);
		const groups = [...zones.matchAll(/<optgroup label="([^"]+)">/g)].map((m) => m[1]);
		expect(groups).toEqual(["Time zones of United States", "Every other time zone"]);
		const values = [...zones.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
		expect(values.slice(1, 30).every((zone) => zone?.startsWith("America/") || zone === "Pacific/Honolulu")).toBe(true);
		expect(values[30]).toBe("UTC");
		expect(values).toContain("Europe/Kyiv");
		expect(values).not.toContain("Europe/Kiev");
		expect(values).not.toContain("Asia/Calcutta");

		// Sent without a zone, the form says so beside it, and keeps the country's zones first.
		const res = await postForm(
			s.propose,
			{ institutionId: "x", city: "Boston", country: "US", timeZone: "", ...PROPOSAL },
			american.cookie,
		);
		expect(res.status).toBe(400);
		const again = await res.text();
		expect(again).toContain('<p class="field-error" id="field-timeZone-error">Time zone is required.</p>');
		expect(selectOf(again, "timeZone")).toContain('<optgroup label="Time zones of United States">');
	});

	it("suggests the zone on the new edition form too", async () => {
		const founder = await createTestUser("founder");
		const pune = await institutionIn("IN", "Pune", founder);
		const s = await insertSeries({ institutionId: pune, stewardIds: [founder.id] });
		const html = await (await getAs(`/console/series/${s.slug}/editions/new`, founder.cookie)).text();
		expect(selected(html, "hostInstitutionId")).toEqual([pune]);
		expect(html).toContain('name="city" type="text" value="Pune"');
		expect(selected(html, "timeZone")).toEqual(["Asia/Kolkata"]);
		expect(html).toContain(
			`<a href="/console/institutions?return=${encodeURIComponent(`/console/series/${s.slug}/editions/new`)}#create">Create an institution</a>`,
		);
	});
});

describe("what stewards hear and see", () => {
	it("mails every steward a new proposal and the proposer a receipt, in the proposal's batch", async () => {
		const other = await createTestUser("co-steward");
		const s = await seriesWithCall([steward.id, other.id]);
		const res = await sendJson(
			"POST",
			`/api/v1/series/${s.slug}/calls/${s.callId}/proposals`,
			{
				institutionId: leuven.id,
				city: "Leuven",
				country: "BE",
				timeZone: "Europe/Brussels",
				...PROPOSAL,
				expectedParticipants: 250,
			},
			{ cookie: leuven.admin.cookie },
		);
		expect(res.status).toBe(201);
		const { id } = (await res.json<{ data: { id: string } }>()).data;
		const lines = [
			"Institution: Institution flow-leuven",
			`Proposed by: ${leuven.admin.name}`,
			"Where: Leuven, Belgium",
			"Venue: Jaarbeurs",
			`Dates: ${formatDateRange("2030-10-07", "2030-10-09")} (3 days)`,
			"Time zone: Europe/Brussels",
			"Expected participants: 250",
		];
		const link = `http://localhost/console/proposals/${id}`;
		for (const to of [steward, other])
			expect((await mailsTo(to.email)).filter((m) => m.text.includes(link))).toEqual([
				{
					subject: `New proposal to host ${s.shortName} 2030: Institution flow-leuven`,
					text: [
						`Hello ${to.name},`,
						"",
						`Institution flow-leuven proposes to host ${s.shortName} 2030, answering the call for hosts of Series ${s.slug}:`,
						"",
						...lines,
						"",
						"Read it, compare it with the others and decide in the console:",
						link,
					].join("\n"),
				},
			]);
		expect((await mailsTo(leuven.admin.email)).filter((m) => m.text.includes(link))).toEqual([
			{
				subject: `Your proposal to host ${s.shortName} 2030 is received`,
				text: [
					`Hello ${leuven.admin.name},`,
					"",
					`the stewards of Series ${s.slug} have your proposal to host ${s.shortName} 2030:`,
					"",
					...lines,
					"",
					"They will tell you their decision by email. Until then you can read it, or withdraw it, here:",
					link,
				].join("\n"),
			},
		]);
		// A refused second proposal mails nobody.
		const before = (await rows<{ n: number }>("select count(*) as n from outbox"))[0]?.n;
		const again = await sendJson(
			"POST",
			`/api/v1/series/${s.slug}/calls/${s.callId}/proposals`,
			{
				institutionId: leuven.id,
				city: "Leuven",
				country: "BE",
				timeZone: "Europe/Brussels",
				...PROPOSAL,
				expectedParticipants: 250,
			},
			{ cookie: leuven.admin.cookie },
		);
		expect(again.status).toBe(409);
		expect((await rows<{ n: number }>("select count(*) as n from outbox"))[0]?.n).toBe(before);
	});

	it("lists the open proposals and calls of the steward's series on the dashboard, and the steward accepts from there", async () => {
		const mine = await seriesWithCall([steward.id]);
		const notMine = await seriesWithCall();
		const pisa = await createTestInstitution("flow-pisa");
		const proposalId = await insertProposal({
			callId: mine.callId,
			seriesId: mine.id,
			institutionId: leuven.id,
			submittedBy: leuven.admin.id,
			forYear: 2030,
		});
		const otherId = await insertProposal({
			callId: mine.callId,
			seriesId: mine.id,
			institutionId: pisa.id,
			submittedBy: pisa.admin.id,
			forYear: 2030,
			city: "Pisa",
		});
		const elsewhere = await insertProposal({
			callId: notMine.callId,
			seriesId: notMine.id,
			institutionId: pisa.id,
			submittedBy: pisa.admin.id,
			forYear: 2030,
		});
		const html = await (await getAs("/console", steward.cookie)).text();
		expect(html).toContain(`<a href="/console/series/${mine.slug}">Series ${mine.slug}</a>`);
		const waiting = html.slice(
			html.indexOf("<h2>Proposals awaiting your decision</h2>"),
			html.indexOf("<h2>Open calls for hosts</h2>"),
		);
		const links = [...waiting.matchAll(/href="\/console\/proposals\/([^"#]+)#decide"/g)].map((m) => m[1]);
		expect(links).toEqual(expect.arrayContaining([proposalId, otherId]));
		expect(links).not.toContain(elsewhere);
		expect(waiting).toContain(
			`<li>Institution flow-leuven proposes to host ${mine.shortName} 2030 <span class="meta">Leuven, Belgium</span> <a href="/console/proposals/${proposalId}#decide">Accept or decline<span class="visually-hidden"> the proposal of Institution flow-leuven</span></a></li>`,
		);
		const calls = html.slice(html.indexOf("<h2>Open calls for hosts</h2>"));
		expect(calls).toContain(`<a href="/console/series/${mine.slug}/calls/${mine.callId}">${mine.shortName} 2030</a>`);
		expect(calls).not.toContain(notMine.callId);

		// The link leads to the decision; accepting there declines the other with its own note.
		const page = await (await getAs(`/console/proposals/${proposalId}`, steward.cookie)).text();
		expect(page).toContain(`<form method="post" action="/console/proposals/${proposalId}/accept">`);
		const accepted = await postForm(
			`/console/proposals/${proposalId}/accept`,
			{ note: "Welcome aboard.", declineNote: "Maybe next time." },
			steward.cookie,
		);
		expect(accepted.status).toBe(303);
		expect(
			await rows("select id, status, decision_note from host_proposals where call_id = ? order by status", mine.callId),
		).toEqual([
			{ id: proposalId, status: "accepted", decision_note: "Welcome aboard." },
			{ id: otherId, status: "declined", decision_note: "Maybe next time." },
		]);
		const accepting = (await mailsTo(leuven.admin.email)).filter((m) => m.subject.endsWith("is accepted")).at(-1);
		expect(accepting?.text).toContain("The stewards' note:\n\nWelcome aboard.\n");
		expect(accepting?.text).not.toContain("Maybe next time.");
		const declining = (await mailsTo(pisa.admin.email)).filter((m) => m.subject.endsWith("was not accepted"));
		expect(declining.map((m) => m.text.includes("The stewards' note:\n\nMaybe next time.\n"))).toEqual([true]);
		expect(declining[0]?.text).not.toContain("Welcome aboard.");
		// Decided, it waits no more.
		const after = await (await getAs("/console", steward.cookie)).text();
		expect(after).not.toContain(`/console/proposals/${proposalId}#decide`);
	});

	it("reaches the calls for hosts from the series' console home and its stewards page", async () => {
		const s = await seriesWithCall([steward.id]);
		for (const path of [`/console/series/${s.slug}`, `/console/series/${s.slug}/stewards`]) {
			const html = await (await getAs(path, steward.cookie)).text();
			expect(html).toContain(`<a href="/console/series/${s.slug}/calls">Calls for hosts</a>`);
			expect(html).toContain(`<a href="/console/series/${s.slug}/stewards">Stewards and editions</a>`);
			expect(html).toContain('<a href="/console/templates">Templates</a>');
			expect(html).toContain(`<a href="/console/series/${s.slug}/audit">Audit log</a>`);
		}
		// The stewards page's trail leads to the series' console home, not to itself.
		const stewards = await (await getAs(`/console/series/${s.slug}/stewards`, steward.cookie)).text();
		expect(stewards).toContain(
			`<li><a href="/console/series/${s.slug}">${s.shortName}</a></li><li aria-current="page">Stewards</li>`,
		);
	});
});
