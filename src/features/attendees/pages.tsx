/**
 * The committee's registration pages in the console: the list (filters, search, counts, pages),
 * the CSV export, the statistics, one registration (edit on someone's behalf), a registration by
 * hand, bulk mail and the registration policy. Chairs and organizers (`edition.view_registrations`,
 * `edition.manage_registrations`); the policy, edition configuration, is read by the committee and changed
 * by its editors (`edition.view`, `edition.update`).
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import { authorizedEdition } from "../../domain/edition-access";
import { editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";
import { limitCostly } from "../../lib/costly-actions";
import { fieldErrors } from "../../lib/errors";
import { scheduleDelivery } from "../../lib/mailer";
import {
	newRegistrationUrl,
	registrationPolicyUrl,
	registrationsMailUrl,
	registrationsUrl,
	registrationUrl,
} from "../../urls";
import { FieldsFormPage } from "../../views/edition-page";
import { type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import { pageOf } from "../../views/pager";
import { bulkMailSchema, bulkRecipients, sendBulkMail } from "./bulk-mail";
import { REGISTRATIONS_EXPORT_LIMIT, registrationsCsv } from "./export";
import { NOTICES } from "./notices";
import {
	loadRegistrationPolicy,
	REGISTRATION_POLICY_FIELDS,
	registrationPolicySchema,
	saveRegistrationPolicy,
} from "./policy";
import {
	EDIT_FIELDS,
	editRegistrationSchema,
	findRegistration,
	listRegistrations,
	MANUAL_FIELDS,
	manualRegistrationSchema,
	type RegistrationFilter,
	RegistrationFilterQuery,
	registerByCommittee,
	registrationSetup,
	statusCounts,
	updateRegistration,
} from "./registrations";
import { registrationStatistics } from "./statistics";
import { BulkMailPage, filterQuery, RegistrationFormPage, RegistrationsPage, StatisticsPage } from "./views";

type Ctx = Context<AppEnv>;
const FILTER_KEYS = ["q", "ticket", "role", "country", "status"] as const;

/** The request's filters, or what was typed and the message beside each field that is not a filter. */
export function filterOf(query: Record<string, string>): {
	filter: RegistrationFilter;
	typed: Partial<Record<keyof RegistrationFilter, string>>;
	errors?: Record<string, string>;
} {
	const typed = Object.fromEntries(
		FILTER_KEYS.filter((key) => query[key] !== undefined && query[key] !== "").map((key) => [key, query[key]]),
	) as Partial<Record<keyof RegistrationFilter, string>>;
	const parsed = RegistrationFilterQuery.safeParse(typed);
	if (parsed.success) return { filter: parsed.data, typed };
	return { filter: {}, typed, errors: fieldErrors(parsed.error) };
}

/** Form posts name answers `answers.<question id>`; the schemas take them as one object (a ticked box is true). */
const withAnswers = <S extends z.ZodType>(schema: S) =>
	z.preprocess((values) => {
		const flat = values as Record<string, string>;
		const answers: Record<string, string | boolean> = {};
		const rest: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(flat)) {
			if (key.startsWith("answers.")) answers[key.slice("answers.".length)] = value === "on" ? true : value;
			else rest[key] = value;
		}
		return { ...rest, answers };
	}, schema);

const editForm = withAnswers(editRegistrationSchema);
const manualForm = withAnswers(manualRegistrationSchema);

async function renderList(c: Ctx) {
	const { edition, series, actor } = await authorizedEdition(c, "edition.view_registrations", c.req.param("id") ?? "");
	const { filter, typed, errors } = filterOf(c.req.query());
	const [list, counts, [tickets]] = await Promise.all([
		errors ? Promise.resolve([]) : listRegistrations(c.var.db, edition.id, filter),
		statusCounts(c.var.db, edition.id),
		registrationSetup(c.var.db, edition.id),
	]);
	const query = filterQuery(typed);
	const path = query ? `${registrationsUrl(edition.id)}?${query}` : registrationsUrl(edition.id);
	return c.html(
		<RegistrationsPage
			edition={edition}
			series={series}
			user={requireAuth(c).user}
			filter={typed}
			errors={errors}
			counts={counts}
			tickets={tickets}
			page={pageOf(list, c.req.query("page"), path)}
			canManage={can(actor, "edition.manage_registrations", editionResource(edition))}
			notice={noticeFrom(c)}
		/>,
		errors ? 400 : 200,
	);
}

