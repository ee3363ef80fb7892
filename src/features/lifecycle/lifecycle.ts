/**
 * The edition lifecycle: draft (committee only) → published → held → archived (read-only), by
 * explicit actions, with one way back (a published edition may return to draft). Publishing runs
 * the go-live checks first and names every problem that blocks it. Feature functions take a db
 * handle and plain values; they know nothing of HTTP.
 */
import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { writeEditionContent } from "../../db/content-version";
import { abstractCalls, type Edition, type EditionStatus, editions, pages, ticketTypes } from "../../db/schema";
import { readTogether } from "../../db/write";
import { dayCount, isIsoDate } from "../../lib/dates";
import { AppError } from "../../lib/errors";
import { offsetMinutes } from "../../lib/offsets";
import { type ReviewSource, type UnreviewedCopy, unreviewedCopies } from "./review-sources";
import { hitMessage, type StaleFactHit, staleFactHits } from "./stale-facts";

interface TransitionRule {
	from: EditionStatus;
	to: EditionStatus;
	/** Why the action cannot be taken from another status. */
	refusal: string;
}

/** Every status change there is, by the name of its action. */
export const TRANSITIONS = {
	publish: { from: "draft", to: "published", refusal: "Only a draft can be published." },
	unpublish: { from: "published", to: "draft", refusal: "Only a published edition can go back to draft." },
	hold: { from: "published", to: "held", refusal: "Only a published edition can be marked as held." },
	archive: { from: "held", to: "archived", refusal: "Only a held edition can be archived: mark it as held first." },
} as const satisfies Record<string, TransitionRule>;

export type Transition = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];

/** The actions open to an edition in `status`, in the order the console offers them. */
export const transitionsFrom = (status: EditionStatus): Transition[] =>
	TRANSITION_NAMES.filter((name) => TRANSITIONS[name].from === status);

/** The slug of the page that fills the subsite's home page. */
export const HOME_PAGE_SLUG = "home";

/** What the go-live checks read of an edition. */
export type GoLiveEdition = Parameters<typeof staleFactHits>[1];

/** The go-live checks in full: the problems, and the stale-fact hits and unreviewed copies behind some of them. */
export interface GoLiveReport {
	/** What blocks publishing, one field per problem; empty when ready. */
	problems: Record<string, string>;
	/** Every stale-fact hit, those marked "right as it is" included (they do not block). */
	hits: StaleFactHit[];
	unreviewed: UnreviewedCopy[];
}

/**
 * What blocks publishing, as `{ field: message }` (empty when ready): the settings and dates
 * checks (`settingsProblems`), every stale-fact hit nobody marked right as it is
 * (`staleFacts.<hit key>`), and every copied text nobody reviewed (`copiedTexts.<key>`).
 * `reviewSource` lists the copies (the clone's review marks; see review-sources.ts).
 */
export async function goLiveReport(
	db: Database,
	edition: GoLiveEdition & Pick<Edition, "startDate" | "endDate" | "venueName" | "city">,
	reviewSource: ReviewSource = unreviewedCopies,
): Promise<GoLiveReport> {
	const [problems, hits, unreviewed] = await Promise.all([
		settingsProblems(db, edition),
		staleFactHits(db, edition),
		reviewSource(db, edition.id),
	]);
	for (const hit of hits) if (!hit.accepted) problems[`staleFacts.${hit.key}`] = hitMessage(hit);
	for (const copy of unreviewed) {
		problems[`copiedTexts.${copy.key}`] = `${copy.label} was copied from another edition and nobody reviewed it yet.`;
	}
	return { problems, hits, unreviewed };
}

/** What blocks publishing, one field per problem (see `goLiveReport`). */
export async function goLiveProblems(
	db: Database,
	edition: Parameters<typeof goLiveReport>[1],
): Promise<Record<string, string>> {
	return (await goLiveReport(db, edition)).problems;
}

/**
 * The checks of the edition's settings: dates, venue, a published home page, ticket sales inside
 * the event's dates, and a call for abstracts that closes and decides before day 1. Offsets count
 * from day 1 (src/README.md, "Time"). One batch of 3 reads.
 */
