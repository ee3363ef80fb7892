/**
 * The entries the edition's console home lists for the committee's learning tools: the suggested
 * checklist, and once the event is over the debrief. List items, for the home's "Edition" list.
 */
import type { Edition } from "../../db/schema";
import { debriefUrl, suggestionsUrl } from "../../urls";
import { debriefOpen } from "./debrief";

export function CommitteeToolLinks({
	edition,
	now = new Date(),
}: {
	edition: Pick<Edition, "id" | "endDate" | "timeZone">;
	now?: Date;
}) {
	return (
		<>
			<li>
				<a href={suggestionsUrl(edition.id)}>Suggested checklist</a>: the series' default and what the previous
				committee added, with when it did each task
			</li>
			{debriefOpen(edition, now) ? (
				<li>
					<a href={debriefUrl(edition.id)}>Debrief</a>: a few questions whose answers become draft handover notes
				</li>
			) : null}
		</>
	);
}
