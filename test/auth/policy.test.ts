/**
 * The permission policy, exhaustively: for each kind of actor, the exact set of (action, resource)
 * pairs `can()` allows out of every action on every resource (so a rule that grants too much
 * fails as surely as one that grants too little).
 */
import { describe, expect, it } from "vitest";
import { ACTIONS, type Action, type Actor, can, type Resource, viewActionFor } from "../../src/auth/policy";
import type { EditionRole, InstitutionRole } from "../../src/db/schema";

const NOW = new Date("2025-06-01T12:00:00Z");

const RESOURCES = {
	platform: { kind: "platform" },
	institutionA: { kind: "institution", id: "inst-a" },
	institutionB: { kind: "institution", id: "inst-b" },
	seriesA: { kind: "series", id: "series-a" },
	seriesB: { kind: "series", id: "series-b" },
	editionA: { kind: "edition", id: "ed-a", seriesId: "series-a", isPublic: false },
	editionB: { kind: "edition", id: "ed-b", seriesId: "series-b", isPublic: true },
} satisfies Record<string, Resource>;

type ResourceName = keyof typeof RESOURCES;

const ALL_ACTIONS: Action[] = Object.values(ACTIONS).flat();

/** Every pair the policy allows, as "action @ resource", sorted. */
function allowed(actor: Actor | null): string[] {
	const pairs: string[] = [];
	for (const [name, resource] of Object.entries(RESOURCES)) {
		for (const action of ALL_ACTIONS) if (can(actor, action, resource, NOW)) pairs.push(`${action} @ ${name}`);
	}
	return pairs.sort();
}

const pairs = (resource: ResourceName, actions: Action[]) => actions.map((a) => `${a} @ ${resource}`);
const expected = (...groups: string[][]) => groups.flat().sort();

function actor(roles: {
	institutions?: Record<string, InstitutionRole>;
	stewardOf?: string[];
	editions?: Record<string, { role: EditionRole; mentorUntil?: string }>;
	token?: Actor["token"];
}): Actor {
	return {
		userId: "u1",
		institutionRoles: new Map(Object.entries(roles.institutions ?? {})),
		stewardOf: new Set(roles.stewardOf ?? []),
		editionRoles: new Map(
			Object.entries(roles.editions ?? {}).map(([id, e]) => [id, { role: e.role, mentorUntil: e.mentorUntil ?? null }]),
		),
		...(roles.token ? { token: roles.token } : {}),
	};
}

/** What any signed-in person may do on the platform. */
const ANYONE = pairs("platform", ["institution.create", "invitation.accept"]);

const OWNER_ACTIONS: Action[] = [
	"institution.view",
	"institution.update",
	"institution.invite",
	"institution.manage_members",
	"institution.manage_owners",
	"institution.transfer",
	"institution.leave",
];
const CHAIR_ACTIONS: Action[] = [
	"edition.view",
	"edition.update",
	"edition.manage_committee",
	"edition.comment",
	"edition.review",
];

describe("can(): nobody and strangers", () => {
	it("allows nothing without an actor", () => {
		expect(allowed(null)).toEqual([]);
	});

	it("lets a signed-in stranger only create an institution and accept invitations", () => {
		expect(allowed(actor({}))).toEqual(expected(ANYONE));
	});
});

describe("can(): institution roles", () => {
	it("gives an owner every action on their institution, and series creation, nothing on another", () => {
		expect(allowed(actor({ institutions: { "inst-a": "owner" } }))).toEqual(
			expected(ANYONE, pairs("platform", ["series.create"]), pairs("institutionA", OWNER_ACTIONS)),
		);
	});

	it("gives an admin everything but managing owners and transferring", () => {
		expect(allowed(actor({ institutions: { "inst-a": "admin" } }))).toEqual(
			expected(
				ANYONE,
				pairs("platform", ["series.create"]),
				pairs("institutionA", [
					"institution.view",
					"institution.update",
					"institution.invite",
					"institution.manage_members",
					"institution.leave",
				]),
			),
		);
	});

	it("lets a member view and leave, nothing more", () => {
		expect(allowed(actor({ institutions: { "inst-a": "member" } }))).toEqual(
			expected(ANYONE, pairs("institutionA", ["institution.view", "institution.leave"])),
		);
	});
});

