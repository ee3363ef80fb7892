/**
 * The announcements job: tells a series' confirmed followers, once per edition and kind, that a
 * new edition is public, that its call for abstracts is open and that its registration is open.
 *
 * Only published editions are announced (a draft is private; held and archived ones are over),
 * and only while the news is still useful: an edition before it ends, a call or ticket sales
 * before they close. So the first run after a deploy does not mail about editions long past.
 */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
	abstractCalls,
	type Edition,
	editions,
	series,
	seriesAnnouncements,
	seriesFollowers,
	ticketTypes,
} from "../../db/schema";
import { commitAll, readTogether } from "../../db/write";
import { endOfDay } from "../../jobs/end-of-day";
import { forEachIsolated, type JobContext, type JobOutcome, type ScheduledJob } from "../../jobs/job";
import { dateOfDay, formatDateRange } from "../../lib/dates";
import { outboxInserts } from "../../lib/mailer";
import { resolveOffset } from "../../lib/zoned-time";
import { editionUrl } from "../../urls";
import { unfollowPath, unfollowToken } from "./followers";
import { type AnnouncementKind, announcementMail, announcementText } from "./mails";

const JOB_NAME = "series-announcements";

type AnnouncedSeries = { id: string; slug: string; name: string; shortName: string };

/** A window of the edition resolved to instants: when it opens and until when it is worth telling. */
export interface Window {
	opens: Date;
	closes: Date;
}

export interface EditionFacts {
	edition: Edition;
	/** The call for abstracts, when the edition has one. */
	call: Window | null;
	/** From the earliest ticket sales opening to the latest closing, when there are ticket types. */
	sales: Window | null;
	/** Kinds already sent. */
	sent: ReadonlySet<AnnouncementKind>;
}

/**
 * The announcements due for an edition at `now` that were not sent yet, in the order a reader
 * expects them (the edition first).
 */
export function dueAnnouncements({ edition, call, sales, sent }: EditionFacts, now: Date): AnnouncementKind[] {
	const due: AnnouncementKind[] = [];
	if (edition.status !== "published") return due;
	const open = (w: Window | null) => w !== null && w.opens <= now && now < w.closes;
	if (now <= endOfDay(edition.endDate, edition.timeZone)) due.push("edition_announced");
	if (open(call)) due.push("abstracts_open");
	if (open(sales)) due.push("registration_open");
	return due.filter((kind) => !sent.has(kind));
}

/** "15 March 2025, 23:59 (Europe/Amsterdam)": a closing moment as the edition's visitors read it. */
function closingLabel(edition: Pick<Edition, "startDate" | "timeZone">, offsetDays: number, hhmm: string): string {
	const day = dateOfDay(edition.startDate, offsetDays + 1);
	return `${formatDateRange(day, day)}, ${hhmm} (${edition.timeZone})`;
}

/** A window given as offsets from day 1, resolved in the edition's zone. */
function windowOf(
	edition: Pick<Edition, "startDate" | "timeZone">,
	open: { days: number; time: string },
	close: { days: number; time: string },
): LabelledWindow {
	return {
		opens: resolveOffset(edition, open.days, open.time),
		closes: resolveOffset(edition, close.days, close.time),
		closesLabel: closingLabel(edition, close.days, close.time),
	};
}

interface LabelledWindow extends Window {
	closesLabel: string;
}

type CallRow = typeof abstractCalls.$inferSelect;
type TicketRow = typeof ticketTypes.$inferSelect;

interface Candidate {
	edition: Edition;
	series: AnnouncedSeries;
	call: CallRow | undefined;
	tickets: TicketRow[];
	sent: ReadonlySet<AnnouncementKind>;
}

type LabelledFacts = EditionFacts & { call: LabelledWindow | null; sales: LabelledWindow | null };

/** Published editions with their series, call, ticket types and sent announcements (2 round trips). */
async function loadCandidates(db: Database): Promise<Candidate[]> {
	// Inside a D1 batch drizzle maps columns by name, and editions and series share some: this
	// join runs on its own, the rest as one batch keyed by a subquery (no bound-parameter limit).
	const rows = await db
		.select({
			edition: editions,
			series: { id: series.id, slug: series.slug, name: series.name, shortName: series.shortName },
		})
		.from(editions)
		.innerJoin(series, eq(series.id, editions.seriesId))
		.where(eq(editions.status, "published"));
	if (rows.length === 0) return [];
	const published = db.select({ id: editions.id }).from(editions).where(eq(editions.status, "published"));
	const [sentRows, calls, tickets] = await readTogether(db, [
		db.select().from(seriesAnnouncements).where(inArray(seriesAnnouncements.editionId, published)),
		db.select().from(abstractCalls).where(inArray(abstractCalls.editionId, published)),
		db.select().from(ticketTypes).where(inArray(ticketTypes.editionId, published)),
	]);
	return rows.map(({ edition, series }) => ({
		edition,
		series,
		call: calls.find((c) => c.editionId === edition.id),
		tickets: tickets.filter((t) => t.editionId === edition.id),
		sent: new Set(sentRows.filter((s) => s.editionId === edition.id).map((s) => s.kind)),
	}));
}

