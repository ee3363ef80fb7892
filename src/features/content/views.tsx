import type { Child } from "hono/jsx";
import type { Edition } from "../../db/schema";
import { formValue, type Option } from "../../domain/fields";
import type { PlaceholderValues } from "../../domain/placeholders";
import { collectionUrl, itemUrl } from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import { ContentField, type EditionContext, EditionPageLayout, editionCrumbs } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { ActionButton, ErrorSummary, Notice } from "../../views/forms";
import { type ListPage, Pager } from "../../views/pager";
import { PlaceholderList, PlaceholderPreview, PreviewButton, type PreviewedText } from "../../views/placeholder-help";
import { RowLink, RowsTable } from "../../views/table";
import type { CollectionDef, Data, Row } from "./collection-def";

/** What a form of texts with placeholders shows: the edition's values and, after "Preview", the typed texts. */
export interface PlaceholderHelp {
	values: PlaceholderValues;
	preview?: readonly PreviewedText[];
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
	placeholders?: PlaceholderHelp;
}) {
	const { def, noun = def.singular, placeholders } = props;
	return (
		<section aria-labelledby="add">
			<h2 id="add">Add a {noun}</h2>
			{placeholders?.preview ? <PlaceholderPreview texts={placeholders.preview} values={placeholders.values} /> : null}
			<form method="post" action={collectionUrl(props.edition.id, def)}>
				<ErrorSummary fields={props.failed?.fields} />
				<ContentFields def={def} failed={props.failed} refOptions={props.refOptions ?? {}} />
				{placeholders ? <PlaceholderList values={placeholders.values} /> : null}
				<button type="submit">Add {noun}</button>
				{placeholders ? (
					<>
						{" "}
						<PreviewButton />
					</>
				) : null}
			</form>
		</section>
	);
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
		/** The rows of this page of the list. */
		page: ListPage<Row>;
		canEdit: boolean;
		notice?: string;
		failed?: FailedForm;
		refOptions: Record<string, readonly Option[]>;
		placeholders?: PlaceholderHelp;
	},
) {
	const { def, page, canEdit, notice, failed, edition } = props;
	const title = def.plural[0]?.toUpperCase() + def.plural.slice(1);
	return (
		<EditionPageLayout edition={edition} user={props.user} page={title}>
			{notice ? <Notice>{notice}</Notice> : null}
			{page.items.length === 0 ? (
				<p>No {def.plural} yet.</p>
			) : (
				<RowsTable
					columns={def.columns}
					rows={page.items}
					action={
						canEdit ? (row) => <RowLink href={itemUrl(edition.id, def, row.id)} name={def.label(row)} /> : undefined
					}
				/>
			)}
			<Pager page={page} />
			{canEdit ? (
				<AddItemForm
					edition={edition}
					def={def}
					failed={failed}
					refOptions={props.refOptions}
					placeholders={props.placeholders}
				/>
			) : null}
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
		placeholders?: PlaceholderHelp;
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
			{props.placeholders?.preview ? (
				<PlaceholderPreview texts={props.placeholders.preview} values={props.placeholders.values} />
			) : null}
			<form method="post" action={itemUrl(edition.id, def, row.id)}>
				<ErrorSummary fields={props.failed?.fields} />
				<ContentFields def={def} data={props.data} failed={props.failed} refOptions={props.refOptions} />
				{props.placeholders ? <PlaceholderList values={props.placeholders.values} /> : null}
				<button type="submit">Save</button>
				{props.placeholders ? (
					<>
						{" "}
						<PreviewButton />
					</>
				) : null}
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
