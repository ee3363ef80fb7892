/** Publishing an edition's parts as a template: the form, with the parts, name, description and visibility. */

import { publishUrl, templateConsoleUrl } from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import { type EditionContext, editionCrumbs } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { ErrorSummary, Field, TextArea } from "../../views/forms";
import type { FormValues } from "../../views/parse-form";
import { CLONE_PARTS, type ClonePart, PART_HINTS, PartChecks } from "../cloning";
import type { TemplateInfo } from "./library";
import { readableFields, VisibilityChoice } from "./template-fields";

export function PublishPage(
	props: EditionContext & {
		/** Parts the edition has content in: the others cannot be published. */
		filled: readonly ClonePart[];
		/** Templates of the series the user may publish a new version of. */
		manageable: TemplateInfo[];
		values: FormValues;
		failed?: FailedForm;
	},
) {
	const { edition, filled, values, failed } = props;
	const empty = CLONE_PARTS.filter((p) => !filled.includes(p));
	return (
		<ConsoleLayout
			title={`Publish a template from ${edition.name}`}
			user={props.user}
			breadcrumb={editionCrumbs(props, { label: "Publish a template" })}
		>
			<h1>
				Publish a template <span class="meta">from {edition.name}</span>
			</h1>
			<p class="lead">
				The parts you choose are read from {edition.name} as they are now, with their placeholders, and stored as
				version 1 of a new template in the {props.series.name} library. Speakers, talks, sponsors and everything people
				sent in are never part of a template.
			</p>
			{props.manageable.length > 0 ? (
				<p>
					Or publish a new version of{" "}
					{props.manageable.map((t, i) => (
						<>
							{i > 0 ? ", " : ""}
							<a href={`${templateConsoleUrl(t.ref)}#republish`}>{t.name}</a>
						</>
					))}
					.
				</p>
			) : null}
			<form method="post" action={publishUrl(edition)}>
				<ErrorSummary fields={failed ? readableFields(failed.fields) : undefined} />
				<Field
					name="name"
					label="Name"
					required
					maxlength={100}
					value={values.name ?? ""}
					error={failed?.fields.name}
				/>
				<TextArea
					name="description"
					label="Description"
					hint="What the template is for and what it holds."
					value={values.description ?? ""}
					error={failed?.fields.description}
				/>
				<VisibilityChoice value={values.visibility ?? "series"} error={failed?.fields.visibility} />
				<PartChecks
					legend="Parts"
					offered={CLONE_PARTS}
					values={values}
					error={failed?.fields.parts}
					disabled={empty}
					hints={Object.fromEntries(
						CLONE_PARTS.map((p) => [p, empty.includes(p) ? `${edition.name} has nothing here yet.` : PART_HINTS[p]]),
					)}
				/>
				<button type="submit">Publish</button>
			</form>
		</ConsoleLayout>
	);
}
