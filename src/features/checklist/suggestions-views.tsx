import { roleLabel } from "../../domain/invitation-wording";
import { checklistTimelineUrl, suggestionsUrl } from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import { type EditionContext, editionCrumbs } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { ErrorSummary } from "../../views/forms";
import type { ChecklistSuggestions, Suggestion } from "./suggestions";
import { timelineLabel } from "./timeline";

/** How the previous edition handled a task, in words: "Done at T−9 months", "Skipped". */
export function previousUseLabel(suggestion: Pick<Suggestion, "previous">, year: number | undefined): string {
	const use = suggestion.previous;
	if (!use) return year ? `Not on ${year}'s checklist` : "—";
	if (use.status === "skipped") return "Skipped";
	if (use.status === "open") return "Never marked done";
	return use.doneLabel ? `Done at ${use.doneLabel}` : "Done";
}

const fieldId = (s: Suggestion) => `add-${s.key}`;

/**
 * The suggested checklist of an edition: the series' default and what the previous committee
 * added, with how that committee handled each task. Editors tick the tasks to add (all but the
 * previously skipped ones are ticked) and add them in one go.
 */
export function SuggestionsPage(
	props: EditionContext & { found: ChecklistSuggestions; canEdit: boolean; failed?: FailedForm },
) {
	const { edition, found, canEdit, failed } = props;
	const year = found.previous?.year;
	const addable = found.suggestions.filter((s) => !s.onChecklist);
	const ticked = (s: Suggestion) =>
		failed ? failed.values[`add.${s.key}`] === "on" : s.previous?.status !== "skipped";
	const table = (
		<div class="table-wrap">
			<table>
				<thead>
					<tr>
						{canEdit ? <th scope="col">Add</th> : null}
						<th scope="col">Due</th>
						<th scope="col">Task</th>
						<th scope="col">Owner</th>
						<th scope="col">From</th>
						<th scope="col">{year ? `In ${year}` : "Before"}</th>
					</tr>
				</thead>
				<tbody>
					{found.suggestions.map((s) => (
						<tr>
							{canEdit ? (
								<td>
									{s.onChecklist ? (
										<span class="meta">On your checklist</span>
									) : (
										<>
											<input type="checkbox" id={fieldId(s)} name={`add.${s.key}`} checked={ticked(s)} />
											<label for={fieldId(s)} class="visually-hidden">
												Add {s.title}
											</label>
										</>
									)}
								</td>
							) : null}
							<td>{timelineLabel(s.dueOffsetDays)}</td>
							<td>{s.title}</td>
							<td>{roleLabel(s.ownerRole)}</td>
							<td>{s.origin === "default" ? "Series default" : `Added by ${year}`}</td>
							<td>{previousUseLabel(s, year)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
	return (
		<ConsoleLayout
			title={`Suggested checklist · ${edition.name}`}
			user={props.user}
			breadcrumb={editionCrumbs(
				props,
				{ label: "Checklist", href: checklistTimelineUrl(edition) },
				{ label: "Suggestions" },
			)}
		>
			<h1>
				Suggested checklist <span class="meta">for {edition.name}</span>
			</h1>
			<p class="lead">
				{found.previous
					? `The series' default checklist, the tasks the ${found.previous.name} committee added, and when ${found.previous.year} really did each task (T is day 1).`
					: "The series' default checklist: this is the first edition of the series on Baton, so there is no earlier checklist to learn from."}
			</p>
			{canEdit && addable.length > 0 ? (
				<form method="post" action={suggestionsUrl(edition.id)}>
					<ErrorSummary fields={failed?.fields} />
					{table}
					<button type="submit">Add the ticked tasks to the checklist</button>
				</form>
			) : (
				table
			)}
			<p>
				<a href={checklistTimelineUrl(edition)}>Back to the checklist</a>
			</p>
		</ConsoleLayout>
	);
}
