/**
 * The template library in the console, usable without JavaScript: the browser (filter by series,
 * part and publisher), a template's page (versions with their source editions, the editions that
 * used each, and the forms to apply, publish a new version and fork), and one version's content.
 * Publishing from an edition is in publish-views.tsx; applying one is the setup wizard's.
 */
import type { Edition, TemplateVisibility, User } from "../../db/schema";
import { publishUrl, setupTemplateUrl, templateConsoleUrl, templatesConsoleUrl, versionUrl } from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import type { FailedForm } from "../../views/form-flow";
import { ErrorSummary, Field, Notice } from "../../views/forms";
import { CLONE_PARTS, type ClonePart, PART_HINTS, PART_LABELS, PartChecks, partField, rowKindsOf } from "../cloning";
import type { TemplateDocument } from "./document";
import type { TemplateInfo, UseInfo, VersionInfo } from "./library";
import { VISIBILITY_LABELS } from "./schemas";
import { EditionSelect, VisibilityChoice } from "./template-fields";

type ConsoleUser = Pick<User, "name" | "email">;

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function Day({ date }: { date: Date | null }) {
	return date ? <time datetime={date.toISOString()}>{dayFormat.format(date)}</time> : <span>—</span>;
}

const VISIBILITY_BADGES: Record<TemplateVisibility, string> = {
	series: "Series library",
	institution: "Institution only",
	public: "Public",
};

function visibilityBadge(t: Pick<TemplateInfo, "builtin" | "visibility">) {
	return <span class="badge">{t.builtin ? "Built-in" : VISIBILITY_BADGES[t.visibility]}</span>;
}

const publisherOf = (t: TemplateInfo) => (t.builtin ? "Baton (built-in)" : (t.institution?.name ?? "—"));
const partList = (parts: readonly ClonePart[]) => parts.map((p) => PART_LABELS[p]).join(", ");

const libraryCrumbs = (last?: { label: string; href?: string }[]) => [
	{ label: "Console", href: "/console" },
	...(last ? [{ label: "Templates", href: templatesConsoleUrl }, ...last] : [{ label: "Templates" }]),
];

// ---------------------------------------------------------------------------------------------
// The browser

export interface LibraryFilterOptions {
	series: { slug: string; name: string }[];
	publishers: { slug: string; name: string }[];
}

