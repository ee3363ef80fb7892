/** The committee's registration pages: the list, one registration, a registration by hand, bulk mail, statistics. */
import { REGISTRATION_STATUSES, type Registration, type registrationFields, type ticketTypes } from "../../db/schema";
import { type FieldSpec, formValue } from "../../domain/fields";
import { COUNTRY_OPTIONS, countryName } from "../../lib/countries";
import {
	newRegistrationUrl,
	registrationPolicyUrl,
	registrationStatisticsUrl,
	registrationsCsvUrl,
	registrationsMailUrl,
	registrationsUrl,
	registrationUrl,
} from "../../urls";
import { ContentField, type EditionContext, EditionPageLayout } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { Checkbox, ErrorSummary, Field, Notice, Select, TextArea } from "../../views/forms";
import { type ListPage, Pager } from "../../views/pager";
import { RowLink, RowsTable } from "../../views/table";
import { BarChart, DataTable, LineChart } from "./charts";
import {
	type ListedRegistration,
	type RegistrationFilter,
	ROLE_OPTIONS,
	STATUS_WORDS,
	type StatusCounts,
} from "./registrations";
import type { RegistrationStatistics } from "./statistics";

type TicketType = typeof ticketTypes.$inferSelect;
type Question = typeof registrationFields.$inferSelect;

const REGISTRATIONS = { label: "Registrations" };

/** The filters as a query string (only those given). */
export const filterQuery = (filter: Partial<Record<keyof RegistrationFilter, string>>) =>
	new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1]))).toString();

const any = (label: string) => [{ value: "", label }];

export function RegistrationsPage(
	props: EditionContext & {
		filter: Partial<Record<keyof RegistrationFilter, string>>;
		errors?: Record<string, string>;
		counts: StatusCounts;
		tickets: TicketType[];
		page: ListPage<ListedRegistration>;
		canManage: boolean;
		notice?: string;
	},
) {
	const { edition, filter, errors, counts, page } = props;
	const query = filterQuery(filter);
	return (
		<EditionPageLayout edition={edition} user={props.user} page="Registrations">
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			<ul class="tag-list" aria-label="Registrations by status">
				{REGISTRATION_STATUSES.map((status) => (
					<li>
						<a href={`${registrationsUrl(edition.id)}?status=${status}`}>
							{STATUS_WORDS[status]}: <span data-count={status}>{counts[status]}</span>
						</a>
					</li>
				))}
			</ul>
			<p>
				<a href={registrationStatisticsUrl(edition.id)}>Statistics</a> ·{" "}
				<a href={query ? `${registrationsCsvUrl(edition.id)}?${query}` : registrationsCsvUrl(edition.id)} download>
					Download these registrations as CSV (Excel)
				</a>{" "}
				· <a href={registrationPolicyUrl(edition.id)}>Registration policy</a>
				{props.canManage ? (
					<>
						{" "}
						· <a href={newRegistrationUrl(edition.id)}>Register someone</a> ·{" "}
						<a href={query ? `${registrationsMailUrl(edition.id)}?${query}` : registrationsMailUrl(edition.id)}>
							Mail these registrations
						</a>
					</>
				) : null}
			</p>
			<search>
				<form method="get" action={registrationsUrl(edition.id)}>
					<ErrorSummary fields={errors} />
					<Field
						name="q"
						type="search"
						label="Search"
						hint="Part of a name, email address or affiliation"
						value={filter.q ?? ""}
						error={errors?.q}
					/>
					<Select
						name="ticket"
						label="Ticket type"
						value={filter.ticket ?? ""}
						error={errors?.ticket}
						options={[...any("Any ticket"), ...props.tickets.map((t) => ({ value: t.id, label: t.name }))]}
					/>
					<Select
						name="role"
						label="Role"
						value={filter.role ?? ""}
						error={errors?.role}
						options={[...any("Any role"), ...ROLE_OPTIONS]}
					/>
					<Select
						name="country"
						label="Country"
						value={filter.country ?? ""}
						error={errors?.country}
						options={[...any("Any country"), ...COUNTRY_OPTIONS]}
					/>
					<Select
						name="status"
						label="Status"
						value={filter.status ?? ""}
						error={errors?.status}
						options={[
							...any("Any status"),
							...REGISTRATION_STATUSES.map((s) => ({ value: s, label: STATUS_WORDS[s] })),
						]}
					/>
					<button type="submit">Filter</button>
				</form>
			</search>
			{page.items.length === 0 ? (
				<p>No registrations{query ? " match these filters" : " yet"}.</p>
			) : (
				<RowsTable
					columns={[
						{ label: "Name", value: (r) => r.name },
						{ label: "Email", value: (r) => r.email },
						{ label: "Affiliation", value: (r) => r.affiliation },
						{ label: "Country", value: (r) => countryName(r.country) },
						{ label: "Role", value: (r) => r.role },
						{ label: "Ticket", value: (r) => r.ticketName },
						{ label: "Status", value: (r) => STATUS_WORDS[r.status] },
						{ label: "Registered", value: (r) => r.createdAt.toISOString().slice(0, 10) },
					]}
					rows={page.items}
					action={(r) => <RowLink href={registrationUrl(edition.id, r.id)} name={r.name} label="Open" />}
				/>
			)}
			<Pager page={page} />
		</EditionPageLayout>
	);
}

