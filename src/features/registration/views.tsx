/**
 * The attendee's pages inside the edition's frame: the registration form under the tickets, and
 * My page (ticket, status, answers, cancel, accept an offer).
 */
import type { Child } from "hono/jsx";
import { AUDIENCE_ROLES, type Registration } from "../../db/schema";
import { COUNTRY_OPTIONS, countryName } from "../../lib/countries";
import { markdown } from "../../lib/markdown";
import { Checkbox, ErrorSummary, Field, Notice, Select, TextArea } from "../../views/forms";
import { type Site, SiteLayout } from "../site";
import type { RegistrationField, TicketType } from "./config";
import { answerName } from "./form-schema";

export interface FormState {
	values: Record<string, string>;
	fields: Record<string, string>;
}

const ROLE_LABELS: Record<(typeof AUDIENCE_ROLES)[number], string> = {
	clinician: "Clinician",
	physicist: "Physicist",
	engineer: "Engineer",
	student: "Student",
	industry: "Industry",
	other: "Other",
};

const STATUS_TEXT: Record<Registration["status"], string> = {
	confirmed: "Confirmed",
	held: "Seat held until paid",
	waitlisted: "On the waiting list",
	offered: "A seat is offered to you",
	cancelled: "Cancelled",
};

const when = (instant: Date, timeZone: string) =>
	new Intl.DateTimeFormat("en-GB", {
		weekday: "long",
		day: "numeric",
		month: "long",
		year: "numeric",
		hour: "2-digit",
		minute: "2-digit",
		timeZone,
		timeZoneName: "short",
	}).format(instant);

/** One answer field of the edition's form, by its kind. */
export function AnswerField({ field, value, error }: { field: RegistrationField; value?: string; error?: string }) {
	const name = answerName(field.id);
	switch (field.kind) {
		case "checkbox":
			return <Checkbox name={name} label={field.label} checked={value === "on" || value === "true"} error={error} />;
		case "textarea":
			return (
				<TextArea name={name} label={field.label} value={value} error={error} required={field.required} rows={3} />
			);
		case "select":
			return (
				<Select
					name={name}
					label={field.label}
					value={value}
					error={error}
					required={field.required}
					options={[{ value: "", label: "Choose…" }, ...field.options.map((o) => ({ value: o, label: o }))]}
				/>
			);
		case "country":
			return (
				<Select
					name={name}
					label={field.label}
					value={value}
					error={error}
					required={field.required}
					options={[{ value: "", label: "Choose…" }, ...COUNTRY_OPTIONS]}
				/>
			);
		default:
			return (
				<Field
					name={name}
					label={field.label}
					type={field.kind === "email" ? "email" : "text"}
					value={value}
					error={error}
					required={field.required}
				/>
			);
	}
}

/** The registration form: the tickets on sale, who you are, the edition's questions. */
export function RegisterForm({
	action,
	tickets,
	seats,
	fields,
	state,
	email,
}: {
	action: string;
	tickets: TicketType[];
	seats: ReadonlyMap<string, number | null>;
	fields: RegistrationField[];
	state: FormState;
	/** The signed-in attendee's address; signed out, the form asks for one. */
	email?: string;
}) {
	const v = state.values;
	const e = state.fields;
	return (
		<section aria-labelledby="register-form">
			<h2 id="register-form">Register</h2>
			<ErrorSummary fields={e} />
			<form method="post" action={action} class="stack">
				{email ? (
					<p>
						Registering as <strong>{email}</strong>.
					</p>
				) : (
					<Field
						name="email"
						label="Email address"
						type="email"
						value={v.email}
						error={e.email}
						required
						autocomplete="email"
					/>
				)}
				<Select
					name="ticketTypeId"
					label="Ticket"
					value={v.ticketTypeId}
					error={e.ticketTypeId}
					required
					options={tickets.map((t) => ({
						value: t.id,
						label: seats.get(t.id) === 0 ? `${t.name} (full: waiting list)` : t.name,
					}))}
				/>
				<Field name="name" label="Name" value={v.name} error={e.name} required autocomplete="name" />
				<Field
					name="affiliation"
					label="Affiliation"
					value={v.affiliation}
					error={e.affiliation}
					autocomplete="organization"
				/>
				<Select
					name="country"
					label="Country"
					value={v.country}
					error={e.country}
					required
					options={[{ value: "", label: "Choose…" }, ...COUNTRY_OPTIONS]}
				/>
				<Select
					name="role"
					label="You are"
					value={v.role}
					error={e.role}
					required
					options={[
						{ value: "", label: "Choose…" },
						...AUDIENCE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
					]}
				/>
				{fields.map((field) => (
					<AnswerField field={field} value={v[answerName(field.id)]} error={e[answerName(field.id)]} />
				))}
				<Checkbox
					name="listConsent"
					label="Name me on the public list of participants"
					checked={v.listConsent === "on"}
					error={e.listConsent}
				/>
				<button type="submit" class="button">
					Register
				</button>
			</form>
		</section>
	);
}

