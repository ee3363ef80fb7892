/**
 * Registering and managing one's own registration, as feature functions `(db, input)` the page,
 * the API and the committee's side share: the form checked by the schema built from the edition's
 * configuration, the sale window in the edition's zone, the seat by `takeSeat`, the mail in the
 * same batch; answers edited until the edit cut-off; cancelling until the cancel cut-off, its seat
 * then offered to the waiting list.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Edition, type Registration, registrations, type Series } from "../../db/schema";
import { commit } from "../../db/write";
import { AppError, validationError } from "../../lib/errors";
import { cancelUntil, editUntil, loadRegistrationConfig, onSale, type RegistrationConfig, saleWindow } from "./config";
import { answersSchema, type RegistrationInput, registrationSchema } from "./form-schema";
import { offerMail, registrationMails } from "./mails";
import { acceptOffer, cancelRegistration, offerFreedSeats, type SeatOutcome, takeSeat } from "./seats";

const HOUR_MS = 3_600_000;

export interface Registrant {
	/** The signed-in account; its address is the registration's. */
	user: { id: string; email: string };
	edition: Edition;
	series: Pick<Series, "slug">;
	/** The main host's origin, for the manage link in the mail. */
	origin: string;
}

/** Editions that take registrations: published ones (held and archived ones have taken place or stopped). */
const takesRegistrations = (edition: Pick<Edition, "status">) => edition.status === "published";

/**
 * Registers the signed-in `user` for `edition` with `body` (the API's JSON, or the page's form
 * through `fromForm`). 400 with field messages for invalid input, 422 outside the ticket's sale
 * window, 409 when already registered with another ticket; otherwise the seat's outcome.
 *
 * @example const outcome = await registerAttendee(db, { user, edition, series, origin }, body, "key-1");
 */
export async function registerAttendee(
	db: Database,
	who: Registrant,
	body: unknown,
	idempotencyKey: string | null = null,
	now = new Date(),
	config?: RegistrationConfig,
): Promise<SeatOutcome> {
	const { edition } = who;
	const loaded = config ?? (await loadRegistrationConfig(db, edition.id));
	const { policy } = loaded;
	const { input, ticket } = checkRegistration(edition, loaded, body, now);
	const holdUntil = new Date(now.getTime() + policy.holdHours * HOUR_MS);
	const mails = registrationMails(
		{ edition, series: who.series, origin: who.origin, to: who.user.email.toLowerCase(), ticketName: ticket.name },
		holdUntil,
	);
	return takeSeat(
		db,
		{
			editionId: edition.id,
			ticket,
			email: who.user.email,
			name: input.name,
			affiliation: input.affiliation,
			country: input.country,
			role: input.role,
			answers: input.answers as Record<string, string | boolean>,
			userId: who.user.id,
			idempotencyKey,
			listConsent: input.listConsent,
		},
		policy,
		now,
		mails,
	);
}

/**
 * The registration `body` checked against the edition's configuration: 400 with field messages
 * for invalid input, 422 outside the ticket's sale window. Returns the input and its ticket.
 */
export function checkRegistration(
	edition: Edition,
	{ tickets, fields }: RegistrationConfig,
	body: unknown,
	now = new Date(),
): { input: RegistrationInput; ticket: RegistrationConfig["tickets"][number] } {
	const parsed = registrationSchema(fields).safeParse(body);
	if (!parsed.success) throw validationError(parsed.error);
	const input = parsed.data;
	const ticket = tickets.find((t) => t.id === input.ticketTypeId);
	if (!ticket) {
		throw new AppError(400, "invalid_input", "Some fields are missing or invalid.", {
			ticketTypeId: "Choose one of this edition's tickets.",
		});
	}
	if (!takesRegistrations(edition) || !onSale(edition, ticket, now)) {
		const { opens } = saleWindow(edition, ticket);
		const message =
			takesRegistrations(edition) && now < opens
				? `${ticket.name} is not on sale yet.`
				: `${ticket.name} is no longer on sale.`;
		throw new AppError(422, "not_on_sale", message, { ticketTypeId: message });
	}
	return { input, ticket };
}

/** The signed-in user's registration for an edition, if any (cancelled ones too). */
export function findOwnRegistration(
	db: Database,
	editionId: string,
	userId: string,
): Promise<Registration | undefined> {
	return db
		.select()
		.from(registrations)
		.where(and(eq(registrations.editionId, editionId), eq(registrations.userId, userId)))
		.get();
}

/** Replaces the answers of a registration, until the edit cut-off (422 after it). */
export async function updateAnswers(
	db: Database,
	edition: Edition,
	registration: Registration,
	body: unknown,
	now = new Date(),
): Promise<Registration> {
	const { fields, policy } = await loadRegistrationConfig(db, edition.id);
	if (now >= editUntil(edition, policy) || registration.status === "cancelled") {
		throw new AppError(422, "edit_closed", "Your answers can no longer be changed.");
	}
	const parsed = answersSchema(fields).safeParse(body);
	if (!parsed.success) {
		// The same names as on the registration form.
		const fields = validationError(parsed.error).fields ?? {};
		throw new AppError(
			400,
			"invalid_input",
			"Some fields are missing or invalid.",
			Object.fromEntries(Object.entries(fields).map(([k, v]) => [k === "_" ? k : `answers.${k}`, v])),
		);
	}
	const answers = parsed.data as Record<string, string | boolean>;
	const [updated] = await commit(
		db,
		[
			{
				action: "registration.registration.updated",
				id: registration.id,
				editionId: edition.id,
				before: { answers: registration.answers },
				after: { answers },
			},
		],
		[
			db
				.update(registrations)
				.set({ answers, updatedAt: now })
				.where(eq(registrations.id, registration.id))
				.returning(),
		],
	);
	return updated[0] ?? registration;
}

/**
 * Cancels the attendee's own registration under the policy (until the cancel cut-off, 422 after
 * it) and offers the freed seat to the next person in line (with its mail). Returns the mail ids.
 */
export async function cancelOwnRegistration(
	db: Database,
	who: Omit<Registrant, "user">,
	registration: Registration,
	now = new Date(),
): Promise<string[]> {
	const { policy, tickets } = await loadRegistrationConfig(db, who.edition.id);
	if (registration.status === "cancelled") return [];
	if (now >= cancelUntil(who.edition, policy)) {
		throw new AppError(422, "cancel_closed", "The cancellation deadline has passed: please write to the committee.");
	}
	await cancelRegistration(db, registration, now);
	const { mailIds } = await offerFreedSeats(db, who.edition.id, policy, now, (next, expiresAt) =>
		offerMail(
			{ ...who, to: next.email, ticketName: tickets.find((t) => t.id === next.ticketTypeId)?.name ?? "" },
			expiresAt,
		),
	);
	return mailIds;
}

/** Accepts the attendee's open offer (422 once lapsed). */
export async function acceptOwnOffer(db: Database, edition: Edition, registration: Registration, now = new Date()) {
	if (registration.status !== "offered") throw new AppError(422, "no_offer", "There is no open offer to accept.");
	const { policy } = await loadRegistrationConfig(db, edition.id);
	return acceptOffer(db, registration, policy, now);
}
