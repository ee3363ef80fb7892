import type { Child } from "hono/jsx";
import type { Series } from "../../db/schema";
import type { FieldSpec } from "../../domain/fields";
import { countryName } from "../../lib/countries";
import { dayCount, formatDateRange } from "../../lib/dates";
import {
	callConsoleUrl,
	callsConsoleUrl,
	editionUrl,
	newEditionConsoleUrl,
	newInstitutionUrl,
	proposalConsoleUrl,
	proposeUrl,
	seriesUrl,
} from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import { type FailedForm, failureOf } from "../../views/form-flow";
import { ActionButton, ErrorSummary, Notice, Select, TextArea } from "../../views/forms";
import { TimeZoneSelect } from "../../views/time-zone-select";
import { type ConsoleUser, FormFields, PlainText, SeriesConsoleNav, seriesCrumbs } from "../series";
import { deadlineLabel, deadlinePassed, type HostCall } from "./calls";
import type { HostChoices } from "./host-choices";
import { editionName } from "./new-edition";
import type { ProposalContext, ProposalListItem } from "./proposals";
import { CALL_EDIT_FIELDS, CALL_FIELDS, DECISION_FIELDS, NEW_EDITION_FIELDS, PROPOSAL_FIELDS } from "./schemas";

const STATUS_LABEL = {
	submitted: "Open",
	accepted: "Accepted",
	declined: "Declined",
	withdrawn: "Withdrawn",
} as const;

const callTitle = (series: Pick<Series, "shortName">, call: Pick<HostCall, "forYear">) =>
	`Call for hosts: ${editionName(series, call.forYear)}`;

export interface CallSummary {
	call: HostCall;
	/** Proposals still waiting for a decision. */
	open: number;
	total: number;
}