/**
 * The answer to the signed-out form, the same whether or not an account has the address: it
 * tells nothing about who has one.
 */
export function CheckInboxPage({ site, email }: { site: Site; email: string }) {
	return (
		<SiteLayout site={site} path="/register" title="Check your inbox">
			<h1>Check your inbox</h1>
			<p>
				Check your inbox: we sent a link to <strong>{email}</strong>. Open it to confirm your registration; it works
				once, within 7 days.
			</p>
		</SiteLayout>
	);
}

/** What a visitor can do on the register page now, above the tickets. */
export function RegisterIntro({ children }: { children: Child }) {
	return <div class="register-intro">{children}</div>;
}

export interface MyPageProps {
	site: Site;
	registration: Registration | undefined;
	ticket: TicketType | undefined;
	fields: RegistrationField[];
	cancellationPolicy: string;
	canEdit: boolean;
	canCancel: boolean;
	editUntil: Date;
	cancelUntil: Date;
	registerHref: string;
	actions: { edit: string; cancel: string; accept: string };
	state?: FormState;
	notice?: string;
}

/** My page: the attendee's own registration of this edition. */
export function MyPage(p: MyPageProps) {
	const { site, registration: r } = p;
	const zone = site.edition.timeZone;
	return (
		<SiteLayout site={site} path="/me" title="My registration">
			<h1>My registration</h1>
			{p.notice ? <Notice>{p.notice}</Notice> : null}
			{!r ? (
				<p>
					You have not registered for {site.edition.name}. <a href={p.registerHref}>Register</a>
				</p>
			) : (
				<>
					<dl class="facts">
						<dt>Ticket</dt>
						<dd>{p.ticket?.name ?? ""}</dd>
						<dt>Status</dt>
						<dd class={`status status-${r.status}`}>
							{STATUS_TEXT[r.status]}
							{r.expiresAt && (r.status === "held" || r.status === "offered")
								? ` (until ${when(r.expiresAt, zone)})`
								: ""}
						</dd>
						<dt>Name</dt>
						<dd>{r.name}</dd>
						<dt>Email</dt>
						<dd>{r.email}</dd>
						{r.affiliation ? (
							<>
								<dt>Affiliation</dt>
								<dd>{r.affiliation}</dd>
							</>
						) : null}
						<dt>Country</dt>
						<dd>{countryName(r.country)}</dd>
					</dl>
					{r.status === "offered" ? (
						<form method="post" action={p.actions.accept} class="inline-form">
							<button type="submit" class="button">
								Accept the seat
							</button>
						</form>
					) : null}
					{p.fields.length > 0 ? (
						<section aria-labelledby="answers">
							<h2 id="answers">Your answers</h2>
							{p.canEdit && r.status !== "cancelled" ? (
								<>
									<ErrorSummary fields={p.state?.fields} />
									<form method="post" action={p.actions.edit} class="stack">
										{p.fields.map((field) => {
											const name = answerName(field.id);
											const saved = r.answers[field.id];
											const value = p.state
												? p.state.values[name]
												: saved === true
													? "on"
													: saved === false
														? ""
														: saved;
											return <AnswerField field={field} value={value} error={p.state?.fields[name]} />;
										})}
										<p class="hint">You can change your answers until {when(p.editUntil, zone)}.</p>
										<button type="submit" class="button">
											Save answers
										</button>
									</form>
								</>
							) : (
								<dl class="facts">
									{p.fields.map((field) => (
										<>
											<dt>{field.label}</dt>
											<dd>
												{String(
													r.answers[field.id] === true
														? "Yes"
														: r.answers[field.id] === false
															? "No"
															: (r.answers[field.id] ?? ""),
												)}
											</dd>
										</>
									))}
								</dl>
							)}
						</section>
					) : null}
					{r.status !== "cancelled" ? (
						<section aria-labelledby="cancel">
							<h2 id="cancel">Cancel</h2>
							{p.cancellationPolicy ? <div class="prose">{markdown(p.cancellationPolicy)}</div> : null}
							{p.canCancel ? (
								<form method="post" action={p.actions.cancel} class="inline-form">
									<p class="hint">You can cancel until {when(p.cancelUntil, zone)}.</p>
									<button type="submit" class="button button-danger">
										Cancel my registration
									</button>
								</form>
							) : (
								<p>The cancellation deadline has passed: please write to the committee.</p>
							)}
						</section>
					) : null}
				</>
			)}
		</SiteLayout>
	);
}
