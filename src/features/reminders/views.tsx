import { ConsoleLayout } from "../../views/console-layout";
import { Notice } from "../../views/forms";
import { OwnerCell } from "../checklist/views";
import { ContentFields, collectionUrl, contentUrl, type EditionContext, itemUrl } from "../content/views";
import { longDateOf } from "../invitations/wording";
import { remindersDef } from "./collection";
import type { ReminderState, ScheduledReminder } from "./schedule";
import { describeWhen } from "./wording";

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

/**
 * The organizer reminders of an edition: when each goes out (resolved in the edition's zone), to
 * whom, and whether it went. Editors get the edit links and the add form of the collection.
 */
export function RemindersPage(
	props: EditionContext & { entries: ScheduledReminder[]; canEdit: boolean; notice?: string },
) {
	const { edition, entries, canEdit } = props;
	return (
		<ConsoleLayout
			title={`Organizer reminders · ${edition.name}`}
			user={props.user}
			breadcrumb={[
				{ label: "Console", href: "/console" },
				{ label: edition.name, href: contentUrl(edition.id) },
				{ label: "Organizer reminders" },
			]}
		>
			<h1>
				Organizer reminders <span class="meta">of {edition.name}</span>
			</h1>
			<p class="lead">
				Emails to the committee, counted in days from the event or from the call for abstracts and sent once, at 09:00
				in {edition.timeZone}. Baton fills in the placeholders and adds the date the reminder counts from. Editing a
				sent reminder does not send it again: add a new one instead.
			</p>
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			{entries.length === 0 ? (
				<p>No reminders yet.</p>
			) : (
				<div class="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">When</th>
								<th scope="col">Goes out</th>
								<th scope="col">Subject</th>
								<th scope="col">To</th>
								<th scope="col">Status</th>
								{canEdit ? (
									<th scope="col">
										<span class="visually-hidden">Actions</span>
									</th>
								) : null}
							</tr>
						</thead>
						<tbody>
							{entries.map((entry) => (
								<tr>
									<td>{describeWhen(entry.reminder.anchor, entry.reminder.offsetDays)}</td>
									<td>
										{entry.when ? <time datetime={entry.when.instant ?? entry.when.date}>{entry.when.text}</time> : "—"}
									</td>
									<td>{entry.reminder.subject}</td>
									<td>
										<OwnerCell role={`${entry.reminder.role}s`} owners={entry.owners} />
									</td>
									<td>
										<StateCell entry={entry} />
									</td>
									{canEdit ? (
										<td>
											<a href={itemUrl(edition.id, remindersDef, entry.reminder.id)}>
												Edit<span class="visually-hidden"> {entry.reminder.subject}</span>
											</a>
										</td>
									) : null}
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			{canEdit ? (
				<section aria-labelledby="add">
					<h2 id="add">Add a reminder</h2>
					<form method="post" action={collectionUrl(edition.id, remindersDef)}>
						<ContentFields def={remindersDef} refOptions={{}} />
						<button type="submit">Add reminder</button>
					</form>
				</section>
			) : null}
		</ConsoleLayout>
	);
}
