/**
 * Hosting proposals: who may propose, withdraw and decide; the rules a proposal must pass (dates
 * in the call's year, end not before start, deadline not passed, call open, one open proposal per
 * institution) with nothing written when it fails; declining with a note; and acceptance refused
 * when the year already has an edition or the proposal is no longer open.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { editions } from "../../../src/db/schema";
import { newId } from "../../../src/lib/ids";
import { createTestUser, getAs, mailsTo, ORIGIN, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { request, seed, testDb } from "../../helpers";
import { addInstitutionMember, countRows, createTestInstitution, type TestInstitution } from "../invitations/helpers";
import { freezeClock, insertCall, insertProposal, insertSeries, rows } from "./helpers";

let steward: TestUser;
let stranger: TestUser;
let leuven: TestInstitution;
let pisa: TestInstitution;

beforeAll(async () => {
	freezeClock();
	await seed();
	[steward, stranger, leuven, pisa] = await Promise.all([
		createTestUser("steward"),
		createTestUser("stranger"),
		createTestInstitution("leuven"),
		createTestInstitution("pisa"),
	]);
});

afterAll(() => {
	vi.useRealTimers();
});

/** A series with an open call for 2025 (deadline 31 December 2024). */
async function seriesWithCall() {
	const s = await insertSeries({ stewardIds: [steward.id] });
	const callId = await insertCall(s.id, 2025);
	return { ...s, callId };
}

const proposal = (institutionId: string, changes: Record<string, unknown> = {}) => ({
	institutionId,
	city: "Leuven",
	country: "BE",
	startDate: "2025-10-06",
	endDate: "2025-10-08",
	timeZone: "Europe/Brussels",
	motivation: "We would love to host it.",
	...changes,
});

const propose = (s: { slug: string; callId: string }, body: unknown, user?: TestUser) =>
	sendJson("POST", `/api/v1/series/${s.slug}/calls/${s.callId}/proposals`, body, user ? { cookie: user.cookie } : {});

const errorOf = async (res: Response) =>
	(await res.json<{ error: { code: string; message: string; fields?: Record<string, string> } }>()).error;

