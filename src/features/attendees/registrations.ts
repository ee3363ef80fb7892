/**
 * The committee's registrations of an edition: the filtered list with counts per status, one
 * registration, an edit on someone's behalf and a registration by hand. Plain functions `(db, …)`;
 * every write goes through the kernel with its audit entry. Audit entries never hold an attendee's
 * name, address, affiliation or answers (they may belong to no account to anonymise under): a
 * changed personal field is recorded as "changed".
 */
import { z } from "@hono/zod-openapi";
import { and, asc, count, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { archivedError, failedWith } from "../../db/content-version";
import {
	AUDIENCE_ROLES,
	type Edition,
	REGISTRATION_STATUSES,
	type Registration,
	type RegistrationStatus,
	registrationFields,
	registrationPolicies,
	registrations,
	ticketTypes,
	users,
} from "../../db/schema";
import { commit, readTogether } from "../../db/write";
import { checkbox, country, email, type FieldSpec, objectOf, select, text } from "../../domain/fields";
import { availabilityRecompute } from "../../domain/ticket-availability";
import { AppError, notFound } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { singleLine } from "../../lib/text-input";

export const ROLE_OPTIONS = AUDIENCE_ROLES.map((role) => ({
	value: role,
	label: role.charAt(0).toUpperCase() + role.slice(1),
}));
export const STATUS_WORDS: Record<RegistrationStatus, string> = {
	held: "Held",
	confirmed: "Confirmed",
	waitlisted: "Waiting list",
	offered: "Offered a seat",
	cancelled: "Cancelled",
};

// ---------------------------------------------------------------------------------------------
// The list

const FILTER_MESSAGE = "Choose one of the options.";

/** The list's filters, as GET query values of the page and the API. */
export const RegistrationFilterQuery = z.object({
	ticket: z.string().max(64, FILTER_MESSAGE).optional().openapi({ description: "A ticket type id of the edition." }),
	role: z.enum(AUDIENCE_ROLES, { error: FILTER_MESSAGE }).optional(),
	country: z
		.string()
		.regex(/^[A-Z]{2}$/, "Use a two-letter country code like NL.")
		.optional()
		.openapi({ description: "ISO 3166-1 alpha-2." }),
	status: z.enum(REGISTRATION_STATUSES, { error: FILTER_MESSAGE }).optional(),
	q: singleLine()
		.trim()
		.max(100, "Use at most 100 characters.")
		.optional()
		.openapi({ description: "Part of a name, email address or affiliation (case-insensitive)." }),
});
export type RegistrationFilter = z.infer<typeof RegistrationFilterQuery>;

/** A registration as the committee lists it: with its ticket type's name. */
export type ListedRegistration = Registration & { ticketName: string };

/** `%` and `_` in a search are letters, not wildcards. */
const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function filterWhere(editionId: string, filter: RegistrationFilter): SQL | undefined {
	const conditions: (SQL | undefined)[] = [eq(registrations.editionId, editionId)];
	if (filter.ticket) conditions.push(eq(registrations.ticketTypeId, filter.ticket));
	if (filter.role) conditions.push(eq(registrations.role, filter.role));
	if (filter.country) conditions.push(eq(registrations.country, filter.country));
	if (filter.status) conditions.push(eq(registrations.status, filter.status));
	if (filter.q) {
		const pattern = likePattern(filter.q);
		const matches = (column: SQL) => sql`lower(${column}) like ${pattern} escape '\\'`;
		conditions.push(
			or(
				matches(sql`${registrations.name}`),
				matches(sql`${registrations.email}`),
				matches(sql`${registrations.affiliation}`),
			),
		);
	}
	return and(...conditions);
}

/** The edition's registrations matching `filter`, in sign-up order. */
export async function listRegistrations(
	db: Database,
	editionId: string,
	filter: RegistrationFilter = {},
): Promise<ListedRegistration[]> {
	const rows = await db
		.select({ registration: registrations, ticketName: ticketTypes.name })
		.from(registrations)
		.innerJoin(ticketTypes, eq(ticketTypes.id, registrations.ticketTypeId))
		.where(filterWhere(editionId, filter))
		.orderBy(asc(registrations.createdAt), asc(registrations.id));
	return rows.map(({ registration, ticketName }) => ({ ...registration, ticketName }));
}

export type StatusCounts = Record<RegistrationStatus, number>;

/** How many registrations of the edition have each status (every status, 0 included). */
export async function statusCounts(db: Database, editionId: string): Promise<StatusCounts> {
	const rows = await db
		.select({ status: registrations.status, n: count() })
		.from(registrations)
		.where(eq(registrations.editionId, editionId))
		.groupBy(registrations.status);
	const counts = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])) as StatusCounts;
	for (const row of rows) counts[row.status] = row.n;
	return counts;
}

