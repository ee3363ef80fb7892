/**
 * The checklist reminders job: for every edition not archived, open tasks due within the next
 * 7 days (or overdue) and never reminded are mailed to their owners, one mail per person per
 * edition listing that person's tasks. The mails and the tasks' reminder_sent_at go in one
 * batch behind a guard that none of the tasks was reminded meanwhile, so each task is reminded
 * once even when two runs overlap, and never marked without its mail.
 */
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { chunked, MAX_BOUND_PARAMETERS } from "../../db/batching";
import type { Database } from "../../db/client";
import { checklistTasks, editionMembers, editions, users } from "../../db/schema";
import { forEachIsolated, type JobContext, type JobOutcome, type ScheduledJob } from "../../jobs/job";
import { mailOnce, stillUndone } from "../../jobs/once";
import { dateOfDay, formatDateRange } from "../../lib/dates";
import type { MailMessage } from "../../lib/mailer";
import { checklistTimelineUrl } from "../../urls";
import { type ChecklistTask, type CommitteeMember, dueDateOf, dueMomentOf, ownersOf, timelineLabel } from "./timeline";

const JOB_NAME = "checklist-reminders";

/** How far ahead a task counts as due. */
export const REMINDER_HORIZON_DAYS = 7;

type ReminderEdition = { id: string; name: string; startDate: string; timeZone: string };

interface DueTask {
	task: ChecklistTask;
	dueDate: string;
	overdue: boolean;
	/** The task's role had nobody, so the chairs got it. */
	fallback: boolean;
}

/**
 * Open, never reminded tasks of editions not archived whose due day is at most the horizon's UTC
 * day + 1: a coarse cut in SQL (no zone is more than 14 hours from UTC) that the exact check in
 * the edition's zone then narrows.
 */
function candidateTasks(db: Database, horizon: Date) {
	// Day 2 counted from the horizon's UTC day: the day after it.
	const lastDay = dateOfDay(horizon.toISOString().slice(0, 10), 2);
	return db
		.select({
			task: checklistTasks,
			edition: { id: editions.id, name: editions.name, startDate: editions.startDate, timeZone: editions.timeZone },
		})
		.from(checklistTasks)
		.innerJoin(editions, eq(editions.id, checklistTasks.editionId))
		.where(
			and(
				ne(editions.status, "archived"),
				eq(checklistTasks.status, "open"),
				isNull(checklistTasks.reminderSentAt),
				sql`date(${editions.startDate}, ${checklistTasks.dueOffsetDays} || ' days') <= ${lastDay}`,
			),
		)
		.orderBy(asc(checklistTasks.dueOffsetDays), asc(checklistTasks.position), asc(checklistTasks.title));
}

/** The committees of these editions, by edition (chunked under D1's bound-parameter limit). */
export async function committeesOf(db: Database, editionIds: string[]): Promise<Map<string, CommitteeMember[]>> {
	const byEdition = new Map<string, CommitteeMember[]>();
	for (const ids of chunked(editionIds, MAX_BOUND_PARAMETERS)) {
		const rows = await db
			.select({
				editionId: editionMembers.editionId,
				userId: editionMembers.userId,
				name: users.name,
				email: users.email,
				role: editionMembers.role,
				mentorUntil: editionMembers.mentorUntil,
			})
			.from(editionMembers)
			.innerJoin(users, eq(users.id, editionMembers.userId))
			.where(inArray(editionMembers.editionId, ids));
		for (const { editionId, ...member } of rows)
			byEdition.set(editionId, [...(byEdition.get(editionId) ?? []), member]);
	}
	return byEdition;
}