describe("POST /api/v1/series/{slug}/calls/{callId}/proposals", () => {
	it("records an owner's or admin's proposal for their institution, with every answer", async () => {
		const s = await seriesWithCall();
		const res = await propose(
			s,
			proposal(leuven.id, { venue: "Aula", expectedParticipants: 250, team: "Us", budget: "Enough" }),
			leuven.admin,
		);
		expect(res.status).toBe(201);
		const { data } = await res.json<{ data: Record<string, unknown> }>();
		expect(data).toEqual({
			id: expect.any(String),
			callId: s.callId,
			seriesId: s.id,
			institutionId: leuven.id,
			institutionName: "Institution leuven",
			submittedBy: leuven.admin.id,
			submittedByName: leuven.admin.name,
			city: "Leuven",
			country: "BE",
			venue: "Aula",
			startDate: "2025-10-06",
			endDate: "2025-10-08",
			timeZone: "Europe/Brussels",
			expectedParticipants: 250,
			team: "Us",
			motivation: "We would love to host it.",
			budget: "Enough",
			status: "submitted",
			decisionNote: "",
			decidedAt: null,
			editionId: null,
			createdAt: expect.any(String),
		});
		expect((await propose(s, proposal(pisa.id), pisa.owner)).status).toBe(201);
	});

	it("refuses a plain member of the institution (403) and a signed-out caller (401)", async () => {
		const s = await seriesWithCall();
		const member = await propose(s, proposal(leuven.id), leuven.member);
		expect(member.status).toBe(403);
		expect((await propose(s, proposal(leuven.id))).status).toBe(401);
		expect(await countRows("host_proposals", "call_id = ?", s.callId)).toBe(0);
	});

	it("answers a proposal for an institution the caller does not belong to with 404, as for an unknown one", async () => {
		const s = await seriesWithCall();
		const foreign = await propose(s, proposal(leuven.id), pisa.admin);
		const unknown = await propose(s, proposal("no-such-institution"), pisa.admin);
		expect(foreign.status).toBe(404);
		expect(unknown.status).toBe(404);
		expect(await errorOf(foreign)).toEqual({ ...(await errorOf(unknown)), requestId: expect.any(String) });
		expect((await propose(s, proposal(leuven.id), stranger)).status).toBe(404);
		expect((await propose(s, proposal(leuven.id), steward)).status).toBe(404);
		expect(await countRows("host_proposals", "call_id = ?", s.callId)).toBe(0);
	});

	it("refuses missing fields and an unknown country or time zone with 400 and a message per field", async () => {
		const s = await seriesWithCall();
		const res = await propose(s, { institutionId: leuven.id, country: "XX", timeZone: "Mars/Olympus" }, leuven.admin);
		expect(res.status).toBe(400);
		expect((await errorOf(res)).fields).toEqual({
			city: "City is required.",
			country: "Choose a country.",
			startDate: "First day is required.",
			endDate: "Last day is required.",
			timeZone: "Choose one of the options.",
			motivation: "Motivation is required.",
		});
		expect(await countRows("host_proposals", "call_id = ?", s.callId)).toBe(0);
	});

	it("refuses dates outside the call's year or ending before they start (422), writing nothing", async () => {
		const s = await seriesWithCall();
		const backwards = await propose(s, proposal(leuven.id, { endDate: "2025-10-04" }), leuven.admin);
		expect(backwards.status).toBe(422);
		expect((await errorOf(backwards)).fields).toEqual({ endDate: "The last day cannot come before the first day." });
		const wrongYear = await propose(
			s,
			proposal(leuven.id, { startDate: "2026-01-12", endDate: "2026-01-14" }),
			leuven.admin,
		);
		expect(wrongYear.status).toBe(422);
		expect((await errorOf(wrongYear)).fields).toEqual({
			startDate: "Choose a day in 2025, the year of the call.",
			endDate: "Choose a day in 2025, the year of the call.",
		});
		expect(await countRows("host_proposals", "call_id = ?", s.callId)).toBe(0);
	});

	it("refuses a proposal after the deadline or to a closed call (422)", async () => {
		const s = await insertSeries({ stewardIds: [steward.id] });
		const late = { ...s, callId: await insertCall(s.id, 2025, { deadline: "2024-04-29" }) };
		const res = await propose(late, proposal(leuven.id), leuven.admin);
		expect(res.status).toBe(422);
		expect(await errorOf(res)).toMatchObject({
			code: "deadline_passed",
			message: "The deadline for proposals was 29 April 2024, anywhere on Earth.",
		});
		const other = await insertSeries({ stewardIds: [steward.id] });
		const closed = { ...other, callId: await insertCall(other.id, 2025, { status: "closed" }) };
		expect((await errorOf(await propose(closed, proposal(leuven.id), leuven.admin))).code).toBe("call_closed");
		expect(await countRows("host_proposals", "call_id in (?, ?)", late.callId, closed.callId)).toBe(0);
	});

	it("takes one open proposal per institution and call (409), and another after a withdrawal", async () => {
		const s = await seriesWithCall();
		expect((await propose(s, proposal(leuven.id), leuven.admin)).status).toBe(201);
		const again = await propose(s, proposal(leuven.id, { city: "Brussels" }), leuven.owner);
		expect(again.status).toBe(409);
		expect((await errorOf(again)).fields).toEqual({
			institutionId: "Institution leuven has an open proposal for this call: withdraw it first to send another.",
		});
		const [first] = await rows<{ id: string }>("select id from host_proposals where call_id = ?", s.callId);
		await sendJson("POST", `/api/v1/proposals/${first?.id}/withdraw`, undefined, { cookie: leuven.owner.cookie });
		expect((await propose(s, proposal(leuven.id, { city: "Brussels" }), leuven.owner)).status).toBe(201);
	});

	it("shows the form's messages beside the fields in the console, and writes nothing", async () => {
		const s = await seriesWithCall();
		const res = await postForm(
			`/console/series/${s.slug}/calls/${s.callId}/propose`,
			{ ...proposal(leuven.id), endDate: "2025-10-01" } as Record<string, string>,
			leuven.admin.cookie,
		);
		expect(res.status).toBe(422);
		const html = await res.text();
		expect(html).toContain(
			'<p class="field-error" id="field-endDate-error">The last day cannot come before the first day.</p>',
		);
		expect(html).toContain('value="Leuven"');
		expect(await countRows("host_proposals", "call_id = ?", s.callId)).toBe(0);
	});
});

