/**
 * Announcements to a series' followers, run through the one scheduler with a fixed `now`: each
 * once per edition and kind, to confirmed followers only, at the moment resolved in the
 * edition's zone, never for drafts or editions that are over, atomically with their record.
 */

import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { abstractCalls, ticketTypes } from "../../../src/db/schema";
import { seriesAnnouncementsJob } from "../../../src/features/following/announcements";
import { formatDateRange } from "../../../src/lib/dates";
import { newId } from "../../../src/lib/ids";
import { runScheduledJobs } from "../../../src/scheduled";
import { mailsTo } from "../../auth-helpers";
import { insertEdition } from "../../fixtures";
import { request, testDb } from "../../helpers";
import { freshEmail } from "../invitations/helpers";
import { addFollower, createFollowableSeries, followersOf, newestLink } from "./helpers";

type Status = "draft" | "published" | "held" | "archived";

let nextYear = 2031;

/** An edition on 6–8 October (Amsterdam) of a year of its own, with a call and tickets when asked. */
async function createEdition(
	seriesId: string,
	{
		status = "published" as Status,
		call = false,
		tickets = false,
	}: { status?: Status; call?: boolean; tickets?: boolean } = {},
) {
	const id = newId();
	const year = nextYear++;
	const db = testDb();
	await insertEdition({
		id,
		seriesId,
		year,
		name: `Symposium ${year}`,
		startDate: `${year}-10-06`,
		endDate: `${year}-10-08`,
		timeZone: "Europe/Amsterdam",
		city: "Groningen",
		venueName: "Martiniplaza",
		status,
	});
	// Opens 240 days before day 1 at 09:00 (a February morning: UTC+1), closes 100 days before at 23:59.
	if (call) await db.insert(abstractCalls).values({ editionId: id, opensOffsetDays: -240, closesOffsetDays: -100 });
	if (tickets) {
		// Registration opens with the earlier type (180 days before, 09:00 CEST) and stays open until the later one closes.
		await db.insert(ticketTypes).values([
			{
				id: newId(),
				editionId: id,
				name: "Regular",
				salesOpenOffsetDays: -60,
				salesCloseOffsetDays: -1,
				salesCloseTime: "18:00",
			},
			{ id: newId(), editionId: id, name: "Early bird", salesOpenOffsetDays: -180, salesCloseOffsetDays: -61 },
		]);
	}
	return { id, year, name: `Symposium ${year}` };
}

async function sentKinds(editionId: string): Promise<string[]> {
	const { results } = await env.DB.prepare("select kind from series_announcements where edition_id = ? order by kind")
		.bind(editionId)
		.all<{ kind: string }>();
	return results.map((r) => r.kind);
}

/** The dates as mails write them (the runtime's ICU puts thin spaces around the dash). */
const octoberDates = (year: number) => formatDateRange(`${year}-10-06`, `${year}-10-08`);

const subjects = async (email: string) => (await mailsTo(email)).map((m) => m.subject);

/** Runs the announcements job alone, as the scheduler does, at `iso`. */
const announceAt = (iso: string) => runScheduledJobs(env, new Date(iso), [seriesAnnouncementsJob]);

afterEach(() => {
	vi.restoreAllMocks();
});

