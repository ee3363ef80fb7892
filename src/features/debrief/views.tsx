import { formatDateRange } from "../../lib/dates";
import { debriefUrl } from "../../urls";
import { type EditionContext, EditionPageLayout } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { ErrorSummary, Notice, TextArea } from "../../views/forms";
import { DEBRIEF_FIELDS } from "./debrief";

/**
 * The debrief of an edition: a short form whose answers become draft handover notes. Before the
 * event is over it only says when it opens; those who may not write notes see who answers it.
 */
export function DebriefPage(
	props: EditionContext & {
		open: boolean;
		canAnswer: boolean;
		draftCount: number;
		/** The handover notes of the edition, where the drafts are edited and shared. */
		notesUrl: string;
		notice?: string;
		failed?: FailedForm;
	},
) {
	const { edition, failed } = props;
	const lastDay = formatDateRange(edition.endDate, edition.endDate);
	return (
		<EditionPageLayout edition={edition} user={props.user} page="Debrief">
			<p class="lead">
				A few questions for the committee while the event is fresh. Each answer becomes a draft handover note in its
				topic, private to this committee until you share it with the committees after you.
			</p>
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			<ErrorSummary fields={failed?.fields} />
			<p>
				{props.draftCount === 0
					? "No draft notes from the debrief yet."
					: `${props.draftCount} draft ${props.draftCount === 1 ? "note" : "notes"} from the debrief so far.`}{" "}
				<a href={props.notesUrl}>The handover notes of {edition.name}</a>
			</p>
			{!props.open ? (
				<p class="notice">
					The debrief opens when {edition.name} is over, after its last day ({lastDay}).
				</p>
			) : props.canAnswer ? (
				<form method="post" action={debriefUrl(edition.id)}>
					{DEBRIEF_FIELDS.map((field) => (
						<TextArea
							name={field.name}
							label={field.label}
							hint={field.hint}
							value={failed?.values[field.name] ?? ""}
							error={failed?.fields[field.name]}
							rows={5}
						/>
					))}
					<button type="submit">Save as draft notes</button>
				</form>
			) : (
				<p class="notice">The chairs and organizers of {edition.name} answer the debrief.</p>
			)}
		</EditionPageLayout>
	);
}