describe("POST /api/v1/proposals/{id}/withdraw", () => {
	const withdraw = (id: string, user?: TestUser) =>
		sendJson("POST", `/api/v1/proposals/${id}/withdraw`, undefined, user ? { cookie: user.cookie } : {});

	it("lets the proposer withdraw their open proposal, once", async () => {
		const s = await seriesWithCall();
		const id = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: leuven.id,
			submittedBy: leuven.admin.id,
			forYear: 2025,
		});
		const res = await withdraw(id, leuven.admin);
		expect(res.status).toBe(200);
		expect((await res.json<{ data: { status: string } }>()).data.status).toBe("withdrawn");
		const again = await withdraw(id, leuven.admin);
		expect(again.status).toBe(422);
		expect((await errorOf(again)).message).toBe("This proposal is withdrawn: only an open one can change.");
	});

	it("lets the institution's other owners and admins withdraw it, not stewards (403) or outsiders (404)", async () => {
		const s = await seriesWithCall();
		const id = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: leuven.id,
			submittedBy: leuven.admin.id,
			forYear: 2025,
		});
		expect((await withdraw(id, steward)).status).toBe(403);
		expect((await withdraw(id, leuven.member)).status).toBe(404);
		expect((await withdraw(id, pisa.owner)).status).toBe(404);
		expect((await withdraw(id)).status).toBe(401);
		expect(await rows("select status from host_proposals where id = ?", id)).toEqual([{ status: "submitted" }]);
		expect((await withdraw(id, leuven.owner)).status).toBe(200);
	});
});

describe("POST /api/v1/proposals/{id}/decline", () => {
	it("declines with the stewards' note and emails the proposer", async () => {
		const s = await seriesWithCall();
		const proposer = await createTestUser("proposer");
		await addInstitutionMember(leuven.id, proposer.id, "admin");
		const id = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: leuven.id,
			submittedBy: proposer.id,
			forYear: 2025,
		});
		const res = await sendJson(
			"POST",
			`/api/v1/proposals/${id}/decline`,
			{ note: "The venue is too small." },
			{ cookie: steward.cookie },
		);
		expect(res.status).toBe(200);
		expect(await rows("select status, decision_note from host_proposals where id = ?", id)).toEqual([
			{ status: "declined", decision_note: "The venue is too small." },
		]);
		expect(await mailsTo(proposer.email)).toEqual([
			{
				subject: `Your proposal to host ${s.shortName} 2025 was not accepted`,
				text: [
					`Hello ${proposer.name},`,
					"",
					`The stewards of Series ${s.slug} decided not to accept the proposal of Institution leuven to host ${s.shortName} 2025.`,
					"",
					"The stewards' note:",
					"",
					"The venue is too small.",
					"",
					"Thank you for offering to host. The series will call for hosts again for its next edition.",
				].join("\n"),
			},
		]);
		// The call stays open for the others.
		expect(await rows("select status from host_calls where id = ?", s.callId)).toEqual([{ status: "open" }]);
	});

	it("needs a note (400) and an open proposal (422), and writes and sends nothing otherwise", async () => {
		const s = await seriesWithCall();
		const id = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: pisa.id,
			submittedBy: pisa.owner.id,
			forYear: 2025,
		});
		const before = await countRows("outbox");
		const noNote = await sendJson("POST", `/api/v1/proposals/${id}/decline`, { note: "" }, { cookie: steward.cookie });
		expect(noNote.status).toBe(400);
		expect((await errorOf(noNote)).fields).toEqual({ note: "Note to the proposer is required." });
		await sendJson("POST", `/api/v1/proposals/${id}/withdraw`, undefined, { cookie: pisa.owner.cookie });
		const decided = await sendJson(
			"POST",
			`/api/v1/proposals/${id}/decline`,
			{ note: "No." },
			{ cookie: steward.cookie },
		);
		expect(decided.status).toBe(422);
		expect(await rows("select status, decision_note from host_proposals where id = ?", id)).toEqual([
			{ status: "withdrawn", decision_note: "" },
		]);
		expect(await countRows("outbox")).toBe(before);
	});
});