describe("edition announced", () => {
	it("mails each confirmed follower once, however often the scheduler runs; unconfirmed ones get nothing", async () => {
		const s = await createFollowableSeries("announce");
		const edition = await createEdition(s.id);
		const [ada, bob, cem] = [freshEmail("ada"), freshEmail("bob"), freshEmail("cem")];
		await addFollower(s.id, ada);
		await addFollower(s.id, bob);
		await addFollower(s.id, cem, { confirmed: false });

		const first = await announceAt(`${edition.year}-01-15T12:00:00Z`);
		const second = await announceAt(`${edition.year}-01-15T13:00:00Z`);

		const subject = `${edition.name} is announced: ${octoberDates(edition.year)}`;
		expect(await subjects(ada)).toEqual([subject]);
		expect(await subjects(bob)).toEqual([subject]);
		expect(await subjects(cem)).toEqual([]);
		expect(await sentKinds(edition.id)).toEqual(["edition_announced"]);
		expect(first).toEqual([
			{ job: "series-announcements", ok: true, mails: 2, counts: { announcements: 1, failed: 0 } },
		]);
		expect(second).toEqual([
			{ job: "series-announcements", ok: true, mails: 0, counts: { announcements: 0, failed: 0 } },
		]);
		const [mail] = await mailsTo(ada);
		expect(mail?.text).toContain(`takes place on ${octoberDates(edition.year)} at Martiniplaza, Groningen`);
		expect(mail?.text).toContain(`https://localhost/s/${s.slug}/${edition.year}`);
		expect(mail?.text).toMatch(new RegExp(`https://localhost/s/${s.slug}/unfollow\\?token=\\S+`));
	});

	it("never announces a draft, a held or archived edition, or a published one that is over", async () => {
		const s = await createFollowableSeries("quiet");
		const email = freshEmail("quiet");
		await addFollower(s.id, email);
		const draft = await createEdition(s.id, { status: "draft", call: true, tickets: true });
		const held = await createEdition(s.id, { status: "held" });
		const archived = await createEdition(s.id, { status: "archived" });
		const over = await createEdition(s.id);

		// The day after the last one ended (8 October, Amsterdam).
		await announceAt(`${over.year}-10-08T22:00:00Z`);

		expect(await subjects(email)).toEqual([]);
		for (const e of [draft, held, archived, over]) expect(await sentKinds(e.id)).toEqual([]);
	});

	it("records the announcement even without followers, so a later follower is not told old news", async () => {
		const s = await createFollowableSeries("lonely");
		const edition = await createEdition(s.id);

		await announceAt(`${edition.year}-03-01T12:00:00Z`);
		const late = freshEmail("late");
		await addFollower(s.id, late);
		await announceAt(`${edition.year}-03-01T13:00:00Z`);

		expect(await sentKinds(edition.id)).toEqual(["edition_announced"]);
		expect(await subjects(late)).toEqual([]);
	});
});

describe("abstracts and registration open", () => {
	it("announces the call for abstracts when it opens at 09:00 in the edition's zone, once", async () => {
		const s = await createFollowableSeries("call");
		const edition = await createEdition(s.id, { call: true });
		const email = freshEmail("author");
		await addFollower(s.id, email);
		// 240 days before 6 October is 8 February: 09:00 in Amsterdam is 08:00 UTC in winter.
		await announceAt(`${edition.year}-02-08T07:59:00Z`);
		expect(await sentKinds(edition.id)).toEqual(["edition_announced"]);

		await announceAt(`${edition.year}-02-08T08:00:00Z`);
		await announceAt(`${edition.year}-02-08T09:00:00Z`);

		expect(await sentKinds(edition.id)).toEqual(["abstracts_open", "edition_announced"]);
		const mails = await mailsTo(email);
		expect(mails.map((m) => m.subject)).toEqual([
			`${edition.name} is announced: ${octoberDates(edition.year)}`,
			`${edition.name}: the call for abstracts is open`,
		]);
		// 100 days before 6 October is 28 June.
		expect(mails[1]?.text).toContain(`is open until 28 June ${edition.year}, 23:59 (Europe/Amsterdam)`);
		expect(mails[1]?.text).toContain(`https://localhost/s/${s.slug}/${edition.year}/abstracts`);
	});

	it("announces registration when the earliest ticket type goes on sale (09:00 summer time), until the last closes", async () => {
		const s = await createFollowableSeries("tickets");
		const edition = await createEdition(s.id, { tickets: true });
		const email = freshEmail("attendee");
		await addFollower(s.id, email);
		// 180 days before 6 October is 9 April: 09:00 in Amsterdam is 07:00 UTC in summer.
		await announceAt(`${edition.year}-04-09T06:59:00Z`);
		expect(await sentKinds(edition.id)).toEqual(["edition_announced"]);

		await announceAt(`${edition.year}-04-09T07:00:00Z`);

		expect(await sentKinds(edition.id)).toEqual(["edition_announced", "registration_open"]);
		const mails = await mailsTo(email);
		expect(mails.map((m) => m.subject)).toEqual([
			`${edition.name} is announced: ${octoberDates(edition.year)}`,
			`${edition.name}: registration is open`,
		]);
		// The regular tickets close the day before day 1 at 18:00.
		expect(mails[1]?.text).toContain(`is open until 5 October ${edition.year}, 18:00 (Europe/Amsterdam)`);
	});

	it("sends all due kinds of one run, and nothing for a call that has already closed", async () => {
		const s = await createFollowableSeries("late-publish");
		const edition = await createEdition(s.id, { call: true, tickets: true });
		const email = freshEmail("busy");
		await addFollower(s.id, email);

		// 1 September: the call closed on 28 June; registration is open.
		await announceAt(`${edition.year}-09-01T12:00:00Z`);

		expect(await sentKinds(edition.id)).toEqual(["edition_announced", "registration_open"]);
		expect(await subjects(email)).toEqual([
			`${edition.name} is announced: ${octoberDates(edition.year)}`,
			`${edition.name}: registration is open`,
		]);
	});
});

