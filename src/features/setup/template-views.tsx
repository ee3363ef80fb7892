/** The setup wizard's "start from a template" steps: the parts to apply, and the preview with its diff. */
import { setupTemplateUrl, setupUrl, templateApplyUrl, templatePreviewUrl } from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import type { EditionContext } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { ErrorSummary, HiddenFields } from "../../views/forms";
import { MomentTime } from "../../views/moment-time";
import type { FormValues } from "../../views/parse-form";
import { type ClonePart, PART_HINTS, PartChecks } from "../cloning";
import type { PartDiff, TemplateInfo, TemplatePreview, VersionInfo } from "../templates";
import {
	ChangedSincePreview,
	PartsTable,
	SetupPreviewLayout,
	setupCrumbs,
	TitleList,
	UnfilledPlaceholdersNotice,
} from "./views";

// ---------------------------------------------------------------------------------------------
// Applying (the setup wizard's steps for a template)

/** Step 2 for a template: the version and the parts to apply. */
export function ApplyPartsPage(
	props: EditionContext & {
		template: TemplateInfo;
		versions: VersionInfo[];
		version: number;
		/** The parts the chosen version holds. */
		held: readonly ClonePart[];
		/** Parts the edition already has content in: applying replaces them. */
		filled: readonly ClonePart[];
		values: FormValues;
		failed?: FailedForm;
	},
) {
	const { edition, template: t, versions, version, held, filled, values, failed } = props;
	return (
		<ConsoleLayout
			title={`Set up ${edition.name} from ${t.name}`}
			user={props.user}
			breadcrumb={setupCrumbs(props, `From ${t.name}`)}
		>
			<h1>
				Set up {edition.name} <span class="meta">from the template {t.name}</span>
			</h1>
			<p class="lead">
				Each part you apply replaces what {edition.name} has in it now. Texts get {edition.name}'s name, city and dates;
				every date keeps its distance from day 1.
			</p>
			{versions.length > 1 ? (
				<form method="get" action={setupUrl(edition)}>
					<input type="hidden" name="start" value="template" />
					<input type="hidden" name="template" value={t.ref} />
					<div class="field">
						<label for="field-version-choice">Version</label>
						<select id="field-version-choice" name="version">
							{versions.map((v) => (
								<option value={String(v.version)} selected={v.version === version}>
									Version {v.version}: {v.changelog}
								</option>
							))}
						</select>
					</div>
					<button type="submit" class="button button-secondary">
						Show this version
					</button>
				</form>
			) : null}
			<form method="post" action={templatePreviewUrl(edition)}>
				<ErrorSummary fields={failed?.fields} />
				<ChangedSincePreview failed={failed} />
				<input type="hidden" name="template" value={t.ref} />
				<input type="hidden" name="version" value={String(version)} />
				<PartChecks
					legend={`Parts of version ${version} to apply`}
					offered={held}
					values={values}
					error={failed?.fields.parts}
					hints={Object.fromEntries(
						held.map((p) => [
							p,
							filled.includes(p) ? `Replaces what ${edition.name} has now. ${PART_HINTS[p]}` : PART_HINTS[p],
						]),
					)}
				/>
				<button type="submit">Preview</button>
			</form>
			<p>
				<a href={setupUrl(edition)}>Choose another start</a>
			</p>
		</ConsoleLayout>
	);
}
function DiffList({ diff }: { diff: PartDiff[] }) {
	if (diff.length === 0) return <p>The two versions hold the same rows in these parts.</p>;
	return (
		<ul>
			{diff.map((part) => (
				<li>
					<strong>{part.label}</strong>
					<ul>
						{part.groups.map((g) => (
							<>
								{g.added.length > 0 ? (
									<li>
										{g.what} added: {g.added.join("; ")}
									</li>
								) : null}
								{g.removed.length > 0 ? (
									<li>
										{g.what} removed: {g.removed.join("; ")}
									</li>
								) : null}
								{g.changed.map((c) => (
									<li>
										{c.title} changed: {c.fields.join("; ")}
									</li>
								))}
							</>
						))}
					</ul>
				</li>
			))}
		</ul>
	);
}
/** Step 3: exactly what applying would change, part by part; Apply writes it. */
export function ApplyPreviewPage(props: EditionContext & { preview: TemplatePreview; hidden: Record<string, string> }) {
	const { edition, preview, hidden } = props;
	const { template: t } = preview;
	return (
		<SetupPreviewLayout
			{...props}
			subject={`${edition.name} from ${t.name}`}
			heading={`${edition.name} from ${t.name}, version ${t.version}`}
			check="what each part will hold"
		>
			{preview.previous ? (
				<section aria-labelledby="previous">
					<h2 id="previous">Since the version {edition.name} used before</h2>
					{preview.previous.version === t.version ? (
						<p>{edition.name} applied this same version before; applying it again replaces those parts once more.</p>
					) : preview.previous.diff === null ? (
						<p>
							{edition.name} used version {preview.previous.version}, which is no longer available to compare with.
						</p>
					) : (
						<>
							<p>
								{edition.name} used version {preview.previous.version}. What version {t.version} changes:
							</p>
							<DiffList diff={preview.previous.diff} />
						</>
					)}
				</section>
			) : null}
			{preview.warnings.length > 0 ? (
				<div class="notice">
					<p>Before you apply:</p>
					<ul>
						{preview.warnings.map((w) => (
							<li>{w}</li>
						))}
					</ul>
				</div>
			) : null}
			<UnfilledPlaceholdersNotice
				edition={edition.name}
				placeholders={preview.unfilledPlaceholders}
				texts="the texts"
			/>
			<h2>What changes</h2>
			<PartsTable
				parts={preview.parts}
				column="Change"
				cell={(part) => (
					<>
						<p>{part.summary[0]?.toUpperCase() + part.summary.slice(1)}.</p>
						{part.groups.map((g) =>
							g.before.length === 0 && g.after.length === 0 ? null : (
								<details>
									<summary>{g.what}</summary>
									{g.before.length > 0 ? (
										<>
											<p>Now:</p>
											<TitleList titles={g.before} />
										</>
									) : null}
									<p>After:</p>
									{g.after.length === 0 ? <p>None.</p> : <TitleList titles={g.after} />}
								</details>
							),
						)}
					</>
				)}
			/>
			{preview.deadlines.length > 0 ? (
				<>
					<h2>Deadlines and due dates</h2>
					<div class="table-wrap">
						<table class="moments-table">
							<thead>
								<tr>
									<th scope="col">What</th>
									<th scope="col">
										In {edition.name} <span class="meta">({preview.target.timeZone})</span>
									</th>
								</tr>
							</thead>
							<tbody>
								{preview.deadlines.map((d) => (
									<tr>
										<th scope="row">{d.label}</th>
										<td>
											<MomentTime moment={d.moment} />
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</>
			) : null}
			<form method="post" action={templateApplyUrl(edition)}>
				<HiddenFields fields={hidden} />
				<button type="submit">Apply to {edition.name}</button>
			</form>
			<p>
				<a href={`${setupTemplateUrl(edition, t.ref)}&version=${t.version}`}>Change the choices</a>
			</p>
		</SetupPreviewLayout>
	);
}
