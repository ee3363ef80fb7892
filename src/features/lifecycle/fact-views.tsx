/**
 * The stale-fact guard on the status page: each hit with its text (linked to its editor), the
 * mention in context, whose fact it is, and the button to mark it right as it is (or undo that).
 */
import { allCopiedTextsReviewedUrl, factAcceptancesUrl, factUndoUrl } from "../../urls";
import { ActionButton } from "../../views/forms";
import type { UnreviewedCopy } from "./review-sources";
import type { StaleFactHit } from "./stale-facts";

/** The element id of a hit on the status page (a go-live problem links to it). */
export const hitAnchor = (hitKey: string) => `hit-${hitKey.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export function StaleFactList(props: { editionId: string; hits: readonly StaleFactHit[]; canAccept: boolean }) {
	const { editionId, hits, canAccept } = props;
	const open = hits.filter((hit) => !hit.accepted).length;
	return (
		<section aria-labelledby="stale-facts">
			<h2 id="stale-facts">Earlier editions' facts</h2>
			{hits.length === 0 ? (
				<p>No public text or feed of this edition states a fact of an earlier edition.</p>
			) : (
				<>
					<p>
						{open === 0
							? "Every mention below is marked right as it is."
							: `${open} of ${hits.length} ${hits.length === 1 ? "mention blocks" : "mentions block"} publishing.`}{" "}
						Fix the text, or mark a true mention (history, a thank-you to earlier hosts) right as it is.
					</p>
					<ul class="stale-facts">
						{hits.map((hit) => (
							<li id={hitAnchor(hit.key)}>
								<a href={hit.editUrl}>{hit.label}</a> says “{hit.value}”, {hit.belongsTo}
								{hit.occurrences > 1 ? ` (${hit.occurrences} times)` : ""}.
								<blockquote>
									…{hit.before}
									<mark>{hit.match}</mark>
									{hit.after}…
								</blockquote>
								{hit.accepted ? (
									<p>
										<span class="badge">Right as it is</span>{" "}
										{canAccept ? (
											<ActionButton action={factUndoUrl(editionId)} label="Undo" hidden={{ hitKey: hit.key }} />
										) : null}
									</p>
								) : canAccept ? (
									<ActionButton
										action={factAcceptancesUrl(editionId)}
										label="Right as it is"
										hidden={{ hitKey: hit.key }}
									/>
								) : null}
							</li>
						))}
					</ul>
				</>
			)}
		</section>
	);
}

export function UnreviewedList(props: { editionId: string; copies: readonly UnreviewedCopy[]; canReview: boolean }) {
	const { editionId, copies, canReview } = props;
	if (copies.length === 0) return null;
	return (
		<section aria-labelledby="copied-texts">
			<h2 id="copied-texts">Copied texts nobody reviewed</h2>
			<p>
				A clone copied these texts from an earlier edition. Read each one (saving it in its editor marks it reviewed),
				then mark it reviewed here.
			</p>
			<ul class="copied-texts">
				{copies.map((copy) => (
					<li>
						<a href={copy.editUrl}>{copy.label}</a>
						{canReview && <ActionButton action={copy.reviewUrl} label="Mark reviewed" hidden={{ back: "status" }} />}
					</li>
				))}
			</ul>
			{canReview && copies.length > 1 && (
				<ActionButton action={allCopiedTextsReviewedUrl(editionId)} label={`Mark all ${copies.length} reviewed`} />
			)}
		</section>
	);
}