describe("delivery", () => {
	it("mails many followers in statements under D1's 100 bound parameters", async () => {
		const s = await createFollowableSeries("crowd");
		const edition = await createEdition(s.id);
		const emails = Array.from({ length: 60 }, (_, i) => freshEmail(`crowd${i}`));
		for (const email of emails) await addFollower(s.id, email);

		const [report] = await announceAt(`${edition.year}-01-10T12:00:00Z`);

		expect(report).toMatchObject({ ok: true, mails: 60 });
		const { results } = await env.DB.prepare('select "to" from outbox where subject = ? order by "to"')
			.bind(`${edition.name} is announced: ${octoberDates(edition.year)}`)
			.all<{ to: string }>();
		expect(results.map((r) => r.to)).toEqual([...emails].sort());
	});

	it("writes neither the record nor any mail when the batch fails, and sends on the next run", async () => {
		const s = await createFollowableSeries("atomic");
		const edition = await createEdition(s.id);
		const [ok, boom] = [freshEmail("ok"), freshEmail("boom")];
		await addFollower(s.id, ok);
		await addFollower(s.id, boom);
		// Injected failure: the outbox refuses one of the two mails.
		await env.DB.prepare(
			`create trigger refuse_boom before insert on outbox when new."to" = '${boom}' begin select raise(abort, 'injected failure'); end`,
		).run();
		const errors = vi.spyOn(console, "error").mockImplementation(() => {});

		const [failed] = await announceAt(`${edition.year}-01-10T12:00:00Z`);

		expect(failed).toMatchObject({ ok: true, counts: { announcements: 0, failed: 1 } });
		expect(await sentKinds(edition.id)).toEqual([]);
		expect(await subjects(ok)).toEqual([]);
		const logged = JSON.parse(String(errors.mock.calls[0]?.[0]));
		expect(logged).toMatchObject({
			level: "error",
			job: "series-announcements",
			editionId: edition.id,
			kind: "edition_announced",
		});
		expect(logged.error).toContain("injected failure");

		await env.DB.prepare("drop trigger refuse_boom").run();
		await announceAt(`${edition.year}-01-10T13:00:00Z`);

		expect(await sentKinds(edition.id)).toEqual(["edition_announced"]);
		expect(await subjects(ok)).toHaveLength(1);
		expect(await subjects(boom)).toHaveLength(1);
	});

	it("logs and skips an edition it cannot resolve (an unknown zone), and still announces the others", async () => {
		const s = await createFollowableSeries("zones");
		const broken = await createEdition(s.id);
		await env.DB.prepare("update editions set time_zone = 'Mars/Olympus_Mons' where id = ?").bind(broken.id).run();
		const fine = await createEdition(s.id);
		const email = freshEmail("zones");
		await addFollower(s.id, email);
		const errors = vi.spyOn(console, "error").mockImplementation(() => {});

		await announceAt(`${broken.year}-01-10T12:00:00Z`);

		expect(await sentKinds(broken.id)).toEqual([]);
		expect(await sentKinds(fine.id)).toEqual(["edition_announced"]);
		expect(await subjects(email)).toEqual([`${fine.name} is announced: ${octoberDates(fine.year)}`]);
		expect(errors.mock.calls.map((call) => JSON.parse(String(call[0])).editionId)).toEqual([broken.id]);
	});

	it("puts a working one-click unsubscribe link in every announcement", async () => {
		const s = await createFollowableSeries("leave");
		const edition = await createEdition(s.id);
		const email = freshEmail("leaver");
		await addFollower(s.id, email);
		await announceAt(`${edition.year}-01-10T12:00:00Z`);
		const link = await newestLink(email, `/s/${s.slug}/unfollow`);

		const res = await request(link, { method: "POST", redirect: "manual" });

		expect(res.status).toBe(200);
		expect(await followersOf(s.id)).toEqual([]);
	});
});
