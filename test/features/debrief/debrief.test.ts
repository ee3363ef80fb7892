/**
 * The organizer debrief: mailed once to the chairs and organizers two days after the event's last
 * day (09:00 in the edition's zone); answering it creates exactly one draft handover note per
 * answered question, in one batch, and nothing on a refusal.
 */

import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EditionStatus, editions } from "../../../src/db/schema";
import { debriefJob, sendDebriefs } from "../../../src/features/debrief/job";
import { newId } from "../../../src/lib/ids";
import { runScheduledJobs } from "../../../src/scheduled";
import { createTestUser, getAs, mailsTo, postForm } from "../../auth-helpers";
import { insertEdition } from "../../fixtures";
import { runOvertaken } from "../../jobs/helpers";
import { createFollowableSeries } from "../following/helpers";
import { createCommitteeMember } from "../invitations/helpers";

let nextYear = 2031;

/** An edition in Auckland (UTC+13 in October), so its days and UTC's days differ. */
async function createEdition(
	extra: Partial<typeof editions.$inferInsert> & { status?: EditionStatus } = {},
): Promise<{ id: string; seriesId: string; name: string }> {
	const s = await createFollowableSeries("debrief");
	const id = newId();
	const name = `Debrief ${nextYear}`;
	await insertEdition({
		id,
		seriesId: s.id,
		year: nextYear++,
		name,
		startDate: "2031-10-06",
		endDate: "2031-10-08",
		timeZone: "Pacific/Auckland",
		status: "published",
		...extra,
	});
	return { id, seriesId: s.id, name };
}

const debriefSentAt = async (id: string) =>
	(
		await env.DB.prepare("select debrief_sent_at from editions where id = ?")
			.bind(id)
			.first<{ debrief_sent_at: number | null }>()
	)?.debrief_sent_at ?? null;

const runAt = (iso: string) => runScheduledJobs(env, new Date(iso), [debriefJob]);

afterEach(() => {
	vi.restoreAllMocks();
});

describe("the debrief mail", () => {
	it("goes once to the chairs and organizers at 09:00 two days after the last day, in the edition's zone", async () => {
		const edition = await createEdition();
		const chair = await createCommitteeMember(edition.id, "chair", "chair");
		const organizer = await createCommitteeMember(edition.id, "organizer", "org");
		const reviewer = await createCommitteeMember(edition.id, "reviewer", "rev");
		const mentor = await createCommitteeMember(edition.id, "mentor", "mentor", "2099-12-31");

		// 10 October, 09:00 in Auckland (NZDT, UTC+13) is 9 October, 20:00 UTC: still "8 October + 1" in UTC.
		const [early] = await runAt("2031-10-09T19:00:00Z");
		expect(early).toMatchObject({ ok: true, mails: 0 });
		expect(await debriefSentAt(edition.id)).toBeNull();

		const [due] = await runAt("2031-10-09T20:00:00Z");
		const [again] = await runAt("2031-10-09T21:00:00Z");

		expect(due).toMatchObject({ ok: true, mails: 2, counts: { debriefs: 1, mails: 2, failed: 0 } });
		expect(again).toMatchObject({ ok: true, mails: 0 });
		expect(await debriefSentAt(edition.id)).toBe(Date.parse("2031-10-09T20:00:00Z"));
		expect(await mailsTo(reviewer.email)).toEqual([]);
		expect(await mailsTo(mentor.email)).toEqual([]);
		for (const person of [chair, organizer]) {
			const mails = await mailsTo(person.email);
			expect(mails.map((m) => m.subject)).toEqual([`${edition.name} is over: your debrief for the next committee`]);
			expect(mails[0]?.text).toContain(`Hello ${person.name},`);
			expect(mails[0]?.text).toContain(`The debrief: https://localhost/console/editions/${edition.id}/debrief`);
		}
	});

	it("skips archived editions, those debriefed already and those over for more than four weeks", async () => {
		const archived = await createEdition({ status: "archived" });
		const done = await createEdition({ debriefSentAt: new Date("2031-10-09T20:00:00Z") });
		const longAgo = await createEdition({ startDate: "2031-08-04", endDate: "2031-08-06" });
		const people = [
			await createCommitteeMember(archived.id, "chair", "a"),
			await createCommitteeMember(done.id, "chair", "d"),
			await createCommitteeMember(longAgo.id, "chair", "l"),
		];

		await runAt("2031-10-09T20:00:00Z");

		for (const person of people) expect(await mailsTo(person.email)).toEqual([]);
		expect(await debriefSentAt(archived.id)).toBeNull();
		expect(await debriefSentAt(longAgo.id)).toBeNull();
	});

	it("is sent once when a second run reads the edition before the first one's batch lands", async () => {
		const edition = await createEdition();
		const chair = await createCommitteeMember(edition.id, "chair", "race");
		const now = new Date("2031-10-09T20:00:00Z");

		const first = await runOvertaken(sendDebriefs, now);

		expect(first.counts).toEqual({ debriefs: 0, mails: 0, sentMeanwhile: 1, failed: 0 });
		expect(await mailsTo(chair.email)).toHaveLength(1);
	});
});