describe("can(): series stewards", () => {
	it("lets a steward run their series and view and staff its editions, not other series", () => {
		expect(allowed(actor({ stewardOf: ["series-a"] }))).toEqual(
			expected(
				ANYONE,
				pairs("seriesA", ["series.view_private", "series.update", "series.manage_stewards"]),
				pairs("editionA", ["edition.view", "edition.manage_committee"]),
			),
		);
	});
});

describe("can(): edition committee", () => {
	it("gives a chair every edition action on their edition only", () => {
		expect(allowed(actor({ editions: { "ed-a": { role: "chair" } } }))).toEqual(
			expected(ANYONE, pairs("editionA", CHAIR_ACTIONS)),
		);
	});

	it("lets an organizer view, edit and comment", () => {
		expect(allowed(actor({ editions: { "ed-a": { role: "organizer" } } }))).toEqual(
			expected(ANYONE, pairs("editionA", ["edition.view", "edition.update", "edition.comment"])),
		);
	});

	it("lets a reviewer view, comment and review", () => {
		expect(allowed(actor({ editions: { "ed-a": { role: "reviewer" } } }))).toEqual(
			expected(ANYONE, pairs("editionA", ["edition.view", "edition.comment", "edition.review"])),
		);
	});

	it("lets an active mentor view and comment", () => {
		expect(allowed(actor({ editions: { "ed-a": { role: "mentor", mentorUntil: "2099-12-31" } } }))).toEqual(
			expected(ANYONE, pairs("editionA", ["edition.view", "edition.comment"])),
		);
	});

	it("still lets a mentor in on their last day (the date is inclusive)", () => {
		expect(allowed(actor({ editions: { "ed-a": { role: "mentor", mentorUntil: "2025-06-01" } } }))).toEqual(
			expected(ANYONE, pairs("editionA", ["edition.view", "edition.comment"])),
		);
	});

	it("gives a mentor nothing on the edition after their last day", () => {
		expect(allowed(actor({ editions: { "ed-a": { role: "mentor", mentorUntil: "2025-05-31" } } }))).toEqual(
			expected(ANYONE),
		);
	});

	it("gives a mentor without a last day nothing on the edition", () => {
		expect(allowed(actor({ editions: { "ed-a": { role: "mentor" } } }))).toEqual(expected(ANYONE));
	});
});

describe("can(): personal API tokens narrow what the user may do", () => {
	const owner = { institutions: { "inst-a": "owner" as const }, editions: { "ed-a": { role: "chair" as const } } };

	it("lets a read-only token scoped to the institution only view it", () => {
		const token = { access: "read" as const, institutionId: "inst-a", editionId: null };
		expect(allowed(actor({ ...owner, token }))).toEqual(expected(pairs("institutionA", ["institution.view"])));
	});

	it("lets a read-write token scoped to the institution do what its owner may there, and nothing else", () => {
		const token = { access: "write" as const, institutionId: "inst-a", editionId: null };
		expect(allowed(actor({ ...owner, token }))).toEqual(expected(pairs("institutionA", OWNER_ACTIONS)));
	});

	it("gives a token scoped to another institution nothing, even for an owner", () => {
		const token = { access: "write" as const, institutionId: "inst-b", editionId: null };
		expect(allowed(actor({ ...owner, token }))).toEqual([]);
	});

	it("lets a read-only token scoped to the edition only view it", () => {
		const token = { access: "read" as const, institutionId: null, editionId: "ed-a" };
		expect(allowed(actor({ ...owner, token }))).toEqual(expected(pairs("editionA", ["edition.view"])));
	});

	it("lets a read-write token scoped to the edition do what its chair may there, and nothing else", () => {
		const token = { access: "write" as const, institutionId: null, editionId: "ed-a" };
		expect(allowed(actor({ ...owner, token }))).toEqual(expected(pairs("editionA", CHAIR_ACTIONS)));
	});

	it("gives a token scoped to another edition nothing, even for a chair", () => {
		const token = { access: "write" as const, institutionId: null, editionId: "ed-b" };
		expect(allowed(actor({ ...owner, token }))).toEqual([]);
	});

	it("gives a token without a scope nothing", () => {
		const token = { access: "write" as const, institutionId: null, editionId: null };
		expect(allowed(actor({ ...owner, token }))).toEqual([]);
	});
});

describe("viewActionFor()", () => {
	it("names the action that decides whether a resource is visible at all", () => {
		expect(Object.values(RESOURCES).map(viewActionFor)).toEqual([
			null,
			"institution.view",
			"institution.view",
			null,
			null,
			"edition.view",
			"edition.view",
		]);
	});
});