/** The edition's windows resolved in its zone (throws on a zone Intl does not know). */
function factsOf({ edition, call, tickets, sent }: Candidate): LabelledFacts {
	const windows = tickets.map((t) =>
		windowOf(
			edition,
			{ days: t.salesOpenOffsetDays, time: t.salesOpenTime },
			{ days: t.salesCloseOffsetDays, time: t.salesCloseTime },
		),
	);
	// Registration opens with the earliest ticket type's sales and is worth telling until the last one closes.
	const earliest = windows.reduce<LabelledWindow | null>((a, w) => (a && a.opens <= w.opens ? a : w), null);
	const latest = windows.reduce<LabelledWindow | null>((a, w) => (a && a.closes >= w.closes ? a : w), null);
	return {
		edition,
		call: call
			? windowOf(
					edition,
					{ days: call.opensOffsetDays, time: call.opensTime },
					{ days: call.closesOffsetDays, time: call.closesTime },
				)
			: null,
		sales: earliest && latest ? { ...latest, opens: earliest.opens } : null,
		sent,
	};
}

/** Confirmed followers of a series with their unsubscribe links' tokens. */
async function confirmedFollowers(db: Database, seriesId: string) {
	const rows = await db
		.select({ id: seriesFollowers.id, email: seriesFollowers.email, secretHash: seriesFollowers.secretHash })
		.from(seriesFollowers)
		.where(and(eq(seriesFollowers.seriesId, seriesId), isNotNull(seriesFollowers.confirmedAt)));
	return Promise.all(rows.map(async (row) => ({ email: row.email, token: await unfollowToken(row) })));
}

/**
 * Sends every due announcement: per edition and kind one batch holding the series_announcements
 * row and one mail per confirmed follower. The row goes first, so a concurrent run that sent it
 * already makes this batch fail as a whole: nobody is mailed twice, nothing is marked unsent.
 */
export async function sendSeriesAnnouncements({ db, now, origin }: JobContext): Promise<JobOutcome> {
	const followersBySeries = new Map<string, Awaited<ReturnType<typeof confirmedFollowers>>>();
	const mailIds: string[] = [];
	let sent = 0;
	let failedSends = 0;

	async function send(candidate: Candidate, facts: LabelledFacts, kind: AnnouncementKind) {
		const { edition, series } = candidate;
		let followers = followersBySeries.get(series.id);
		if (!followers) {
			followers = await confirmedFollowers(db, series.id);
			followersBySeries.set(series.id, followers);
		}
		const closes = { abstracts_open: facts.call, registration_open: facts.sales, edition_announced: null }[kind];
		const text = announcementText({
			kind,
			series,
			edition,
			editionUrl: origin + editionUrl(series, edition),
			closes: closes?.closesLabel,
		});
		const mails = outboxInserts(
			db,
			followers.map((f) =>
				announcementMail(text, { to: f.email, series, unfollowUrl: origin + unfollowPath(series, f.token) }),
			),
		);
		await commitAll(
			db,
			[],
			[db.insert(seriesAnnouncements).values({ editionId: edition.id, kind, sentAt: now }), ...mails.statements],
		);
		mailIds.push(...mails.ids);
		sent++;
	}

	const failedEditions = await forEachIsolated(
		JOB_NAME,
		await loadCandidates(db),
		(candidate) => ({ editionId: candidate.edition.id }),
		async (candidate) => {
			const facts = factsOf(candidate);
			failedSends += await forEachIsolated(
				JOB_NAME,
				dueAnnouncements(facts, now),
				(kind) => ({ editionId: candidate.edition.id, kind }),
				(kind) => send(candidate, facts, kind),
			);
		},
	);
	return { mailIds, counts: { announcements: sent, failed: failedEditions + failedSends } };
}

export const seriesAnnouncementsJob: ScheduledJob = {
	name: JOB_NAME,
	run: sendSeriesAnnouncements,
};
