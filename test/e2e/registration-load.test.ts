/**
 * The load proof of registration (issue 19, "Done when"): 1,000 signed-in people register at once
 * for 200 free seats through the API of the running Worker, five times on a fresh edition each:
 * exactly 200 confirmed, the rest waitlisted, no 5xx, no one twice, and the waiting list starts
 * where the seats ran out. Beside it, the naive count-then-insert, forced to interleave, oversells:
 * so these checks can see overselling when it happens.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import {
	createOpenEdition,
	createSignedInUsers,
	type D1,
	type LoadUser,
	type OpenEdition,
	openD1,
	registerAll,
	registrationsInWriteOrder,
} from "./registration-load";

const PEOPLE = 1_000;
const SEATS = 200;
const RUNS = 5;

let db: D1;
let dispose: () => Promise<void> = async () => {};
let users: LoadUser[];
let naiveEdition: OpenEdition;
let editions: OpenEdition[];

// Everything is written before the first request: the Worker and this proxy are two processes on
// one SQLite file, and a write of the proxy during the load would make the Worker's wait.
beforeAll(async () => {
	({ db, dispose } = await openD1(inject("stateDir")));
	users = await createSignedInUsers(db, PEOPLE);
	naiveEdition = await createOpenEdition(db, SEATS);
	editions = [];
	for (let run = 0; run < RUNS; run++) editions.push(await createOpenEdition(db, SEATS));
});

afterAll(() => dispose());

/**
 * The naive way, which seats.ts warns against: count the taken seats, then insert. A barrier
 * between the two makes every task count before any inserts, so the interleaving that concurrent
 * requests may produce is certain here, not a matter of timing.
 */
test("the naive count-then-insert, interleaved by a barrier, oversells", async () => {
	const tasks = 300;
	const edition = naiveEdition;
	let counted = 0;
	let release: () => void = () => {};
	const barrier = new Promise<void>((resolve) => {
		release = resolve;
	});
	const naiveRegister = async (user: LoadUser) => {
		const taken = await db
			.prepare("select count(*) as n from registrations where ticket_type_id = ? and status = 'confirmed'")
			.bind(edition.ticketTypeId)
			.first<{ n: number }>();
		if (++counted === tasks) release();
		await barrier;
		await db
			.prepare(
				"insert into registrations (id, edition_id, ticket_type_id, user_id, email, name, country, role, status) values (?, ?, ?, ?, ?, ?, 'NL', 'clinician', ?)",
			)
			.bind(
				randomUUID(),
				edition.editionId,
				edition.ticketTypeId,
				user.id,
				user.email,
				user.email,
				(taken?.n ?? 0) < SEATS ? "confirmed" : "waitlisted",
			)
			.run();
	};

	await Promise.all(users.slice(0, tasks).map(naiveRegister));

	const stored = await registrationsInWriteOrder(db, edition.editionId);
	// Every task saw 0 of 200 seats taken: all 300 confirmed, 100 more than there are seats.
	expect(stored.filter((r) => r.status === "confirmed")).toHaveLength(tasks);
});

describe(`${PEOPLE} concurrent registrations for ${SEATS} seats`, () => {
	for (let run = 1; run <= RUNS; run++) {
		test(`run ${run}: exactly ${SEATS} confirmed, the rest waitlisted in order, no 5xx, no one twice`, async () => {
			const edition = editions[run - 1] as OpenEdition;

			const { statuses, answered } = await registerAll(inject("baseUrl"), edition, users);

			// Every request is a new registration: 201, never a 5xx nor anything else.
			expect(statuses.filter((status) => status !== 201)).toEqual([]);
			const stored = await registrationsInWriteOrder(db, edition.editionId);
			expect(stored).toHaveLength(PEOPLE);
			// One registration per person: no address and no account twice.
			expect(new Set(stored.map((r) => r.email)).size).toBe(PEOPLE);
			expect(new Set(stored.map((r) => r.user_id))).toEqual(new Set(users.map((u) => u.id)));
			// D1 ran the INSERTs one at a time: the first SEATS took the seats, everyone after waits,
			// in the order they came; nobody who came later got a seat a waiting person did not.
			expect(stored.map((r) => r.status)).toEqual([
				...Array<string>(SEATS).fill("confirmed"),
				...Array<string>(PEOPLE - SEATS).fill("waitlisted"),
			]);
			// Each person was told what was stored.
			expect(Object.fromEntries(answered)).toEqual(Object.fromEntries(stored.map((r) => [r.user_id, r.status])));
		});
	}
});
