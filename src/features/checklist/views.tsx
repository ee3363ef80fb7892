import { formatDateRange } from "../../lib/dates";
import { ConsoleLayout } from "../../views/console-layout";
import { Notice } from "../../views/forms";
import type { CollectionDef } from "../content/collections";
import { ContentFields, collectionUrl, contentUrl, type EditionContext, itemUrl } from "../content/views";
import type { Advice } from "../handover/links";
import { AdviceList } from "../handover/views";
import { roleLabel } from "../invitations/wording";
import { suggestionsUrl } from "./suggestions";
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
		<ConsoleLayout
			title={`Checklist · ${edition.name}`}
			user={props.user}
			breadcrumb={[
				{ label: "Console", href: "/console" },
				{ label: edition.name, href: contentUrl(edition.id) },
				{ label: "Checklist" },
			]}
		>
			<h1>
				Checklist <span class="meta">of {edition.name}</span>
			</h1>
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
				<div class="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">Due</th>
								<th scope="col">Date</th>
								<th scope="col">Task</th>
								<th scope="col">Owner</th>
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
								<tr class={entry.overdue ? "overdue" : undefined}>
									<td>{entry.dueLabel}</td>
									<td>
										<time datetime={entry.dueDate}>{longDay(entry.dueDate)}</time>
									</td>
									<td>
										{entry.task.title}
										<AdviceList notes={props.advice?.get(entry.task.id) ?? []} />
									</td>
									<td>
										<OwnerCell role={entry.task.ownerRole} owners={entry.owners} />
									</td>
									<td>
										<StatusCell entry={entry} />
									</td>
									{canEdit ? (
										<td>
											<a href={itemUrl(edition.id, def, entry.task.id)}>
												Edit<span class="visually-hidden"> {entry.task.title}</span>
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
					<h2 id="add">Add a task</h2>
					<form method="post" action={collectionUrl(edition.id, def)}>
						<ContentFields def={def} refOptions={{}} />
						<button type="submit">Add task</button>
					</form>
				</section>
			) : null}
		</ConsoleLayout>
	);
}
