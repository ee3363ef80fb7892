/**
 * The organizer debrief of an edition: when it opens and goes out, and what an answered debrief
 * becomes: one draft handover note per answered question (private to the committee, source
 * "debrief", in the question's topic, by whoever answered), written in one batch. The notes' search
 * index follows by trigger. Feature functions take a db handle and plain values; no HTTP here.
 */
import { and, count, eq, not, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { insertIf } from "../../db/insert-if";
import { type Edition, handoverNotes } from "../../db/schema";
import { type Change, commit } from "../../db/write";
import { markdown, objectOf } from "../../domain/fields";
import { endOfDay } from "../../jobs/end-of-day";
import { dateOfDay } from "../../lib/dates";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { zonedInstant } from "../../lib/zoned-time";
import { DEBRIEF_PROMPTS } from "./prompts";

/** The debrief goes out this many days after the event's last day… */
export const DEBRIEF_DELAY_DAYS = 2;
/** …at this local time, in the edition's zone. */
export const DEBRIEF_TIME = "09:00";
/** After this many days the mail is no longer sent (the page stays open): late news is no news. */
export const DEBRIEF_WINDOW_DAYS = 28;

/**
 * When the debrief mail is due: 09:00 two days after the last day, in the edition's zone.
 *
 * @example debriefMoment({ endDate: "2023-10-11", timeZone: "Europe/Amsterdam" }) // 2023-10-13T07:00:00Z
 */
export function debriefMoment(edition: Pick<Edition, "endDate" | "timeZone">): Date {
	return zonedInstant(edition.timeZone, dateOfDay(edition.endDate, 1 + DEBRIEF_DELAY_DAYS), DEBRIEF_TIME);
}

/** The debrief can be answered once the event's last day is over in its zone. */
export const debriefOpen = (edition: Pick<Edition, "endDate" | "timeZone">, now: Date) =>
	endOfDay(edition.endDate, edition.timeZone) < now;

const ANSWER_MAX = 10_000;

/** The debrief form's fields: one optional Markdown answer per question. */
export const DEBRIEF_FIELDS = DEBRIEF_PROMPTS.map((p) =>
	markdown(p.key, p.prompt, { max: ANSWER_MAX, hint: `Becomes a draft note on ${p.noteTitle.toLowerCase()}.` }),
);

export const debriefSchema = objectOf(DEBRIEF_FIELDS);

export interface DebriefInput {
	edition: Pick<Edition, "id" | "seriesId" | "endDate" | "timeZone">;
	authorId: string;
	/** The validated form: answers by prompt key (blank ones are skipped). */
	answers: Record<string, unknown>;
	now?: Date;
}

/**
 * Turns an answered debrief into draft handover notes in one batch and returns how many were
 * created. Answering the same question with the same text again (a double post) adds nothing.
 * 422 before the event is over, or when no question is answered. Authorization is the caller's.
 */
export async function submitDebrief(db: Database, input: DebriefInput): Promise<{ created: number }> {
	const { edition, authorId, now = new Date() } = input;
	if (!debriefOpen(edition, now)) {
		throw new AppError(422, "debrief_not_open", "The debrief opens when the event's last day is over.");
	}
	const answered = DEBRIEF_PROMPTS.flatMap((prompt) => {
		const answer = String(input.answers[prompt.key] ?? "").trim();
		return answer ? [{ prompt, answer }] : [];
	});
	const notes = answered.map(({ prompt, answer }) => {
		const same = and(
			eq(handoverNotes.editionId, edition.id),
			eq(handoverNotes.authorId, authorId),
			eq(handoverNotes.source, "debrief"),
			eq(handoverNotes.topic, prompt.topic),
			eq(handoverNotes.body, answer),
		);
		const row = {
			id: newId(),
			seriesId: edition.seriesId,
			editionId: edition.id,
			topic: prompt.topic,
			title: prompt.noteTitle,
			body: answer,
			tags: ["debrief"],
			visibility: "private" as const,
			source: "debrief" as const,
			authorId,
			createdAt: now,
			updatedAt: now,
		};
		const insert = insertIf(db, handoverNotes, row, not(sql`exists (select 1 from ${handoverNotes} where ${same})`));
		return { row, insert: insert.returning({ id: handoverNotes.id }) };
	});
	const [first, ...rest] = notes.map((note) => note.insert);
	if (!first) {
		const fields = { [DEBRIEF_PROMPTS[0]?.key ?? "_"]: "Answer at least one question." };
		throw new AppError(422, "debrief_empty", "Answer at least one question.", fields);
	}
	// One entry per note actually written: an answer already saved as a note (sent twice) adds none.
	const changes: Change[] = notes.map(({ row }, i) => ({
		action: "debrief.answers.saved",
		id: row.id,
		editionId: edition.id,
		seriesId: edition.seriesId,
		after: { topic: row.topic, title: row.title, body: row.body },
		of: i,
	}));
	const results = await commit(db, changes, [first, ...rest]);
	return { created: results.reduce((sum, rows) => sum + rows.length, 0) };
}

/** How many draft notes the edition's debrief has produced so far. */
export async function debriefNoteCount(db: Database, editionId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(handoverNotes)
		.where(and(eq(handoverNotes.editionId, editionId), eq(handoverNotes.source, "debrief")));
	return row?.n ?? 0;
}