/** The answers' form controls: one per registration question, named `answers.<question id>`. */
function AnswerFields({
	questions,
	answers,
	failed,
}: {
	questions: Question[];
	answers: Record<string, string | boolean>;
	failed?: FailedForm;
}) {
	if (questions.length === 0) return null;
	return (
		<fieldset>
			<legend>Answers</legend>
			{questions.map((q) => {
				const name = `answers.${q.id}`;
				const value = failed ? (failed.values[name] ?? "") : answers[q.id];
				if (q.kind === "checkbox")
					return (
						<Checkbox
							name={name}
							label={q.label}
							checked={value === true || value === "on"}
							error={failed?.fields[name]}
						/>
					);
				if (q.kind === "textarea")
					return <TextArea name={name} label={q.label} value={String(value ?? "")} error={failed?.fields[name]} />;
				return <Field name={name} label={q.label} value={String(value ?? "")} error={failed?.fields[name]} />;
			})}
		</fieldset>
	);
}

/** A field of a registration form; the ticket type as a select of the edition's tickets. */
function RegistrationField(props: {
	field: FieldSpec;
	data: Record<string, unknown>;
	failed?: FailedForm;
	tickets: TicketType[];
}) {
	const { field, data, failed } = props;
	const value = failed ? (failed.values[field.name] ?? "") : formValue(field, data[field.name]);
	if (field.name === "ticketTypeId")
		return (
			<Select
				name="ticketTypeId"
				label={field.label}
				value={value}
				required
				error={failed?.fields.ticketTypeId}
				options={props.tickets.map((t) => ({ value: t.id, label: t.name }))}
			/>
		);
	return <ContentField field={field} value={value} error={failed?.fields[field.name]} />;
}

export function RegistrationFormPage(
	props: EditionContext & {
		title: string;
		action: string;
		submitLabel: string;
		fields: readonly FieldSpec[];
		data: Record<string, unknown>;
		tickets: TicketType[];
		questions: Question[];
		registration?: Registration;
		failed?: FailedForm;
		notice?: string;
		intro?: string;
	},
) {
	const { edition, failed, registration } = props;
	return (
		<EditionPageLayout
			edition={edition}
			user={props.user}
			page={props.title}
			via={[{ ...REGISTRATIONS, href: registrationsUrl(edition.id) }]}
		>
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			{props.intro ? <p>{props.intro}</p> : null}
			{registration ? (
				<p class="meta">
					{registration.email} · registered {registration.createdAt.toISOString().slice(0, 10)} ·{" "}
					{registration.source === "committee" ? "by the committee" : "by themselves"}
				</p>
			) : null}
			<form method="post" action={props.action}>
				<ErrorSummary fields={failed?.fields} />
				{props.fields.map((field) => (
					<RegistrationField field={field} data={props.data} failed={failed} tickets={props.tickets} />
				))}
				<AnswerFields
					questions={props.questions}
					answers={(props.data.answers ?? {}) as Record<string, string | boolean>}
					failed={failed}
				/>
				<button type="submit">{props.submitLabel}</button>
			</form>
		</EditionPageLayout>
	);
}

export function BulkMailPage(
	props: EditionContext & {
		action: string;
		recipients: number;
		filterWords: string;
		failed?: FailedForm;
	},
) {
	const { edition, failed } = props;
	return (
		<EditionPageLayout
			edition={edition}
			user={props.user}
			page="Mail registrations"
			via={[{ ...REGISTRATIONS, href: registrationsUrl(edition.id) }]}
		>
			<p>
				This mail goes to <strong data-recipients={props.recipients}>{props.recipients}</strong>{" "}
				{props.recipients === 1 ? "registration" : "registrations"} ({props.filterWords}), each on its own, through the
				mail queue. Cancelled registrations are never mailed.
			</p>
			<form method="post" action={props.action}>
				<ErrorSummary fields={failed?.fields} />
				<Field
					name="subject"
					label="Subject"
					required
					value={failed?.values.subject ?? ""}
					error={failed?.fields.subject}
				/>
				<TextArea name="body" label="Message" required value={failed?.values.body ?? ""} error={failed?.fields.body} />
				<input type="hidden" name="expectedRecipients" value={String(props.recipients)} />
				<button type="submit" disabled={props.recipients === 0}>
					Send to {props.recipients}
				</button>
			</form>
		</EditionPageLayout>
	);
}

export function StatisticsPage(props: EditionContext & { stats: RegistrationStatistics }) {
	const { edition, stats } = props;
	const bars = (id: string, title: string, head: string, list: RegistrationStatistics["byTicket"]) => (
		<section class="chart-block">
			<h2>{title}</h2>
			<BarChart id={id} title={title} bars={list} />
			<DataTable caption={title} head={[head, "Confirmed"]} rows={list.map((b) => [b.label, b.value])} />
		</section>
	);
	return (
		<EditionPageLayout
			edition={edition}
			user={props.user}
			page="Registration statistics"
			via={[{ ...REGISTRATIONS, href: registrationsUrl(edition.id) }]}
		>
			<p>
				{stats.confirmed} confirmed {stats.confirmed === 1 ? "registration" : "registrations"} from{" "}
				{stats.byCountry.length} {stats.byCountry.length === 1 ? "country" : "countries"}.
			</p>
			<section class="chart-block">
				<h2>Registrations over time</h2>
				<LineChart
					id="chart-time"
					title="Registrations over time (cumulative, not cancelled)"
					points={stats.overTime}
				/>
				<DataTable
					caption="Registrations over time (cumulative, not cancelled)"
					head={["Day", "Registrations"]}
					rows={stats.overTime.map((p) => [p.day, p.total])}
				/>
			</section>
			{bars("chart-ticket", "By ticket type", "Ticket type", stats.byTicket)}
			{bars("chart-role", "By role", "Role", stats.byRole)}
			{bars("chart-country", "By country", "Country", stats.byCountry)}
		</EditionPageLayout>
	);
}