export function reminderMail(
	edition: ReminderEdition,
	to: CommitteeMember,
	tasks: readonly DueTask[],
	origin: string,
): MailMessage {
	const lines = tasks.map(({ task, dueDate, overdue, fallback }) => {
		const when = `due ${formatDateRange(dueDate, dueDate)} (${timelineLabel(task.dueOffsetDays)})${overdue ? ", OVERDUE" : ""}`;
		const whose = fallback ? ` [a task for the ${task.ownerRole}s; the committee has none, so it is the chairs']` : "";
		return `- ${task.title}: ${when}${whose}`;
	});
	const count = tasks.length === 1 ? "1 checklist task" : `${tasks.length} checklist tasks`;
	return {
		to: to.email,
		subject: `${edition.name}: ${count} due`,
		editionId: edition.id,
		text: `Hello ${to.name},\n\nthese tasks of ${edition.name} are yours and due within a week, or overdue:\n\n${lines.join("\n")}\n\nThe checklist: ${origin}${checklistTimelineUrl(edition)}\nMark a task done there when it is done, so the next committee knows when it was done.\n\nYou get this reminder once per task.\n\n— Baton`,
	};
}

/**
 * Guards that fail the batch if another run reminded any of these tasks first, chunked under
 * D1's bound-parameter limit (the guard binds one value of its own).
 */
function noneReminded(db: Database, taskIds: string[]): BatchItem<"sqlite">[] {
	return chunked(taskIds, MAX_BOUND_PARAMETERS - 1).map((ids) =>
		stillUndone(
			db,
			sql`not exists (select 1 from ${checklistTasks} where ${inArray(checklistTasks.id, ids)} and ${checklistTasks.reminderSentAt} is not null)`,
		),
	);
}

/** The update that marks tasks reminded, chunked under D1's bound-parameter limit (one is `now`). */
function markReminded(db: Database, taskIds: string[], now: Date): BatchItem<"sqlite">[] {
	return chunked(taskIds, MAX_BOUND_PARAMETERS - 1).map((ids) =>
		db
			.update(checklistTasks)
			.set({ reminderSentAt: now })
			.where(and(inArray(checklistTasks.id, ids), isNull(checklistTasks.reminderSentAt))),
	);
}

export async function sendChecklistReminders({ db, now, origin }: JobContext): Promise<JobOutcome> {
	const horizon = new Date(now.getTime() + REMINDER_HORIZON_DAYS * 86_400_000);
	const rows = await candidateTasks(db, horizon);
	const byEdition = new Map<string, { edition: ReminderEdition; tasks: ChecklistTask[] }>();
	for (const { task, edition } of rows) {
		const entry = byEdition.get(edition.id) ?? { edition, tasks: [] };
		entry.tasks.push(task);
		byEdition.set(edition.id, entry);
	}
	const committees = await committeesOf(db, [...byEdition.keys()]);
	const mailIds: string[] = [];
	let reminded = 0;
	let meanwhile = 0;
	const failed = await forEachIsolated(
		JOB_NAME,
		[...byEdition.values()],
		({ edition }) => ({ editionId: edition.id }),
		async ({ edition, tasks }) => {
			const members = committees.get(edition.id) ?? [];
			const perRecipient = new Map<string, { member: CommitteeMember; tasks: DueTask[] }>();
			const mailed: string[] = [];
			for (const task of tasks) {
				const due = dueMomentOf(edition, task);
				if (due > horizon) continue;
				const owners = ownersOf(task, members, now);
				// Without a chair nobody can act on it; it stays unreminded until the committee has one.
				if (owners.members.length === 0) continue;
				const entry: DueTask = {
					task,
					dueDate: dueDateOf(edition, task),
					overdue: due < now,
					fallback: owners.fallback,
				};
				for (const member of owners.members) {
					const recipient = perRecipient.get(member.userId) ?? { member, tasks: [] };
					recipient.tasks.push(entry);
					perRecipient.set(member.userId, recipient);
				}
				mailed.push(task.id);
			}
			if (mailed.length === 0) return;
			const ids = await mailOnce(
				db,
				[...noneReminded(db, mailed), ...markReminded(db, mailed, now)],
				[...perRecipient.values()].map((r) => reminderMail(edition, r.member, r.tasks, origin)),
			);
			if (!ids) {
				meanwhile++;
				return;
			}
			mailIds.push(...ids);
			reminded += mailed.length;
		},
	);
	return { mailIds, counts: { tasks: reminded, mails: mailIds.length, remindedMeanwhile: meanwhile, failed } };
}

export const checklistRemindersJob: ScheduledJob = { name: JOB_NAME, run: sendChecklistReminders };