describe("POST /api/v1/proposals/{id}/accept", () => {
	const accept = (id: string, user?: TestUser, body: unknown = { note: "" }) =>
		sendJson("POST", `/api/v1/proposals/${id}/accept`, body, user ? { cookie: user.cookie } : {});

	it("is for the series' stewards: the proposing institution's admins get 403, others 404, nobody signed in 401", async () => {
		const s = await seriesWithCall();
		const id = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: leuven.id,
			submittedBy: leuven.admin.id,
			forYear: 2025,
		});
		expect((await accept(id, leuven.admin)).status).toBe(403);
		expect((await accept(id, leuven.owner)).status).toBe(403);
		expect((await accept(id, leuven.member)).status).toBe(404);
		expect((await accept(id, stranger)).status).toBe(404);
		expect((await accept(id)).status).toBe(401);
		expect((await accept("no-such-proposal", steward)).status).toBe(404);
		expect(await countRows("editions", "series_id = ?", s.id)).toBe(0);
		expect(await rows("select status from host_proposals where id = ?", id)).toEqual([{ status: "submitted" }]);
	});

	it("works without a body and answers with the proposal and the new edition", async () => {
		const s = await seriesWithCall();
		const id = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: leuven.id,
			submittedBy: leuven.admin.id,
			forYear: 2025,
		});
		const res = await request(`/api/v1/proposals/${id}/accept`, {
			method: "POST",
			headers: { Cookie: steward.cookie, Origin: ORIGIN },
		});
		expect(res.status).toBe(200);
		const { data } = await res.json<{
			data: { proposal: Record<string, unknown>; edition: Record<string, unknown> };
		}>();
		expect(data.proposal).toMatchObject({ id, status: "accepted", decisionNote: "", editionId: data.edition.id });
		expect(data.edition).toMatchObject({
			year: 2025,
			name: `${s.shortName} 2025`,
			status: "draft",
			url: `/s/${s.slug}/2025`,
			hostInstitutionId: leuven.id,
		});
	});

	it("refuses a year the series already has (409) and leaves everything as it was", async () => {
		const s = await seriesWithCall();
		const id = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: leuven.id,
			submittedBy: leuven.admin.id,
			forYear: 2025,
		});
		const otherId = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: pisa.id,
			submittedBy: pisa.owner.id,
			forYear: 2025,
		});
		// Meanwhile the 2025 edition was created some other way.
		await testDb().insert(editions).values({
			id: newId(),
			seriesId: s.id,
			year: 2025,
			name: "Taken",
			startDate: "2025-06-02",
			endDate: "2025-06-04",
			timeZone: "Europe/Rome",
		});
		const before = await countRows("outbox");
		const res = await accept(id, steward, { note: "Welcome!" });
		expect(res.status).toBe(409);
		expect(await errorOf(res)).toMatchObject({
			code: "edition_exists",
			message: `${s.shortName} 2025 exists already.`,
		});
		expect(
			await rows("select id, status from host_proposals where call_id = ? order by created_at, rowid", s.callId),
		).toEqual([
			{ id, status: "submitted" },
			{ id: otherId, status: "submitted" },
		]);
		expect(await rows("select status from host_calls where id = ?", s.callId)).toEqual([{ status: "open" }]);
		expect(await countRows("editions", "series_id = ?", s.id)).toBe(1);
		expect(await countRows("outbox")).toBe(before);
	});

	it("refuses a proposal that is no longer open (422), creating nothing", async () => {
		const s = await seriesWithCall();
		const id = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: leuven.id,
			submittedBy: leuven.admin.id,
			forYear: 2025,
		});
		await sendJson("POST", `/api/v1/proposals/${id}/withdraw`, undefined, { cookie: leuven.admin.cookie });
		const res = await accept(id, steward);
		expect(res.status).toBe(422);
		expect((await errorOf(res)).code).toBe("proposal_decided");
		expect(await countRows("editions", "series_id = ?", s.id)).toBe(0);
	});

	it("declines only the proposals still open: a withdrawn one stays withdrawn and hears nothing", async () => {
		const s = await seriesWithCall();
		const id = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: leuven.id,
			submittedBy: leuven.admin.id,
			forYear: 2025,
		});
		const withdrawnId = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: pisa.id,
			submittedBy: pisa.admin.id,
			forYear: 2025,
		});
		await sendJson("POST", `/api/v1/proposals/${withdrawnId}/withdraw`, undefined, { cookie: pisa.admin.cookie });
		const mailsBefore = (await mailsTo(pisa.admin.email)).length;
		expect((await accept(id, steward)).status).toBe(200);
		expect(await rows("select status from host_proposals where id = ?", withdrawnId)).toEqual([
			{ status: "withdrawn" },
		]);
		expect((await mailsTo(pisa.admin.email)).length).toBe(mailsBefore);
	});
});

