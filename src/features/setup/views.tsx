/**
 * The setup wizard's pages, usable without JavaScript: the edition's dates (saved first, since
 * every copied date follows day 1) and the start (a previous edition, a template, or blank), then
 * the parts and the new room names, then a preview of everything that would be created with each
 * date old beside new, what needs a decision and a choice per task already due, and only then apply.
 */
import type { Child } from "hono/jsx";
import { PREVIEWED_VERSION_FIELD } from "../../db/content-version";
import type { Edition, Room } from "../../db/schema";
import { formValue } from "../../domain/fields";
import { formatFullDate } from "../../domain/resolved-moment";
import { formatDateRange } from "../../lib/dates";
import { setupApplyUrl, setupPreviewUrl, setupStartUrl, setupUrl } from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import { ContentField, type EditionContext, editionCrumbs } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { ErrorSummary, Field, HiddenFields } from "../../views/forms";
import { MomentTime } from "../../views/moment-time";
import type { FormValues } from "../../views/parse-form";
import {
	CLONE_PARTS,
	type ClonePart,
	type ClonePreview,
	type CloneRequestData,
	type CopiedFactHit,
	type DateChange,
	factField,
	formFromRequest,
	type NeedsDecision,
	PART_HINTS,
	PartChecks,
	type PastTask,
	pastTaskField,
	type ReminderChange,
	ROOM_NAME_MAX,
	roomField,
	TASK_CHOICES,
} from "../cloning";
import { DATE_FIELDS } from "../editions";
import type { ProposedDates } from "../hosting";
import type { TemplateInfo } from "../templates";

/** The breadcrumb of the setup wizard's pages: "Set up" itself, or a step below it (`last`). */
export const setupCrumbs = (context: Pick<EditionContext, "edition">, last?: string) =>
	last
		? editionCrumbs(context, { label: "Set up", href: setupUrl(context.edition) }, { label: last })
		: editionCrumbs(context, { label: "Set up" });

const TEMPLATE_KIND: Record<TemplateInfo["visibility"], string> = {
	series: "series library",
	institution: "institution",
	public: "public",
};

/**
 * After an apply was refused because the edition changed since its preview: the message where the
 * error summary links, and the way back to a fresh preview. It sits inside the step's form, which
 * still holds the choices, so the button previews them again as the edition is now.
 */
export function ChangedSincePreview({ failed }: { failed: FailedForm | undefined }) {
	const message = failed?.fields[PREVIEWED_VERSION_FIELD];
	if (!message) return null;
	return (
		<div class="field field-invalid">
			<p class="field-error" id={`field-${PREVIEWED_VERSION_FIELD}`} tabindex={-1}>
				{message}
			</p>
			<button type="submit">Look at the preview again</button>
		</div>
	);
}

/**
 * The dates the first step offers: the edition's own (an accepted proposal wrote its dates into
 * the edition it created), else the accepted proposal's where the edition lacks one.
 */
export function offeredDates(edition: Edition, proposed: ProposedDates | undefined): Record<string, string> {
	return Object.fromEntries(
		DATE_FIELDS.map((field) => {
			const own = formValue(field, edition[field.name as keyof Edition]);
			return [field.name, own || (proposed?.[field.name as keyof ProposedDates] ?? "")];
		}),
	);
}

/** The first step's dates: day 1, the last day and the zone every copied date is resolved in. */
function DatesFieldset(props: {
	edition: Edition;
	values: FormValues;
	errors?: Record<string, string>;
	proposed: ProposedDates | undefined;
}) {
	const { proposed } = props;
	return (
		<fieldset>
			<legend>Dates of {props.edition.name}</legend>
			<p class="hint">
				Every date you copy keeps its distance from day 1, so set the dates first.
				{proposed
					? ` Accepted in ${proposed.institutionName}'s hosting proposal: ${formatDateRange(proposed.startDate, proposed.endDate)} (${proposed.timeZone}).`
					: null}
			</p>
			{DATE_FIELDS.map((field) => (
				<ContentField field={field} value={props.values[field.name] ?? ""} error={props.errors?.[field.name]} />
			))}
		</fieldset>
	);
}

