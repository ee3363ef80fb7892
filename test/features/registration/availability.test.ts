/**
 * The coarse availability cached pages show (README, "Registration"): registering, cancelling and
 * the committee's manual registration rewrite a ticket's state (available, few left, sold out) in
 * their own batch, and the edition's content version (the edge cache's key) moves only when that
 * state changes — never for a single registration that leaves it as it was. The edition home's
 * JSON-LD offers say the same; and the subsite's attendee links lead to the main host.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { editionHosts, editions, type Registration } from "../../../src/db/schema";
import { storedAvailability } from "../../../src/domain/ticket-availability";
import { manualRegistrationSchema, registerByCommittee } from "../../../src/features/attendees/registrations";
import { cancelRegistration, takeSeat } from "../../../src/features/registration/seats";
import { request, testDb } from "../../helpers";
import { registrationEdition } from "./helpers";

const POLICY = { holdHours: 72, offerHours: 48 };

type World = Awaited<ReturnType<typeof registrationEdition>>;

const version = async (world: World) =>
	(await testDb().select().from(editions).where(eq(editions.id, world.edition.id)).get())?.contentVersion;

const stateOf = async (world: World) => (await storedAvailability(testDb(), world.edition.id))[0]?.availability;

let people = 0;
async function register(world: World, ticketIndex = 0): Promise<Registration> {
	const ticket = world.tickets[ticketIndex];
	if (!ticket) throw new Error("no such ticket");
	const n = ++people;
	const outcome = await takeSeat(
		testDb(),
		{
			editionId: world.edition.id,
			ticket,
			email: `coarse-${n}@example.org`,
			name: `Person ${n}`,
			affiliation: "",
			country: "NL",
			role: "other",
			answers: {},
			userId: null,
		},
		POLICY,
	);
	return outcome.registration;
}

/** The offers of the edition home's JSON-LD (uncached, so the page is rendered now). */
async function offers(world: World): Promise<{ name: string; availability: string; price: string; url: string }[]> {
	const page = await (await request(`${world.path}?fresh=${++people}`)).text();
	const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1];
	return JSON.parse(json ?? "null")?.offers ?? [];
}

describe("a ticket's coarse availability", () => {
	// 20 seats: few left at 5 seats left (10% would be 2), sold out at 20 taken.
	let world: World;
	const taken: Registration[] = [];
	beforeAll(async () => {
		world = await registrationEdition({ tickets: [{ name: "Regular", capacity: 20, priceCents: 12000 }] });
	});

	it("starts available; a registration that leaves it available does not bump the content version", async () => {
		const before = await version(world);
		taken.push(await register(world));
		expect([await stateOf(world), await version(world)]).toEqual(["available", before]);
		expect(await offers(world)).toEqual([
			{
				"@type": "Offer",
				name: "Regular",
				price: "120.00",
				priceCurrency: "EUR",
				availability: "https://schema.org/InStock",
				url: `http://localhost${world.path}/register`,
			},
		]);
	});

	it("turns few left at 5 seats left, bumping the version once", async () => {
		for (let i = 0; i < 13; i++) taken.push(await register(world));
		const before = await version(world);
		taken.push(await register(world)); // 15 taken, 5 left
		expect([await stateOf(world), await version(world)]).toEqual(["few_left", (before ?? 0) + 1]);
		taken.push(await register(world)); // 4 left: still few
		expect([await stateOf(world), await version(world)]).toEqual(["few_left", (before ?? 0) + 1]);
		expect((await offers(world)).map((o) => o.availability)).toEqual(["https://schema.org/LimitedAvailability"]);
	});

	it("sells out with the last seat, bumping the version, and the JSON-LD says SoldOut", async () => {
		for (let i = 0; i < 3; i++) taken.push(await register(world));
		const before = await version(world);
		taken.push(await register(world)); // 20 taken
		expect([await stateOf(world), await version(world)]).toEqual(["sold_out", (before ?? 0) + 1]);
		// The waiting list takes no seat: nothing changes.
		const waiting = await register(world);
		expect([waiting.status, await stateOf(world), await version(world)]).toEqual([
			"waitlisted",
			"sold_out",
			(before ?? 0) + 1,
		]);
		await cancelRegistration(testDb(), waiting);
		expect(await version(world)).toBe((before ?? 0) + 1);
		expect((await offers(world)).map((o) => o.availability)).toEqual(["https://schema.org/SoldOut"]);
		const home = await (await request(`${world.path}?fresh=${++people}`)).text();
		expect(home).toContain("<dt>Regular</dt><dd>€120.00 · Sold out</dd>");
	});

	it("cancellations move it back: few left with the first, available at 6 seats left, each change one bump", async () => {
		const before = (await version(world)) ?? 0;
		await cancelRegistration(testDb(), taken.pop() as Registration); // 1 left
		expect([await stateOf(world), await version(world)]).toEqual(["few_left", before + 1]);
		for (let i = 0; i < 4; i++) await cancelRegistration(testDb(), taken.pop() as Registration); // 5 left
		expect([await stateOf(world), await version(world)]).toEqual(["few_left", before + 1]);
		await cancelRegistration(testDb(), taken.pop() as Registration); // 6 left
		expect([await stateOf(world), await version(world)]).toEqual(["available", before + 2]);
		expect((await offers(world)).map((o) => o.availability)).toEqual(["https://schema.org/InStock"]);
	});
});