async function renderPolicy(c: Ctx, failed?: FailedForm, status = 200) {
	const { edition, series, actor } = await authorizedEdition(c, "edition.view", c.req.param("id") ?? "");
	return c.html(
		<FieldsFormPage
			edition={edition}
			series={series}
			user={requireAuth(c).user}
			title="Registration policy"
			fields={REGISTRATION_POLICY_FIELDS}
			data={await loadRegistrationPolicy(c.var.db, edition.id)}
			action={registrationPolicyUrl(edition.id)}
			submitLabel="Save the policy"
			canEdit={can(actor, "edition.update", editionResource(edition))}
			failed={failed}
			notice={noticeFrom(c)}
		/>,
		status as 200,
	);
}

async function renderRegistration(c: Ctx, failed?: FailedForm, status = 200) {
	const { edition, series } = await authorizedEdition(c, "edition.view_registrations", c.req.param("id") ?? "");
	const registration = await findRegistration(c.var.db, edition.id, c.req.param("registrationId") ?? "");
	const [tickets, questions] = await registrationSetup(c.var.db, edition.id);
	return c.html(
		<RegistrationFormPage
			edition={edition}
			series={series}
			user={requireAuth(c).user}
			title={registration.name}
			action={registrationUrl(edition.id, registration.id)}
			submitLabel="Save the registration"
			fields={EDIT_FIELDS}
			data={registration}
			tickets={tickets}
			questions={questions}
			registration={registration}
			failed={failed}
			notice={noticeFrom(c)}
		/>,
		status as 200,
	);
}

async function renderManual(c: Ctx, failed?: FailedForm, status = 200) {
	const { edition, series } = await authorizedEdition(c, "edition.manage_registrations", c.req.param("id") ?? "");
	const [tickets, questions] = await registrationSetup(c.var.db, edition.id);
	return c.html(
		<RegistrationFormPage
			edition={edition}
			series={series}
			user={requireAuth(c).user}
			title="Register someone"
			intro="For speakers, invited guests and complimentary seats: confirmed at once, even when the edition or the ticket is full (the committee's decision, recorded in the audit log)."
			action={newRegistrationUrl(edition.id)}
			submitLabel="Register and confirm"
			fields={MANUAL_FIELDS}
			data={{ role: "other", complimentary: true }}
			tickets={tickets}
			questions={questions}
			failed={failed}
		/>,
		status as 200,
	);
}

async function renderBulkMail(c: Ctx, failed?: FailedForm, status = 200) {
	const { edition, series } = await authorizedEdition(c, "edition.manage_registrations", c.req.param("id") ?? "");
	const { filter, typed, errors } = filterOf(c.req.query());
	const recipients = errors ? [] : await bulkRecipients(c.var.db, edition.id, filter);
	const query = filterQuery(typed);
	return c.html(
		<BulkMailPage
			edition={edition}
			series={series}
			user={requireAuth(c).user}
			action={query ? `${registrationsMailUrl(edition.id)}?${query}` : registrationsMailUrl(edition.id)}
			recipients={recipients.length}
			filterWords={query ? `those matching the list's filters: ${Object.values(typed).join(", ")}` : "all of them"}
			failed={failed ?? (errors ? { form: "mail", values: {}, fields: errors } : undefined)}
		/>,
		errors ? 400 : (status as 200),
	);
}

