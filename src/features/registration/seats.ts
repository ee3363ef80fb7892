/**
 * Seats: taking one, giving one back, offering a freed one to the waiting list (README,
 * "Registration"). Every decision about a seat is ONE SQL statement that counts and writes at
 * once: D1 runs one database's statements one at a time, so a statement is atomic, while a count
 * followed by an insert lets concurrent requests all see the same free seat (it oversold in every
 * trial). Expiry is decided inside the statement too (`expires_at > now`): an expired hold or
 * offer takes no seat even before the scheduler moves it on.
 *
 * A seat is taken by a registration that is confirmed, held until `expires_at`, or offered until
 * `expires_at`. Limits: the ticket type's capacity and the edition's (registration_policies).
 *
 * Every batch that changes who takes a seat ends with `availabilityRecompute`: the tickets' coarse
 * state for cached pages, rewritten (and the content version bumped) only when it changes.
 */
import { and, asc, eq, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { insertIf } from "../../db/insert-if";
import { outbox, type Registration, registrations, type ticketTypes } from "../../db/schema";
import { type Change, commit } from "../../db/write";
import { availabilityRecompute, takesSeat } from "../../domain/ticket-availability";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { type MailMessage, outboxRow } from "../../lib/mailer";

type TicketType = typeof ticketTypes.$inferSelect;

const HOUR_MS = 3_600_000;

/** 1 when the edition has a free seat edition-wide (no policy row or no capacity: always). */
const editionHasRoom = (editionId: string, now: number) => sql`coalesce((
	select p.capacity is null or p.capacity > (
		select count(*) from registrations r where r.edition_id = p.edition_id and ${takesSeat(now)})
	from registration_policies p where p.edition_id = ${editionId}), 1)`;

/** The ticket types of the edition with a free seat of their own (a subquery SQLite runs once). */
const ticketsWithRoom = (editionId: string, now: number) => sql`(
	select t.id from ticket_types t where t.edition_id = ${editionId} and (t.capacity is null or t.capacity > (
		select count(*) from registrations r
		where r.edition_id = t.edition_id and r.ticket_type_id = t.id and ${takesSeat(now)})))`;

/**
 * 1 when someone on the waiting list could be offered a seat now: a newcomer then waits behind
 * them instead of taking the seat first (sign-up order is kept even when a hold or offer has just
 * lapsed and the scheduler has not yet moved on).
 */
const waitingListCanMove = (editionId: string, now: number) => sql`(${editionHasRoom(editionId, now)} and exists (
	select 1 from registrations w where w.edition_id = ${editionId} and w.status = 'waitlisted'
	and w.ticket_type_id in ${ticketsWithRoom(editionId, now)}))`;

/** 1 when a newcomer for `ticketTypeId` gets a seat now. */
const seatFor = (editionId: string, ticketTypeId: string, now: number) => sql`(
	${ticketTypeId} in ${ticketsWithRoom(editionId, now)}
	and ${editionHasRoom(editionId, now)}
	and not ${waitingListCanMove(editionId, now)})`;

/** What a registration needs of its edition's policy. */
export interface SeatPolicy {
	holdHours: number;
	offerHours: number;
}

/** A person asking for a seat: the registration as the form or the API gave it. */
export interface SeatRequest {
	editionId: string;
	ticket: Pick<TicketType, "id" | "priceCents" | "currency">;
	email: string;
	name: string;
	affiliation: string;
	country: string;
	role: Registration["role"];
	answers: Record<string, string | boolean>;
	userId: string | null;
	/** The client's key of this request (the API's Idempotency-Key): a retry gets the same answer. */
	idempotencyKey?: string | null;
	source?: Registration["source"];
	note?: string;
	listConsent?: boolean;
	/**
	 * Hold the seat this many hours whatever the ticket's price (a signed-out registration waiting
	 * for its emailed link); a waitlisted result stays waitlisted, with no expiry.
	 */
	holdHours?: number;
}

export type SeatOutcome =
	/** A new registration: confirmed, held or waitlisted. */
	| { kind: "created"; registration: Registration; mailId: string | null }
	/** The same request again (same Idempotency-Key): the registration it made. */
	| { kind: "retried"; registration: Registration }
	/** The person was registered already, for the same ticket: that registration. */
	| { kind: "existing"; registration: Registration };

/** The mails a new registration may send: one per status it can start in; the batch keeps the one that applies. */
export type SeatMails = Partial<Record<"confirmed" | "held" | "waitlisted", MailMessage>>;

/**
 * Registers a person for an edition: a seat when one is free (confirmed for a free ticket, held
 * for `policy.holdHours` for a paid one), else a place on the waiting list, decided by the one
 * INSERT … SELECT that writes the row. One registration per person and edition: a second attempt
 * answers the first registration (409 when it asked for another ticket); a retried request with
 * the same idempotency key answers what the first one made. `mails` go out in the same batch,
 * only the one for the status the registration got.
 *
 * @example const outcome = await takeSeat(db, { editionId, ticket, email, name, …, userId }, policy, now);
 */
export async function takeSeat(
	db: Database,
	request: SeatRequest,
	policy: SeatPolicy,
	now = new Date(),
	mails: SeatMails = {},
): Promise<SeatOutcome> {
	const at = now.getTime();
	const id = newId();
	const email = request.email.trim().toLowerCase();
	const { editionId, ticket } = request;
	const free = ticket.priceCents === 0 && request.holdHours === undefined;
	const seat = seatFor(editionId, ticket.id, at);
	const holdUntil = at + (request.holdHours ?? policy.holdHours) * HOUR_MS;
	const row = {
		id,
		editionId,
		ticketTypeId: ticket.id,
		userId: request.userId,
		email,
		name: request.name,
		affiliation: request.affiliation,
		country: request.country,
		role: request.role,
		answers: request.answers,
		status: sql`case when ${seat} then ${free ? "confirmed" : "held"} else 'waitlisted' end`,
		expiresAt: free ? null : sql`case when ${seat} then ${holdUntil} else null end`,
		priceCents: ticket.priceCents,
		currency: ticket.currency,
		source: request.source ?? "self",
		note: request.note ?? "",
		listConsent: request.listConsent ?? false,
		idempotencyKey: request.idempotencyKey ?? null,
		confirmedAt: free ? sql`case when ${seat} then ${at} else null end` : null,
		createdAt: now,
		updatedAt: now,
	} as unknown as typeof registrations.$inferInsert;
	// `where true`: SQLite needs a WHERE before ON CONFLICT in an INSERT … SELECT.
	const insert = insertIf(db, registrations, row, sql`1`).onConflictDoNothing().returning();
	const change: Change = {
		action: "registration.registration.created",
		id,
		editionId,
		after: { ticketTypeId: ticket.id, source: row.source, role: request.role, country: request.country },
		...(request.userId ? { personal: { accountId: request.userId, fields: { email, name: request.name } } } : {}),
		of: 0,
	};
	// One mail per status the row may have got; each is written only if the row has that status.
	const mailIds: Partial<Record<string, string>> = {};
	const mailInserts = Object.entries(mails).map(([status, message]) => {
		const mailId = newId();
		mailIds[status] = mailId;
		return insertIf(
			db,
			outbox,
			outboxRow(message as MailMessage, mailId),
			sql`exists (select 1 from registrations where id = ${id} and status = ${status})`,
		);
	});
	const [inserted] = await commit(db, [change], [insert, ...mailInserts, ...availabilityRecompute(db, editionId, now)]);
	const made = inserted[0];
	if (made) return { kind: "created", registration: made, mailId: mailIds[made.status] ?? null };

	// Nothing written: the person (or this very request) registered before.
	const existing = await db
		.select()
		.from(registrations)
		.where(
			and(
				eq(registrations.editionId, editionId),
				request.idempotencyKey
					? or(eq(registrations.email, email), eq(registrations.idempotencyKey, request.idempotencyKey))
					: eq(registrations.email, email),
			),
		)
		.all();
	const byKey = request.idempotencyKey ? existing.find((r) => r.idempotencyKey === request.idempotencyKey) : undefined;
	if (byKey && byKey.email === email) return { kind: "retried", registration: byKey };
	if (byKey) {
		throw new AppError(422, "idempotency_key_reused", "This Idempotency-Key was used for another registration.");
	}
	const byEmail = existing.find((r) => r.email === email);
	if (!byEmail) throw new Error("registration refused without a conflicting row");
	if (byEmail.ticketTypeId !== ticket.id && byEmail.status !== "cancelled") {
		throw new AppError(409, "already_registered", "You are already registered for this edition with another ticket.", {
			ticketTypeId: "You are already registered with another ticket: cancel that registration first.",
		});
	}
	return { kind: "existing", registration: byEmail };
}

/**
 * The statement that confirms a held seat when its emailed link is used (signed-out registration):
 * a free ticket is confirmed, a paid one held for payment for `policy.holdHours` from now. Only
 * while the hold is unexpired; returns the row when it changed. `also` adds the link's guard.
 */
export function confirmHeldSeat(db: Database, registration: Registration, policy: SeatPolicy, now: Date, also: SQL) {
	const at = now.getTime();
	return db
		.update(registrations)
		.set(
			registration.priceCents === 0
				? { status: "confirmed", expiresAt: null, confirmedAt: now, updatedAt: now }
				: { status: "held", expiresAt: new Date(at + policy.holdHours * HOUR_MS), updatedAt: now },
		)
		.where(
			and(
				eq(registrations.id, registration.id),
				eq(registrations.status, "held"),
				sql`${registrations.expiresAt} > ${at}`,
				also,
			),
		)
		.returning();
}

/**
 * The statement that takes a seat again for a signed-out registration whose 24-hour hold lapsed
 * before its link was used (still `held` but expired, or cancelled by the waiting-list job): the
 * same one-statement decision as `takeSeat` (confirmed or held when a seat is free, else
 * waitlisted at the back of the line). A registration its owner cancelled before the hold ran out
 * stays cancelled. Returns the row when it changed.
 */
export function retakeLapsedSeat(
	db: Database,
	registration: Registration,
	policy: SeatPolicy,
	now: Date,
	holdHours: number,
	also: SQL,
) {
	const at = now.getTime();
	const free = registration.priceCents === 0;
	const seat = seatFor(registration.editionId, registration.ticketTypeId, at);
	const lapsedAt = registration.createdAt.getTime() + holdHours * HOUR_MS;
	return db
		.update(registrations)
		.set({
			status: sql`case when ${seat} then ${free ? "confirmed" : "held"} else 'waitlisted' end`,
			expiresAt: free ? null : sql`case when ${seat} then ${at + policy.holdHours * HOUR_MS} else null end`,
			confirmedAt: free ? sql`case when ${seat} then ${at} else null end` : null,
			cancelledAt: null,
			// At the back of the line, as a newcomer.
			createdAt: now,
			updatedAt: now,
		} as unknown as Partial<typeof registrations.$inferInsert>)
		.where(
			and(
				eq(registrations.id, registration.id),
				or(
					and(eq(registrations.status, "held"), sql`${registrations.expiresAt} <= ${at}`),
					and(eq(registrations.status, "cancelled"), sql`${registrations.cancelledAt} >= ${lapsedAt}`),
				),
				also,
			),
		)
		.returning();
}

/**
 * Moves a registration to cancelled, audited as `action`, while `still` holds (what the caller
 * read must still be so), with the ticket's coarse availability recomputed in the same batch.
 * Returns the rows it changed (none when `still` no longer held).
 */
async function writeCancelled(
	db: Database,
	row: Pick<Registration, "id" | "editionId" | "status">,
	action: "registration.registration.cancelled" | "registration.registration.lapsed",
	still: SQL | undefined,
	now: Date,
) {
	const [updated] = await commit(
		db,
		[
			{
				action,
				id: row.id,
				editionId: row.editionId,
				before: { status: row.status },
				after: { status: "cancelled" },
				of: 0,
			},
		],
		[
			db
				.update(registrations)
				.set({ status: "cancelled", expiresAt: null, cancelledAt: now, updatedAt: now })
				.where(and(eq(registrations.id, row.id), still))
				.returning({ id: registrations.id }),
			...availabilityRecompute(db, row.editionId, now),
		],
	);
	return updated;
}

/** Statuses an attendee may cancel from. */
const CANCELLABLE: readonly Registration["status"][] = ["held", "confirmed", "waitlisted", "offered"];

/**
 * Cancels a registration: its seat (if it had one) is free at once, and offered to the waiting
 * list by `offerFreedSeats`. Returns false when it was cancelled already (nothing written).
 */
export async function cancelRegistration(db: Database, registration: Registration, now = new Date()) {
	if (!CANCELLABLE.includes(registration.status)) return false;
	const updated = await writeCancelled(
		db,
		registration,
		"registration.registration.cancelled",
		sql`${registrations.status} <> 'cancelled'`,
		now,
	);
	return updated.length > 0;
}

/**
 * Accepts an open waiting-list offer: confirmed for a free ticket, held for payment for a paid
 * one. The offer's seat is already counted as taken, so accepting needs no seat of its own; an
 * offer that lapsed (even before the scheduler noticed) is refused with 422.
 */
export async function acceptOffer(db: Database, registration: Registration, policy: SeatPolicy, now = new Date()) {
	const at = now.getTime();
	const free = registration.priceCents === 0;
	const [updated] = await commit(
		db,
		[
			{
				action: "registration.offer.accepted",
				id: registration.id,
				editionId: registration.editionId,
				before: { status: "offered" },
				after: { status: free ? "confirmed" : "held" },
				of: 0,
			},
		],
		[
			db
				.update(registrations)
				.set(
					free
						? { status: "confirmed", expiresAt: null, confirmedAt: now, updatedAt: now }
						: { status: "held", expiresAt: new Date(at + policy.holdHours * HOUR_MS), updatedAt: now },
				)
				.where(
					and(
						eq(registrations.id, registration.id),
						eq(registrations.status, "offered"),
						sql`${registrations.expiresAt} > ${at}`,
					),
				)
				.returning(),
			...availabilityRecompute(db, registration.editionId, now),
		],
	);
	const accepted = updated[0];
	if (!accepted)
		throw new AppError(
			422,
			"offer_lapsed",
			"This offer is no longer open: the seat went to the next person on the waiting list.",
		);
	return accepted;
}

/**
 * Holds and offers that lapsed by `now`, marked cancelled (a lapsed offer is not put back in line:
 * the seat goes to the next person). Each row by its own guarded statement, so a row the attendee
 * confirmed or accepted in the meantime is left alone. Returns the editions that got seats back.
 */
export async function lapseExpired(db: Database, now: Date, limit = 200): Promise<string[]> {
	const at = now.getTime();
	const lapsed = await db
		.select({ id: registrations.id, editionId: registrations.editionId, status: registrations.status })
		.from(registrations)
		.where(and(sql`${registrations.status} in ('held', 'offered')`, sql`${registrations.expiresAt} <= ${at}`))
		.limit(limit)
		.all();
	for (const row of lapsed) {
		await writeCancelled(
			db,
			row,
			"registration.registration.lapsed",
			and(eq(registrations.status, row.status), sql`${registrations.expiresAt} <= ${at}`),
			now,
		);
	}
	return [...new Set(lapsed.map((row) => row.editionId))];
}

/**
 * Offers free seats to the waiting list, first come first served: the first waitlisted person
 * whose ticket has a seat (and the edition too) gets an offer until `policy.offerHours` from now.
 * Each offer is one conditional UPDATE that checks, as it writes, that this person is still first
 * in line and the seat still free, so there are never more open offers than free seats whatever
 * runs at the same time. Returns the offered registrations (for their mails, written in the same
 * batch by `offerMail`).
 */
export async function offerFreedSeats(
	db: Database,
	editionId: string,
	policy: SeatPolicy,
	now = new Date(),
	offerMail?: (registration: Registration, expiresAt: Date) => MailMessage,
	max = 50,
): Promise<{ offered: Registration[]; mailIds: string[] }> {
	const at = now.getTime();
	const offered: Registration[] = [];
	const mailIds: string[] = [];
	const expiresAt = new Date(at + policy.offerHours * HOUR_MS);
	while (offered.length < max) {
		const head = await firstInLine(db, editionId, at);
		if (!head) break;
		const mailId = newId();
		const statements = [
			db
				.update(registrations)
				.set({ status: "offered", expiresAt, updatedAt: now })
				.where(and(eq(registrations.id, head.id), sql`${registrations.id} = ${firstInLineSql(editionId, at)}`))
				.returning(),
			...availabilityRecompute(db, editionId, now),
		] as const;
		const mail = offerMail?.(head, expiresAt);
		const [updated] = await commit(
			db,
			[
				{
					action: "registration.offer.made",
					id: head.id,
					editionId,
					before: { status: "waitlisted" },
					after: { status: "offered", expiresAt },
					of: 0,
				},
			],
			mail
				? [
						...statements,
						insertIf(
							db,
							outbox,
							outboxRow(mail, mailId),
							sql`exists (select 1 from registrations where id = ${head.id} and status = 'offered' and expires_at = ${expiresAt.getTime()})`,
						),
					]
				: [...statements],
		);
		const row = (updated as Registration[])[0];
		// Someone else moved the line meanwhile: look again (the loop ends when no one can move).
		if (!row) continue;
		offered.push(row);
		if (mail) mailIds.push(mailId);
	}
	return { offered, mailIds };
}

/** The id of the first waitlisted person who could take a seat now, as SQL (null when none). */
const firstInLineSql = (editionId: string, at: number): SQL => sql`(
	select w.id from registrations w where w.edition_id = ${editionId} and w.status = 'waitlisted'
	and ${editionHasRoom(editionId, at)} and w.ticket_type_id in ${ticketsWithRoom(editionId, at)}
	order by w.created_at, w.id limit 1)`;

async function firstInLine(db: Database, editionId: string, at: number): Promise<Registration | undefined> {
	const row = await db.get<{ id: string | null }>(sql`select ${firstInLineSql(editionId, at)} as id`);
	if (!row?.id) return undefined;
	return db.select().from(registrations).where(eq(registrations.id, row.id)).get();
}

/** Seats left per ticket type (null: no limit), the edition-wide limit applied, as of `now`. */
export async function seatsLeft(
	db: Database,
	editionId: string,
	now = new Date(),
): Promise<{ byTicket: Map<string, number | null>; edition: number | null }> {
	const at = now.getTime();
	const rows = await db.all<{ id: string; capacity: number | null; taken: number }>(sql`
		select t.id, t.capacity, (select count(*) from registrations r
			where r.edition_id = t.edition_id and r.ticket_type_id = t.id and ${takesSeat(at)}) as taken
		from ticket_types t where t.edition_id = ${editionId}`);
	const edition = await db.get<{ capacity: number | null; taken: number }>(sql`
		select p.capacity, (select count(*) from registrations r where r.edition_id = p.edition_id and ${takesSeat(at)}) as taken
		from registration_policies p where p.edition_id = ${editionId}`);
	const editionLeft = edition?.capacity == null ? null : Math.max(0, edition.capacity - edition.taken);
	const byTicket = new Map<string, number | null>();
	for (const row of rows) {
		const own = row.capacity === null ? null : Math.max(0, row.capacity - row.taken);
		byTicket.set(row.id, own === null ? editionLeft : editionLeft === null ? own : Math.min(own, editionLeft));
	}
	return { byTicket, edition: editionLeft };
}

/** The waiting list of an edition in sign-up order. */
export function waitingList(db: Database, editionId: string) {
	return db
		.select()
		.from(registrations)
		.where(and(eq(registrations.editionId, editionId), eq(registrations.status, "waitlisted")))
		.orderBy(asc(registrations.createdAt), asc(registrations.id))
		.all();
}
