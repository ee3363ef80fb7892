/** The line an editor shows above a copied text nobody has reviewed yet, with its "Mark reviewed" button. */
import type { CopiedTextMark } from "../domain/copied-texts";
import { copiedTextReviewedUrl } from "../urls";
import { ActionButton } from "./forms";

export function CopiedTextNotice({ editionId, mark }: { editionId: string; mark: CopiedTextMark | undefined }) {
	if (!mark) return null;
	return (
		<div class="notice copied-text" role="status">
			<p>
				Copied from {mark.sourceName ?? "an earlier edition"} — not reviewed yet. Check that it states this edition's
				facts; saving it here also marks it reviewed.
			</p>
			<ActionButton action={copiedTextReviewedUrl(editionId, mark.tableName, mark.rowId)} label="Mark reviewed" />
		</div>
	);
}
