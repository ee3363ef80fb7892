/**
 * The story up to acceptance, through HTTP as stewards and institution admins would walk
 * it: AINM 2023 exists → a steward opens a call for 2025 → two institutions propose → the steward
 * compares them and accepts one → AINM 2025 exists as a draft chaired by its proposer, the other
 * proposal is declined, the call is closed, and both proposers have an email saying so → the new
 * chair clones 2023 into 2025 → every copied session, deadline and checklist due date lands exactly
 * the gap between the two first days later, at the same local time in the new edition's zone, and
 * no person-specific data (speakers, talks, sponsors, committee) came along.
 */
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seriesStewards } from "../../../src/db/schema";
import { CLONE_PARTS } from "../../../src/features/cloning";
import { formatDateRange } from "../../../src/lib/dates";
import { resolveOffset, resolveSessionStart, wallClock } from "../../../src/lib/zoned-time";
import { createTestUser, getAs, mailsTo, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { request, seed, testDb } from "../../helpers";
import { AINM_2023 } from "../cloning/helpers";
import { createTestInstitution, type TestInstitution } from "../invitations/helpers";
import { freezeClock, rows } from "./helpers";

let steward: TestUser;
let leuven: TestInstitution;
let pisa: TestInstitution;

beforeAll(async () => {
	freezeClock();
	await seed();
	// The story starts from AINM 2023 alone, whatever calls the demo data may hold.
	await env.DB.prepare("delete from host_calls where series_id = 'seed-series-ainm'").run();
	steward = await createTestUser("steward");
	await testDb().insert(seriesStewards).values({ seriesId: "seed-series-ainm", userId: steward.id });
	[leuven, pisa] = await Promise.all([createTestInstitution("leuven"), createTestInstitution("pisa")]);
});

afterAll(() => {
	vi.useRealTimers();
});

const LEUVEN_PROPOSAL = {
	city: "Leuven",
	country: "BE",
	venue: "Provinciehuis",
	startDate: "2025-09-29",
	endDate: "2025-10-01",
	timeZone: "Europe/Brussels",
	expectedParticipants: 280,
	team: "Nuclear medicine and medical physics, UZ Leuven",
	motivation: "Leuven runs one of Europe's first total-body PET scanners.",
	budget: "Venue 40k EUR, catering 30k EUR; fees and sponsors cover it.",
};

describe("from a call for hosts to AINM 2025", () => {
	it("opens a call, takes two proposals, accepts one and spins up the edition", async () => {
		// A steward opens the call for 2025.
		const opened = await sendJson(
			"POST",
			"/api/v1/series/ainm/calls",
			{ forYear: 2025, deadline: "2024-09-30", requirements: "- Two halls for parallel tracks\n- A local team" },
			{ cookie: steward.cookie },
		);
		expect(opened.status).toBe(201);
		const call = (await opened.json<{ data: { id: string; forYear: number; status: string; deadline: string } }>())
			.data;
		expect(call).toMatchObject({ forYear: 2025, status: "open", deadline: "2024-09-30" });

		// The series page announces it, with the next edition's host still to be announced.
		const seriesPage = await (await request("/s/ainm")).text();
		expect(seriesPage).toContain("Next edition: host to be announced.");
		expect(seriesPage).toContain('<h2 id="call-for-hosts">Call for hosts</h2>');
		expect(seriesPage).toContain("<strong>30 September 2024</strong> (anywhere on Earth)");
		expect(seriesPage).toContain("<p>- Two halls for parallel tracks<br/>- A local team</p>");
		expect(seriesPage).toContain(`href="/console/series/ainm/calls/${call.id}/propose"`);

		// Leuven proposes through the API, Pisa through the console form.
		const leuvenRes = await sendJson(
			"POST",
			`/api/v1/series/ainm/calls/${call.id}/proposals`,
			{ institutionId: leuven.id, ...LEUVEN_PROPOSAL },
			{ cookie: leuven.admin.cookie },
		);
		expect(leuvenRes.status).toBe(201);
		const leuvenProposal = (await leuvenRes.json<{ data: { id: string; status: string } }>()).data;
		expect(leuvenProposal.status).toBe("submitted");

		const pisaForm = await getAs(`/console/series/ainm/calls/${call.id}/propose`, pisa.owner.cookie);
		expect(pisaForm.status).toBe(200);
		// Pisa's owner has one institution: it is chosen already.
		expect(await pisaForm.text()).toContain(`<option value="${pisa.id}" selected="">Institution pisa</option>`);
		const pisaRes = await postForm(
			`/console/series/ainm/calls/${call.id}/propose`,
			{
				institutionId: pisa.id,
				city: "Pisa",
				country: "IT",
				venue: "",
				startDate: "2025-10-13",
				endDate: "2025-10-15",
				timeZone: "Europe/Rome",
				expectedParticipants: "200",
				team: "",
				motivation: "Pisa's AI in imaging group would host it.",
				budget: "",
			},
			pisa.owner.cookie,
		);
		expect(pisaRes.status).toBe(303);
		const pisaLocation = pisaRes.headers.get("Location") ?? "";
		expect(pisaLocation).toMatch(/^\/console\/proposals\/[0-9a-f-]{36}\?notice=proposal_submitted$/);
		const pisaProposalId = pisaLocation.split("/")[3]?.split("?")[0] ?? "";

		// The steward compares them side by side.
		const compare = await getAs(`/console/series/ainm/calls/${call.id}`, steward.cookie);
		expect(compare.status).toBe(200);
		const table = await compare.text();
		expect(table).toContain('<th scope="col">Institution leuven</th><th scope="col">Institution pisa</th>');
		expect(table).toContain("<td>Leuven, Belgium</td><td>Pisa, Italy</td>");
		expect(table).toContain(
			`<td>${formatDateRange("2025-09-29", "2025-10-01")} (3 days)</td><td>${formatDateRange("2025-10-13", "2025-10-15")} (3 days)</td>`,
		);
		const listed = await sendJson("GET", `/api/v1/series/ainm/calls/${call.id}/proposals`, undefined, {
			cookie: steward.cookie,
		});
		expect((await listed.json<{ data: { institutionName: string }[] }>()).data.map((p) => p.institutionName)).toEqual([
			"Institution leuven",
			"Institution pisa",
		]);

		// … and accepts Leuven, with one note for Leuven and another for the proposers it declines.
		const note = "Welcome, Leuven: your scanner made the difference.";
		const declineNote = "Thank you, Pisa: it was close.";
		const accepted = await postForm(
			`/console/proposals/${leuvenProposal.id}/accept`,
			{ note, declineNote },
			steward.cookie,
		);
		expect(accepted.status).toBe(303);
		expect(accepted.headers.get("Location")).toBe(`/console/series/ainm/calls/${call.id}?notice=proposal_accepted`);

		// AINM 2025 exists as a draft, with Leuven's dates, place and host, and its proposer as chair.
		const [edition] = await rows<Record<string, unknown>>(
			"select id, year, name, start_date, end_date, time_zone, city, country, venue_name, host_name, host_institution_id, status from editions where series_id = 'seed-series-ainm' and year = 2025",
		);
		expect(edition).toEqual({
			id: expect.any(String),
			year: 2025,
			name: "AINM 2025",
			start_date: "2025-09-29",
			end_date: "2025-10-01",
			time_zone: "Europe/Brussels",
			city: "Leuven",
			country: "BE",
			venue_name: "Provinciehuis",
			host_name: "Institution leuven",
			host_institution_id: leuven.id,
			status: "draft",
		});
		const editionId = String(edition?.id);
		expect(await rows("select user_id, role from edition_members where edition_id = ?", editionId)).toEqual([
			{ user_id: leuven.admin.id, role: "chair" },
		]);

		// The proposals are decided, each with its note, and the call is closed.
		expect(
			await rows(
				"select institution_id, status, decision_note, edition_id from host_proposals where call_id = ? order by created_at, rowid",
				call.id,
			),
		).toEqual([
			{ institution_id: leuven.id, status: "accepted", decision_note: note, edition_id: editionId },
			{ institution_id: pisa.id, status: "declined", decision_note: declineNote, edition_id: null },
		]);
		expect(await rows("select status from host_calls where id = ?", call.id)).toEqual([{ status: "closed" }]);

		// Both proposers had a receipt, and are told, in so many words, each with the note meant for them.
		const leuvenMails = await mailsTo(leuven.admin.email);
		expect(leuvenMails.map((m) => m.subject)).toEqual([
			"Your proposal to host AINM 2025 is received",
			"Your proposal to host AINM 2025 is accepted",
		]);
		expect(leuvenMails.slice(1)).toEqual([
			{
				subject: "Your proposal to host AINM 2025 is accepted",
				text: [
					`Hello ${leuven.admin.name},`,
					"",
					"The stewards of Artificial Intelligence and Informatics in Nuclear Medicine accepted the proposal of Institution leuven to host AINM 2025 in Leuven.",
					"",
					"The stewards' note:",
					"",
					note,
					"",
					"AINM 2025 now exists on Baton as a draft, and you are its chair. Set it up and invite your committee here:",
					`http://localhost/console/editions/${editionId}`,
					"",
					"Only the committee sees the draft. Once you publish it, its site will be at http://localhost/s/ainm/2025.",
				].join("\n"),
			},
		]);
		const pisaMails = await mailsTo(pisa.owner.email);
		expect(pisaMails.map((m) => m.subject)).toEqual([
			"Your proposal to host AINM 2025 is received",
			"Your proposal to host AINM 2025 was not accepted",
		]);
		expect(pisaMails.slice(1)).toEqual([
			{
				subject: "Your proposal to host AINM 2025 was not accepted",
				text: [
					`Hello ${pisa.owner.name},`,
					"",
					"The stewards of Artificial Intelligence and Informatics in Nuclear Medicine accepted another proposal to host AINM 2025, so the proposal of Institution pisa was not accepted.",
					"",
					"The stewards' note:",
					"",
					declineNote,
					"",
					"Thank you for offering to host. The series will call for hosts again for its next edition.",
				].join("\n"),
			},
		]);
		expect(
			await rows('select count(*) as n from outbox where "to" in (?, ?)', leuven.admin.email, pisa.owner.email),
		).toEqual([{ n: 4 }]);

		// The new chair finds the draft in the console; the public sees neither it nor the call any more.
		expect((await getAs(`/console/editions/${editionId}/committee`, leuven.admin.cookie)).status).toBe(200);
		expect((await getAs(`/console/proposals/${pisaProposalId}`, pisa.owner.cookie)).status).toBe(200);
		const after = await (await request("/s/ainm")).text();
		expect(after).not.toContain("AINM 2025");
		expect(after).not.toContain("Call for hosts");
		expect((await request("/s/ainm/2025")).status).toBe(404);

		// The new chair starts 2025 from 2023 (which they never sat on: it is public).
		const cloned = await sendJson(
			"POST",
			`/api/v1/editions/${editionId}/clone`,
			{ sourceEditionId: AINM_2023, parts: [...CLONE_PARTS] },
			{ cookie: leuven.admin.cookie },
		);
		expect(cloned.status).toBe(201);

		const source = { startDate: "2023-10-09", timeZone: "Europe/Amsterdam" };
		const target = { startDate: "2025-09-29", timeZone: "Europe/Brussels" };
		const gapDays = 721;
		const movedBy = (from: Date, to: Date, fromZone: string, toZone: string) => {
			const a = wallClock(from, fromZone);
			const b = wallClock(to, toZone);
			return {
				days: Math.round((Date.parse(`${b.date}T00:00:00Z`) - Date.parse(`${a.date}T00:00:00Z`)) / 86_400_000),
				sameLocalTime: a.time === b.time,
			};
		};

		// Sessions: same day index and local time, so each moved by exactly the gap.
		const sessionsOf = (id: string) =>
			rows<{ title: string; day: number; start_time: string }>(
				"select title, day, start_time from sessions where edition_id = ? order by day, start_time, title",
				id,
			);
		const oldSessions = await sessionsOf(AINM_2023);
		const newSessions = await sessionsOf(editionId);
		// Named-lecture slots take the new year ("Anne Paans lecture 2025"); every other title is kept.
		const retitled = oldSessions.map((s) => ({ ...s, title: s.title.replace(/ lecture 2023$/, " lecture 2025") }));
		expect(newSessions).toEqual(retitled);
		for (const [i, old] of oldSessions.entries()) {
			const moved = movedBy(
				resolveSessionStart(source, old.day, old.start_time),
				resolveSessionStart(target, newSessions[i]?.day ?? 0, newSessions[i]?.start_time ?? ""),
				source.timeZone,
				target.timeZone,
			);
			expect(moved, old.title).toEqual({ days: gapDays, sameLocalTime: true });
		}

		// Deadlines and checklist due dates: the same offsets from day 1, so they move with it.
		const deadlinesOf = (id: string) =>
			Promise.all([
				rows(
					"select name, sales_open_offset_days, sales_open_time, sales_close_offset_days, sales_close_time from ticket_types where edition_id = ? order by position, name",
					id,
				),
				rows(
					"select opens_offset_days, closes_offset_days, decisions_offset_days from abstract_calls where edition_id = ?",
					id,
				),
				rows(
					"select title, due_offset_days, status from checklist_tasks where edition_id = ? order by due_offset_days, title",
					id,
				),
			]);
		const [oldTickets, oldCall, oldTasks] = await deadlinesOf(AINM_2023);
		const [newTickets, newCall, newTasks] = await deadlinesOf(editionId);
		expect(newTickets).toEqual(oldTickets);
		expect(newCall).toEqual(oldCall);
		expect(newTasks).toEqual(oldTasks.map((task) => ({ ...task, status: "open" })));
		const early = oldTickets[0] as { sales_open_offset_days: number; sales_open_time: string };
		expect(
			movedBy(
				resolveOffset(source, early.sales_open_offset_days, early.sales_open_time),
				resolveOffset(target, early.sales_open_offset_days, early.sales_open_time),
				source.timeZone,
				target.timeZone,
			),
		).toEqual({ days: gapDays, sameLocalTime: true });

		// Nothing person-specific was copied.
		const count = async (table: string) =>
			(await rows<{ n: number }>(`select count(*) as n from ${table} where edition_id = ?`, editionId))[0]?.n;
		expect({
			speakers: await count("speakers"),
			talks: await count("talks"),
			talk_speakers: await count("talk_speakers"),
			session_chairs: await count("session_chairs"),
			sponsors: await count("sponsors"),
			committee: await count("edition_members"),
		}).toEqual({ speakers: 0, talks: 0, talk_speakers: 0, session_chairs: 0, sponsors: 0, committee: 1 });
	});
});