async function settingsProblems(
	db: Database,
	edition: Pick<Edition, "id" | "startDate" | "endDate" | "venueName" | "city">,
): Promise<Record<string, string>> {
	const problems: Record<string, string> = {};
	const [homePage, tickets, call] = await readTogether(db, [
		db
			.select({ id: pages.id })
			.from(pages)
			.where(and(eq(pages.editionId, edition.id), eq(pages.slug, HOME_PAGE_SLUG), eq(pages.published, true))),
		db.select().from(ticketTypes).where(eq(ticketTypes.editionId, edition.id)).orderBy(ticketTypes.position),
		db.select().from(abstractCalls).where(eq(abstractCalls.editionId, edition.id)),
	]);

	const datesSet = isIsoDate(edition.startDate) && isIsoDate(edition.endDate);
	if (!isIsoDate(edition.startDate)) problems.startDate = "Set the first day of the event.";
	if (!isIsoDate(edition.endDate)) problems.endDate = "Set the last day of the event.";
	else if (datesSet && edition.endDate < edition.startDate)
		problems.endDate = "The last day comes before the first day.";
	if (!edition.venueName.trim()) problems.venueName = "Name the venue.";
	if (!edition.city.trim()) problems.city = "Name the city.";
	if (homePage.length === 0) {
		problems.homePage = `Publish a page with the address “${HOME_PAGE_SLUG}”: it fills the site's home page.`;
	}

	// The offset of the last day from day 1; without valid dates the windows cannot be judged.
	const lastDay =
		datesSet && edition.endDate >= edition.startDate ? dayCount(edition.startDate, edition.endDate) - 1 : null;
	for (const ticket of tickets) {
		const open = offsetMinutes(ticket.salesOpenOffsetDays, ticket.salesOpenTime);
		const close = offsetMinutes(ticket.salesCloseOffsetDays, ticket.salesCloseTime);
		if (open >= close) {
			problems[`ticketTypes.${ticket.id}.salesOpenOffsetDays`] =
				`“${ticket.name}”: ticket sales open after they close.`;
		}
		if (lastDay !== null && ticket.salesCloseOffsetDays > lastDay) {
			problems[`ticketTypes.${ticket.id}.salesCloseOffsetDays`] =
				`“${ticket.name}”: ticket sales close after the last day of the event.`;
		}
	}

	const [abstractCall] = call;
	if (abstractCall) {
		const { opensOffsetDays, opensTime, closesOffsetDays, closesTime, decisionsOffsetDays } = abstractCall;
		if (offsetMinutes(opensOffsetDays, opensTime) >= offsetMinutes(closesOffsetDays, closesTime)) {
			problems["abstractCall.opensOffsetDays"] = "The call for abstracts opens after it closes.";
		}
		if (closesOffsetDays >= 0) {
			problems["abstractCall.closesOffsetDays"] = "The call for abstracts must close before day 1.";
		}
		if (decisionsOffsetDays !== null) {
			if (decisionsOffsetDays < closesOffsetDays) {
				problems["abstractCall.decisionsOffsetDays"] = "Decisions on abstracts come before the call closes.";
			} else if (decisionsOffsetDays >= 0) {
				problems["abstractCall.decisionsOffsetDays"] = "Decisions on abstracts must be sent before day 1.";
			}
		}
	}
	return problems;
}

/**
 * Takes one lifecycle action: 422 when the edition's status does not allow it, or, for publish,
 * when the go-live checks find problems (each one a field of the error); nothing is written then.
 * The status changes together with the content version (the pages show the status), and a change
 * of what is public bumps the series' other editions too: their banners name the newest edition.
 */
export async function changeStatus(
	db: Database,
	edition: Parameters<typeof goLiveReport>[1] & Pick<Edition, "status">,
	transition: Transition,
): Promise<EditionStatus> {
	const rule = TRANSITIONS[transition];
	if (edition.status !== rule.from) {
		throw new AppError(422, "invalid_transition", `${rule.refusal} This edition is ${edition.status}.`);
	}
	if (transition === "publish") {
		const problems = await goLiveProblems(db, edition);
		if (Object.keys(problems).length > 0) {
			throw new AppError(422, "not_ready", "This edition cannot be published yet.", problems);
		}
	}
	const publicChanges = rule.from === "draft" || rule.to === "draft";
	const [changed] = await writeEditionContent(db, edition.id, [
		// Only from the status just checked, so two racing actions cannot both apply.
		db
			.update(editions)
			.set({ status: rule.to })
			.where(and(eq(editions.id, edition.id), eq(editions.status, rule.from)))
			.returning({ status: editions.status }),
		...(publicChanges ? [bumpSiblings(db, edition)] : []),
	]);
	if (!Array.isArray(changed) || changed.length === 0) {
		throw new AppError(409, "status_changed", "Someone changed this edition's status meanwhile. Reload and try again.");
	}
	return rule.to;
}

/** The other editions of the series: their pages name the series' newest public edition. */
function bumpSiblings(db: Database, edition: Pick<Edition, "id" | "seriesId">) {
	return db
		.update(editions)
		.set({ contentVersion: sql`${editions.contentVersion} + 1` })
		.where(and(eq(editions.seriesId, edition.seriesId), ne(editions.id, edition.id)));
}
