import { abstractCallUrl, collectionUrl, editionUrl, itemUrl, settingsUrl } from "../../urls";
import { type EditionContext, EditionPageLayout } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { Notice } from "../../views/forms";
import { collectionByKey } from "../content";
import { hitAnchor, StaleFactList, UnreviewedList } from "./fact-views";
import type { GoLiveReport } from "./lifecycle";
import { STATUS_DESCRIPTIONS, StatusActions } from "./status-actions";

/** Where a go-live problem is fixed, by the field the checks named. */
function fixUrl(editionId: string, field: string): string | undefined {
	// A refused mark "right as it is": the hits are listed below.
	if (field === "hitKey") return "#stale-facts";
	const [head, id, name] = field.split(".");
	if (head === "ticketTypes" && id) {
		const tickets = collectionByKey("ticket-types");
		return tickets ? itemUrl(editionId, tickets, id) : undefined;
	}
	if (head === "abstractCall" && id) return `${abstractCallUrl({ id: editionId })}#field-${id}`;
	if (head === "homePage") {
		const pages = collectionByKey("pages");
		return pages ? collectionUrl(editionId, pages) : undefined;
	}
	if (head && !name && head !== "_") return `${settingsUrl({ id: editionId })}#field-${head}`;
	return undefined;
}

/**
 * Problems as a list, each linked to where it is fixed. Stale facts and copied texts are listed in
 * full in their own sections below (each with its text's link), so here each kind is one line.
 */
function ProblemList({ editionId, problems }: { editionId: string; problems: Record<string, string> }) {
	const fields = Object.keys(problems);
	const stale = fields.filter((field) => field.startsWith("staleFacts."));
	const copied = fields.filter((field) => field.startsWith("copiedTexts."));
	const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);
	return (
		<ul>
			{Object.entries(problems).map(([field, message]) => {
				if (field.startsWith("staleFacts.") || field.startsWith("copiedTexts.")) return null;
				const href = fixUrl(editionId, field);
				return <li>{href ? <a href={href}>{message}</a> : message}</li>;
			})}
			{stale.length > 0 ? (
				<li>
					<a href={stale.length === 1 ? `#${hitAnchor(stale[0]?.slice(11) ?? "")}` : "#stale-facts"}>
						{plural(stale.length, "A text states", "texts state")} a fact of an earlier edition:{" "}
						{stale.length === 1 ? problems[stale[0] ?? ""] : "fix them or mark them right as it is."}
					</a>
				</li>
			) : null}
			{copied.length > 0 ? (
				<li>
					<a href="#copied-texts">{plural(copied.length, "A copied text", "copied texts")} nobody reviewed yet.</a>
				</li>
			) : null}
		</ul>
	);
}

/**
 * The edition's status page: what the status means, what blocks publishing a draft (the go-live
 * checks), and the buttons of the actions open now. A refused action is shown again here.
 */
export function StatusPage(
	props: EditionContext & {
		canChangeStatus: boolean;
		/** May mark stale-fact hits right as it is. */
		canAcceptFacts: boolean;
		/** May mark copied texts reviewed (those who may edit the edition). */
		canReviewCopies: boolean;
		/** The go-live checks of a draft; null for other statuses. */
		report: GoLiveReport | null;
		notice?: string;
		failed?: FailedForm;
	},
) {
	const { edition, series, report, failed } = props;
	const problems = report?.problems ?? null;
	return (
		<EditionPageLayout edition={edition} user={props.user} page="Status">
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			{failed ? (
				<div class="error-summary" role="alert" tabindex={-1}>
					<h2>{failed.form === "publish" ? "This edition cannot be published yet" : "That cannot be done"}</h2>
					<ProblemList editionId={edition.id} problems={failed.fields} />
				</div>
			) : null}
			<p>
				<span class="badge">{edition.status}</span> {STATUS_DESCRIPTIONS[edition.status]}
			</p>
			{edition.status === "draft" ? (
				<p>
					Preview the site: <a href={`${editionUrl(series, edition)}?preview=1`}>{editionUrl(series, edition)}</a>
				</p>
			) : null}
			{problems && !failed ? (
				<section aria-labelledby="go-live">
					<h2 id="go-live">Go-live checks</h2>
					{Object.keys(problems).length === 0 ? (
						<p>Every check passes: the edition is ready to publish.</p>
					) : (
						<>
							<p>Publishing is blocked until these are fixed:</p>
							<ProblemList editionId={edition.id} problems={problems} />
						</>
					)}
				</section>
			) : null}
			{report ? (
				<>
					<StaleFactList editionId={edition.id} hits={report.hits} canAccept={props.canAcceptFacts} />
					<UnreviewedList editionId={edition.id} copies={report.unreviewed} canReview={props.canReviewCopies} />
				</>
			) : null}
			{props.canChangeStatus ? (
				<section aria-labelledby="actions">
					<h2 id="actions">Change the status</h2>
					{edition.status === "archived" ? (
						<p>An archived edition stays archived.</p>
					) : (
						<StatusActions edition={edition} />
					)}
				</section>
			) : (
				<p class="meta">The edition's chairs and the series' stewards change its status.</p>
			)}
		</EditionPageLayout>
	);
}
