/**
 * Forms built from content field specs, for pages that the generic collection pages do not fit:
 * choices that depend on the edition (its days, rooms, speakers), list fields shown as ordered
 * slots (see refList), and two forms on one page whose field names would clash (a prefix keeps
 * the ids apart; see withPrefix in ./schemas.ts). Every control is still rendered by ContentField.
 */

import { type FieldSpec, formValue, type Option, slotName } from "../../domain/fields";
import { ContentField } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { ErrorSummary } from "../../views/forms";

/** Field name → the options of its select, for choices that depend on the edition. */
export type Choices = Record<string, readonly Option[]>;

interface FormFieldsProps {
	fields: readonly FieldSpec[];
	/** Stored values to start from, by field name (a new item: none). */
	data?: object;
	/** The failed submission of this form, shown again with its messages. */
	failed?: FailedForm;
	choices: Choices;
	prefix?: string;
}

/**
 * Messages keyed by the names the form's controls carry: an item of a list (`speakerIds.0`)
 * reports on the whole list, and every name takes the form's prefix. "_" (the whole form) stays.
 */
function errorsByControl(fields: readonly FieldSpec[], prefix: string, errors: Record<string, string> = {}) {
	const lists = new Set(fields.filter((f) => f.slots !== undefined).map((f) => f.name));
	const byControl: Record<string, string> = {};
	for (const [key, message] of Object.entries(errors)) {
		if (key === "_") {
			byControl._ ??= message;
			continue;
		}
		const base = key.split(".")[0] ?? key;
		byControl[prefix + (lists.has(base) ? base : key)] ??= message;
	}
	return byControl;
}

/** The stored values as the controls show them: a list spreads over its slots. */
function valuesByControl(fields: readonly FieldSpec[], prefix: string, data: object = {}) {
	const values: Record<string, string> = {};
	for (const field of fields) {
		const value = (data as Record<string, unknown>)[field.name];
		if (field.slots !== undefined && Array.isArray(value)) {
			value.forEach((item, i) => {
				values[prefix + slotName(field, i + 1)] = String(item);
			});
		} else {
			values[prefix + field.name] = formValue(field, value);
		}
	}
	return values;
}

/** A field with choices of its own becomes a select of them (the blank choice, if any, comes with them). */
const withChoices = (field: FieldSpec, name: string, options: readonly Option[] | undefined): FieldSpec =>
	options ? { ...field, name, kind: "select", ref: undefined, options } : { ...field, name };

/**
 * The slots of a list field: as many selects as it asks for, and always one blank more than are
 * filled, so a list can grow one entry per save without JavaScript.
 */
function ListSlots(props: {
	field: FieldSpec;
	prefix: string;
	values: Record<string, string>;
	error?: string;
	options: readonly Option[];
}) {
	const { field, prefix, values } = props;
	const filled = Object.keys(values)
		.map((name) => (name.startsWith(`${prefix}${field.name}.`) && values[name] ? Number(name.split(".").pop()) : 0))
		.reduce((a, b) => Math.max(a, b), 0);
	const count = Math.max(field.slots ?? 1, filled + 1);
	// "Speakers" → "Speaker 1": the legend names the list, each select its place in it.
	const item = field.label.replace(/s$/, "");
	const id = `field-${prefix}${field.name}`;
	return (
		<fieldset id={id} class={props.error ? "field field-invalid" : "field"} aria-describedby={`${id}-hint`}>
			<legend>{field.label}</legend>
			<p class="hint" id={`${id}-hint`}>
				In the order they are listed; leave the rest empty.
			</p>
			{props.error ? <p class="field-error">{props.error}</p> : null}
			{Array.from({ length: count }, (_, i) => {
				const name = prefix + slotName(field, i + 1);
				const slot = withChoices(field, name, [{ value: "", label: "—" }, ...props.options]);
				return (
					<ContentField field={{ ...slot, label: `${item} ${i + 1}`, required: false }} value={values[name] ?? ""} />
				);
			})}
		</fieldset>
	);
}

/** The controls of a form (with its error summary), filled from stored data or a failed submission. */
export function FormFields({ fields, data, failed, choices, prefix = "" }: FormFieldsProps) {
	const values = failed ? failed.values : valuesByControl(fields, prefix, data);
	const errors = errorsByControl(fields, prefix, failed?.fields);
	return (
		<>
			<ErrorSummary fields={failed ? errors : undefined} />
			{fields.map((field) => {
				const name = prefix + field.name;
				if (field.slots !== undefined) {
					return (
						<ListSlots
							field={field}
							prefix={prefix}
							values={values}
							error={errors[name]}
							options={choices[field.name] ?? []}
						/>
					);
				}
				return (
					<ContentField
						field={withChoices(field, name, choices[field.name])}
						value={values[name] ?? ""}
						error={errors[name]}
					/>
				);
			})}
		</>
	);
}