describe("console: deciding and proposing", () => {
	it("shows stewards the decision form, and the institution's admins the withdraw button", async () => {
		const s = await seriesWithCall();
		const id = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: leuven.id,
			submittedBy: leuven.admin.id,
			forYear: 2025,
		});
		const forSteward = await (await getAs(`/console/proposals/${id}`, steward.cookie)).text();
		expect(forSteward).toContain(`<form method="post" action="/console/proposals/${id}/accept">`);
		// Accepting and declining are separate forms, each with its own note.
		expect(forSteward).toContain(`<form method="post" action="/console/proposals/${id}/decline">`);
		expect(forSteward).toContain('<label for="accept-note">Note to the accepted proposer');
		expect(forSteward).toContain('<label for="accept-declineNote">Note to the other proposers');
		expect(forSteward).toContain('<label for="field-note">Note to the proposer</label>');
		expect(forSteward).not.toContain("Withdraw this proposal");
		const forAdmin = await (await getAs(`/console/proposals/${id}`, leuven.owner.cookie)).text();
		expect(forAdmin).toContain(`action="/console/proposals/${id}/withdraw"`);
		expect(forAdmin).not.toContain("Accept this proposal");
		expect((await getAs(`/console/proposals/${id}`, leuven.member.cookie)).status).toBe(404);
	});

	it("asks for a note beside the field when declining without one, then declines with it", async () => {
		const s = await seriesWithCall();
		const id = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: leuven.id,
			submittedBy: leuven.admin.id,
			forYear: 2025,
		});
		const missing = await postForm(`/console/proposals/${id}/decline`, { note: "" }, steward.cookie);
		expect(missing.status).toBe(400);
		expect(await missing.text()).toContain(
			'<p class="field-error" id="field-note-error">Note to the proposer is required.</p>',
		);
		expect(await rows("select status from host_proposals where id = ?", id)).toEqual([{ status: "submitted" }]);
		const declined = await postForm(`/console/proposals/${id}/decline`, { note: "Too far." }, steward.cookie);
		expect(declined.status).toBe(303);
		expect(declined.headers.get("Location")).toBe(
			`/console/series/${s.slug}/calls/${s.callId}?notice=proposal_declined`,
		);
	});

	it("shows the acceptance's 409 on the proposal page when the year has an edition", async () => {
		const s = await seriesWithCall();
		const id = await insertProposal({
			...s,
			seriesId: s.id,
			institutionId: leuven.id,
			submittedBy: leuven.admin.id,
			forYear: 2025,
		});
		await testDb().insert(editions).values({
			id: newId(),
			seriesId: s.id,
			year: 2025,
			name: "Taken",
			startDate: "2025-06-02",
			endDate: "2025-06-04",
			timeZone: "Europe/Rome",
		});
		const res = await postForm(`/console/proposals/${id}/accept`, { note: "" }, steward.cookie);
		expect(res.status).toBe(409);
		expect(await res.text()).toContain(
			`<li>${s.shortName} 2025 exists already, so no proposal for it can be accepted.</li>`,
		);
	});

	it("tells a signed-in user without an institution to administer, and anyone once the call is closed", async () => {
		const s = await seriesWithCall();
		const noInstitution = await (
			await getAs(`/console/series/${s.slug}/calls/${s.callId}/propose`, stranger.cookie)
		).text();
		expect(noInstitution).toContain("Only owners and admins of an institution can propose to host.");
		expect(noInstitution).not.toContain('name="city"');
		const other = await insertSeries();
		const closed = await insertCall(other.id, 2025, { status: "closed" });
		const html = await (
			await getAs(`/console/series/${other.slug}/calls/${closed}/propose`, leuven.owner.cookie)
		).text();
		expect(html).toContain("This call for hosts is closed: proposals are no longer taken.");
		expect(html).not.toContain('name="city"');
	});
});
