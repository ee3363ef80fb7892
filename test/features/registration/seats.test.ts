/**
 * Seats against a model: random sequences of register / cancel / accept / time passing / the
 * scheduler's run, through the feature functions on real D1, compared after every step with a
 * plain in-test model of the rules (one thread, count then decide). Checks: every registration's
 * status and expiry equal the model's, no capacity (ticket or edition) ever exceeded, offers in
 * sign-up order, and after the scheduler's run no free seat left while someone who could take it
 * waits (no seat lost).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Registration } from "../../../src/db/schema";
import {
	acceptOffer,
	cancelRegistration,
	lapseExpired,
	offerFreedSeats,
	type SeatPolicy,
	takeSeat,
} from "../../../src/features/registration/seats";
import { AppError } from "../../../src/lib/errors";
import { testDb } from "../../helpers";
import { registrationEdition } from "./helpers";

const HOUR = 3_600_000;
const POLICY: SeatPolicy = { holdHours: 2, offerHours: 1 };
const EDITION_CAPACITY = 4;
/** A free ticket of 3 seats and a paid one of 2: the edition's 4 is the tighter limit together. */
const TICKETS = [
	{ capacity: 3, priceCents: 0 },
	{ capacity: 2, priceCents: 5000 },
];
const PEOPLE = 9;

type Status = Registration["status"];
interface ModelRow {
	id: string;
	email: string;
	ticket: number;
	status: Status;
	expiresAt: number | null;
	createdAt: number;
}

/** The rules as a reader would state them, computed with plain loops. */
class Model {
	rows: ModelRow[] = [];
	takes = (r: ModelRow, now: number) =>
		r.status === "confirmed" || ((r.status === "held" || r.status === "offered") && (r.expiresAt ?? 0) > now);
	taken = (now: number, ticket?: number) =>
		this.rows.filter((r) => this.takes(r, now) && (ticket === undefined || r.ticket === ticket)).length;
	editionRoom = (now: number) => this.taken(now) < EDITION_CAPACITY;
	ticketRoom = (ticket: number, now: number) => this.taken(now, ticket) < (TICKETS[ticket]?.capacity ?? 0);
	waiting = () =>
		this.rows
			.filter((r) => r.status === "waitlisted")
			.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
	head = (now: number) =>
		this.editionRoom(now) ? this.waiting().find((w) => this.ticketRoom(w.ticket, now)) : undefined;

	register(id: string, email: string, ticket: number, now: number) {
		if (this.rows.some((r) => r.email === email)) return;
		const seat = this.ticketRoom(ticket, now) && this.editionRoom(now) && !this.head(now);
		const paid = (TICKETS[ticket]?.priceCents ?? 0) > 0;
		this.rows.push({
			id,
			email,
			ticket,
			status: seat ? (paid ? "held" : "confirmed") : "waitlisted",
			expiresAt: seat && paid ? now + POLICY.holdHours * HOUR : null,
			createdAt: now,
		});
	}
	offerAll(now: number) {
		for (let head = this.head(now); head; head = this.head(now)) {
			head.status = "offered";
			head.expiresAt = now + POLICY.offerHours * HOUR;
		}
	}
	lapse(now: number) {
		for (const r of this.rows) {
			if ((r.status === "held" || r.status === "offered") && (r.expiresAt ?? 0) <= now) {
				r.status = "cancelled";
				r.expiresAt = null;
			}
		}
	}
}

type Step =
	| { kind: "register"; person: number; ticket: number }
	| { kind: "cancel"; pick: number }
	| { kind: "accept"; pick: number }
	| { kind: "wait"; minutes: number }
	| { kind: "scheduler" };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 5,
		arbitrary: fc.record({ kind: fc.constant("register" as const), person: fc.nat(PEOPLE - 1), ticket: fc.nat(1) }),
	},
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat(20) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant("accept" as const), pick: fc.nat(20) }) },
	{
		weight: 2,
		arbitrary: fc.record({ kind: fc.constant("wait" as const), minutes: fc.integer({ min: 1, max: 150 }) }),
	},
	{ weight: 1, arbitrary: fc.constant({ kind: "scheduler" as const }) },
);

async function dbRows(editionId: string) {
	const rows = await testDb().query.registrations.findMany({ where: (r, { eq }) => eq(r.editionId, editionId) });
	return new Map(rows.map((r) => [r.id, r]));
}

