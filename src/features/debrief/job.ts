/**
 * The debrief job: two days after an edition's last day (09:00 in its zone) its chairs and
 * organizers get one mail with the link to the debrief, once per edition. The mails and
 * editions.debrief_sent_at go in one batch behind a guard that the debrief is still unsent, so two
 * overlapping runs send it once and nothing is marked without its mails. Archived editions are
 * skipped, and so is an edition whose debrief day is more than four weeks past (the first run after
 * a deploy does not mail about events long over).
 */
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Edition, editions } from "../../db/schema";
import { dueWithinGrace, graceDayRange } from "../../jobs/catch-up";
import { forEachIsolated, type JobContext, type JobOutcome, type ScheduledJob } from "../../jobs/job";
import { mailOnce, stillUndone } from "../../jobs/once";
import { formatDateRange } from "../../lib/dates";
import type { MailMessage } from "../../lib/mailer";
import { debriefUrl } from "../../urls";
import type { CommitteeMember } from "../checklist";
import { committeesOf } from "../checklist";
import { DEBRIEF_DELAY_DAYS, DEBRIEF_WINDOW_DAYS, debriefMoment } from "./debrief";
import { DEBRIEF_PROMPTS } from "./prompts";

const JOB_NAME = "organizer-debrief";

type DebriefEdition = Pick<Edition, "id" | "name" | "startDate" | "endDate" | "timeZone">;

/** Who is asked: the chairs and organizers (reviewers and mentors were not running the event). */
const ASKED_ROLES: ReadonlySet<string> = new Set(["chair", "organizer"]);

/**
 * Editions not archived and not debriefed whose debrief day (last day + 2) lies between the
 * window's first UTC day and tomorrow (UTC); the exact moment in the zone narrows it.
 */
function candidates(db: Database, now: Date): Promise<DebriefEdition[]> {
	const { first, last } = graceDayRange(now, DEBRIEF_WINDOW_DAYS);
	const debriefDay = sql`date(${editions.endDate}, ${`+${DEBRIEF_DELAY_DAYS} days`})`;
	return db
		.select({
			id: editions.id,
			name: editions.name,
			startDate: editions.startDate,
			endDate: editions.endDate,
			timeZone: editions.timeZone,
		})
		.from(editions)
		.where(
			and(
				ne(editions.status, "archived"),
				isNull(editions.debriefSentAt),
				sql`${debriefDay} between ${first} and ${last}`,
			),
		)
		.orderBy(asc(editions.endDate), asc(editions.id));
}

/** Due at `now`: the debrief moment has come, and not more than the window ago. */
export function debriefDue(edition: Pick<Edition, "endDate" | "timeZone">, now: Date): boolean {
	return dueWithinGrace(debriefMoment(edition), now, DEBRIEF_WINDOW_DAYS);
}

export function debriefMail(
	edition: DebriefEdition,
	to: Pick<CommitteeMember, "name" | "email">,
	origin: string,
): MailMessage {
	const questions = DEBRIEF_PROMPTS.map((p) => `- ${p.prompt}`).join("\n");
	return {
		to: to.email,
		subject: `${edition.name} is over: your debrief for the next committee`,
		editionId: edition.id,
		text: `Hello ${to.name},\n\n${edition.name} (${formatDateRange(edition.startDate, edition.endDate)}) is over. While it is fresh, take ten minutes for the debrief: ${DEBRIEF_PROMPTS.length} short questions, answer the ones you can.\n\n${questions}\n\nThe debrief: ${origin}${debriefUrl(edition.id)}\n\nEach answer becomes a draft handover note, private to the committee until you share it with the committees after you.\n\n— Baton`,
	};
}

export async function sendDebriefs({ db, now, origin }: JobContext): Promise<JobOutcome> {
	const due = (await candidates(db, now)).filter((edition) => debriefDue(edition, now));
	const committees = await committeesOf(
		db,
		due.map((e) => e.id),
	);
	const mailIds: string[] = [];
	let sent = 0;
	let meanwhile = 0;
	const failed = await forEachIsolated(
		JOB_NAME,
		due,
		(edition) => ({ editionId: edition.id }),
		async (edition) => {
			const asked = (committees.get(edition.id) ?? []).filter((m) => ASKED_ROLES.has(m.role));
			// Nobody to ask: it waits (within the window) for the committee to get a chair or organizer.
			if (asked.length === 0) return;
			const ids = await mailOnce(
				db,
				[
					stillUndone(
						db,
						sql`exists (select 1 from ${editions} where ${editions.id} = ${edition.id} and ${editions.debriefSentAt} is null)`,
					),
					db.update(editions).set({ debriefSentAt: now }).where(eq(editions.id, edition.id)),
				],
				asked.map((member) => debriefMail(edition, member, origin)),
			);
			if (!ids) {
				meanwhile++;
				return;
			}
			mailIds.push(...ids);
			sent++;
		},
	);
	return { mailIds, counts: { debriefs: sent, mails: mailIds.length, sentMeanwhile: meanwhile, failed } };
}

export const debriefJob: ScheduledJob = { name: JOB_NAME, run: sendDebriefs };
