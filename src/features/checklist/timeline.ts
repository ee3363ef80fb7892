/**
 * The checklist as a timeline: every task's due date resolved from its offset (the end of that
 * day in the edition's zone), who owns it, whether it is overdue, and when a done task was done
 * relative to the event ("done at T−9 months"), which is what the next committee plans by.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { checklistTasks, type Edition } from "../../db/schema";
import { readTogether } from "../../db/write";
import { endOfDay } from "../../jobs/end-of-day";
import { dateOfDay, dayCount } from "../../lib/dates";
import { wallClock } from "../../lib/zoned-time";
import { type CommitteeMember as FullMember, listCommittee } from "../committees";

export type ChecklistTask = typeof checklistTasks.$inferSelect;

/** What the owner rule needs of a committee member (the committee list has more). */
export type CommitteeMember = Pick<FullMember, "userId" | "name" | "email" | "role" | "mentorUntil">;

export interface Owners {
	members: CommitteeMember[];
	/** True when nobody holds the task's role, so it falls to the chairs. */
	fallback: boolean;
}

/**
 * Who owns a task: every committee member whose role is the task's owner role (a mentor only
 * while mentoring), or the chairs when there is none. Mentorship ends by the UTC day, as in the
 * policy.
 */
export function ownersOf(
	task: Pick<ChecklistTask, "ownerRole">,
	members: readonly CommitteeMember[],
	now: Date,
): Owners {
	const today = now.toISOString().slice(0, 10);
	const active = members.filter((m) => m.role !== "mentor" || (m.mentorUntil !== null && today <= m.mentorUntil));
	const holders = active.filter((m) => m.role === task.ownerRole);
	if (holders.length > 0 || task.ownerRole === "chair") return { members: holders, fallback: false };
	return { members: active.filter((m) => m.role === "chair"), fallback: true };
}

/** The calendar day a task is due: day 1 plus its offset. */
export const dueDateOf = (edition: Pick<Edition, "startDate">, task: Pick<ChecklistTask, "dueOffsetDays">) =>
	dateOfDay(edition.startDate, task.dueOffsetDays + 1);

/** The last moment a task is on time: the end of its due day in the edition's zone. */
export const dueMomentOf = (
	edition: Pick<Edition, "startDate" | "timeZone">,
	task: Pick<ChecklistTask, "dueOffsetDays">,
): Date => endOfDay(dueDateOf(edition, task), edition.timeZone);

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
const AVERAGE_MONTH_DAYS = 365.25 / 12;

/**
 * How a committee names a moment relative to day 1: days close by, whole weeks up to two
 * months, months beyond.
 *
 * @example timelineLabel(-365) // "T−12 months"
 * @example timelineLabel(-42) // "T−6 weeks"
 * @example timelineLabel(3) // "T+3 days"
 */
export function timelineLabel(days: number): string {
	if (days === 0) return "T (day 1)";
	const sign = days < 0 ? "−" : "+";
	const n = Math.abs(days);
	if (n < 14) return `T${sign}${plural(n, "day")}`;
	if (n < 56) return n % 7 === 0 ? `T${sign}${plural(n / 7, "week")}` : `T${sign}${plural(n, "day")}`;
	return `T${sign}${plural(Math.round(n / AVERAGE_MONTH_DAYS), "month")}`;
}

export interface TimelineEntry {
	task: ChecklistTask;
	/** "T−12 months". */
	dueLabel: string;
	/** `YYYY-MM-DD`. */
	dueDate: string;
	/** Open and past the end of its due day. */
	overdue: boolean;
	owners: Owners;
	/** "T−9 months" for a done task with a known moment. */
	doneLabel: string | null;
}

/** Builds the timeline of `tasks` (already in due order) at `now`. */
export function timelineOf(
	edition: Pick<Edition, "startDate" | "timeZone">,
	tasks: readonly ChecklistTask[],
	members: readonly CommitteeMember[],
	now: Date,
): TimelineEntry[] {
	return tasks.map((task) => ({
		task,
		dueLabel: timelineLabel(task.dueOffsetDays),
		dueDate: dueDateOf(edition, task),
		overdue: task.status === "open" && dueMomentOf(edition, task) < now,
		owners: ownersOf(task, members, now),
		doneLabel: doneLabelOf(edition, task),
	}));
}

/**
 * When a done task was done, in days from day 1 (negative before it), counting the calendar day
 * of `done_at` in the edition's zone; null for a task not done or without a moment.
 */
export function doneOffsetOf(
	edition: Pick<Edition, "startDate" | "timeZone">,
	task: Pick<ChecklistTask, "status" | "doneAt">,
): number | null {
	if (task.status !== "done" || !task.doneAt) return null;
	return dayCount(edition.startDate, wallClock(task.doneAt, edition.timeZone).date) - 1;
}

/** "T−9 months" for a done task with a known moment, else null. */
export function doneLabelOf(
	edition: Pick<Edition, "startDate" | "timeZone">,
	task: Pick<ChecklistTask, "status" | "doneAt">,
): string | null {
	const offset = doneOffsetOf(edition, task);
	return offset === null ? null : timelineLabel(offset);
}

/** The checklist timeline of an edition at `now`, in due order (one batch of 2). */
export async function loadChecklistTimeline(
	db: Database,
	edition: Pick<Edition, "id" | "startDate" | "timeZone">,
	now = new Date(),
): Promise<TimelineEntry[]> {
	const [tasks, members] = await readTogether(db, [
		db
			.select()
			.from(checklistTasks)
			.where(eq(checklistTasks.editionId, edition.id))
			.orderBy(asc(checklistTasks.dueOffsetDays), asc(checklistTasks.position), asc(checklistTasks.title)),
		listCommittee(db, edition.id),
	]);
	return timelineOf(edition, tasks, members, now);
}