async function runSequence(steps: Step[]) {
	const db = testDb();
	const { edition, tickets } = await registrationEdition({ tickets: TICKETS, capacity: EDITION_CAPACITY, ...POLICY });
	const model = new Model();
	let now = Date.UTC(2099, 0, 1);
	for (const step of steps) {
		// Every step a few milliseconds later, so sign-up order is the order of the steps.
		now += 7;
		const at = new Date(now);
		if (step.kind === "register") {
			const ticket = tickets[step.ticket];
			if (!ticket) throw new Error("no ticket");
			const email = `person${step.person}@example.org`;
			try {
				const outcome = await takeSeat(
					db,
					{
						editionId: edition.id,
						ticket,
						email,
						name: `P${step.person}`,
						affiliation: "",
						country: "NL",
						role: "other",
						answers: {},
						userId: null,
					},
					POLICY,
					at,
				);
				if (outcome.kind === "created") model.register(outcome.registration.id, email, step.ticket, now);
				else expect(model.rows.some((r) => r.email === email)).toBe(true);
			} catch (error) {
				// Another ticket than the person's registration: refused, nothing changes.
				expect(error instanceof AppError && error.status === 409).toBe(true);
			}
		} else if (step.kind === "cancel") {
			const open = model.rows.filter((r) => r.status !== "cancelled");
			const target = open[step.pick % Math.max(1, open.length)];
			if (!target) continue;
			const row = (await dbRows(edition.id)).get(target.id) as Registration;
			await cancelRegistration(db, row, at);
			target.status = "cancelled";
			target.expiresAt = null;
			await offerFreedSeats(db, edition.id, POLICY, at);
			model.offerAll(now);
		} else if (step.kind === "accept") {
			const offers = model.rows.filter((r) => r.status === "offered");
			const target = offers[step.pick % Math.max(1, offers.length)];
			if (!target) continue;
			const row = (await dbRows(edition.id)).get(target.id) as Registration;
			const open = (target.expiresAt ?? 0) > now;
			const accepted = await acceptOffer(db, row, POLICY, at).then(
				() => true,
				(error: unknown) => (error instanceof AppError && error.status === 422 ? false : Promise.reject(error)),
			);
			expect(accepted).toBe(open);
			if (open) {
				const paid = (TICKETS[target.ticket]?.priceCents ?? 0) > 0;
				target.status = paid ? "held" : "confirmed";
				target.expiresAt = paid ? now + POLICY.holdHours * HOUR : null;
			}
		} else if (step.kind === "wait") {
			now += step.minutes * 60_000;
		} else {
			await lapseExpired(db, at);
			await offerFreedSeats(db, edition.id, POLICY, at);
			model.lapse(now);
			model.offerAll(now);
		}

		// The database says what the model says, row for row.
		const rows = await dbRows(edition.id);
		expect(
			[...rows.values()]
				.map((r) => ({ id: r.id, status: r.status, expiresAt: r.expiresAt?.getTime() ?? null }))
				.sort((a, b) => (a.id < b.id ? -1 : 1)),
		).toEqual(
			model.rows
				.map((r) => ({ id: r.id, status: r.status, expiresAt: r.expiresAt }))
				.sort((a, b) => (a.id < b.id ? -1 : 1)),
		);
		// Never more seats taken than there are, per ticket and edition-wide, at any moment.
		expect(model.taken(now)).toBeLessThanOrEqual(EDITION_CAPACITY);
		for (const [i, t] of TICKETS.entries()) expect(model.taken(now, i)).toBeLessThanOrEqual(t.capacity);
		// Right after the scheduler, no free seat is left while someone who could take it waits.
		if (step.kind === "scheduler" || step.kind === "cancel") expect(model.head(now)).toBeUndefined();
	}
}

describe("seats against a model (fast-check, fixed seed)", () => {
	it("keeps capacity, the waiting list's order and every freed seat through random sequences", async () => {
		await fc.assert(fc.asyncProperty(fc.array(stepArbitrary, { minLength: 5, maxLength: 40 }), runSequence), {
			seed: 19,
			numRuns: 50,
			endOnFailure: true,
		});
	}, 120_000);
});

