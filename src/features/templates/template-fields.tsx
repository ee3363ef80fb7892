/** Form parts the template pages share: the visibility choice, the source-edition select, readable field messages. */
import type { Edition, TemplateVisibility } from "../../db/schema";
import { CLONE_PARTS, type ClonePart, PART_LABELS } from "../cloning";
import { VISIBILITY_LABELS } from "./schemas";

export function VisibilityChoice({ value, error }: { value: string; error?: string }) {
	return (
		<fieldset
			id="field-visibility"
			class={error ? "field field-invalid" : "field"}
			aria-describedby={error ? "field-visibility-error" : undefined}
		>
			<legend>Who may see it</legend>
			{error ? (
				<p class="field-error" id="field-visibility-error">
					{error}
				</p>
			) : null}
			{(Object.keys(VISIBILITY_LABELS) as TemplateVisibility[]).map((v) => (
				<div class="field field-check">
					<input id={`field-visibility-${v}`} type="radio" name="visibility" value={v} checked={value === v} />{" "}
					<label for={`field-visibility-${v}`}>{VISIBILITY_LABELS[v]}</label>
				</div>
			))}
		</fieldset>
	);
}
export function EditionSelect({
	editions,
	value,
	error,
	label = "Edition",
}: {
	editions: readonly Pick<Edition, "id" | "name">[];
	value?: string;
	error?: string;
	label?: string;
}) {
	return (
		<div class={error ? "field field-invalid" : "field"}>
			<label for="field-editionId">{label}</label>
			{error ? (
				<p class="field-error" id="field-editionId-error">
					{error}
				</p>
			) : null}
			<select
				id="field-editionId"
				name="editionId"
				aria-invalid={error ? "true" : undefined}
				aria-describedby={error ? "field-editionId-error" : undefined}
			>
				{editions.map((e) => (
					<option value={e.id} selected={e.id === value}>
						{e.name}
					</option>
				))}
			</select>
		</div>
	);
}
// ---------------------------------------------------------------------------------------------
// Publishing from an edition

/**
 * Messages about the edition's content (a document path such as `parts.pages.2.body`, which has
 * no field on the form) named so a committee finds the row: "Site pages, row 3, body: …".
 */
export function readableFields(fields: Record<string, string>): Record<string, string> {
	const readable: Record<string, string> = {};
	const content: string[] = [];
	for (const [path, message] of Object.entries(fields)) {
		const [root, part, ...rest] = path.split(".");
		if (root !== "parts" || !part || !(CLONE_PARTS as readonly string[]).includes(part)) {
			readable[path] = message;
			continue;
		}
		const where = rest.map((step) => (/^\d+$/.test(step) ? `row ${Number(step) + 1}` : step)).join(", ");
		content.push(`${PART_LABELS[part as ClonePart]}${where ? `, ${where}` : ""}: ${message}`);
	}
	if (content.length > 0) readable._ = [readable._, ...content].filter(Boolean).join(" ");
	return readable;
}