interface NoteRow {
	series_id: string;
	topic: string;
	title: string;
	body: string;
	tags: string;
	visibility: string;
	source: string;
	author_id: string;
}

async function notesOf(editionId: string): Promise<NoteRow[]> {
	const { results } = await env.DB.prepare(
		"select series_id, topic, title, body, tags, visibility, source, author_id from handover_notes where edition_id = ? order by topic",
	)
		.bind(editionId)
		.all<NoteRow>();
	return results;
}

/** An edition whose last day (in Amsterdam) was yesterday or earlier, so the debrief is open now. */
async function pastEdition(status: EditionStatus = "held") {
	const end = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
	return createEdition({ startDate: end, endDate: end, timeZone: "Europe/Amsterdam", status });
}

describe("answering the debrief", () => {
	it("creates one private draft note per answered question, in its topic, by the one who answered", async () => {
		const edition = await pastEdition();
		const organizer = await createCommitteeMember(edition.id, "organizer", "org");
		const path = `/console/editions/${edition.id}/debrief`;
		const answers = {
			venue: "Book the plenary hall a year ahead: it was nearly gone.",
			budget: "",
			lessons: "Start the sponsor talks **earlier**.",
			staff: "  ",
		};

		const res = await postForm(path, answers, organizer.cookie);
		const again = await postForm(path, answers, organizer.cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`${path}?notice=debrief_saved`);
		expect(again.status).toBe(303);
		const draft = {
			series_id: edition.seriesId,
			tags: '["debrief"]',
			visibility: "private",
			source: "debrief",
			author_id: organizer.id,
		};
		expect(await notesOf(edition.id)).toEqual([
			{
				...draft,
				topic: "lessons_learned",
				title: "What we wish we had known at the start",
				body: "Start the sponsor talks **earlier**.",
			},
			{
				...draft,
				topic: "venue_rooms",
				title: "Venue and rooms: what we would do differently",
				body: "Book the plenary hall a year ahead: it was nearly gone.",
			},
		]);
		// The search index follows by trigger.
		const found = await env.DB.prepare(
			"select n.topic from handover_notes_fts f join handover_notes n on n.id = f.note_id where handover_notes_fts match 'plenary' and n.edition_id = ?",
		)
			.bind(edition.id)
			.all();
		expect(found.results).toEqual([{ topic: "venue_rooms" }]);
		const page = await (await getAs(`${path}?notice=debrief_saved`, organizer.cookie)).text();
		expect(page).toContain("2 draft notes from the debrief so far.");
		expect(page).toContain(`href="/console/editions/${edition.id}/handover/notes"`);
	});

	it("refuses a debrief before the event is over, an empty one and one with script, writing nothing", async () => {
		const upcoming = await createEdition({ startDate: "2099-10-06", endDate: "2099-10-08" });
		const past = await pastEdition();
		const early = await createCommitteeMember(upcoming.id, "chair", "early");
		const chair = await createCommitteeMember(past.id, "chair", "chair");

		const tooEarly = await postForm(`/console/editions/${upcoming.id}/debrief`, { venue: "Fine." }, early.cookie);
		const empty = await postForm(`/console/editions/${past.id}/debrief`, { venue: " " }, chair.cookie);
		const script = await postForm(
			`/console/editions/${past.id}/debrief`,
			{ venue: "<script>alert(1)</script>" },
			chair.cookie,
		);

		expect(tooEarly.status).toBe(422);
		expect(await tooEarly.text()).toContain("The debrief opens when the event&#39;s last day is over.");
		expect(empty.status).toBe(422);
		expect(await empty.text()).toContain("Answer at least one question.");
		expect(script.status).toBe(400);
		expect(await notesOf(upcoming.id)).toEqual([]);
		expect(await notesOf(past.id)).toEqual([]);
	});

	it("shows reviewers the page without the form and refuses their answers; a draft is 404 to strangers", async () => {
		const edition = await pastEdition("draft");
		const reviewer = await createCommitteeMember(edition.id, "reviewer", "rev");
		const stranger = await createTestUser("stranger");
		const path = `/console/editions/${edition.id}/debrief`;

		const page = await getAs(path, reviewer.cookie);
		const post = await postForm(path, { venue: "Fine." }, reviewer.cookie);
		const hidden = await getAs(path, stranger.cookie);

		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`The chairs and organizers of ${edition.name} answer the debrief.`);
		expect(html).not.toContain("<textarea");
		expect(post.status).toBe(403);
		expect(hidden.status).toBe(404);
		expect(await notesOf(edition.id)).toEqual([]);
	});
});