export async function findRegistration(db: Database, editionId: string, id: string): Promise<Registration> {
	const row = await db
		.select()
		.from(registrations)
		.where(and(eq(registrations.editionId, editionId), eq(registrations.id, id)))
		.get();
	if (!row) throw notFound("This registration");
	return row;
}

/** The edition's ticket types and registration questions, for forms and checks. */
export function registrationSetup(db: Database, editionId: string) {
	return readTogether(db, [
		db
			.select()
			.from(ticketTypes)
			.where(eq(ticketTypes.editionId, editionId))
			.orderBy(asc(ticketTypes.position), asc(ticketTypes.name)),
		db
			.select()
			.from(registrationFields)
			.where(eq(registrationFields.editionId, editionId))
			.orderBy(asc(registrationFields.position), asc(registrationFields.label)),
	]);
}

// ---------------------------------------------------------------------------------------------
// Writing

const person = [
	text("name", "Name", { required: true, max: 200 }),
	text("affiliation", "Affiliation", { max: 300 }),
	country("country", "Country", { required: true }),
	select("role", "Role", ROLE_OPTIONS),
	text("ticketTypeId", "Ticket type", { required: true, max: 64 }),
	checkbox("listConsent", "May be named on the public attendee list"),
] as const satisfies readonly FieldSpec[];

/** Answers by registration field id: text or a ticked box (checked against the edition's questions when saved). */
const answers = z
	.record(z.string().max(64), z.union([singleLine().trim().max(2000, "Use at most 2000 characters."), z.boolean()]))
	.refine((a) => Object.keys(a).length <= 100, "At most 100 answers.")
	.default({});

/** What the committee may change of a registration (all fields; a form sends them all). */
export const EDIT_FIELDS = [
	...person,
	select(
		"status",
		"Status",
		REGISTRATION_STATUSES.map((status) => ({ value: status, label: STATUS_WORDS[status] })),
	),
	text("note", "Committee note", { max: 500 }),
] as const satisfies readonly FieldSpec[];
export const editRegistrationSchema = objectOf(EDIT_FIELDS).extend({ answers });
export type RegistrationEdit = z.infer<typeof editRegistrationSchema>;

/** A registration by the committee: always confirmed, over capacity too. */
export const MANUAL_FIELDS = [
	email("email", "Email", { required: true }),
	...person,
	checkbox("complimentary", "Complimentary (no charge)"),
	text("note", "Why (e.g. invited speaker)", { required: true, max: 500 }),
] as const satisfies readonly FieldSpec[];
export const manualRegistrationSchema = objectOf(MANUAL_FIELDS).extend({ answers });
export type ManualRegistration = z.infer<typeof manualRegistrationSchema>;

const PERSONAL = ["name", "affiliation", "answers", "email"] as const;

/** The audit summary of a registration: what is not personal as it is, personal fields only as "changed". */
function auditView(row: Record<string, unknown>, personalChanged: readonly string[] = []) {
	const view: Record<string, unknown> = {};
	for (const key of ["ticketTypeId", "status", "role", "country", "source", "listConsent", "priceCents"] as const)
		if (key in row) view[key] = row[key];
	for (const key of personalChanged) view[key] = "changed";
	return view;
}

function refuseArchived(edition: Pick<Edition, "status">) {
	if (edition.status === "archived") throw archivedError();
}

/** The edition's ticket type `id` (a 422 naming the field when it is not one) and the answers, checked against its questions. */
async function checkedSetup(
	db: Database,
	editionId: string,
	ticketTypeId: string,
	given: Record<string, string | boolean>,
) {
	const [tickets, fields] = await registrationSetup(db, editionId);
	const ticket = tickets.find((t) => t.id === ticketTypeId);
	if (!ticket)
		throw new AppError(422, "unknown_ticket", "Choose a ticket type of this edition.", {
			ticketTypeId: "Choose a ticket type of this edition.",
		});
	const problems: Record<string, string> = {};
	for (const key of Object.keys(given))
		if (!fields.some((f) => f.id === key)) problems[`answers.${key}`] = "This edition asks no such question.";
	if (Object.keys(problems).length > 0)
		throw new AppError(422, "unknown_question", "Some answers are to questions this edition does not ask.", problems);
	return { ticket, fields };
}

/**
 * Changes a registration on the attendee's behalf. Confirming sets when (and clears a hold's or
 * an offer's expiry); cancelling sets when. The committee decides by hand, so no seat rule applies.
 */
