/**
 * The frame every console page of an edition shares (title, breadcrumb, heading), one content field
 * as its form control, and a page holding one form of fields (settings, the call for abstracts).
 */
import type { Child } from "hono/jsx";
import type { Edition, Series, User } from "../db/schema";
import { type FieldSpec, formValue, type Option } from "../domain/fields";
import { contentUrl } from "../urls";
import { ConsoleLayout } from "./console-layout";
import type { FailedForm } from "./form-flow";
import { Checkbox, ErrorSummary, Field, Notice, Select, TextArea } from "./forms";
import type { Crumb } from "./layout";

export interface EditionContext {
	edition: Edition;
	series: Series;
	user: Pick<User, "name" | "email">;
}

/** The breadcrumb of an edition's console page: the console, the edition, then `more`. */
export const editionCrumbs = ({ edition }: Pick<EditionContext, "edition">, ...more: Crumb[]): Crumb[] => [
	{ label: "Console", href: "/console" },
	{ label: edition.name, href: contentUrl(edition.id) },
	...more,
];

/**
 * The frame of most of an edition's console pages, so they all read alike: the title
 * "<page> · <edition>", the breadcrumb ending in the page (after `via`, the pages above it), and
 * the one h1 "<page> of <edition>".
 */
export function EditionPageLayout(
	props: Pick<EditionContext, "edition" | "user"> & { page: string; via?: Crumb[]; children?: Child },
) {
	const { edition, page } = props;
	return (
		<ConsoleLayout
			title={`${page} · ${edition.name}`}
			user={props.user}
			breadcrumb={editionCrumbs(props, ...(props.via ?? []), { label: page })}
		>
			<h1>
				{page} <span class="meta">of {edition.name}</span>
			</h1>
			{props.children}
		</ConsoleLayout>
	);
}

/** Renders one content field as the right form control, with its value and message. */
export function ContentField({
	field,
	value,
	error,
	refOptions,
}: {
	field: FieldSpec;
	value: string;
	error?: string;
	refOptions?: readonly Option[];
}) {
	const common = { name: field.name, label: field.label, error, hint: field.hint, required: field.required };
	switch (field.kind) {
		case "textarea":
		case "lines":
			return <TextArea {...common} value={value} rows={field.kind === "lines" ? 4 : 6} />;
		case "markdown":
			return <TextArea {...common} value={value} rows={14} />;
		case "checkbox":
			return (
				<Checkbox name={field.name} label={field.label} checked={value === "on"} error={error} hint={field.hint} />
			);
		case "select":
			return (
				<Select
					name={field.name}
					label={field.label}
					value={value}
					error={error}
					required={field.required}
					options={field.ref ? [{ value: "", label: "—" }, ...(refOptions ?? [])] : (field.options ?? [])}
				/>
			);
		case "number":
			return <Field {...common} type="number" value={value} />;
		case "money":
			return <Field {...common} value={value} inputmode="decimal" />;
		default:
			return <Field {...common} type={field.kind} value={value} />;
	}
}

/** A page holding one form of fields for one thing of the edition (its settings, its call for abstracts). */
export function FieldsFormPage(
	props: EditionContext & {
		title: string;
		fields: readonly FieldSpec[];
		data: Record<string, unknown>;
		action: string;
		submitLabel: string;
		canEdit: boolean;
		notice?: string;
		failed?: FailedForm;
		/** Shown above the form, e.g. that the text was copied and nobody has reviewed it yet. */
		above?: Child;
	},
) {
	const { edition, fields, data, failed, canEdit } = props;
	return (
		<EditionPageLayout edition={edition} user={props.user} page={props.title}>
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			{props.above}
			<form method="post" action={props.action}>
				<ErrorSummary fields={failed?.fields} />
				<fieldset disabled={!canEdit}>
					<legend class="visually-hidden">{props.title}</legend>
					{fields.map((field) => (
						<ContentField
							field={field}
							value={failed ? (failed.values[field.name] ?? "") : formValue(field, data[field.name])}
							error={failed?.fields[field.name]}
						/>
					))}
				</fieldset>
				{canEdit ? <button type="submit">{props.submitLabel}</button> : null}
			</form>
		</EditionPageLayout>
	);
}