describe("taking a seat", () => {
	it("confirms a free ticket, holds a paid one, and waitlists once full (exact rows)", async () => {
		const db = testDb();
		const { edition, tickets } = await registrationEdition({
			tickets: [{ capacity: 1 }, { capacity: 5, priceCents: 9900 }],
			capacity: 2,
		});
		const [free, paid] = tickets as [(typeof tickets)[0], (typeof tickets)[0]];
		const now = new Date("2099-01-01T10:00:00Z");
		const base = {
			editionId: edition.id,
			name: "A",
			affiliation: "",
			country: "NL",
			role: "other" as const,
			answers: {},
			userId: null,
		};
		const a = await takeSeat(
			db,
			{ ...base, ticket: free, email: "A@Example.org" },
			{ holdHours: 72, offerHours: 48 },
			now,
		);
		const b = await takeSeat(
			db,
			{ ...base, ticket: free, email: "b@example.org" },
			{ holdHours: 72, offerHours: 48 },
			now,
		);
		const c = await takeSeat(
			db,
			{ ...base, ticket: paid, email: "c@example.org" },
			{ holdHours: 72, offerHours: 48 },
			now,
		);
		const d = await takeSeat(
			db,
			{ ...base, ticket: paid, email: "d@example.org" },
			{ holdHours: 72, offerHours: 48 },
			now,
		);
		expect(
			[a, b, c, d].map((o) => [
				o.kind,
				o.registration.email,
				o.registration.status,
				o.registration.expiresAt?.toISOString() ?? null,
			]),
		).toEqual([
			["created", "a@example.org", "confirmed", null],
			["created", "b@example.org", "waitlisted", null],
			["created", "c@example.org", "held", "2099-01-04T10:00:00.000Z"],
			["created", "d@example.org", "waitlisted", null],
		]);
		// The same person again: the first registration; with another ticket: 409.
		const again = await takeSeat(
			db,
			{ ...base, ticket: free, email: "a@example.org" },
			{ holdHours: 72, offerHours: 48 },
			now,
		);
		expect([again.kind, again.registration.id]).toEqual(["existing", a.registration.id]);
		await expect(
			takeSeat(db, { ...base, ticket: paid, email: "a@example.org" }, { holdHours: 72, offerHours: 48 }, now),
		).rejects.toMatchObject({ status: 409, code: "already_registered" });
	});

	it("puts a newcomer behind the waiting list when a hold lapsed before the scheduler ran", async () => {
		const db = testDb();
		const policy = { holdHours: 1, offerHours: 1 };
		const { edition, tickets } = await registrationEdition({ tickets: [{ capacity: 1, priceCents: 2500 }], ...policy });
		const ticket = tickets[0] as (typeof tickets)[0];
		const base = {
			editionId: edition.id,
			name: "A",
			affiliation: "",
			country: "NL",
			role: "other" as const,
			answers: {},
			userId: null,
			ticket,
		};
		const t0 = Date.UTC(2099, 0, 1, 10);
		const a = await takeSeat(db, { ...base, email: "a@example.org" }, policy, new Date(t0));
		const b = await takeSeat(db, { ...base, email: "b@example.org" }, policy, new Date(t0 + 1));
		// Two hours later A's hold has lapsed (no scheduler yet): the seat is B's to be offered, not C's.
		const c = await takeSeat(db, { ...base, email: "c@example.org" }, policy, new Date(t0 + 2 * HOUR));
		expect([a, b, c].map((o) => o.registration.status)).toEqual(["held", "waitlisted", "waitlisted"]);
		await lapseExpired(db, new Date(t0 + 2 * HOUR));
		const { offered } = await offerFreedSeats(db, edition.id, policy, new Date(t0 + 2 * HOUR));
		expect(offered.map((r) => [r.email, r.status, r.expiresAt?.toISOString()])).toEqual([
			["b@example.org", "offered", "2099-01-01T13:00:00.000Z"],
		]);
	});

	it("answers a retried request (same Idempotency-Key) with what the first one made", async () => {
		const db = testDb();
		const { edition, tickets } = await registrationEdition({ tickets: [{ capacity: 10 }] });
		const ticket = tickets[0] as (typeof tickets)[0];
		const base = {
			editionId: edition.id,
			name: "A",
			affiliation: "",
			country: "NL",
			role: "other" as const,
			answers: {},
			userId: null,
			ticket,
		};
		const first = await takeSeat(
			db,
			{ ...base, email: "k@example.org", idempotencyKey: "key-1" },
			{ holdHours: 1, offerHours: 1 },
		);
		const retry = await takeSeat(
			db,
			{ ...base, email: "k@example.org", idempotencyKey: "key-1" },
			{ holdHours: 1, offerHours: 1 },
		);
		expect([first.kind, retry.kind, retry.registration.id]).toEqual(["created", "retried", first.registration.id]);
		await expect(
			takeSeat(db, { ...base, email: "other@example.org", idempotencyKey: "key-1" }, { holdHours: 1, offerHours: 1 }),
		).rejects.toMatchObject({ status: 422, code: "idempotency_key_reused" });
	});
});
