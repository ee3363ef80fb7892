/**
 * Organizer reminders as a content collection of the edition (content/collections.ts lists it), so
 * the console's add/edit/remove forms and the API's CRUD come from one declaration. The reminders
 * page (./pages.tsx) replaces the collection's list with one that shows when each goes out.
 */
import { asc } from "drizzle-orm";
import { EDITION_ROLES, organizerReminders, REMINDER_ANCHORS, type ReminderAnchor } from "../../db/schema";
import { int, markdown, select, text } from "../../domain/fields";
import { roleLabel } from "../../domain/invitation-wording";
import { PLACEHOLDER_LIST, placeholderProblem } from "../../domain/placeholders";
import { ANCHOR_LABELS, describeWhen } from "../../domain/reminder-wording";
import type { CollectionDef } from "./collection-def";

export const REMINDERS_KEY = "organizer-reminders";

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

export const remindersDef: CollectionDef = {
	key: REMINDERS_KEY,
	singular: "organizer reminder",
	plural: "organizer reminders",
	table: organizerReminders,
	fields: [
		text("subject", "Subject", {
			required: true,
			max: 200,
			hint: "Placeholders such as {{edition.name}} are filled in when it is sent.",
		}),
		markdown("body", "Message (Markdown)", {
			max: 10_000,
			hint: `What to do. Placeholders: ${PLACEHOLDER_LIST}. Baton adds the date it counts from, and figures where it has them.`,
		}),
		select(
			"anchor",
			"Counted from",
			REMINDER_ANCHORS.map((value) => ({ value, label: ANCHOR_LABELS[value] })),
		),
		int("offsetDays", "Days from then", {
			min: -1000,
			max: 400,
			required: true,
			hint: "−7 is a week before, 0 the same day, 3 three days after. Sent at 09:00 in the edition's time zone.",
		}),
		select(
			"role",
			"Sent to",
			EDITION_ROLES.map((value) => ({ value, label: `${roleLabel(value)}s` })),
			{ fallback: "chair" },
		),
		int("position", "Order", { min: 0, max: 10_000, fallback: 0, hint: "Lower numbers come first." }),
	],
	orderBy: [asc(organizerReminders.position), asc(organizerReminders.subject)],
	columns: [
		{ label: "Subject", value: (r) => str(r.subject) },
		{ label: "When", value: (r) => describeWhen(r.anchor as ReminderAnchor, Number(r.offsetDays)) },
		{ label: "Sent to", value: (r) => `${roleLabel(str(r.role))}s` },
		{ label: "Sent", value: (r) => (r.sentAt ? "yes" : "not yet") },
	],
	label: (r) => str(r.subject),
	placeholderFields: [
		{ name: "subject", markdown: false },
		{ name: "body", markdown: true },
	],
	check: (d) => {
		const fields: Record<string, string> = {};
		for (const name of ["subject", "body"]) {
			const problem = placeholderProblem(str(d[name]));
			if (problem) fields[name] = problem;
		}
		return Object.keys(fields).length > 0 ? fields : null;
	},
	// Sending is the scheduler's: an edit never un-sends or re-sends a reminder.
	fromRow: ({ sentAt: _, ...rest }) => rest,
};