export async function updateRegistration(
	db: Database,
	edition: Pick<Edition, "id" | "status">,
	id: string,
	data: RegistrationEdit,
	now = new Date(),
): Promise<Registration> {
	refuseArchived(edition);
	const before = await findRegistration(db, edition.id, id);
	await checkedSetup(db, edition.id, data.ticketTypeId, data.answers);
	const statusChanged = data.status !== before.status;
	// By hand the committee confirms or cancels; holds, offers and the waiting list are the seat rules' to give.
	if (statusChanged && data.status !== "confirmed" && data.status !== "cancelled") {
		throw new AppError(422, "invalid_status", "The committee can confirm or cancel a registration.", {
			status: "Choose Confirmed or Cancelled (or keep the current status).",
		});
	}
	const set = {
		name: data.name,
		affiliation: data.affiliation,
		country: data.country,
		role: data.role,
		ticketTypeId: data.ticketTypeId,
		listConsent: data.listConsent,
		answers: data.answers,
		note: data.note,
		status: data.status,
		updatedAt: now,
		...(statusChanged && data.status === "confirmed" ? { confirmedAt: now, expiresAt: null, cancelledAt: null } : {}),
		...(statusChanged && data.status === "cancelled" ? { cancelledAt: now, expiresAt: null } : {}),
	};
	const personalChanged = PERSONAL.filter(
		(key) => key !== "email" && JSON.stringify(before[key]) !== JSON.stringify(set[key]),
	);
	const after = { ...before, ...set };
	await commit(
		db,
		[
			{
				action: "registration.registration.updated",
				id,
				editionId: edition.id,
				before: {
					...auditView(before),
					...Object.fromEntries(personalChanged.map((k) => [k, "…"])),
					note: before.note,
				},
				after: { ...auditView(after, personalChanged), note: data.note },
			},
		],
		[
			db
				.update(registrations)
				.set(set)
				.where(and(eq(registrations.id, id), eq(registrations.editionId, edition.id))),
			// A changed ticket or status moves seats: the cached pages' coarse state follows.
			...availabilityRecompute(db, edition.id, now),
		],
	);
	return findRegistration(db, edition.id, id);
}

/** Seats taken now: confirmed, plus unexpired holds and offers (as the seat statement counts them). */
async function seatsTaken(db: Database, editionId: string, now: Date) {
	const [row] = await db
		.select({ n: count() })
		.from(registrations)
		.where(
			and(
				eq(registrations.editionId, editionId),
				or(
					eq(registrations.status, "confirmed"),
					and(inArray(registrations.status, ["held", "offered"]), sql`${registrations.expiresAt} > ${now.getTime()}`),
				),
			),
		);
	return row?.n ?? 0;
}

/**
 * Registers someone by hand (an invited speaker, a guest, a complimentary seat): confirmed at once,
 * even over capacity — the committee's explicit override, recorded in the audit entry
 * (`overCapacity`) and on the row (`source=committee` with the note). The one registration per
 * address and edition still holds: a taken address is a 409. Linked to the account of that
 * address when there is one.
 */
export async function registerByCommittee(
	db: Database,
	edition: Pick<Edition, "id" | "status">,
	data: ManualRegistration,
	now = new Date(),
): Promise<{ registration: Registration; overCapacity: boolean }> {
	refuseArchived(edition);
	const { ticket } = await checkedSetup(db, edition.id, data.ticketTypeId, data.answers);
	const address = data.email.toLowerCase();
	const [policy, taken, ticketTaken] = await Promise.all([
		db.select().from(registrationPolicies).where(eq(registrationPolicies.editionId, edition.id)).get(),
		seatsTaken(db, edition.id, now),
		db
			.select({ n: count() })
			.from(registrations)
			.where(and(eq(registrations.ticketTypeId, ticket.id), eq(registrations.status, "confirmed")))
			.then(([row]) => row?.n ?? 0),
	]);
	const overCapacity =
		(policy?.capacity != null && taken >= policy.capacity) ||
		(ticket.capacity != null && ticketTaken >= ticket.capacity);
	const id = newId();
	const row = {
		id,
		editionId: edition.id,
		ticketTypeId: ticket.id,
		userId: sql`(select ${users.id} from ${users} where ${users.email} = ${address})`,
		email: address,
		name: data.name,
		affiliation: data.affiliation,
		country: data.country,
		role: data.role,
		answers: data.answers,
		status: "confirmed" as const,
		priceCents: data.complimentary ? 0 : ticket.priceCents,
		currency: ticket.currency,
		source: "committee" as const,
		note: data.note,
		listConsent: data.listConsent,
		confirmedAt: now,
		createdAt: now,
	};
	try {
		await commit(
			db,
			[
				{
					action: "registration.registration.created",
					id,
					editionId: edition.id,
					after: { ...auditView(row), note: data.note, overCapacity },
				},
			],
			[db.insert(registrations).values(row), ...availabilityRecompute(db, edition.id, now)],
		);
	} catch (error) {
		if (failedWith(error, "UNIQUE constraint failed: registrations.edition_id, registrations.email")) {
			throw new AppError(409, "already_registered", "This address is already registered for this edition.", {
				email: "This address is already registered for this edition: find it in the list and edit it instead.",
			});
		}
		throw error;
	}
	return { registration: await findRegistration(db, edition.id, id), overCapacity };
}
