/**
 * What a clone leaves for the new committee to decide, shown in its preview beside the dates:
 *
 * - "Needs a decision": copied named-lecture slots (a clone never copies the lecturer, who is a
 *   talk with its speaker, so every slot arrives empty) and copied ticket types without a price
 *   (0 may mean free or not priced yet). They never block the clone; each links to where it is
 *   fixed once copied.
 * - Past tasks: copied checklist tasks whose due day (the new day 1 plus the offset) has ended in
 *   the new edition's zone. Left open they would open the new dashboard as overdue, so each gets a
 *   choice (open, done, skipped) that is written with the clone in its one batch.
 */
import { CHECKLIST_STATUSES, type Edition } from "../../db/schema";
import { endOfDay } from "../../jobs/end-of-day";
import { dateOfDay } from "../../lib/dates";
import { collectionUrl, programUrl } from "../../urls";
import type { EditionRows } from "./edition-parts";

type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** How a past task lands in the new edition: any status a task can have. */
export const TASK_CHOICES = CHECKLIST_STATUSES;
export type TaskChoice = ChecklistStatus;

export interface NeedsDecision {
	kind: "lecture_without_lecturer" | "ticket_without_price";
	/** The copied row as the preview names it: "Day 2, 11:00: Willem Vaalburg lecture 2027". */
	label: string;
	/** What is undecided: "no lecturer yet", "no price yet: free?". */
	problem: string;
	/** Where it is fixed in the new edition once copied. */
	href: string;
}

/** Every copied lecture slot (always without a lecturer) and every copied ticket priced 0. */
export function needsDecisionOf(target: Pick<Edition, "id">, rows: EditionRows): NeedsDecision[] {
	return [
		...rows.sessions
			.filter((s) => s.namedLectureId)
			.map((s) => ({
				kind: "lecture_without_lecturer" as const,
				label: `Day ${s.day}, ${s.startTime}: ${s.title}`,
				problem: "no lecturer yet",
				href: programUrl(target.id),
			})),
		...rows.ticketTypes
			.filter((t) => (t.priceCents ?? 0) === 0)
			.map((t) => ({
				kind: "ticket_without_price" as const,
				label: t.name,
				problem: "no price yet: free?",
				href: collectionUrl(target.id, { key: "ticket-types" }),
			})),
	];
}

export interface PastTask {
	/** The source task's id: what a choice names it by (the copy's id is new on every plan). */
	key: string;
	title: string;
	/** `YYYY-MM-DD`, the new due day (day 1 plus the task's offset). */
	dueDate: string;
	/** The task's status in the source edition. */
	sourceStatus: ChecklistStatus;
	/** The choice offered first. */
	suggested: TaskChoice;
}

/**
 * The suggestion for a task that is already past in the new edition: what the previous committee
 * did with it. A task they did done was a real step that, this late, has almost always been taken
 * already (the venue booked with the proposal, the lecturers invited early), so "done"; one they
 * skipped did not apply to them either, so "skipped"; one they left open stays open, so nobody
 * loses a task that may still matter.
 */
const suggestionFor = (sourceStatus: ChecklistStatus): TaskChoice => sourceStatus;

/**
 * The copied tasks whose due day has ended in the target's zone at `now` (as the checklist's
 * "overdue" counts), in the copy's order. `sourceIds` pairs each copied task with its source row.
 */
export function pastTasksOf(
	target: Pick<Edition, "startDate" | "timeZone">,
	rows: Pick<EditionRows, "checklistTasks">,
	sourceIds: readonly string[],
	sourceStatuses: ReadonlyMap<string, ChecklistStatus>,
	now: Date,
): PastTask[] {
	return rows.checklistTasks.flatMap((task, i) => {
		const key = sourceIds[i];
		const dueDate = dateOfDay(target.startDate, task.dueOffsetDays + 1);
		if (key === undefined || endOfDay(dueDate, target.timeZone) >= now) return [];
		const sourceStatus = sourceStatuses.get(key) ?? "open";
		return [{ key, title: task.title, dueDate, sourceStatus, suggested: suggestionFor(sourceStatus) }];
	});
}

/** A choice for every past task not named in `choices`: as the suggestion, or one status for all. */
export type PastTasksDefault = TaskChoice | "suggested";

/**
 * The rows with each past task's chosen status; a key that is not a past task is a field problem
 * (`pastTasks.<key>`). A task marked done keeps no `doneAt`: when it was really done is unknown,
 * and the next committee's "done at T−n" must not learn a clone's moment.
 */
export function applyTaskChoices(
	rows: EditionRows,
	sourceIds: readonly string[],
	past: readonly PastTask[],
	choices: Readonly<Record<string, TaskChoice>>,
	fallback: PastTasksDefault,
	targetName: string,
): { rows: EditionRows; problems: Record<string, string> } {
	const byKey = new Map(past.map((task) => [task.key, task]));
	const problems: Record<string, string> = {};
	for (const key of Object.keys(choices)) {
		if (!byKey.has(key)) problems[`pastTasks.${key}`] = `This is not a copied task already due in ${targetName}.`;
	}
	const checklistTasks = rows.checklistTasks.map((task, i) => {
		const pastTask = byKey.get(sourceIds[i] ?? "");
		if (!pastTask) return task;
		const status = choices[pastTask.key] ?? (fallback === "suggested" ? pastTask.suggested : fallback);
		return { ...task, status, doneAt: null };
	});
	return { rows: { ...rows, checklistTasks }, problems };
}
