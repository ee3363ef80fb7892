/**
 * The status of an edition as the console shows it, and the buttons of the lifecycle actions:
 * shared by the edition's console home and its status page.
 */
import type { Edition, EditionStatus } from "../../db/schema";
import { publishConfirmUrl, transitionConsoleUrl } from "../../urls";
import { ActionButton } from "../../views/forms";
import { type Transition, transitionsFrom } from "./lifecycle";

/** What each status means for the public site. */
export const STATUS_DESCRIPTIONS: Record<EditionStatus, string> = {
	draft: "A draft: only the committee and the series' stewards can see the site, as a preview.",
	published: "Published: the site is public.",
	held: "Held: the event has taken place; the site stays public.",
	archived: "Archived: the site stays public as it is; its content is read-only.",
};

const BUTTON_LABELS: Record<Transition, string> = {
	publish: "Publish",
	unpublish: "Back to draft",
	hold: "Mark as held",
	archive: "Archive",
};

const CONSEQUENCES: Record<Transition, string> = {
	publish: "Shows what goes public and asks to confirm; the go-live checks run first.",
	unpublish: "Hides the site from the public again.",
	hold: "After the event: the site stays public.",
	archive: "Makes the content read-only for good; the site stays online at its address.",
};

/**
 * The buttons of the lifecycle actions open to the edition now (for those who may take them).
 * Publish leads to a page that shows what goes public and asks once to confirm.
 */
export function StatusActions({ edition }: { edition: Pick<Edition, "id" | "status"> }) {
	const actions = transitionsFrom(edition.status);
	if (actions.length === 0) return null;
	return (
		<ul class="status-actions">
			{actions.map((transition) => (
				<li>
					{transition === "publish" ? (
						<a class="button" href={publishConfirmUrl(edition.id)}>
							{BUTTON_LABELS[transition]}
						</a>
					) : (
						<ActionButton
							action={transitionConsoleUrl(edition.id, transition)}
							label={BUTTON_LABELS[transition]}
							danger={transition === "archive"}
						/>
					)}{" "}
					<span class="meta">{CONSEQUENCES[transition]}</span>
				</li>
			))}
		</ul>
	);
}
