/**
 * Demo data of how AINM 2023 was organized, beyond its checklist (./ainm-site.ts): the organizer
 * reminders its committee had (all sent, at the moments the scheduler would have sent them: the
 * event is past), when its debrief went out, and one default task it skipped, so the next
 * committee's suggested checklist shows a skipped task. The reminders and the skipped task are our
 * illustration around the facts of ../../../shared/seed-facts.md. Ids are fixed, so seeding again
 * updates these rows instead of adding copies.
 */

import type { checklistTasks, organizerReminders, outbox } from "../../db/schema";
import { debriefMoment } from "../../features/debrief/debrief";
import { reminderMoment } from "../../features/organizer-reminders/moments";
import { ainm2023, EDITION_ID } from "./ainm";
import { ainm2023AbstractCall } from "./ainm-site";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

const call = {
	opensOffsetDays: ainm2023AbstractCall.opensOffsetDays,
	opensTime: ainm2023AbstractCall.opensTime ?? "09:00",
	closesOffsetDays: ainm2023AbstractCall.closesOffsetDays,
	closesTime: ainm2023AbstractCall.closesTime ?? "23:59",
};

type ReminderSeed = Pick<Row<typeof organizerReminders>, "anchor" | "offsetDays" | "role" | "subject" | "body">;

const reminders: ReminderSeed[] = [
	{
		anchor: "abstracts_open",
		offsetDays: -14,
		role: "organizer",
		subject: "{{edition.name}}: the call for abstracts opens in two weeks",
		body: "Check the call page (topics, word limit, the journal special issue) and line up the announcement for the society's newsletter and the mailing lists.",
	},
	{
		anchor: "abstracts_close",
		offsetDays: -7,
		role: "organizer",
		subject: "{{edition.name}}: one week left for abstracts",
		body: "Send the last call to the mailing lists and ask the committee to share it. Remind the reviewers that scoring starts the day after the call closes.",
	},
	{
		anchor: "abstracts_close",
		offsetDays: 1,
		role: "reviewer",
		subject: "The abstract review of {{edition.name}} starts today",
		body: "Every abstract needs two reviews on the four criteria. The decisions go out 60 days before the event.",
	},
	{
		anchor: "event_start",
		offsetDays: -14,
		role: "organizer",
		subject: "Two weeks to {{edition.name}}: badges, booklet and volunteers",
		body: "Final numbers to the caterer, badges and the program booklet to the printer, and a briefing for the volunteers and PhD students at the registration desk.",
	},
	{
		anchor: "event_end",
		offsetDays: 7,
		role: "chair",
		subject: "{{edition.name}}: evaluation results and thank-you notes",
		body: "Share the evaluation results with the committee, thank the speakers and the named lecturers, and start the handover notes for the next host.",
	},
];

/** Table organizer_reminders: AINM 2023's reminders, each sent at its moment (09:00 Amsterdam time on its day). */
export const ainm2023OrganizerReminders: Row<typeof organizerReminders>[] = reminders.map((reminder, i) => ({
	...reminder,
	id: `seed-2023-reminder-${i + 1}`,
	editionId: EDITION_ID,
	position: i + 1,
	sentAt: reminderMoment(ainm2023, reminder, call),
}));

/** Column editions.debrief_sent_at of AINM 2023: 13 October 2023, 09:00 in Amsterdam, two days after the last day. */
export const AINM_2023_DEBRIEF_SENT_AT: Date = debriefMoment(ainm2023);

/**
 * Table checklist_tasks: a task of the series' default checklist that AINM 2023 skipped (after its
 * 13 done tasks in ./ainm-site.ts, so it takes the next id and position).
 */
export const ainm2023SkippedChecklistTasks: Row<typeof checklistTasks>[] = [
	{
		id: "seed-2023-task-14",
		editionId: EDITION_ID,
		title: "Apply for accreditation (CME credits) for the program",
		ownerRole: "chair",
		dueOffsetDays: -180,
		status: "skipped",
		doneAt: null,
		position: 14,
	},
];

/**
 * Table outbox: AINM 2023's mail log as the console's Mail page shows it — each reminder above and
 * the debrief, sent to the demo account of the role it names, and one clearly fictional invitation
 * (an example.org address) that bounced, so every delivery state but "queued" is on the page.
 */
export const ainm2023Mail: Row<typeof outbox>[] = [
	...ainm2023OrganizerReminders.map((reminder, i) => ({
		id: `seed-2023-mail-reminder-${i + 1}`,
		to: `${reminder.role ?? "chair"}@baton.test`,
		subject: reminder.subject.replaceAll("{{edition.name}}", ainm2023.name),
		text: reminder.body ?? "",
		editionId: EDITION_ID,
		state: "sent" as const,
		attempts: 1,
		createdAt: reminder.sentAt ?? AINM_2023_DEBRIEF_SENT_AT,
		enqueuedAt: reminder.sentAt ?? AINM_2023_DEBRIEF_SENT_AT,
		sentAt: reminder.sentAt ?? AINM_2023_DEBRIEF_SENT_AT,
	})),
	{
		id: "seed-2023-mail-debrief",
		to: "chair@baton.test",
		subject: `${ainm2023.name}: write down what the next committee should know`,
		text: "The event is over: the debrief page asks a few questions while memories are fresh.",
		editionId: EDITION_ID,
		state: "sent",
		attempts: 1,
		createdAt: AINM_2023_DEBRIEF_SENT_AT,
		enqueuedAt: AINM_2023_DEBRIEF_SENT_AT,
		sentAt: AINM_2023_DEBRIEF_SENT_AT,
	},
	{
		id: "seed-2023-mail-bounced-invitation",
		to: "guest.reviewer@example.org",
		subject: "You are invited to review for a Baton edition",
		text: "A fictional invitation of the demo data, to an address that does not exist.",
		editionId: EDITION_ID,
		state: "bounced",
		attempts: 1,
		error: "550 5.1.1 mailbox unavailable (demo data)",
		createdAt: new Date("2023-06-01T08:00:00Z"),
		enqueuedAt: new Date("2023-06-01T08:00:00Z"),
		sentAt: new Date("2023-06-01T08:00:01Z"),
	},
];
