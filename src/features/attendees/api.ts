/**
 * The API of the committee's side of registration: the edition's registrations (paged, filtered),
 * one registration, a change on someone's behalf, a registration by hand, mail to a filtered set,
 * the statistics and the registration policy.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses, jsonBody } from "../../api/openapi";
import { listResponse, PageQuery, paginate } from "../../api/pagination";
import { EditionIdParam, RegistrationParams } from "../../api/params";
import { requireAuth } from "../../auth/guard";
import { AUDIENCE_ROLES, REGISTRATION_SOURCES, REGISTRATION_STATUSES, type Registration } from "../../db/schema";
import { authorizedEdition } from "../../domain/edition-access";
import { limitCostly } from "../../lib/costly-actions";
import { validationError } from "../../lib/errors";
import { scheduleDelivery } from "../../lib/mailer";
import { bulkMailSchema, sendBulkMail } from "./bulk-mail";
import { loadRegistrationPolicy, registrationPolicySchema, saveRegistrationPolicy } from "./policy";
import {
	editRegistrationSchema,
	findRegistration,
	listRegistrations,
	manualRegistrationSchema,
	RegistrationFilterQuery,
	registerByCommittee,
	updateRegistration,
} from "./registrations";
import { registrationStatistics } from "./statistics";

const tags = ["Registrations"];

const RegistrationSchema = z
	.object({
		id: z.string(),
		ticketTypeId: z.string(),
		email: z.string(),
		name: z.string(),
		affiliation: z.string(),
		country: z.string().openapi({ description: "ISO 3166-1 alpha-2." }),
		role: z.enum(AUDIENCE_ROLES),
		answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
		status: z.enum(REGISTRATION_STATUSES),
		expiresAt: z.iso.datetime().nullable(),
		priceCents: z.number().int(),
		currency: z.string(),
		source: z.enum(REGISTRATION_SOURCES),
		note: z.string(),
		listConsent: z.boolean(),
		createdAt: z.iso.datetime(),
		confirmedAt: z.iso.datetime().nullable(),
		cancelledAt: z.iso.datetime().nullable(),
	})
	.openapi("Registration");

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toJson = (r: Registration) => ({
	id: r.id,
	ticketTypeId: r.ticketTypeId,
	email: r.email,
	name: r.name,
	affiliation: r.affiliation,
	country: r.country,
	role: r.role,
	answers: r.answers,
	status: r.status,
	expiresAt: iso(r.expiresAt),
	priceCents: r.priceCents,
	currency: r.currency,
	source: r.source,
	note: r.note,
	listConsent: r.listConsent,
	createdAt: r.createdAt.toISOString(),
	confirmedAt: iso(r.confirmedAt),
	cancelledAt: iso(r.cancelledAt),
});

const listRoute = createRoute({
	method: "get",
	path: "/editions/{id}/registrations",
	operationId: "listRegistrations",
	tags,
	summary: "List the edition's registrations in sign-up order, filtered (chairs and organizers)",
	request: { params: EditionIdParam, query: RegistrationFilterQuery.extend(PageQuery.shape) },
	responses: {
		200: listResponse("The matching registrations, a page at a time.", RegistrationSchema),
		...errorResponses(400, 401, 403, 404),
	},
});

const createRoute_ = createRoute({
	method: "post",
	// Beside the attendee's own `POST /editions/{id}/registrations` (the registration feature).
	path: "/editions/{id}/manual-registrations",
	operationId: "createManualRegistration",
	tags,
	summary: "Register someone by hand (a speaker, an invited guest, a complimentary seat)",
	description:
		"Confirmed at once, even over the edition's or the ticket's capacity: the committee's override, recorded with `source=committee`, the note and `overCapacity` in the audit entry. One registration per address and edition: a taken address is a 409.",
	request: { params: EditionIdParam, ...jsonBody(manualRegistrationSchema) },
	responses: {
		201: dataResponse(
			"The confirmed registration.",
			z.object({ registration: RegistrationSchema, overCapacity: z.boolean() }).openapi("CommitteeRegistration"),
		),
		...errorResponses(400, 401, 403, 404, 409, 422),
	},
});

const getRoute = createRoute({
	method: "get",
	path: "/editions/{id}/registrations/{registrationId}",
	operationId: "getRegistration",
	tags,
	summary: "One registration of the edition (chairs and organizers)",
	request: { params: RegistrationParams },
	responses: {
		200: dataResponse("The registration.", RegistrationSchema),
		...errorResponses(401, 403, 404),
	},
});

const patchRoute = createRoute({
	method: "patch",
	path: "/editions/{id}/registrations/{registrationId}",
	operationId: "updateRegistration",
	tags,
	summary: "Change a registration on the attendee's behalf (only the fields sent)",
	description:
		"Name, affiliation, country, role, answers, ticket type, consent to be listed, the committee's note, and the status: the committee confirms (a held one, by hand) or cancels.",
	request: { params: RegistrationParams, ...jsonBody(editRegistrationSchema.partial()) },
	responses: {
		200: dataResponse("The registration after the change.", RegistrationSchema),
		...errorResponses(400, 401, 403, 404, 422),
	},
});

const MailFilterQuery = RegistrationFilterQuery;
const mailRoute = createRoute({
	method: "post",
	path: "/editions/{id}/registration-mail",
	operationId: "sendRegistrationMail",
	tags,
	summary: "Mail the registrations matching the filters (never cancelled ones) through the mail queue",
	description:
		"The filters are the list's query parameters. With `expectedRecipients` (the count the sender saw) a send to a different number is refused with 409. At most 2000 recipients a send; 10 sends a day per person (429).",
	request: { params: EditionIdParam, query: MailFilterQuery, ...jsonBody(bulkMailSchema) },
	responses: {
		200: dataResponse(
			"How many mails were queued.",
			z.object({ recipients: z.number().int() }).openapi("RegistrationMailSent"),
		),
		...errorResponses(400, 401, 403, 404, 409, 422, 429),
	},
});

const Bar = z.object({ label: z.string(), value: z.number().int() });
const statisticsRoute = createRoute({
	method: "get",
	path: "/editions/{id}/registration-statistics",
	operationId: "getRegistrationStatistics",
	tags,
	summary: "Registrations over time (cumulative, not cancelled) and confirmed ones by ticket type, role and country",
	request: { params: EditionIdParam },
	responses: {
		200: dataResponse(
			"The statistics.",
			z
				.object({
					overTime: z.array(z.object({ day: z.string(), total: z.number().int() })),
					byTicket: z.array(Bar),
					byRole: z.array(Bar),
					byCountry: z.array(Bar),
					confirmed: z.number().int(),
				})
				.openapi("RegistrationStatistics"),
		),
		...errorResponses(401, 403, 404),
	},
});

const Policy = z.record(z.string(), z.unknown()).openapi("RegistrationPolicy");
const getPolicyRoute = createRoute({
	method: "get",
	path: "/editions/{id}/registration-policy",
	operationId: "getRegistrationPolicy",
	tags,
	summary: "The edition's registration policy (defaults until first saved)",
	request: { params: EditionIdParam },
	responses: {
		200: dataResponse("The policy.", Policy),
		...errorResponses(401, 404),
	},
});

const putPolicyRoute = createRoute({
	method: "put",
	path: "/editions/{id}/registration-policy",
	operationId: "putRegistrationPolicy",
	tags,
	summary: "Create or replace the edition's registration policy",
	request: { params: EditionIdParam, ...jsonBody(registrationPolicySchema) },
	responses: {
		200: dataResponse("The policy.", Policy),
		...errorResponses(400, 401, 403, 404, 422),
	},
});

export const attendeesApi = createApiRouter()
	.openapi(listRoute, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view_registrations", c.req.valid("param").id);
		const { limit, cursor, ...filter } = c.req.valid("query");
		const { items, page } = paginate(
			await listRegistrations(c.var.db, edition.id, filter),
			{ limit, cursor },
			(r) => r.id,
		);
		return c.json({ data: items.map(toJson), page }, 200);
	})
	.openapi(createRoute_, async (c) => {
		const body = c.req.valid("json");
		const { edition } = await authorizedEdition(c, "edition.manage_registrations", c.req.valid("param").id);
		const { registration, overCapacity } = await registerByCommittee(c.var.db, edition, body);
		return c.json({ data: { registration: toJson(registration), overCapacity } }, 201);
	})
	.openapi(getRoute, async (c) => {
		const { id, registrationId } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.view_registrations", id);
		return c.json({ data: toJson(await findRegistration(c.var.db, edition.id, registrationId)) }, 200);
	})
	.openapi(patchRoute, async (c) => {
		const { id, registrationId } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.manage_registrations", id);
		const current = await findRegistration(c.var.db, edition.id, registrationId);
		// The address is the key of "one registration per person and edition": the strict schema refuses it.
		const patch = Object.fromEntries(Object.entries(c.req.valid("json")).filter(([, v]) => v !== undefined));
		const editable = {
			name: current.name,
			affiliation: current.affiliation,
			country: current.country,
			role: current.role,
			ticketTypeId: current.ticketTypeId,
			listConsent: current.listConsent,
			answers: current.answers,
			status: current.status,
			note: current.note,
		};
		const parsed = editRegistrationSchema.safeParse({ ...editable, ...patch });
		if (!parsed.success) throw validationError(parsed.error);
		return c.json({ data: toJson(await updateRegistration(c.var.db, edition, registrationId, parsed.data)) }, 200);
	})
	.openapi(mailRoute, async (c) => {
		const body = c.req.valid("json");
		const filter = c.req.valid("query");
		const { edition } = await authorizedEdition(c, "edition.manage_registrations", c.req.valid("param").id);
		await limitCostly(c, "bulk-mail", requireAuth(c).user.id);
		const sent = await sendBulkMail(c.var.db, edition, filter, body);
		scheduleDelivery(c, sent.ids);
		return c.json({ data: { recipients: sent.recipients } }, 200);
	})
	.openapi(statisticsRoute, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view_registrations", c.req.valid("param").id);
		return c.json({ data: await registrationStatistics(c.var.db, edition) }, 200);
	})
	.openapi(getPolicyRoute, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view", c.req.valid("param").id);
		return c.json({ data: await loadRegistrationPolicy(c.var.db, edition.id) }, 200);
	})
	.openapi(putPolicyRoute, async (c) => {
		const body = c.req.valid("json");
		const { edition } = await authorizedEdition(c, "edition.update", c.req.valid("param").id);
		return c.json({ data: await saveRegistrationPolicy(c.var.db, edition.id, body) }, 200);
	});