/** Step 1: the new edition's dates, and where it starts from. */
export function SetupStartPage(
	props: EditionContext & {
		sources: Edition[];
		preferred: Edition | undefined;
		/** The templates the user may see: built-in, libraries of their series, their institutions', public. */
		templates: TemplateInfo[];
		message?: string;
		/** The start chosen beforehand (the edition's page links "Apply a template" here). */
		start?: "template";
		/** The dates offered (see offeredDates), or those of a failed post. */
		dates: FormValues;
		/** The accepted hosting proposal's dates, named beside the fields. */
		proposed: ProposedDates | undefined;
		failed?: FailedForm;
	},
) {
	const { edition, series, sources, preferred, templates, failed } = props;
	const hasSources = sources.length > 0;
	const hasTemplates = templates.length > 0;
	const fromTemplate = props.start === "template" && hasTemplates;
	return (
		<ConsoleLayout title={`Set up ${edition.name}`} user={props.user} breadcrumb={setupCrumbs(props)}>
			<h1>Set up {edition.name}</h1>
			<p class="lead">
				Check the dates of {edition.name}, then start from an earlier edition of {series.name}, a template, or blank.
				Continuing saves the dates; nothing is copied until you have seen a preview and applied it.
			</p>
			<ErrorSummary fields={failed?.fields ?? (props.message ? { _: props.message } : undefined)} />
			<form method="post" action={setupStartUrl(edition)}>
				<DatesFieldset edition={edition} values={props.dates} errors={failed?.fields} proposed={props.proposed} />
				<fieldset>
					<legend>Start from</legend>
					<div class="field field-check">
						<input
							id="start-previous"
							type="radio"
							name="start"
							value="previous"
							checked={hasSources && !fromTemplate}
							disabled={!hasSources}
							aria-describedby="start-previous-hint"
						/>{" "}
						<label for="start-previous">A previous edition of {series.name}</label>
						<p class="hint" id="start-previous-hint">
							{hasSources
								? "Copy the parts you choose; every date keeps its distance from day 1."
								: `${series.name} has no published, held or archived edition to copy from yet.`}
						</p>
					</div>
					{hasSources ? (
						<div class="field">
							<label for="field-sourceEditionId">Edition to copy from</label>
							<select id="field-sourceEditionId" name="sourceEditionId">
								{sources.map((source) => (
									<option value={source.id} selected={source.id === preferred?.id}>
										{source.name} ({source.status})
									</option>
								))}
							</select>
						</div>
					) : null}
					<div class="field field-check">
						<input
							id="start-template"
							type="radio"
							name="start"
							value="template"
							checked={fromTemplate}
							disabled={!hasTemplates}
							aria-describedby="start-template-hint"
						/>{" "}
						<label for="start-template">A template</label>
						<p class="hint" id="start-template-hint">
							Apply the parts you choose of a built-in or published template; each replaces what {edition.name} has in
							it. <a href="/console/templates">Browse the templates</a>
						</p>
					</div>
					{hasTemplates ? (
						<div class="field">
							<label for="field-template">Template</label>
							<select id="field-template" name="template">
								{templates.map((t) => (
									<option value={t.ref}>
										{t.name} ({t.builtin ? "built-in" : TEMPLATE_KIND[t.visibility]}, version {t.latest.version})
									</option>
								))}
							</select>
						</div>
					) : null}
					<div class="field field-check">
						<input
							id="start-blank"
							type="radio"
							name="start"
							value="blank"
							checked={!hasSources && !fromTemplate}
							aria-describedby="start-blank-hint"
						/>{" "}
						<label for="start-blank">Blank</label>
						<p class="hint" id="start-blank-hint">
							Copy nothing and fill {edition.name} by hand.
						</p>
					</div>
				</fieldset>
				<button type="submit">Continue</button>
			</form>
		</ConsoleLayout>
	);
}