export function TemplatesPage(props: {
	user: ConsoleUser;
	templates: TemplateInfo[];
	filters: { series?: string; part?: string; publisher?: string };
	options: LibraryFilterOptions;
	publishable: Edition[];
	notice?: string;
}) {
	const { templates, filters, options, publishable } = props;
	const filtered = Boolean(filters.series || filters.part || filters.publisher);
	return (
		<ConsoleLayout title="Templates" user={props.user} breadcrumb={libraryCrumbs()}>
			<h1>Templates</h1>
			<p class="lead">
				What earlier committees set up, ready to start an edition from: built-in starters, your series' libraries, your
				institutions' own templates and public ones.
			</p>
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			<form method="get" action={templatesConsoleUrl}>
				<fieldset>
					<legend>Filter</legend>
					<div class="field">
						<label for="filter-series">Series</label>
						<select id="filter-series" name="series">
							<option value="">All series</option>
							{options.series.map((s) => (
								<option value={s.slug} selected={s.slug === filters.series}>
									{s.name}
								</option>
							))}
						</select>
					</div>
					<div class="field">
						<label for="filter-part">Holds the part</label>
						<select id="filter-part" name="part">
							<option value="">Any part</option>
							{CLONE_PARTS.map((part) => (
								<option value={part} selected={part === filters.part}>
									{PART_LABELS[part]}
								</option>
							))}
						</select>
					</div>
					<div class="field">
						<label for="filter-publisher">Publisher</label>
						<select id="filter-publisher" name="publisher">
							<option value="">Any publisher</option>
							<option value="builtin" selected={filters.publisher === "builtin"}>
								Baton (built-in)
							</option>
							{options.publishers.map((p) => (
								<option value={p.slug} selected={p.slug === filters.publisher}>
									{p.name}
								</option>
							))}
						</select>
					</div>
				</fieldset>
				<button type="submit">Show templates</button> {filtered ? <a href={templatesConsoleUrl}>Show all</a> : null}
			</form>
			<h2>
				{templates.length} template{templates.length === 1 ? "" : "s"}
			</h2>
			{templates.length === 0 ? (
				<p>No template matches these filters.</p>
			) : (
				<div class="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">Template</th>
								<th scope="col">Series</th>
								<th scope="col">Publisher</th>
								<th scope="col">Newest version</th>
								<th scope="col">Parts</th>
							</tr>
						</thead>
						<tbody>
							{templates.map((t) => (
								<tr>
									<th scope="row">
										<a href={templateConsoleUrl(t.ref)}>{t.name}</a> {visibilityBadge(t)}
									</th>
									<td>{t.series?.name ?? "—"}</td>
									<td>{publisherOf(t)}</td>
									<td>
										Version {t.latest.version}
										{t.latest.createdAt ? (
											<>
												, <Day date={t.latest.createdAt} />
											</>
										) : null}
									</td>
									<td>{partList(t.latest.parts)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<h2>Publish a template</h2>
			{publishable.length === 0 ? (
				<p>The chairs and organizers of an edition publish templates from it.</p>
			) : (
				<ul>
					{publishable.map((e) => (
						<li>
							<a href={publishUrl(e)}>Publish from {e.name}</a>
						</li>
					))}
				</ul>
			)}
		</ConsoleLayout>
	);
}

// ---------------------------------------------------------------------------------------------
// One template

export function TemplatePage(props: {
	user: ConsoleUser;
	template: TemplateInfo;
	versions: VersionInfo[];
	uses: UseInfo[];
	/** Names of templates this one was forked from, when visible. */
	forkedFromName: string | null;
	/** Editions the user chairs or organizes: to apply to, to fork into. */
	editions: Edition[];
	/** Editions of the template's series the user may publish a new version from (empty: no form). */
	republishFrom: Edition[];
	notice?: string;
	failed?: FailedForm;
}) {
	const { template: t, versions, uses, editions, republishFrom, failed } = props;
	const republishFailed = failed?.form === "republish" ? failed : undefined;
	const forkFailed = failed?.form === "fork" ? failed : undefined;
	const [forkedRef, forkedVersion] = (t.forkedFrom ?? "").split("@");
	return (
		<ConsoleLayout title={`${t.name} · Templates`} user={props.user} breadcrumb={libraryCrumbs([{ label: t.name }])}>
			<h1>
				{t.name} {visibilityBadge(t)}
			</h1>
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			{t.description ? <p class="lead">{t.description}</p> : null}
			<dl class="facts">
				<dt>Who may see it</dt>
				<dd>{t.builtin ? "Everyone signed in: it ships with Baton." : VISIBILITY_LABELS[t.visibility]}</dd>
				<dt>Series</dt>
				<dd>{t.series?.name ?? "—"}</dd>
				<dt>Publisher</dt>
				<dd>{publisherOf(t)}</dd>
				{t.forkedFrom ? (
					<>
						<dt>Forked from</dt>
						<dd>
							{props.forkedFromName && forkedRef ? (
								<a href={templateConsoleUrl(forkedRef)}>{props.forkedFromName}</a>
							) : (
								"a template you cannot see"
							)}
							, version {forkedVersion}
						</dd>
					</>
				) : null}
				<dt>Newest version</dt>
				<dd>
					{t.latest.version}: {partList(t.latest.parts)}
				</dd>
			</dl>

			<h2>Versions</h2>
			<div class="table-wrap">
				<table>
					<thead>
						<tr>
							<th scope="col">Version</th>
							<th scope="col">What changed</th>
							<th scope="col">Published</th>
							<th scope="col">From edition</th>
						</tr>
					</thead>
					<tbody>
						{versions.map((v) => (
							<tr>
								<th scope="row">
									<a href={versionUrl(t.ref, v.version)}>Version {v.version}</a>
								</th>
								<td>{v.changelog}</td>
								<td>
									<Day date={v.createdAt} />
									{v.createdBy ? <span class="meta"> by {v.createdBy}</span> : null}
								</td>
								<td>{v.source ? v.source.name : t.builtin ? "Baton's starter kit" : "—"}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>

			<h2>Used by</h2>
			{uses.length === 0 ? (
				<p>No edition you can see has used this template yet.</p>
			) : (
				<div class="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">Edition</th>
								<th scope="col">Version</th>
								<th scope="col">Parts</th>
								<th scope="col">Applied</th>
							</tr>
						</thead>
						<tbody>
							{uses.map((u) => (
								<tr>
									<th scope="row">{u.edition.name}</th>
									<td>{u.version}</td>
									<td>{partList(u.parts)}</td>
									<td>
										<Day date={u.appliedAt} />
										{u.appliedBy ? <span class="meta"> by {u.appliedBy}</span> : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}

			<h2>Apply to an edition</h2>
			{editions.length === 0 ? (
				<p>The chairs and organizers of an edition apply templates to it.</p>
			) : (
				<ul>
					{editions
						// An archived edition is read-only.
						.filter((e) => e.status !== "archived")
						.map((e) => (
							<li>
								<a href={setupTemplateUrl(e, t.ref)}>Apply to {e.name}</a>{" "}
								<span class="meta">(you see what changes before anything is written)</span>
							</li>
						))}
				</ul>
			)}

			{republishFrom.length > 0 ? (
				<section aria-labelledby="republish">
					<h2 id="republish">Publish a new version</h2>
					<p>Version {t.latest.version + 1} is read from an edition of the series; earlier versions stay usable.</p>
					<form method="post" action={`${templateConsoleUrl(t.ref)}/versions`}>
						<ErrorSummary fields={republishFailed?.fields} />
						<EditionSelect
							editions={republishFrom}
							value={republishFailed?.values.editionId}
							error={republishFailed?.fields.editionId}
							label="Publish from"
						/>
						<PartChecks
							legend="Parts"
							offered={CLONE_PARTS}
							values={republishFailed?.values ?? Object.fromEntries(t.latest.parts.map((p) => [partField(p), "on"]))}
							error={republishFailed?.fields.parts}
						/>
						<Field
							name="changelog"
							label="What changed"
							required
							maxlength={300}
							hint="One line, e.g. Checklist: venue booked six months earlier."
							value={republishFailed?.values.changelog ?? ""}
							error={republishFailed?.fields.changelog}
						/>
						<button type="submit">Publish version {t.latest.version + 1}</button>
					</form>
				</section>
			) : null}

			{editions.length > 0 ? (
				<section aria-labelledby="fork">
					<h2 id="fork">Fork</h2>
					<p>
						A copy of a version as a new template of your edition's series, published by its host institution, to change
						as you like.
					</p>
					<form method="post" action={`${templateConsoleUrl(t.ref)}/fork`}>
						<ErrorSummary fields={forkFailed?.fields} />
						<EditionSelect
							editions={editions}
							value={forkFailed?.values.editionId}
							error={forkFailed?.fields.editionId}
							label="Into the library of"
						/>
						<div class="field">
							<label for="field-version">Version</label>
							<select id="field-version" name="version">
								{versions.map((v) => (
									<option value={String(v.version)} selected={forkFailed?.values.version === String(v.version)}>
										Version {v.version}
									</option>
								))}
							</select>
						</div>
						<Field
							name="name"
							label="Name"
							maxlength={100}
							hint={`Leave empty to keep “${t.name}”.`}
							value={forkFailed?.values.name ?? ""}
							error={forkFailed?.fields.name}
						/>
						<VisibilityChoice value={forkFailed?.values.visibility ?? "series"} error={forkFailed?.fields.visibility} />
						<button type="submit" class="button button-secondary">
							Fork
						</button>
					</form>
				</section>
			) : null}
		</ConsoleLayout>
	);
}

/** What one version holds, part by part, row by row. */
export function VersionPage(props: {
	user: ConsoleUser;
	template: TemplateInfo;
	version: number;
	document: TemplateDocument;
}) {
	const { template: t, version, document } = props;
	const parts = CLONE_PARTS.filter((p) => document.parts[p] !== undefined);
	return (
		<ConsoleLayout
			title={`${t.name}, version ${version}`}
			user={props.user}
			breadcrumb={libraryCrumbs([{ label: t.name, href: templateConsoleUrl(t.ref) }, { label: `Version ${version}` }])}
		>
			<h1>
				{t.name} <span class="meta">version {version}</span>
			</h1>
			<p class="lead">{document.description}</p>
			<p>
				As JSON:{" "}
				<a href={`/api/v1/templates/${encodeURIComponent(t.ref)}/versions/${version}`}>the template document</a>
			</p>
			{parts.map((part) => (
				<section aria-labelledby={`part-${part}`}>
					<h2 id={`part-${part}`}>{PART_LABELS[part]}</h2>
					<p class="hint">{PART_HINTS[part]}</p>
					{rowKindsOf(part).map((kind) => {
						const rows = kind.of(document.parts);
						return rows.length === 0 ? (
							<p>No {kind.what}.</p>
						) : (
							<details>
								<summary>
									{rows.length} {kind.what}
								</summary>
								<ul>
									{rows.map((row) => (
										<li>{kind.title(row)}</li>
									))}
								</ul>
							</details>
						);
					})}
				</section>
			))}
		</ConsoleLayout>
	);
}
