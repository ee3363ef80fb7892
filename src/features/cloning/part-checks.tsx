import type { FormValues } from "../../views/parse-form";
import { type ClonePart, PART_LABELS, partField } from "./edition-parts";

/** Part checkboxes (`part.<part>`), ticked from `values`; `offered` narrows them, `hints` explains each. */
export function PartChecks({
	legend,
	offered,
	values,
	error,
	hints = {},
	disabled = [],
}: {
	legend: string;
	offered: readonly ClonePart[];
	values: FormValues;
	error?: string;
	hints?: Partial<Record<ClonePart, string>>;
	disabled?: readonly ClonePart[];
}) {
	return (
		<fieldset
			id="field-parts"
			class={error ? "field field-invalid" : "field"}
			aria-describedby={error ? "field-parts-error" : undefined}
		>
			<legend>{legend}</legend>
			{error ? (
				<p class="field-error" id="field-parts-error">
					{error}
				</p>
			) : null}
			{offered.map((part) => {
				const id = `field-${partField(part)}`;
				const hint = hints[part];
				return (
					<div class="field field-check">
						<input
							id={id}
							type="checkbox"
							name={partField(part)}
							checked={!disabled.includes(part) && values[partField(part)] === "on"}
							disabled={disabled.includes(part)}
							aria-describedby={hint ? `${id}-hint` : undefined}
						/>{" "}
						<label for={id}>{PART_LABELS[part]}</label>
						{hint ? (
							<p class="hint" id={`${id}-hint`}>
								{hint}
							</p>
						) : null}
					</div>
				);
			})}
		</fieldset>
	);
}