/** Step 2: the parts to copy and the rooms' names at the new venue. */
export function SetupPartsPage(
	props: EditionContext & {
		source: Edition;
		sourceRooms: Room[];
		/** Parts in which the target already has content: a clone only fills empty parts. */
		filled: readonly ClonePart[];
		/** The form's values: defaults, the choices brought back from the preview, or a failed post. */
		values: FormValues;
		failed?: FailedForm;
	},
) {
	const { edition, source, sourceRooms, filled, values, failed } = props;
	return (
		<ConsoleLayout
			title={`Set up ${edition.name} from ${source.name}`}
			user={props.user}
			breadcrumb={setupCrumbs(props, `From ${source.name}`)}
		>
			<h1>
				Set up {edition.name} <span class="meta">from {source.name}</span>
			</h1>
			<p class="lead">
				Choose what to carry over. Speakers, talks, sponsors, the committee and everything people sent in stay with{" "}
				{source.name}.
			</p>
			<form method="post" action={setupPreviewUrl(edition)}>
				<ErrorSummary fields={failed?.fields} />
				<ChangedSincePreview failed={failed} />
				<input type="hidden" name="sourceEditionId" value={source.id} />
				{failed?.fields.sourceEditionId ? (
					// The summary links here: the source itself was refused (e.g. it is this edition).
					<p class="field-error" id="field-sourceEditionId" tabindex={-1}>
						{failed.fields.sourceEditionId} <a href={setupUrl(edition)}>Choose another start</a>.
					</p>
				) : null}
				<PartChecks
					legend="Parts to copy"
					offered={CLONE_PARTS}
					values={values}
					error={failed?.fields.parts}
					disabled={filled}
					hints={Object.fromEntries(
						CLONE_PARTS.map((p) => [
							p,
							filled.includes(p)
								? `${edition.name} already has this part; a clone only fills empty parts.`
								: PART_HINTS[p],
						]),
					)}
				/>
				{sourceRooms.length > 0 ? (
					<fieldset>
						<legend>Rooms at the new venue</legend>
						<p class="hint">
							Used when tracks and rooms are copied. Give each room of {source.name} its name at {edition.name}'s venue;
							leave a field empty to keep the name.
						</p>
						{sourceRooms.map((room) => (
							<Field
								name={roomField(room.id)}
								label={`${room.name} becomes`}
								value={values[roomField(room.id)] ?? ""}
								error={failed?.fields[roomField(room.id)]}
								maxlength={ROOM_NAME_MAX}
							/>
						))}
					</fieldset>
				) : null}
				<button type="submit">Preview</button>
			</form>
			<p>
				<a href={setupUrl(edition)}>Choose another start</a>
			</p>
		</ConsoleLayout>
	);
}

