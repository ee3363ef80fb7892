/**
 * What an editor of texts with placeholders (pages, sessions, email texts, reminders) shows beside
 * the form: the placeholders to copy, each with this edition's value now, and a preview of the
 * typed text resolved. Server-rendered, no script (the CSP stays strict): the list is a
 * <details>, the preview answers a "Preview" submit button.
 */
import {
	missingPlaceholders,
	PLACEHOLDER_DEFS,
	type PlaceholderValues,
	resolveMarkdownPlaceholders,
	resolvePlaceholders,
} from "../domain/placeholders";
import { markdown } from "../lib/markdown";

/** The name of the submit button that asks for a preview instead of saving. */
export const PREVIEW_BUTTON = "preview";

/** The insert list: every placeholder, what it stands for and its value for this edition. */
export function PlaceholderList({ values }: { values: PlaceholderValues }) {
	return (
		<details class="placeholder-list">
			<summary>Placeholders you can use</summary>
			<p>
				Copy one into a text: it shows this edition's value wherever the text appears, and follows every later edit of
				the edition's settings.
			</p>
			<div class="table-wrap">
				<table>
					<thead>
						<tr>
							<th scope="col">Placeholder</th>
							<th scope="col">Stands for</th>
							<th scope="col">Now</th>
						</tr>
					</thead>
					<tbody>
						{PLACEHOLDER_DEFS.map((def) => (
							<tr>
								<td>
									<code>{`{{${def.name}}}`}</code>
								</td>
								<td>{def.description}</td>
								<td>{values[def.name] || <span class="meta">no value yet</span>}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</details>
	);
}

/** The "Preview" button beside "Save". */
export const PreviewButton = () => (
	<button type="submit" name={PREVIEW_BUTTON} value="1" class="button-secondary">
		Preview
	</button>
);

export interface PreviewedText {
	label: string;
	text: string;
	/** Rendered as Markdown (a body) or shown as text (a title, a subject). */
	markdown: boolean;
}

/**
 * The typed texts as they will read, placeholders resolved. A placeholder without a value stays as
 * written here and is named, so the gap is seen before anyone else sees it (publicly it is left out).
 */
export function PlaceholderPreview({ texts, values }: { texts: readonly PreviewedText[]; values: PlaceholderValues }) {
	const missing = missingPlaceholders(values, ...texts.map((t) => t.text));
	return (
		<section aria-labelledby="preview" class="placeholder-preview">
			<h2 id="preview">Preview</h2>
			<p class="meta">Not saved yet: this is how the text reads with this edition's values.</p>
			{missing.length > 0 ? (
				<p class="notice">
					This edition has no value yet for {missing.join(", ")}: shown here as written, left out on the public site and
					in mails until the edition's settings have one.
				</p>
			) : null}
			{texts.map((t) => (
				<>
					<h3>{t.label}</h3>
					{t.markdown ? (
						<div class="prose">{markdown(resolveMarkdownPlaceholders(t.text, values, "keep"), { topLevel: 4 })}</div>
					) : (
						<p>{resolvePlaceholders(t.text, values, "keep")}</p>
					)}
				</>
			))}
		</section>
	);
}
