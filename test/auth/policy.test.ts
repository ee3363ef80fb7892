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

/** The series and year of the editions actors hold roles in (ed-a and ed-b are RESOURCES'; the rest notes'). */
const EDITION_PLACES: Record<string, { seriesId: string; year: number }> = {
	"ed-a": { seriesId: "series-a", year: 2025 },
	"ed-b": { seriesId: "series-b", year: 2025 },
	"ed-a-2023": { seriesId: "series-a", year: 2023 },
	"ed-a-2027": { seriesId: "series-a", year: 2027 },
};

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
			Object.entries(roles.editions ?? {}).map(([id, e]) => {
				const place = EDITION_PLACES[id];
				if (!place) throw new Error(`no series and year for edition ${id}`);
				return [id, { role: e.role, mentorUntil: e.mentorUntil ?? null, ...place }];
			}),
		),
		...(roles.token ? { token: roles.token } : {}),
	};
}

/** What any signed-in person may do: start an institution, accept invitations, copy from a public edition. */
const ANYONE = [
	...pairs("platform", ["institution.create", "invitation.accept"]),
	...pairs("editionB", ["edition.clone_from", "edition.register"]),
];
/** A public edition is a source for any token scoped to an edition (the clone writes only there). */
const PUBLIC_SOURCE = pairs("editionB", ["edition.clone_from"]);

