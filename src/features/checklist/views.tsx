import { roleLabel } from "../../domain/invitation-wording";
import { formatDateRange } from "../../lib/dates";
import { itemUrl, suggestionsUrl } from "../../urls";
import { type EditionContext, EditionPageLayout } from "../../views/edition-page";
import { Notice } from "../../views/forms";
import { RowLink, RowsTable } from "../../views/table";
import type { CollectionDef } from "../content";
import { AddItemForm } from "../content";
import type { Advice } from "../handover";
import { AdviceList } from "../handover";
import type { Owners, TimelineEntry } from "./timeline";

const longDay = (isoDate: string) => formatDateRange(isoDate, isoDate);

/** Who owns a task or gets a reminder: the role, the names, and the chairs when nobody has the role. */
export function OwnerCell({ role, owners }: { role: string; owners: Owners }) {
	const names = owners.members.map((m) => m.name).join(", ");
	if (owners.fallback) {
		return (
			<>
				{roleLabel(role)} <span class="meta">(nobody has this role: the chairs{names ? `, ${names}` : ""})</span>
			</>
		);
	}
	return (
		<>
			{roleLabel(role)}
			{names ? <span class="meta"> ({names})</span> : null}
		</>
	);
}

/** Status in words, never by colour alone: "Overdue" is a label a screen reader reads too. */
function StatusCell({ entry }: { entry: TimelineEntry }) {
	const { task } = entry;
	if (entry.overdue) return <strong class="badge badge-overdue">Overdue</strong>;
	if (task.status === "done") return <>{entry.doneLabel ? `Done at ${entry.doneLabel}` : "Done"}</>;
	if (task.status === "skipped") return <>Skipped</>;
	return <>Open</>;
}

/**
 * The checklist timeline of an edition's committee dashboard: tasks in due order relative to the
 * event, overdue ones labelled, done ones with when they were done. Editors also get the edit
 * links and the add form of the checklist collection (its routes and rules, not a copy).
 */
export function ChecklistTimelinePage(
	props: EditionContext & {
		entries: TimelineEntry[];
		canEdit: boolean;
		def: CollectionDef;
		notice?: string;
		/** Handover notes attached to tasks, by task id (src/features/handover). */
		advice?: ReadonlyMap<string, readonly Advice[]>;
	},
) {
	const { edition, entries, canEdit, def } = props;
	const overdue = entries.filter((e) => e.overdue).length;
	const open = entries.filter((e) => e.task.status === "open").length;
	const done = entries.filter((e) => e.task.status === "done").length;
	return (
		<EditionPageLayout edition={edition} user={props.user} page="Checklist">
			<p class="lead">
				Tasks due relative to day 1 ({longDay(edition.startDate)}, T), each due by the end of its day in{" "}
				{edition.timeZone}. Owners get one reminder by email a week before a task is due.
			</p>
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			<p>
				{overdue > 0 ? <strong>{overdue} overdue · </strong> : null}
				{open} open · {done} done · {entries.length} in all
			</p>
			<p>
				<a href={suggestionsUrl(edition.id)}>Suggested checklist</a>: the series' default and what the previous
				committee added, with when it did each task.
			</p>
			{entries.length === 0 ? (
				<p>No tasks yet.</p>
			) : (
				<RowsTable
					columns={[
						{ label: "Due", value: (entry) => entry.dueLabel },
						{ label: "Date", value: (entry) => <time datetime={entry.dueDate}>{longDay(entry.dueDate)}</time> },
						{
							label: "Task",
							value: (entry) => (
								<>
									{entry.task.title}
									<AdviceList notes={props.advice?.get(entry.task.id) ?? []} />
								</>
							),
						},
						{ label: "Owner", value: (entry) => <OwnerCell role={entry.task.ownerRole} owners={entry.owners} /> },
						{ label: "Status", value: (entry) => <StatusCell entry={entry} /> },
					]}
					rows={entries}
					rowClass={(entry) => (entry.overdue ? "overdue" : undefined)}
					action={
						canEdit
							? (entry) => <RowLink href={itemUrl(edition.id, def, entry.task.id)} name={entry.task.title} />
							: undefined
					}
				/>
			)}
			{canEdit ? <AddItemForm edition={edition} def={def} noun="task" /> : null}
		</EditionPageLayout>
	);
}