export const attendeesPages = new Hono<AppEnv>()
	.use("/console/editions/:id/registration-policy", requireSignedInPage)
	.use("/console/editions/:id/registrations", requireSignedInPage)
	.use("/console/editions/:id/registrations.csv", requireSignedInPage)
	.use("/console/editions/:id/registrations/*", requireSignedInPage)
	.get("/console/editions/:id/registration-policy", (c) => renderPolicy(c))
	.post("/console/editions/:id/registration-policy", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.update", c.req.param("id"));
		return submitForm(c, {
			form: "registration-policy",
			schema: registrationPolicySchema,
			run: (data) => saveRegistrationPolicy(c.var.db, edition.id, data),
			redirectTo: () => withNotice(registrationPolicyUrl(edition.id), "updated"),
			rerender: (failed, status) => renderPolicy(c, failed, status),
		});
	})
	.get("/console/editions/:id/registrations", (c) => renderList(c))
	.get("/console/editions/:id/registrations.csv", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view_registrations", c.req.param("id"));
		const { filter, errors } = filterOf(c.req.query());
		if (errors) return renderList(c);
		await limitCostly(c, "export", requireAuth(c).user.id);
		const [list, [, questions]] = await Promise.all([
			listRegistrations(c.var.db, edition.id, filter),
			registrationSetup(c.var.db, edition.id),
		]);
		const name = `registrations-${edition.year}-${new Date().toISOString().slice(0, 10)}.csv`;
		return c.body(registrationsCsv(list.slice(0, REGISTRATIONS_EXPORT_LIMIT), questions), 200, {
			"Content-Type": "text/csv; charset=utf-8",
			"Content-Disposition": `attachment; filename="${name}"`,
			"Cache-Control": "no-store",
		});
	})
	.get("/console/editions/:id/registrations/statistics", async (c) => {
		const { edition, series } = await authorizedEdition(c, "edition.view_registrations", c.req.param("id"));
		const stats = await registrationStatistics(c.var.db, edition);
		return c.html(<StatisticsPage edition={edition} series={series} user={requireAuth(c).user} stats={stats} />);
	})
	.get("/console/editions/:id/registrations/new", (c) => renderManual(c))
	.post("/console/editions/:id/registrations/new", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.manage_registrations", c.req.param("id"));
		return submitForm(c, {
			form: "register",
			schema: manualForm,
			run: (data) => registerByCommittee(c.var.db, edition, data),
			redirectTo: ({ registration, overCapacity }) =>
				withNotice(
					registrationUrl(edition.id, registration.id),
					overCapacity ? NOTICES.registered_over_capacity : NOTICES.registered_by_committee,
				),
			rerender: (failed, status) => renderManual(c, failed, status),
		});
	})
	.get("/console/editions/:id/registrations/mail", (c) => renderBulkMail(c))
	.post("/console/editions/:id/registrations/mail", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.manage_registrations", c.req.param("id"));
		const { filter, errors } = filterOf(c.req.query());
		if (errors) return renderBulkMail(c);
		return submitForm(c, {
			form: "mail",
			schema: bulkMailSchema,
			run: async (data) => {
				await limitCostly(c, "bulk-mail", requireAuth(c).user.id);
				const sent = await sendBulkMail(c.var.db, edition, filter, data);
				scheduleDelivery(c, sent.ids);
				return sent;
			},
			redirectTo: () => withNotice(registrationsUrl(edition.id), NOTICES.bulk_mail_queued),
			rerender: (failed, status) => renderBulkMail(c, failed, status),
		});
	})
	.get("/console/editions/:id/registrations/:registrationId", (c) => renderRegistration(c))
	.post("/console/editions/:id/registrations/:registrationId", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.manage_registrations", c.req.param("id"));
		const id = c.req.param("registrationId");
		await findRegistration(c.var.db, edition.id, id);
		return submitForm(c, {
			form: "registration",
			schema: editForm,
			run: (data) => updateRegistration(c.var.db, edition, id, data),
			redirectTo: () => withNotice(registrationUrl(edition.id, id), "updated"),
			rerender: (failed, status) => renderRegistration(c, failed, status),
		});
	});
