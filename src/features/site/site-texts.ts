/**
 * The committee's texts as the subsite shows them: placeholders resolved from the edition the page
 * belongs to, when the page is rendered. Markdown gets its values escaped as text before it is
 * rendered (a venue name can add no markup); plain texts (titles, feeds) get them as they are.
 * A value the edition lacks is left out publicly and left as written in a committee preview.
 */
import type { Database } from "../../db/client";
import {
	type MissingValue,
	type PlaceholderEdition,
	type PlaceholderValues,
	resolveMarkdownPlaceholders,
	resolvePlaceholders,
} from "../../domain/placeholders";
import { placeholderValuesFor } from "../../domain/public-committee";

export interface SiteTexts {
	/** A plain text (a title) resolved. */
	plain: (text: string) => string;
	/** A Markdown text resolved, its values escaped, ready for `markdown()`. */
	markdown: (text: string) => string;
}

export const textsOf = (values: PlaceholderValues, missing: MissingValue): SiteTexts => ({
	plain: (text) => resolvePlaceholders(text, values, missing),
	markdown: (text) => resolveMarkdownPlaceholders(text, values, missing),
});

/** Resolvers for `texts` of the edition: one more query only when one of them names `{{committee}}`. */
export async function siteTexts(
	db: Database,
	edition: PlaceholderEdition & { id: string },
	texts: readonly string[],
	missing: MissingValue,
): Promise<SiteTexts> {
	return textsOf(await placeholderValuesFor(db, edition, texts), missing);
}
