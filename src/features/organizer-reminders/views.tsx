import { longDateOf } from "../../domain/invitation-wording";
import { describeWhen } from "../../domain/reminder-wording";
import { itemUrl } from "../../urls";
import { type EditionContext, EditionPageLayout } from "../../views/edition-page";
import { Notice } from "../../views/forms";
import { MomentTime } from "../../views/moment-time";
import { type Column, RowLink, RowsTable } from "../../views/table";
import { OwnerCell } from "../checklist";
import { AddItemForm, remindersDef } from "../content";
import type { ReminderState, ScheduledReminder } from "./schedule";

/** Each state in words, never by colour alone. */
function StateCell({ entry }: { entry: ScheduledReminder }) {
	const labels: Record<ReminderState, string> = {
		sent: `Sent ${entry.reminder.sentAt ? longDateOf(entry.reminder.sentAt) : ""}`.trim(),
		scheduled: "Scheduled",
		due: "Due: goes out within the hour",
		missed: "Not sent: its day passed more than a week ago",
		waiting: "Waits for the call for abstracts",
	};
	return <>{labels[entry.state]}</>;
}

const REMINDER_COLUMNS: Column<ScheduledReminder>[] = [
	{ label: "When", value: (entry) => describeWhen(entry.reminder.anchor, entry.reminder.offsetDays) },
	{
		label: "Goes out",
		value: (entry) => (entry.when ? <MomentTime moment={entry.when} /> : "—"),
	},
	{ label: "Subject", value: (entry) => entry.reminder.subject },
	{ label: "To", value: (entry) => <OwnerCell role={`${entry.reminder.role}s`} owners={entry.owners} /> },
	{ label: "Status", value: (entry) => <StateCell entry={entry} /> },
];

/**
 * The organizer reminders of an edition: when each goes out (resolved in the edition's zone), to
 * whom, and whether it went. Editors get the edit links and the add form of the collection.
 */
export function RemindersPage(
	props: EditionContext & { entries: ScheduledReminder[]; canEdit: boolean; notice?: string },
) {
	const { edition, entries, canEdit } = props;
	return (
		<EditionPageLayout edition={edition} user={props.user} page="Organizer reminders">
			<p class="lead">
				Emails to the committee, counted in days from the event or from the call for abstracts and sent once, at 09:00
				in {edition.timeZone}. Baton fills in the placeholders and adds the date the reminder counts from. Editing a
				sent reminder does not send it again: add a new one instead.
			</p>
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			{entries.length === 0 ? (
				<p>No reminders yet.</p>
			) : (
				<RowsTable
					columns={REMINDER_COLUMNS}
					rows={entries}
					action={
						canEdit
							? (entry) => (
									<RowLink href={itemUrl(edition.id, remindersDef, entry.reminder.id)} name={entry.reminder.subject} />
								)
							: undefined
					}
				/>
			)}
			{canEdit ? <AddItemForm edition={edition} def={remindersDef} noun="reminder" /> : null}
		</EditionPageLayout>
	);
}