describe("the edition-wide capacity", () => {
	it("sells every ticket out when the edition is full, and a committee registration counts too", async () => {
		const world = await registrationEdition({ tickets: [{ name: "Regular" }, { name: "Student" }], capacity: 3 });
		await register(world, 0);
		// 3 seats: few left from the start (at most 5 left).
		expect((await storedAvailability(testDb(), world.edition.id)).map((t) => t.availability)).toEqual([
			"few_left",
			"few_left",
		]);
		await register(world, 1);
		const before = (await version(world)) ?? 0;
		await registerByCommittee(
			testDb(),
			{ id: world.edition.id, status: "published" },
			manualRegistrationSchema.parse({
				ticketTypeId: world.tickets[1]?.id,
				email: "invited@example.org",
				name: "Invited Guest",
				country: "NL",
				role: "other",
				note: "Invited speaker",
			}),
		);
		expect((await storedAvailability(testDb(), world.edition.id)).map((t) => t.availability)).toEqual([
			"sold_out",
			"sold_out",
		]);
		expect(await version(world)).toBe(before + 1);
		expect((await offers(world)).map((o) => o.availability)).toEqual([
			"https://schema.org/SoldOut",
			"https://schema.org/SoldOut",
		]);
	});
});

describe("the subsite's attendee links", () => {
	it("lead to the main host from a custom host: Register, My page, Sign in", async () => {
		const world = await registrationEdition({ tickets: [{ name: "Regular" }] });
		const host = `coarse-${world.edition.id.slice(0, 8)}.example.org`;
		await testDb().insert(editionHosts).values({ hostname: host, editionId: world.edition.id });
		const page = await (await request(`http://${host}/`)).text();
		const main = `https://localhost${world.path}`;
		expect(page).toContain(`<a class="button" href="${main}/register">Register</a>`);
		expect(page).toContain(`<a href="${main}/register">Register</a>`);
		expect(page).toContain(`<a href="${main}/me">My page</a>`);
		expect(page).toContain(
			`<a href="https://localhost/auth/sign-in?next=${encodeURIComponent(`${world.path}/me`)}">Sign in</a>`,
		);
		expect(page).not.toContain('href="/register"');
	});

	it("stay on the main host's own paths there", async () => {
		const world = await registrationEdition({ tickets: [{ name: "Regular" }] });
		const page = await (await request(world.path)).text();
		expect(page).toContain(`<a href="${world.path}/register">Register</a>`);
		expect(page).toContain(`<a href="${world.path}/me">My page</a>`);
		expect(page).toContain(`<a href="/auth/sign-in?next=${encodeURIComponent(`${world.path}/me`)}">Sign in</a>`);
	});
});
