/**
 * The attendee's API: register for an edition (with an Idempotency-Key, so a retry is safe) and
 * list one's own registrations. The committee's side lives elsewhere.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { desc, eq } from "drizzle-orm";
import { createApiRouter, dataResponse, errorResponses, jsonBody } from "../../api/openapi";
import { listResponse, PageQuery, paginate } from "../../api/pagination";
import { EditionIdParam, IdempotencyKeyHeader } from "../../api/params";
import { authorize, notVisible, requireAuth, visibleOnly } from "../../auth/guard";
import { AUDIENCE_ROLES, REGISTRATION_STATUSES, type Registration, registrations } from "../../db/schema";
import { editionResource, findEditionWithSeries } from "../../domain/editions";
import { isCountryCode } from "../../lib/countries";
import { scheduleDelivery } from "../../lib/mailer";
import { mainOrigin } from "../../lib/main-origin";
import { multiLine, singleLine } from "../../lib/text-input";
import { registerAttendee } from "./registering";

const RegistrationSchema = z
	.object({
		id: z.string(),
		editionId: z.string(),
		ticketTypeId: z.string(),
		status: z.enum(REGISTRATION_STATUSES).openapi({
			description:
				"confirmed: a seat; held: a seat kept until `expiresAt` (paid tickets, until paid); waitlisted: in line; offered: a freed seat kept until `expiresAt`; cancelled.",
		}),
		expiresAt: z.string().nullable().openapi({ format: "date-time" }),
		email: z.string(),
		name: z.string(),
		affiliation: z.string(),
		country: z.string().openapi({ description: "ISO 3166-1 alpha-2." }),
		role: z.enum(AUDIENCE_ROLES),
		answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
		listConsent: z.boolean(),
		priceCents: z.number().int(),
		currency: z.string(),
		createdAt: z.string().openapi({ format: "date-time" }),
	})
	.openapi("Registration");

const RegistrationBody = z
	.object({
		ticketTypeId: singleLine()
			.min(1)
			.max(100)
			.openapi({ description: "One of the edition's ticket types on sale now." }),
		name: singleLine({ error: "Enter your name." })
			.trim()
			.min(1, "Enter your name.")
			.max(200, "Use at most 200 characters.")
			.openapi({ description: "As it should appear on the badge." }),
		affiliation: singleLine().trim().max(300, "Use at most 300 characters.").optional(),
		country: z
			.string()
			.refine(isCountryCode, "Choose a country from the list.")
			.openapi({ description: "ISO 3166-1 alpha-2, e.g. NL." }),
		role: z.enum(AUDIENCE_ROLES),
		listConsent: z.boolean().optional(),
		answers: z
			.record(z.string().max(100), z.union([multiLine().max(5000, "Use at most 5000 characters."), z.boolean()]))
			.optional()
			.openapi({ description: "Answers to the edition's registration fields, by field id (checkboxes as booleans)." }),
	})
	.openapi("RegistrationRequest");

const toJson = (r: Registration) => ({
	id: r.id,
	editionId: r.editionId,
	ticketTypeId: r.ticketTypeId,
	status: r.status,
	expiresAt: r.expiresAt?.toISOString() ?? null,
	email: r.email,
	name: r.name,
	affiliation: r.affiliation,
	country: r.country,
	role: r.role,
	answers: r.answers,
	listConsent: r.listConsent,
	priceCents: r.priceCents,
	currency: r.currency,
	createdAt: r.createdAt.toISOString(),
});

const createRegistration = createRoute({
	method: "post",
	path: "/editions/{id}/registrations",
	operationId: "createRegistration",
	tags: ["Registration"],
	summary: "Register the signed-in user for an edition",
	description:
		"Takes a seat of the ticket when one is free (confirmed for a free ticket, held until paid for a paid one), else a place on the waiting list. One registration per person and edition: registering again answers the existing registration (200), or 409 for another ticket. Outside the ticket's sale window: 422. Send an `Idempotency-Key` to make retries safe.",
	request: { params: EditionIdParam, headers: IdempotencyKeyHeader, ...jsonBody(RegistrationBody) },
	responses: {
		201: dataResponse(
			"The new registration (or, for a retry with the same key, the one the first request made).",
			RegistrationSchema,
		),
		200: dataResponse("Already registered with this ticket: that registration.", RegistrationSchema),
		...errorResponses(400, 401, 403, 404, 409, 422),
	},
});

const listMine = createRoute({
	method: "get",
	path: "/me/registrations",
	operationId: "listMyRegistrations",
	tags: ["Registration"],
	summary: "The signed-in user's registrations, newest first",
	request: { query: PageQuery },
	responses: {
		200: listResponse("Registrations of the signed-in user, cancelled ones included.", RegistrationSchema),
		...errorResponses(400, 401),
	},
});

export const registrationApi = createApiRouter()
	.openapi(createRegistration, async (c) => {
		const auth = requireAuth(c);
		const found = await findEditionWithSeries(c.var.db, c.req.valid("param").id);
		if (!found) throw notVisible();
		await authorize(c, "edition.register", editionResource(found.edition));
		const outcome = await registerAttendee(
			c.var.db,
			{ user: auth.user, edition: found.edition, series: found.series, origin: mainOrigin(c) },
			c.req.valid("json"),
			c.req.valid("header")["Idempotency-Key"] ?? null,
		);
		if (outcome.kind === "created" && outcome.mailId) scheduleDelivery(c, [outcome.mailId]);
		return c.json({ data: toJson(outcome.registration) }, outcome.kind === "existing" ? 200 : 201);
	})
	.openapi(listMine, async (c) => {
		const auth = requireAuth(c);
		const rows = await c.var.db
			.select()
			.from(registrations)
			.where(eq(registrations.userId, auth.user.id))
			.orderBy(desc(registrations.createdAt), desc(registrations.id))
			.all();
		const mine = await visibleOnly(c, rows, (r) => ({
			kind: "registration",
			editionId: r.editionId,
			userId: r.userId,
		}));
		const { items, page } = paginate(mine, c.req.valid("query"), (r) => r.id);
		return c.json({ data: items.map(toJson), page }, 200);
	});