const OWNER_ACTIONS: Action[] = [
	"institution.view",
	"institution.update",
	"institution.invite",
	"institution.manage_members",
	"institution.manage_owners",
	"institution.transfer",
	"institution.leave",
	"series.create",
	"hosting.propose",
	"institution.view_audit",
];
const CHAIR_ACTIONS: Action[] = [
	"edition.view",
	"edition.update",
	"edition.manage_committee",
	"edition.comment",
	"edition.review",
	"edition.manage_hosts",
	"edition.change_status",
	"edition.accept_facts",
	"edition.clone_from",
	"handover.write",
	"template.publish",
	"edition.view_mail",
	"edition.view_audit",
	"edition.view_registrations",
	"edition.manage_registrations",
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
	it("gives an owner every action on their institution (series creation and proposing to host included), nothing on another", () => {
		expect(allowed(actor({ institutions: { "inst-a": "owner" } }))).toEqual(
			expected(ANYONE, pairs("institutionA", OWNER_ACTIONS)),
		);
	});

	it("gives an admin everything but managing owners and transferring", () => {
		expect(allowed(actor({ institutions: { "inst-a": "admin" } }))).toEqual(
			expected(
				ANYONE,
				pairs("institutionA", [
					"institution.view",
					"institution.update",
					"institution.invite",
					"institution.manage_members",
					"institution.leave",
					"series.create",
					"hosting.propose",
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
	it("lets a steward run their series and view, staff, host and publish its editions, not other series", () => {
		expect(allowed(actor({ stewardOf: ["series-a"] }))).toEqual(
			expected(
				ANYONE,
				pairs("seriesA", ["series.view_private", "series.update", "series.manage_stewards", "series.view_audit"]),
				pairs("editionA", [
					"edition.view",
					"edition.manage_committee",
					"edition.manage_hosts",
					"edition.change_status",
					"edition.clone_from",
				]),
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
			expected(
				ANYONE,
				pairs("editionA", [
					"edition.view",
					"edition.update",
					"edition.accept_facts",
					"edition.comment",
					"edition.clone_from",
					"handover.write",
					"template.publish",
					"edition.view_mail",
					"edition.view_registrations",
					"edition.manage_registrations",
				]),
			),
		);
	});

	it("lets a reviewer view, comment and review", () => {
		expect(allowed(actor({ editions: { "ed-a": { role: "reviewer" } } }))).toEqual(
			expected(ANYONE, pairs("editionA", ["edition.view", "edition.comment", "edition.review", "edition.clone_from"])),
		);
	});

	it("lets an active mentor view and comment", () => {
		expect(allowed(actor({ editions: { "ed-a": { role: "mentor", mentorUntil: "2099-12-31" } } }))).toEqual(
			expected(ANYONE, pairs("editionA", ["edition.view", "edition.comment", "edition.clone_from"])),
		);
	});

	it("still lets a mentor in on their last day (the date is inclusive)", () => {
		expect(allowed(actor({ editions: { "ed-a": { role: "mentor", mentorUntil: "2025-06-01" } } }))).toEqual(
			expected(ANYONE, pairs("editionA", ["edition.view", "edition.comment", "edition.clone_from"])),
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
		expect(allowed(actor({ ...owner, token }))).toEqual(
			expected(pairs("institutionA", ["institution.view", "institution.view_audit"])),
		);
	});

	it("lets a read-write token scoped to the institution do what its owner may there, and nothing else", () => {
		const token = { access: "write" as const, institutionId: "inst-a", editionId: null };
		expect(allowed(actor({ ...owner, token }))).toEqual(expected(pairs("institutionA", OWNER_ACTIONS)));
	});

	it("gives a token scoped to another institution nothing, even for an owner", () => {
		const token = { access: "write" as const, institutionId: "inst-b", editionId: null };
		expect(allowed(actor({ ...owner, token }))).toEqual([]);
	});

	it("lets a read-only token scoped to the edition only read it, and copy from public editions", () => {
		const token = { access: "read" as const, institutionId: null, editionId: "ed-a" };
		expect(allowed(actor({ ...owner, token }))).toEqual(
			expected(
				pairs("editionA", [
					"edition.view",
					"edition.clone_from",
					"edition.view_mail",
					"edition.view_audit",
					"edition.view_registrations",
				]),
				PUBLIC_SOURCE,
			),
		);
	});

	it("lets a read-write token scoped to the edition do what its chair may there, and copy from public editions", () => {
		const token = { access: "write" as const, institutionId: null, editionId: "ed-a" };
		expect(allowed(actor({ ...owner, token }))).toEqual(expected(pairs("editionA", CHAIR_ACTIONS), PUBLIC_SOURCE));
	});

	it("gives a token scoped to another edition nothing of the chair's, only copying from public editions", () => {
		const token = { access: "write" as const, institutionId: null, editionId: "ed-b" };
		// Its own edition is public: its user may register there, as anyone signed in may.
		expect(allowed(actor({ ...owner, token }))).toEqual(
			expected(PUBLIC_SOURCE, pairs("editionB", ["edition.register"])),
		);
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

describe("can(): hosting proposals and editions created directly", () => {
	// Resources of their own, so the tables above stay about the resources every role touches.
	const HOSTING = {
		proposalA: { kind: "proposal", seriesId: "series-a", institutionId: "inst-a" },
		proposalB: { kind: "proposal", seriesId: "series-b", institutionId: "inst-b" },
		// Series A already has editions; hosted at inst-a.
		nextEditionA: {
			kind: "new_edition",
			seriesId: "series-a",
			hostInstitutionId: "inst-a",
			foundingInstitutionId: "inst-a",
			seriesHasEditions: true,
		},
		// Series B has none yet and was founded by inst-b: its first edition, at home and elsewhere.
		firstEditionAtFounder: {
			kind: "new_edition",
			seriesId: "series-b",
			hostInstitutionId: "inst-b",
			foundingInstitutionId: "inst-b",
			seriesHasEditions: false,
		},
		firstEditionElsewhere: {
			kind: "new_edition",
			seriesId: "series-b",
			hostInstitutionId: "inst-a",
			foundingInstitutionId: "inst-b",
			seriesHasEditions: false,
		},
	} satisfies Record<string, Resource>;

	function allowedHosting(a: Actor | null): string[] {
		const found: string[] = [];
		for (const [name, resource] of Object.entries(HOSTING)) {
			for (const action of ALL_ACTIONS) if (can(a, action, resource, NOW)) found.push(`${action} @ ${name}`);
		}
		return found.sort();
	}
	const on = (resource: keyof typeof HOSTING, actions: Action[]) => actions.map((a) => `${a} @ ${resource}`);

	it("gives strangers and edition committees nothing", () => {
		expect(allowedHosting(null)).toEqual([]);
		expect(allowedHosting(actor({}))).toEqual([]);
		expect(allowedHosting(actor({ editions: { "ed-a": { role: "chair" } } }))).toEqual([]);
	});

	it("lets the proposing institution's owners and admins see and withdraw its proposal, not decide on it", () => {
		for (const role of ["owner", "admin"] as const) {
			expect(allowedHosting(actor({ institutions: { "inst-a": role } }))).toEqual(
				expected(on("proposalA", ["proposal.view", "proposal.withdraw"])),
			);
		}
	});

	it("gives a plain member of the proposing institution nothing", () => {
		expect(allowedHosting(actor({ institutions: { "inst-a": "member" } }))).toEqual([]);
	});

	it("lets the series' stewards see and decide on proposals, not withdraw them, and create no edition on their own", () => {
		expect(allowedHosting(actor({ stewardOf: ["series-a"] }))).toEqual(
			expected(on("proposalA", ["proposal.view", "proposal.decide"])),
		);
	});

	it("lets a steward who administers the host create an edition, first or not", () => {
		expect(allowedHosting(actor({ stewardOf: ["series-a", "series-b"], institutions: { "inst-a": "admin" } }))).toEqual(
			expected(
				on("proposalA", ["proposal.view", "proposal.withdraw", "proposal.decide"]),
				on("proposalB", ["proposal.view", "proposal.decide"]),
				on("nextEditionA", ["edition.create"]),
				on("firstEditionElsewhere", ["edition.create"]),
			),
		);
	});

	it("lets the founding institution's owners and admins create the first edition at home only", () => {
		for (const role of ["owner", "admin"] as const) {
			expect(allowedHosting(actor({ institutions: { "inst-b": role } }))).toEqual(
				expected(
					on("proposalB", ["proposal.view", "proposal.withdraw"]),
					on("firstEditionAtFounder", ["edition.create"]),
				),
			);
		}
	});

	it("does not let the founder's admins create an edition once the series has one, nor a host's admins on their own", () => {
		// inst-a founded series A, which has editions: no steward, no edition.
		expect(allowedHosting(actor({ institutions: { "inst-a": "owner", "inst-b": "member" } }))).toEqual(
			expected(on("proposalA", ["proposal.view", "proposal.withdraw"])),
		);
	});

	it("gives personal API tokens nothing here, even an owner's token scoped to the institution", () => {
		const token = { access: "write" as const, institutionId: "inst-b", editionId: null };
		expect(allowedHosting(actor({ institutions: { "inst-b": "owner" }, stewardOf: ["series-b"], token }))).toEqual([]);
	});

	it("hides a proposal from whoever may not view it, and hides nothing about a new edition", () => {
		expect(Object.values(HOSTING).map(viewActionFor)).toEqual(["proposal.view", "proposal.view", null, null, null]);
	});
});

describe("can(): handover notes", () => {
	// Series A: AINM-like, editions 2023 (ed-a-2023), 2025 (ed-a) and 2027 (ed-a-2027); series B another.
	const note = (editionId: string, visibility: "private" | "future_committees" | "public") => {
		const place = EDITION_PLACES[editionId] ?? { seriesId: "", year: 0 };
		return { kind: "note", seriesId: place.seriesId, editionId, editionYear: place.year, visibility } as const;
	};
	const NOTES = {
		private2023: note("ed-a-2023", "private"),
		future2023: note("ed-a-2023", "future_committees"),
		public2023: note("ed-a-2023", "public"),
		future2025: note("ed-a", "future_committees"),
		futureB: note("ed-b", "future_committees"),
	} satisfies Record<string, Resource>;
	type NoteName = keyof typeof NOTES;

	function allowedNotes(a: Actor | null): string[] {
		const found: string[] = [];
		for (const [name, resource] of Object.entries(NOTES)) {
			for (const action of ALL_ACTIONS) if (can(a, action, resource, NOW)) found.push(`${action} @ ${name}`);
		}
		return found.sort();
	}
	const on = (names: NoteName[], actions: Action[]) => names.flatMap((n) => actions.map((a) => `${a} @ ${n}`));
	// Marking a note read is a write: for whoever may read it, except with a read-only token.
	const READ: Action[] = ["note.view", "note.mark_read"];
	const READ_DISCUSS: Action[] = ["note.view", "note.discuss", "note.mark_read"];
	const ALL_NOTE_ACTIONS: Action[] = ["note.view", "note.update", "note.discuss", "note.mark_read"];

	it("lets the signed-out and strangers read public notes only, and ask about none", () => {
		expect(allowedNotes(null)).toEqual(on(["public2023"], ["note.view"]));
		expect(allowedNotes(actor({}))).toEqual(expected(on(["public2023"], READ)));
		expect(allowedNotes(actor({ institutions: { "inst-a": "owner" } }))).toEqual(expected(on(["public2023"], READ)));
	});

	it("lets the authoring chairs and organizers read, change and discuss all their notes, drafts included", () => {
		for (const role of ["chair", "organizer"] as const) {
			expect(allowedNotes(actor({ editions: { "ed-a-2023": { role } } }))).toEqual(
				expected(on(["private2023", "future2023", "public2023"], ALL_NOTE_ACTIONS)),
			);
		}
	});

	it("lets the authoring reviewers and active mentors read and discuss them, not change them", () => {
		expect(allowedNotes(actor({ editions: { "ed-a-2023": { role: "reviewer" } } }))).toEqual(
			expected(on(["private2023", "future2023", "public2023"], READ_DISCUSS)),
		);
		expect(allowedNotes(actor({ editions: { "ed-a-2023": { role: "mentor", mentorUntil: "2099-12-31" } } }))).toEqual(
			expected(on(["private2023", "future2023", "public2023"], READ_DISCUSS)),
		);
	});

	it("gives a mentor past their last day only what strangers get", () => {
		expect(allowedNotes(actor({ editions: { "ed-a-2023": { role: "mentor", mentorUntil: "2025-05-31" } } }))).toEqual(
			expected(on(["public2023"], READ)),
		);
	});

	it("lets a later committee (any role) read and discuss earlier notes for future committees, never the drafts", () => {
		for (const role of ["chair", "reviewer"] as const) {
			const own = role === "chair" ? ALL_NOTE_ACTIONS : READ_DISCUSS;
			expect(allowedNotes(actor({ editions: { "ed-a": { role } } }))).toEqual(
				expected(on(["future2023", "public2023"], READ_DISCUSS), on(["future2025"], own)),
			);
		}
		expect(allowedNotes(actor({ editions: { "ed-a-2027": { role: "mentor", mentorUntil: "2099-12-31" } } }))).toEqual(
			expected(on(["future2023", "public2023", "future2025"], READ_DISCUSS)),
		);
	});

	it("does not let an earlier committee read a later one's notes for future committees", () => {
		expect(allowedNotes(actor({ editions: { "ed-a-2023": { role: "reviewer" } } }))).not.toContain(
			"note.view @ future2025",
		);
	});

	it("lets the series' stewards read and discuss its notes for future committees and public ones, not drafts", () => {
		expect(allowedNotes(actor({ stewardOf: ["series-a"] }))).toEqual(
			expected(on(["future2023", "public2023", "future2025"], READ_DISCUSS)),
		);
	});

	it("gives another series' committee only the public notes, and no questions to their authors", () => {
		expect(allowedNotes(actor({ editions: { "ed-b": { role: "chair" } } }))).toEqual(
			expected(on(["public2023"], READ), on(["futureB"], ALL_NOTE_ACTIONS)),
		);
	});

	it("narrows a token scoped to an edition to its user's role there, without stewardships; a read-only one marks nothing read", () => {
		const roles = { "ed-a-2023": { role: "chair" as const }, "ed-a": { role: "chair" as const } };
		const read = { access: "read" as const, institutionId: null, editionId: "ed-a" };
		expect(allowedNotes(actor({ editions: roles, stewardOf: ["series-b"], token: read }))).toEqual(
			expected(on(["future2023", "public2023", "future2025"], ["note.view"])),
		);
		const write = { access: "write" as const, institutionId: null, editionId: "ed-a-2023" };
		expect(allowedNotes(actor({ editions: roles, token: write }))).toEqual(
			expected(on(["private2023", "future2023", "public2023"], ALL_NOTE_ACTIONS)),
		);
	});

	it("lets a token scoped to an institution read public notes only", () => {
		const token = { access: "write" as const, institutionId: "inst-a", editionId: null };
		expect(allowedNotes(actor({ editions: { "ed-a-2023": { role: "chair" } }, token }))).toEqual(
			expected(on(["public2023"], READ)),
		);
	});

	it("hides a note from whoever may not read it", () => {
		expect(Object.values(NOTES).map(viewActionFor)).toEqual(Array(5).fill("note.view"));
	});
});

describe("can(): templates", () => {
	// Resources of their own, so the tables above stay about the resources every role touches.
	const TEMPLATES = {
		builtin: { kind: "template", visibility: "public", seriesId: null, institutionId: null },
		seriesA: { kind: "template", visibility: "series", seriesId: "series-a", institutionId: "inst-a" },
		institutionA: { kind: "template", visibility: "institution", seriesId: "series-a", institutionId: "inst-a" },
		publicB: { kind: "template", visibility: "public", seriesId: "series-b", institutionId: "inst-b" },
	} satisfies Record<string, Resource>;
	type TemplateName = keyof typeof TEMPLATES;

	function allowedTemplates(a: Actor | null): string[] {
		const found: string[] = [];
		for (const [name, resource] of Object.entries(TEMPLATES)) {
			for (const action of ALL_ACTIONS) if (can(a, action, resource, NOW)) found.push(`${action} @ ${name}`);
		}
		return found.sort();
	}
	const on = (names: TemplateName[], actions: Action[]) => names.flatMap((n) => actions.map((a) => `${a} @ ${n}`));
	const VIEW: Action[] = ["template.view"];
	const MANAGE: Action[] = ["template.view", "template.manage"];
	const PUBLIC = on(["builtin", "publicB"], VIEW);

	it("shows nothing to the signed out, and public and built-in templates to anyone signed in", () => {
		expect(allowedTemplates(null)).toEqual([]);
		expect(allowedTemplates(actor({}))).toEqual(expected(PUBLIC));
	});

	it("shows an institution's templates to its members (any role), and lets them manage none for that alone", () => {
		for (const role of ["owner", "member"] as const) {
			expect(allowedTemplates(actor({ institutions: { "inst-a": role } }))).toEqual(
				expected(PUBLIC, on(["institutionA"], VIEW)),
			);
		}
	});

	it("lets the series' stewards and its chairs and organizers manage its library", () => {
		expect(allowedTemplates(actor({ stewardOf: ["series-a"] }))).toEqual(expected(PUBLIC, on(["seriesA"], MANAGE)));
		for (const role of ["chair", "organizer"] as const) {
			expect(allowedTemplates(actor({ editions: { "ed-a": { role } } }))).toEqual(
				expected(PUBLIC, on(["seriesA"], MANAGE)),
			);
		}
		// Another series' chair manages that series' public template, nothing of series A.
		expect(allowedTemplates(actor({ editions: { "ed-b": { role: "chair" } } }))).toEqual(
			expected(on(["builtin"], VIEW), on(["publicB"], MANAGE)),
		);
	});

	it("shows the series' library to every committee of the series, mentors only while mentoring", () => {
		expect(allowedTemplates(actor({ editions: { "ed-a-2023": { role: "reviewer" } } }))).toEqual(
			expected(PUBLIC, on(["seriesA"], VIEW)),
		);
		expect(allowedTemplates(actor({ editions: { "ed-a": { role: "mentor", mentorUntil: "2099-12-31" } } }))).toEqual(
			expected(PUBLIC, on(["seriesA"], VIEW)),
		);
		expect(allowedTemplates(actor({ editions: { "ed-a": { role: "mentor", mentorUntil: "2025-05-31" } } }))).toEqual(
			expected(PUBLIC),
		);
	});

	it("lets a member of the publishing institution on the series' committee manage its institution template", () => {
		expect(
			allowedTemplates(actor({ institutions: { "inst-a": "member" }, editions: { "ed-a": { role: "organizer" } } })),
		).toEqual(expected(PUBLIC, on(["seriesA", "institutionA"], MANAGE)));
	});

	it("lets a token scoped to an edition act with that committee role only; one scoped to an institution read public templates and its own", () => {
		const roles = { institutions: { "inst-a": "owner" as const }, editions: { "ed-a": { role: "chair" as const } } };
		const read = { access: "read" as const, institutionId: null, editionId: "ed-a" };
		// The institution's private template is not the edition's business.
		expect(allowedTemplates(actor({ ...roles, token: read }))).toEqual(expected(PUBLIC, on(["seriesA"], VIEW)));
		const write = { access: "write" as const, institutionId: null, editionId: "ed-a" };
		expect(allowedTemplates(actor({ ...roles, token: write }))).toEqual(expected(PUBLIC, on(["seriesA"], MANAGE)));
		// A steward of series A whose token is scoped to a chair's edition of series B: series B's
		// library as that chair, nothing of series A's.
		const elsewhere = { access: "write" as const, institutionId: null, editionId: "ed-b" };
		expect(
			allowedTemplates(
				actor({ stewardOf: ["series-a"], editions: { "ed-b": { role: "chair" as const } }, token: elsewhere }),
			),
		).toEqual(expected(PUBLIC, on(["publicB"], ["template.manage"])));
		const institution = { access: "write" as const, institutionId: "inst-a", editionId: null };
		// Public ones and those the institution published, as its user sees them.
		expect(allowedTemplates(actor({ ...roles, token: institution }))).toEqual(
			expected(PUBLIC, on(["seriesA", "institutionA"], VIEW)),
		);
		const unscoped = { access: "write" as const, institutionId: null, editionId: null };
		expect(allowedTemplates(actor({ ...roles, token: unscoped }))).toEqual([]);
	});

	it("hides a template from whoever may not view it", () => {
		expect(Object.values(TEMPLATES).map(viewActionFor)).toEqual([
			"template.view",
			"template.view",
			"template.view",
			"template.view",
		]);
	});
});
