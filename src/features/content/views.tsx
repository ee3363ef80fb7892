import type { Child } from "hono/jsx";
import type { Edition, Series, User } from "../../db/schema";
import { type FieldSpec, formValue, type Option } from "../../domain/fields";
import { collectionUrl, contentUrl, itemUrl } from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import type { FailedForm } from "../../views/form-flow";
import { ActionButton, Checkbox, ErrorSummary, Field, Notice, Select, TextArea } from "../../views/forms";
import type { Crumb } from "../../views/layout";
import { RowLink, RowsTable } from "../../views/table";
import type { CollectionDef, Data, Row } from "./collections";

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

/**
 * The "Add a …" form of a collection on a page that lists its rows: it posts to the collection's
 * own create route, so its fields, rules and messages are the collection's.
 */
export function AddItemForm(props: {
	edition: Pick<Edition, "id">;
	def: CollectionDef;
	/** What one row is called here; the collection's singular by default. */
	noun?: string;
	failed?: FailedForm;
	refOptions?: Record<string, readonly Option[]>;
}) {
	const { def, noun = def.singular } = props;
	return (
		<section aria-labelledby="add">
			<h2 id="add">Add a {noun}</h2>
			<form method="post" action={collectionUrl(props.edition.id, def)}>
				<ErrorSummary fields={props.failed?.fields} />
				<ContentFields def={def} failed={props.failed} refOptions={props.refOptions ?? {}} />
				<button type="submit">Add {noun}</button>
			</form>
		</section>
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

/** The fields of a collection's form, filled from stored data or from a failed submission. */
export function ContentFields({
	def,
	data,
	failed,
	refOptions,
}: {
	def: CollectionDef;
	data?: Data;
	failed?: FailedForm;
	refOptions: Record<string, readonly Option[]>;
}) {
	return (
		<>
			{def.fields.map((field) => (
				<ContentField
					field={field}
					value={failed ? (failed.values[field.name] ?? "") : formValue(field, data?.[field.name])}
					error={failed?.fields[field.name]}
					refOptions={field.ref ? refOptions[field.ref] : undefined}
				/>
			))}
		</>
	);
}

export function CollectionPage(
	props: EditionContext & {
		def: CollectionDef;
		rows: Row[];
		canEdit: boolean;
		notice?: string;
		failed?: FailedForm;
		refOptions: Record<string, readonly Option[]>;
	},
) {
	const { def, rows, canEdit, notice, failed, edition } = props;
	const title = def.plural[0]?.toUpperCase() + def.plural.slice(1);
	return (
		<EditionPageLayout edition={edition} user={props.user} page={title}>
			{notice ? <Notice>{notice}</Notice> : null}
			{rows.length === 0 ? (
				<p>No {def.plural} yet.</p>
			) : (
				<RowsTable
					columns={def.columns}
					rows={rows}
					action={
						canEdit ? (row) => <RowLink href={itemUrl(edition.id, def, row.id)} name={def.label(row)} /> : undefined
					}
				/>
			)}
			{canEdit ? <AddItemForm edition={edition} def={def} failed={failed} refOptions={props.refOptions} /> : null}
		</EditionPageLayout>
	);
}

export function ItemPage(
	props: EditionContext & {
		def: CollectionDef;
		row: Row;
		data: Data;
		failed?: FailedForm;
		refOptions: Record<string, readonly Option[]>;
		/** Shown beside the form, e.g. the handover notes attached to this row. */
		aside?: Child;
	},
) {
	const { def, row, edition } = props;
	const title = `Edit ${def.singular}: ${def.label(row)}`;
	return (
		<ConsoleLayout
			title={title}
			user={props.user}
			breadcrumb={editionCrumbs(
				props,
				{ label: def.plural[0]?.toUpperCase() + def.plural.slice(1), href: collectionUrl(edition.id, def) },
				{ label: def.label(row) },
			)}
		>
			<h1>{title}</h1>
			{props.aside}
			<form method="post" action={itemUrl(edition.id, def, row.id)}>
				<ErrorSummary fields={props.failed?.fields} />
				<ContentFields def={def} data={props.data} failed={props.failed} refOptions={props.refOptions} />
				<button type="submit">Save</button>
			</form>
			<h2>Remove</h2>
			<ActionButton
				action={`${itemUrl(edition.id, def, row.id)}/delete`}
				label={`Remove this ${def.singular}`}
				danger
			/>
		</ConsoleLayout>
	);
}

/** A page holding one form of fields for one thing of the edition (its settings, its call for abstracts). */
export function FieldsFormPage(
	props: EditionContext & {
		title: string;
		fields: readonly FieldSpec[];
		data: Data;
		action: string;
		submitLabel: string;
		canEdit: boolean;
		notice?: string;
		failed?: FailedForm;
	},
) {
	const { edition, fields, data, failed, canEdit } = props;
	return (
		<EditionPageLayout edition={edition} user={props.user} page={props.title}>
			{props.notice ? <Notice>{props.notice}</Notice> : null}
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