function ChangesTable({
	caption,
	changes,
	preview,
}: {
	caption: string;
	changes: (DateChange | ReminderChange)[];
	preview: ClonePreview;
}) {
	const unscheduled = (name: string) => <span class="meta">Not scheduled: {name} has no call for abstracts</span>;
	return (
		<div class="table-wrap">
			<table class="moments-table">
				<caption class="visually-hidden">{caption}</caption>
				<thead>
					<tr>
						<th scope="col">What</th>
						<th scope="col">
							In {preview.source.name} <span class="meta">({preview.source.timeZone})</span>
						</th>
						<th scope="col">
							In {preview.target.name} <span class="meta">({preview.target.timeZone})</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{changes.map((change) => (
						<tr>
							<th scope="row">{change.label}</th>
							<td>{change.old ? <MomentTime moment={change.old} /> : unscheduled(preview.source.name)}</td>
							<td>{change.new ? <MomentTime moment={change.new} /> : unscheduled(preview.target.name)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

// ---------------------------------------------------------------------------------------------
// What both previews share (from an edition, and from a template in src/features/templates), so
// they read alike.

/** The preview's frame: "Preview: <subject>", one h1, and the promise that nothing is written until Apply. */
export function SetupPreviewLayout(
	props: EditionContext & {
		/** What is set up from what, e.g. "AINM 2025 from AINM 2023". */
		subject: string;
		/** The h1's detail; the subject by default. */
		heading?: string;
		/** What the reader should check before applying, e.g. "what each part will hold". */
		check: string;
		children: Child;
	},
) {
	return (
		<ConsoleLayout title={`Preview: ${props.subject}`} user={props.user} breadcrumb={setupCrumbs(props, "Preview")}>
			<h1>
				Preview <span class="meta">{props.heading ?? props.subject}</span>
			</h1>
			<p class="lead">Nothing has been written yet. Check {props.check}, then apply.</p>
			{props.children}
		</ConsoleLayout>
	);
}

/** One row a part, named in its row header, with what applying does to it. */
export function PartsTable<P extends { label: string }>(props: {
	parts: readonly P[];
	/** The second column's header ("Creates", "Change"). */
	column: string;
	cell: (part: P) => Child;
}) {
	return (
		<div class="table-wrap">
			<table>
				<thead>
					<tr>
						<th scope="col">Part</th>
						<th scope="col">{props.column}</th>
					</tr>
				</thead>
				<tbody>
					{props.parts.map((part) => (
						<tr>
							<th scope="row">{part.label}</th>
							<td>{props.cell(part)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

/** The titles of the rows in a group, as a list. */
export function TitleList({ titles }: { titles: readonly string[] }) {
	return (
		<ul>
			{titles.map((title) => (
				<li>{title}</li>
			))}
		</ul>
	);
}

/** Placeholders the target edition has no value for stay in the texts: said before applying, not after. */
export function UnfilledPlaceholdersNotice(props: { edition: string; placeholders: readonly string[]; texts: string }) {
	if (props.placeholders.length === 0) return null;
	return (
		<p class="notice">
			{props.edition} has no value yet for {props.placeholders.join(", ")}: {props.texts} keep these placeholders until
			you edit them.
		</p>
	);
}

/** "1,283 days later", "3 days earlier", "the same day". */
function moved(gapDays: number): string {
	if (gapDays === 0) return "the same day";
	const n = Math.abs(gapDays);
	return `${n.toLocaleString("en-GB")} day${n === 1 ? "" : "s"} ${gapDays > 0 ? "later" : "earlier"}`;
}

/** What the copy leaves undecided (lecturers, prices): listed with where to fix it; never blocks. */
function NeedsDecisionSection({ items, target }: { items: readonly NeedsDecision[]; target: string }) {
	if (items.length === 0) return null;
	return (
		<>
			<h2>Needs a decision</h2>
			<p>These are copied as they are; decide them in {target} after copying.</p>
			<ul>
				{items.map((item) => (
					<li>
						{item.label}: {item.problem}{" "}
						<a href={item.href}>{item.kind === "ticket_without_price" ? "Set the price" : "Add the lecturer"}</a>
					</li>
				))}
			</ul>
		</>
	);
}

const TASK_CHOICE_LABELS: Record<(typeof TASK_CHOICES)[number], string> = {
	open: "Keep open",
	done: "Done",
	skipped: "Skipped",
};

/**
 * The copied tasks already due in the target, one choice each (inside the Apply form): left open
 * they would open the new dashboard as overdue. Checked: the posted choice, else the suggestion.
 */
function PastTasksFieldset(props: {
	tasks: readonly PastTask[];
	chosen: Readonly<Record<string, string>>;
	source: string;
	target: string;
}) {
	if (props.tasks.length === 0) return null;
	return (
		<fieldset>
			<legend>Tasks already due in {props.target}</legend>
			<p class="hint">
				Their due day has passed for {props.target}. Mark what has been taken care of, so the checklist does not open
				with overdue tasks; each starts as {props.source} left it.
			</p>
			{props.tasks.map((task) => {
				const name = pastTaskField(task.key);
				const checked = props.chosen[task.key] ?? task.suggested;
				return (
					<fieldset>
						<legend>
							{task.title}{" "}
							<span class="meta">
								(due {formatFullDate(task.dueDate)}; {task.sourceStatus} in {props.source})
							</span>
						</legend>
						{TASK_CHOICES.map((choice) => (
							<div class="field field-check">
								<input id={`${name}-${choice}`} type="radio" name={name} value={choice} checked={checked === choice} />{" "}
								<label for={`${name}-${choice}`}>{TASK_CHOICE_LABELS[choice]}</label>
							</div>
						))}
					</fieldset>
				);
			})}
		</fieldset>
	);
}

/** "specialIssue" → "Special issue". */
const fieldLabel = (field: string) => {
	const words = field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
	return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The preview's hits grouped by copied text (part, row, field), in the preview's order. */
function byCopiedText(hits: readonly CopiedFactHit[]) {
	const groups = new Map<string, { heading: string; hits: { hit: CopiedFactHit; n: number }[] }>();
	hits.forEach((hit, n) => {
		const key = JSON.stringify([hit.part, hit.what, hit.row, hit.field]);
		const group = groups.get(key) ?? {
			heading: `${hit.partLabel} · ${hit.row} · ${fieldLabel(hit.field)}`,
			hits: [],
		};
		group.hits.push({ hit, n });
		groups.set(key, group);
	});
	return [...groups.values()];
}

/**
 * The facts of the source found in the copied texts, inside the Apply form: one checkbox per hit
 * with a placeholder, unticked unless accepted, so nothing is substituted that was not shown and
 * chosen. "Accept all proposals" shows this preview again with every proposal ticked (no script).
 */
export function FactsFound({ preview, previewUrl }: { preview: ClonePreview; previewUrl: string }) {
	const { source, target, facts } = preview;
	if (facts.length === 0) {
		return (
			<>
				<h2 id="facts">Facts of {source.name} in the copied texts</h2>
				<p>The copied texts state none of {source.name}'s facts.</p>
			</>
		);
	}
	const proposals = facts.filter((hit) => hit.placeholder !== null).length;
	return (
		<>
			<h2 id="facts">Facts of {source.name} in the copied texts</h2>
			<p>
				The copied texts state {source.name}'s facts in {facts.length} place{facts.length === 1 ? "" : "s"}. Each is
				copied exactly as written unless you tick its proposal: then the placeholder stands there instead and shows{" "}
				{target.name}'s value. Leave true history ("founded in … in …") as it is. People and parts of an address have no
				placeholder: edit them after copying.
			</p>
			{proposals > 0 ? (
				<p>
					<button
						type="submit"
						formaction={previewUrl}
						name="acceptAllFacts"
						value="all"
						class="button button-secondary"
					>
						Accept all {proposals} proposals
					</button>{" "}
					<span class="hint">Shows this preview again with every proposal ticked; untick any before you apply.</span>
				</p>
			) : null}
			{byCopiedText(facts).map((group) => (
				<fieldset class="copied-text-facts">
					<legend>{group.heading}</legend>
					<ul class="plain-list">
						{group.hits.map(({ hit, n }) => {
							const context = (
								<>
									…{hit.before}
									<mark>{hit.text}</mark>
									{hit.after}…
								</>
							);
							return (
								<li>
									{hit.placeholder === null ? (
										<p>
											{context} <span class="meta">no placeholder: edit after copying</span>
										</p>
									) : (
										<div class="field field-check">
											<input
												id={`fact-${n}`}
												type="checkbox"
												name={factField(hit.id)}
												value="on"
												checked={hit.accepted}
											/>{" "}
											<label for={`fact-${n}`}>
												{context} → <code>{hit.placeholder}</code>
											</label>
										</div>
									)}
								</li>
							);
						})}
					</ul>
				</fieldset>
			))}
		</>
	);
}

/** Step 3: what the clone would create and every date old beside new; Apply writes it. */
export function SetupPreviewPage(props: EditionContext & { preview: ClonePreview; request: CloneRequestData }) {
	const { edition, preview, request } = props;
	const { source, target } = preview;
	const hidden = formFromRequest(request);
	return (
		<SetupPreviewLayout
			{...props}
			subject={`${target.name} from ${source.name}`}
			check="what will be created and the new dates"
		>
			<p>
				{`Day 1 moves from ${formatFullDate(source.startDate)} (${source.timeZone}) to ${formatFullDate(target.startDate)} (${target.timeZone}): ${moved(preview.gapDays)}`}
				. Every session keeps its day and local time, every deadline its distance from day 1.
			</p>
			<UnfilledPlaceholdersNotice
				edition={target.name}
				placeholders={preview.unfilledPlaceholders}
				texts="the copied texts"
			/>
			<h2>What will be created</h2>
			<PartsTable
				parts={preview.parts}
				column="Creates"
				cell={(part) =>
					part.created.map((group) =>
						group.count === 0 ? (
							<p>No {group.what} to copy.</p>
						) : (
							<details>
								<summary>
									{group.count} {group.what}
								</summary>
								<TitleList titles={group.titles} />
							</details>
						),
					)
				}
			/>
			{preview.rooms.length > 0 ? (
				<>
					<h2>Rooms</h2>
					<div class="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">In {source.name}</th>
									<th scope="col">In {target.name}</th>
								</tr>
							</thead>
							<tbody>
								{preview.rooms.map((room) => (
									<tr>
										<td>{room.from}</td>
										<td>{room.to}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</>
			) : null}
			{preview.deadlines.length > 0 ? (
				<>
					<h2>Deadlines and due dates</h2>
					<ChangesTable
						caption="Deadlines and due dates, before and after"
						changes={preview.deadlines}
						preview={preview}
					/>
				</>
			) : null}
			{preview.reminders.length > 0 ? (
				<>
					<h2>Organizer reminders</h2>
					<p>
						Each is sent at 09:00 on its day, counted from day 1, the last day or the call for abstracts of{" "}
						{target.name}.
					</p>
					<ChangesTable caption="Organizer reminders, before and after" changes={preview.reminders} preview={preview} />
				</>
			) : null}
			{preview.sessions.length > 0 ? (
				<>
					<h2>Sessions</h2>
					<ChangesTable caption="Session starts, before and after" changes={preview.sessions} preview={preview} />
				</>
			) : null}
			<NeedsDecisionSection items={preview.needsDecision} target={target.name} />
			<form method="post" action={setupApplyUrl(edition)}>
				<PastTasksFieldset
					tasks={preview.pastTasks}
					chosen={request.pastTasks}
					source={source.name}
					target={target.name}
				/>
				<HiddenFields fields={hidden} />
				<FactsFound preview={preview} previewUrl={setupPreviewUrl(edition)} />
				{/* What was previewed is what is applied: a change to the target since is refused (409). */}
				<input type="hidden" name={PREVIEWED_VERSION_FIELD} value={String(preview.contentVersion)} />
				<button type="submit">Apply: copy into {target.name}</button>
			</form>
			<form method="get" action={setupUrl(edition)}>
				<input type="hidden" name="start" value="previous" />
				<HiddenFields fields={{ ...hidden, chosen: "1" }} />
				<button type="submit" class="button button-secondary">
					Change the choices
				</button>
			</form>
		</SetupPreviewLayout>
	);
}