export function CallsPage({
	user,
	series,
	calls,
	failed,
	notice,
}: {
	user: ConsoleUser;
	series: Series;
	calls: CallSummary[];
	failed?: FailedForm;
	notice?: string;
}) {
	const openCall = calls.find((s) => s.call.status === "open");
	const nextYear = Math.max(new Date().getUTCFullYear(), ...calls.map((s) => s.call.forYear + series.cadenceYears));
	return (
		<ConsoleLayout
			title={`${series.shortName} calls for hosts`}
			user={user}
			breadcrumb={[...seriesCrumbs(series), { label: "Calls for hosts" }]}
		>
			<h1>
				Calls for hosts <span class="meta">of {series.shortName}</span>
			</h1>
			{notice ? <Notice>{notice}</Notice> : null}
			<SeriesConsoleNav series={series} />
			{calls.length === 0 ? (
				<p>No calls yet.</p>
			) : (
				<div class="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">Edition</th>
								<th scope="col">Deadline</th>
								<th scope="col">Status</th>
								<th scope="col">Proposals</th>
							</tr>
						</thead>
						<tbody>
							{calls.map(({ call, open, total }) => (
								<tr>
									<td>
										<a href={callConsoleUrl(series, call.id)}>{editionName(series, call.forYear)}</a>
									</td>
									<td>{deadlineLabel(call)}</td>
									<td>{call.status === "open" ? "Open" : "Closed"}</td>
									<td>
										{total} ({open} awaiting a decision)
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<section aria-labelledby="open">
				<h2 id="open">Open a call</h2>
				{openCall ? (
					<p>
						The call for {editionName(series, openCall.call.forYear)} is open. A series has one open call at a time:
						decide on it or close it before opening another.
					</p>
				) : (
					<form method="post" action={callsConsoleUrl(series)}>
						<ErrorSummary fields={failed?.fields} />
						<FormFields fields={CALL_FIELDS} values={{ forYear: nextYear }} failed={failed} />
						<button type="submit">Open the call</button>
					</form>
				)}
			</section>
		</ConsoleLayout>
	);
}

/** One row of the comparison: a label and each proposal's value. */
function CompareRow({
	label,
	proposals,
	value,
}: {
	label: string;
	proposals: ProposalListItem[];
	value: (p: ProposalListItem) => Child;
}) {
	return (
		<tr>
			<th scope="row">{label}</th>
			{proposals.map((p) => (
				<td>{value(p)}</td>
			))}
		</tr>
	);
}

const dates = ({ proposal: p }: ProposalListItem) =>
	`${formatDateRange(p.startDate, p.endDate)} (${dayCount(p.startDate, p.endDate)} days)`;

export function CallPage({
	user,
	series,
	call,
	proposals,
	failed,
	notice,
	now,
}: {
	user: ConsoleUser;
	series: Series;
	call: HostCall;
	proposals: ProposalListItem[];
	failed?: FailedForm;
	notice?: string;
	now: Date;
}) {
	const base = callConsoleUrl(series, call.id);
	const edit = failureOf(failed, "edit");
	const close = failureOf(failed, "close");
	return (
		<ConsoleLayout
			title={callTitle(series, call)}
			user={user}
			breadcrumb={[
				...seriesCrumbs(series),
				{ label: "Calls for hosts", href: callsConsoleUrl(series) },
				{ label: String(call.forYear) },
			]}
		>
			<h1>{callTitle(series, call)}</h1>
			{notice ? <Notice>{notice}</Notice> : null}
			<dl class="facts">
				<dt>Status</dt>
				<dd>
					{call.status === "open" ? "Open" : "Closed"}
					{call.status === "open" && deadlinePassed(call, now) ? " (the deadline has passed)" : null}
				</dd>
				<dt>Deadline</dt>
				<dd>{deadlineLabel(call)}</dd>
				<dt>Proposals</dt>
				<dd>{proposals.length}</dd>
			</dl>
			{call.requirements ? (
				<>
					<h2>What a proposal must contain</h2>
					<PlainText text={call.requirements} />
				</>
			) : null}

			<h2 id="compare">Proposals side by side</h2>
			{proposals.length === 0 ? (
				<p>No proposals yet.</p>
			) : (
				<div class="table-wrap wide">
					<table>
						<caption class="visually-hidden">
							The proposals to host {editionName(series, call.forYear)}, one per column
						</caption>
						<thead>
							<tr>
								<td />
								{proposals.map((p) => (
									<th scope="col">{p.institutionName}</th>
								))}
							</tr>
						</thead>
						<tbody>
							<CompareRow
								label="Status"
								proposals={proposals}
								value={(p) => <span class="badge">{STATUS_LABEL[p.proposal.status]}</span>}
							/>
							<CompareRow
								label="Proposed by"
								proposals={proposals}
								value={(p) => (
									<>
										{p.submittedByName}
										<br />
										<a href={`mailto:${p.submittedByEmail}`}>{p.submittedByEmail}</a>
									</>
								)}
							/>
							<CompareRow
								label="Where"
								proposals={proposals}
								value={(p) => `${p.proposal.city}, ${countryName(p.proposal.country)}`}
							/>
							<CompareRow label="Venue" proposals={proposals} value={(p) => p.proposal.venue || "—"} />
							<CompareRow label="Dates" proposals={proposals} value={dates} />
							<CompareRow label="Time zone" proposals={proposals} value={(p) => p.proposal.timeZone} />
							<CompareRow
								label="Expected participants"
								proposals={proposals}
								value={(p) =>
									p.proposal.expectedParticipants === null ? "—" : String(p.proposal.expectedParticipants)
								}
							/>
							<CompareRow
								label="Local team"
								proposals={proposals}
								value={(p) => <PlainText text={p.proposal.team || "—"} />}
							/>
							<CompareRow
								label="Motivation"
								proposals={proposals}
								value={(p) => <PlainText text={p.proposal.motivation} />}
							/>
							<CompareRow
								label="Budget sketch"
								proposals={proposals}
								value={(p) => <PlainText text={p.proposal.budget || "—"} />}
							/>
							<CompareRow
								label="Decision"
								proposals={proposals}
								value={(p) => (
									<a href={proposalConsoleUrl(p.proposal.id)}>
										{p.proposal.status === "submitted" ? "Accept or decline" : "Details"}
										<span class="visually-hidden"> the proposal of {p.institutionName}</span>
									</a>
								)}
							/>
						</tbody>
					</table>
				</div>
			)}

			{call.status === "open" ? (
				<>
					<h2 id="edit">Change the call</h2>
					<form method="post" action={base}>
						<ErrorSummary fields={edit?.fields} />
						<FormFields fields={CALL_EDIT_FIELDS} values={call} failed={edit} />
						<button type="submit">Save</button>
					</form>
					<h2 id="close">Close the call</h2>
					<p>Closing stops new proposals; you can still decide on the ones received. Accepting one closes it too.</p>
					<ErrorSummary fields={close?.fields} />
					<ActionButton action={`${base}/close`} label="Close the call" danger />
				</>
			) : null}
		</ConsoleLayout>
	);
}

/** The time zone field of a form about an edition in `country`: that country's zones first. */
const zoneControl = (country: string | undefined) => (field: FieldSpec, value: string, error?: string) => (
	<TimeZoneSelect
		name={field.name}
		label={field.label}
		hint={field.hint}
		required={field.required}
		value={value}
		error={error}
		country={country}
	/>
);

/**
 * Step one for someone with several institutions: which one proposes (or hosts). The page comes
 * back with it chosen and its place filled in; without JavaScript, so as a GET form.
 */
function ChooseInstitution({ action, label, choices }: { action: string; label: string; choices: HostChoices }) {
	return (
		<form method="get" action={action}>
			<Select name="institution" label={label} options={[{ value: "", label: "—" }, ...choices.options]} required />
			<button type="submit">Continue</button>
		</form>
	);
}

/** The form of an edition's host: the chooser first when the user has several institutions and none is chosen. */
function HostForm({
	action,
	institutionLabel,
	fields,
	choices,
	failed,
	submitLabel,
	returnTo,
}: {
	action: string;
	institutionLabel: string;
	fields: readonly FieldSpec[];
	choices: HostChoices;
	failed?: FailedForm;
	submitLabel: string;
	/** This page, where creating an institution comes back to. */
	returnTo: string;
}) {
	const another = (
		<p>
			Not listed? <a href={newInstitutionUrl(returnTo)}>Create an institution</a>: you come back here with it chosen.
		</p>
	);
	if (!failed && !choices.chosen && choices.options.length > 1)
		return (
			<>
				<ChooseInstitution action={action} label={institutionLabel} choices={choices} />
				{another}
			</>
		);
	const country = failed ? failed.values.country : choices.values.country;
	return (
		<>
			<form method="post" action={action}>
				<ErrorSummary fields={failed?.fields} />
				<FormFields
					fields={fields}
					values={choices.values}
					failed={failed}
					refOptions={{ institutions: choices.options }}
					controls={{ timeZone: zoneControl(country) }}
				/>
				<button type="submit">{submitLabel}</button>
			</form>
			{another}
		</>
	);
}

export function ProposePage({
	user,
	series,
	call,
	choices,
	failed,
	notice,
	now,
}: {
	user: ConsoleUser;
	series: Series;
	call: HostCall;
	choices: HostChoices;
	failed?: FailedForm;
	notice?: string;
	now: Date;
}) {
	const name = editionName(series, call.forYear);
	const closed = call.status !== "open" || deadlinePassed(call, now);
	const here = proposeUrl(series, call.id);
	return (
		<ConsoleLayout
			title={`Propose to host ${name}`}
			user={user}
			breadcrumb={[{ label: "Console", href: "/console" }, { label: `Propose to host ${name}` }]}
		>
			<h1>Propose to host {name}</h1>
			{notice ? <Notice>{notice}</Notice> : null}
			<p class="lead">
				<a href={seriesUrl(series)}>{series.name}</a> is looking for a host for its {call.forYear} edition. Proposals
				are welcome until {deadlineLabel(call)}.
			</p>
			{call.requirements ? (
				<>
					<h2>What a proposal must contain</h2>
					<PlainText text={call.requirements} />
				</>
			) : null}
			<h2>Your proposal</h2>
			{closed ? (
				<p>This call for hosts is closed: proposals are no longer taken.</p>
			) : choices.options.length === 0 ? (
				<p>
					Only owners and admins of an institution can propose to host.{" "}
					<a href={newInstitutionUrl(here)}>Create an institution</a> first (you come back here with it chosen), or ask
					an owner of yours to make you an admin.
				</p>
			) : (
				<HostForm
					action={here}
					institutionLabel="Proposing institution"
					fields={PROPOSAL_FIELDS}
					choices={choices}
					failed={failed}
					submitLabel="Submit the proposal"
					returnTo={here}
				/>
			)}
		</ConsoleLayout>
	);
}

// The accept form's notes have ids of their own: the decline form below has a `note` too.
const ACCEPT_IDS: Record<string, string> = { note: "accept-note", declineNote: "accept-declineNote" };

export function ProposalPage({
	user,
	context,
	canDecide,
	canWithdraw,
	failed,
	notice,
}: {
	user: ConsoleUser;
	context: ProposalContext;
	canDecide: boolean;
	canWithdraw: boolean;
	failed?: FailedForm;
	notice?: string;
}) {
	const { proposal: p, series, call } = context;
	const name = editionName(series, call.forYear);
	const open = p.status === "submitted";
	const accept = failureOf(failed, "accept");
	const decline = failureOf(failed, "decline");
	const withdraw = failureOf(failed, "withdraw");
	const base = proposalConsoleUrl(p.id);
	return (
		<ConsoleLayout
			title={`${context.institutionName}: proposal to host ${name}`}
			user={user}
			breadcrumb={
				canDecide
					? [
							...seriesCrumbs(series),
							{ label: "Calls for hosts", href: callsConsoleUrl(series) },
							{ label: String(call.forYear), href: callConsoleUrl(series, call.id) },
							{ label: context.institutionName },
						]
					: [{ label: "Console", href: "/console" }, { label: `Proposal to host ${name}` }]
			}
		>
			<h1>
				{context.institutionName} <span class="meta">proposes to host {name}</span>
			</h1>
			{notice ? <Notice>{notice}</Notice> : null}
			<dl class="facts">
				<dt>Status</dt>
				<dd>
					<span class="badge">{STATUS_LABEL[p.status]}</span>
				</dd>
				<dt>Proposed by</dt>
				<dd>
					{context.submittedByName} ({context.submittedByEmail})
				</dd>
				<dt>Where</dt>
				<dd>
					{p.city}, {countryName(p.country)}
				</dd>
				<dt>Venue</dt>
				<dd>{p.venue || "—"}</dd>
				<dt>Dates</dt>
				<dd>{dates(context)}</dd>
				<dt>Time zone</dt>
				<dd>{p.timeZone}</dd>
				<dt>Expected participants</dt>
				<dd>{p.expectedParticipants ?? "—"}</dd>
			</dl>
			<h2>Local team</h2>
			<PlainText text={p.team || "—"} />
			<h2>Motivation</h2>
			<PlainText text={p.motivation} />
			<h2>Budget sketch</h2>
			<PlainText text={p.budget || "—"} />
			{p.decisionNote ? (
				<>
					<h2>The stewards' note</h2>
					<PlainText text={p.decisionNote} />
				</>
			) : null}
			{p.status === "accepted" && p.editionId ? (
				<p>
					<a href={`/console/editions/${p.editionId}`}>{name} in the console</a> (public address once published:{" "}
					{editionUrl(series, { year: call.forYear })})
				</p>
			) : null}

			{open && canDecide ? (
				<section aria-labelledby="decide">
					<h2 id="decide">Decide</h2>
					<h3 id="accept">Accept</h3>
					<p>
						Accepting creates {name} as a draft hosted by {context.institutionName}, with {context.submittedByName} as
						its chair; it declines every other open proposal of the call and closes the call. Every proposer is told by
						email, each with the note meant for them.
					</p>
					<form method="post" action={`${base}/accept`}>
						<ErrorSummary fields={accept?.fields} ids={ACCEPT_IDS} />
						{DECISION_FIELDS.accept.map((field) => (
							<TextArea
								id={ACCEPT_IDS[field.name]}
								name={field.name}
								label={field.label}
								hint={field.hint}
								required={field.required}
								value={accept ? accept.values[field.name] : ""}
								error={accept?.fields[field.name]}
							/>
						))}
						<button type="submit">Accept this proposal</button>
					</form>
					<h3 id="decline">Decline</h3>
					<form method="post" action={`${base}/decline`}>
						<ErrorSummary fields={decline?.fields} />
						<FormFields fields={DECISION_FIELDS.decline} failed={decline} />
						<p class="hint">The note is emailed to the proposer.</p>
						<button type="submit" class="button button-danger">
							Decline this proposal
						</button>
					</form>
				</section>
			) : null}
			{open && canWithdraw ? (
				<section aria-labelledby="withdraw">
					<h2 id="withdraw">Withdraw</h2>
					<ErrorSummary fields={withdraw?.fields} />
					<ActionButton action={`${base}/withdraw`} label="Withdraw this proposal" danger />
				</section>
			) : null}
		</ConsoleLayout>
	);
}

export function NewEditionPage({
	user,
	series,
	hasEditions,
	choices,
	failed,
	notice,
}: {
	user: ConsoleUser;
	series: Series;
	hasEditions: boolean;
	choices: HostChoices;
	failed?: FailedForm;
	notice?: string;
}) {
	const here = newEditionConsoleUrl(series);
	return (
		<ConsoleLayout
			title={`New ${series.shortName} edition`}
			user={user}
			breadcrumb={[...seriesCrumbs(series), { label: "New edition" }]}
		>
			<h1>
				New edition <span class="meta">of {series.shortName}</span>
			</h1>
			{notice ? <Notice>{notice}</Notice> : null}
			<p class="lead">
				{!hasEditions
					? `${series.shortName} has no edition yet: its founding institution can start the first one at home, and its stewards can start it at an institution they administer.`
					: `Editions usually come from a call for hosts. Stewards of ${series.shortName} who administer the host institution can also create one directly.`}{" "}
				It starts as a draft, with you as its chair.
			</p>
			{choices.options.length === 0 ? (
				<p>Only owners and admins of the host institution can create an edition.</p>
			) : (
				<HostForm
					action={here}
					institutionLabel="Host institution"
					fields={NEW_EDITION_FIELDS}
					choices={choices}
					failed={failed}
					submitLabel="Create the edition"
					returnTo={here}
				/>
			)}
		</ConsoleLayout>
	);
}
