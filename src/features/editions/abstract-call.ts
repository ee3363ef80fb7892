/**
 * The call for abstracts of an edition: its window (offsets from day 1, so a clone re-anchors
 * it), topics, presentation types, word limit and journal special issue. One row per edition,
 * created on first save.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { writeEditionContent } from "../../db/content-version";
import { abstractCalls } from "../../db/schema";
import { reviewedStatement } from "../../domain/copied-texts";
import { type FieldSpec, int, lines, objectOf, text, time } from "../../domain/fields";
import { AppError } from "../../lib/errors";
import { offsetMinutes } from "../../lib/offsets";

const OFFSET_HINT = "Days from the first day of the event: −180 is 180 days before.";

export const ABSTRACT_CALL_FIELDS: FieldSpec[] = [
	int("opensOffsetDays", "Submissions open (days from day 1)", {
		min: -1000,
		max: 0,
		required: true,
		hint: OFFSET_HINT,
	}),
	time("opensTime", "Open at", { fallback: "09:00" }),
	int("closesOffsetDays", "Submissions close (days from day 1)", {
		min: -1000,
		max: 0,
		required: true,
		hint: OFFSET_HINT,
	}),
	time("closesTime", "Close at", { fallback: "23:59" }),
	int("decisionsOffsetDays", "Decisions sent (days from day 1)", { min: -1000, max: 0, hint: OFFSET_HINT }),
	lines("topics", "Topics (one per line)", { maxItems: 40 }),
	lines("presentationTypes", "Presentation types (one per line)", { maxItems: 10, hint: "e.g. Oral, Poster" }),
	int("wordLimit", "Word limit", { min: 50, max: 2000, fallback: 300 }),
	text("specialIssue", "Journal special issue", {
		max: 300,
		hint: "Where selected abstracts are published, if anywhere.",
	}),
];

export const abstractCallSchema = objectOf(ABSTRACT_CALL_FIELDS);
export type AbstractCallData = Record<string, unknown>;

/** The stored call, or the defaults a new call starts from. */
export async function loadAbstractCall(db: Database, editionId: string): Promise<AbstractCallData> {
	const row = await db.select().from(abstractCalls).where(eq(abstractCalls.editionId, editionId)).get();
	const source: Record<string, unknown> = row ?? {
		opensOffsetDays: -240,
		opensTime: "09:00",
		closesOffsetDays: -100,
		closesTime: "23:59",
		decisionsOffsetDays: -60,
		topics: [],
		presentationTypes: ["Oral", "Poster"],
		wordLimit: 300,
		specialIssue: "",
	};
	return Object.fromEntries(ABSTRACT_CALL_FIELDS.map((f) => [f.name, source[f.name]]));
}

/**
 * The rules between the call's dates, shared by its editor and template documents: submissions
 * close after they open, and decisions come no earlier than the close. Field messages, or null.
 *
 * @example callDateProblems({ opensOffsetDays: -100, closesOffsetDays: -200, … }) // { closesOffsetDays: "Submissions must close after they open." }
 */
export function callDateProblems(data: AbstractCallData): Record<string, string> | null {
	const fields: Record<string, string> = {};
	if (offsetMinutes(data.closesOffsetDays, data.closesTime) <= offsetMinutes(data.opensOffsetDays, data.opensTime)) {
		fields.closesOffsetDays = "Submissions must close after they open.";
	}
	if (data.decisionsOffsetDays !== null && Number(data.decisionsOffsetDays) < Number(data.closesOffsetDays)) {
		fields.decisionsOffsetDays = "Decisions come after submissions close.";
	}
	return Object.keys(fields).length > 0 ? fields : null;
}

/** Creates or replaces the edition's call (one batch with the content version bump). */
export async function saveAbstractCall(
	db: Database,
	editionId: string,
	data: AbstractCallData,
): Promise<AbstractCallData> {
	const problems = callDateProblems(data);
	if (problems) throw new AppError(422, "invalid_call", "Some dates do not fit together.", problems);
	const row = { ...(data as Omit<typeof abstractCalls.$inferInsert, "editionId">), editionId };
	await writeEditionContent(db, editionId, [
		db.insert(abstractCalls).values(row).onConflictDoUpdate({ target: abstractCalls.editionId, set: row }),
		// Saving a copied call through its editor is its review.
		reviewedStatement(db, editionId, "abstract_calls", editionId),
	]);
	return loadAbstractCall(db, editionId);
}
