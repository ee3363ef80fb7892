/**
 * The one permission policy. Every console and API route asks `can()` (through `authorize()` in
 * ./guard.ts) before acting; anything no rule grants is denied. Roles are relations loaded once per
 * request into the Actor (./actor.ts); this module does no I/O, so it is cheap and exhaustively
 * testable.
 */
import type { ApiTokenAccess, EditionRole, InstitutionRole, NoteVisibility, TemplateVisibility } from "../db/schema";

/** A role on an edition's committee, with the edition's series and year (handover notes follow them). */
export interface EditionRoleEntry {
	role: EditionRole;
	mentorUntil: string | null;
	seriesId: string;
	year: number;
}

export interface Actor {
	userId: string;
	institutionRoles: ReadonlyMap<string, InstitutionRole>;
	stewardOf: ReadonlySet<string>;
	editionRoles: ReadonlyMap<string, EditionRoleEntry>;
	/** Present when the request authenticated with a personal API token: it narrows what the user may do. */
	token?: { access: ApiTokenAccess; institutionId: string | null; editionId: string | null };
}

export type Resource =
	| { kind: "platform" }
	| { kind: "institution"; id: string }
	| { kind: "series"; id: string }
	| { kind: "edition"; id: string; seriesId: string; isPublic: boolean }
	/** An institution's offer to host an edition of a series. */
	| { kind: "proposal"; seriesId: string; institutionId: string }
	/**
	 * An edition about to be created directly (not through a call for hosts): the series, the
	 * institution that will host it, the institution that founded the series, and whether the
	 * series has any edition yet (drafts included).
	 */
	| {
			kind: "new_edition";
			seriesId: string;
			hostInstitutionId: string;
			foundingInstitutionId: string | null;
			seriesHasEditions: boolean;
	  }
	/**
	 * A handover note: written by the committee of `editionId` (of `editionYear`), read by whom its
	 * visibility names (see noteAudience).
	 */
	| {
			kind: "note";
			seriesId: string;
			editionId: string;
			editionYear: number;
			visibility: NoteVisibility;
	  }
	/**
	 * A template of the library: in a series' library (`seriesId`), published by an institution
	 * (`institutionId`); built-in templates are public and belong to neither.
	 */
	| { kind: "template"; visibility: TemplateVisibility; seriesId: string | null; institutionId: string | null }
	/** An attendee's registration for an edition: its account (null until linked) decides who sees it. */
	| { kind: "registration"; editionId: string; userId: string | null };

/** Every action, by the kind of resource it applies to. */
export const ACTIONS = {
	platform: ["institution.create", "invitation.accept"],
	institution: [
		"institution.view",
		"institution.update",
		"institution.invite",
		"institution.manage_members",
		// Changing or removing an owner, or making someone owner: owners only, so an admin cannot
		// take over an institution or lock its owners out.
		"institution.manage_owners",
		"institution.transfer",
		"institution.leave",
		// A series is started by an institution, and an institution offers to host an edition:
		// both commit the institution, so they are for its owners and admins.
		"series.create",
		"hosting.propose",
		// Reading the audit log of everything filed under the institution: its owners, who answer for it.
		"institution.view_audit",
	],
	// series.update covers the series' details, its named lectures and its calls for hosts.
	// series.view_audit: the audit log of the series and its editions, for its stewards.
	series: ["series.view_private", "series.update", "series.manage_stewards", "series.view_audit"],
	edition: [
		"edition.view",
		"edition.update",
		"edition.manage_committee",
		"edition.comment",
		"edition.review",
		// Where the edition lives (custom host names) and whether the public sees it (publish, hold,
		// archive): decisions about the edition as a whole, for its chairs and the series' stewards
		// (who look after editions whose committees have moved on).
		"edition.manage_hosts",
		"edition.change_status",
		// Marking a stale-fact hit of the go-live guard "right as it is" (and undoing it): a judgement
		// about the edition's texts, for those who edit them.
		"edition.accept_facts",
		// Copying an edition's parts into another edition (the setup wizard's source) only reads
		// what is copied, so a public edition is a source for anyone signed in.
		"edition.clone_from",
		// Writing the edition's handover notes for later committees (not edition content: see
		// src/features/handover/notes.ts for why an archived edition's notes stay writable).
		"handover.write",
		// Publishing a template from the edition's parts (a new template, a new version, or a fork
		// into this edition's series): the committee that built those parts.
		"template.publish",
		// Reading the edition's mail log (recipients' addresses and delivery states): chairs and organizers.
		"edition.view_mail",
		// Reading the edition's audit log (who changed what, with names): its chairs, who answer for it.
		"edition.view_audit",
		// Registering oneself as an attendee: anyone signed in, for a public edition.
		"edition.register",
		// The edition's registrations: attendees' names, addresses, affiliations and answers. Chairs
		// and organizers run registration; reviewers, mentors and the series' stewards do not need
		// attendees' personal data (the statistics' totals reach them as facts and figures).
		"edition.view_registrations",
		// Editing a registration on someone's behalf, registering someone by hand, mailing attendees.
		"edition.manage_registrations",
	],
	proposal: ["proposal.view", "proposal.withdraw", "proposal.decide"],
	new_edition: ["edition.create"],
	// note.discuss: ask about a note and answer in its question threads. note.mark_read: record
	// that the reader opened it (the dossier's unread markers): a write, so not for read-only tokens.
	note: ["note.view", "note.update", "note.discuss", "note.mark_read"],
	// template.manage: publish new versions of the template, rename it.
	template: ["template.view", "template.manage"],
	// An attendee's own registration: seeing it, and editing, cancelling or accepting an offer.
	// Only its own account; the committee's side has its own actions.
	registration: ["registration.view", "registration.manage"],
} as const;

export type Action = (typeof ACTIONS)[keyof typeof ACTIONS][number];

/** Actions that only read: the only ones a read-only API token may perform. */
const READ_ACTIONS: ReadonlySet<Action> = new Set([
	"institution.view",
	"series.view_private",
	"edition.view",
	"edition.clone_from",
	"edition.view_mail",
	"edition.view_audit",
	"edition.view_registrations",
	"institution.view_audit",
	"series.view_audit",
	"note.view",
	"template.view",
	"registration.view",
]);

/** The action that decides whether a resource is visible at all (404 when not, never 403). */
export function viewActionFor(resource: Resource): Action | null {
	switch (resource.kind) {
		case "institution":
			return "institution.view";
		case "edition":
			return "edition.view";
		case "proposal":
			return "proposal.view";
		case "note":
			return "note.view";
		case "template":
			return "template.view";
		case "registration":
			return "registration.view";
		default:
			return null;
	}
}

/** True when the actor is an active mentor of the edition on `today` (`YYYY-MM-DD`). */
function activeMentor(entry: { role: EditionRole; mentorUntil: string | null } | undefined, today: string) {
	return entry?.role === "mentor" && entry.mentorUntil !== null && today <= entry.mentorUntil;
}

/**
 * May `actor` do `action` on `resource`? Default deny.
 *
 * @example can(actor, "edition.update", { kind: "edition", id, seriesId, isPublic: false })
 */
export function can(actor: Actor | null, action: Action, resource: Resource, now = new Date()): boolean {
	// Signed out, only what is public to all: a public handover note.
	if (!actor) return resource.kind === "note" && action === "note.view" && resource.visibility === "public";
	if (!(ACTIONS[resource.kind] as readonly string[]).includes(action)) return false;
	if (actor.token && !tokenAllows(actor.token, action, resource)) return false;
	const today = now.toISOString().slice(0, 10);

	switch (resource.kind) {
		case "platform":
			// Anyone signed in may start an institution or accept an invitation addressed to them
			// (the invitation itself checks the address); scoped API tokens never reach here.
			return action === "institution.create" || action === "invitation.accept";
		case "institution": {
			const role = actor.institutionRoles.get(resource.id);
			if (!role) return false;
			switch (action) {
				case "institution.view":
				case "institution.leave":
					return true;
				case "institution.update":
				case "institution.invite":
				case "institution.manage_members":
				case "series.create":
				case "hosting.propose":
					return role === "owner" || role === "admin";
				case "institution.manage_owners":
				case "institution.transfer":
				case "institution.view_audit":
					return role === "owner";
				default:
					return false;
			}
		}
		case "series":
			return actor.stewardOf.has(resource.id);
		case "edition": {
			const steward = actor.stewardOf.has(resource.seriesId);
			const entry = actor.editionRoles.get(resource.id);
			const role = entry?.role;
			const mentor = activeMentor(entry, today);
			switch (action) {
				case "edition.view":
					return steward || role === "chair" || role === "organizer" || role === "reviewer" || mentor;
				case "edition.update":
				case "edition.accept_facts":
					return role === "chair" || role === "organizer";
				case "edition.view_audit":
					return role === "chair";
				case "edition.manage_committee":
				case "edition.manage_hosts":
				case "edition.change_status":
					return steward || role === "chair";
				case "edition.comment":
					return role === "chair" || role === "organizer" || role === "reviewer" || mentor;
				case "edition.review":
					return role === "chair" || role === "reviewer";
				case "edition.clone_from":
					// Public content is readable by all; a draft only by those who may view it.
					return resource.isPublic || can(actor, "edition.view", resource, now);
				case "handover.write":
				case "template.publish":
				case "edition.view_mail":
				case "edition.view_registrations":
				case "edition.manage_registrations":
					return role === "chair" || role === "organizer";
				case "edition.register":
					return resource.isPublic;
				default:
					return false;
			}
		}
		case "registration":
			// Attendees see only their own registration.
			return resource.userId !== null && resource.userId === actor.userId;
		case "proposal": {
			const steward = actor.stewardOf.has(resource.seriesId);
			const proposer = administers(actor, resource.institutionId);
			switch (action) {
				case "proposal.view":
					return steward || proposer;
				// The institution withdraws its offer: any of its owners and admins, not only the one
				// who typed it (who may have moved on); a former admin no longer speaks for it.
				case "proposal.withdraw":
					return proposer;
				case "proposal.decide":
					return steward;
				default:
					return false;
			}
		}
		case "new_edition":
			// Only the host's owners and admins commit it to hosting. Beyond that, the series' stewards
			// decide where it goes next; before the first edition exists, the founding institution's
			// owners and admins may also start it at home.
			return (
				administers(actor, resource.hostInstitutionId) &&
				(actor.stewardOf.has(resource.seriesId) ||
					(!resource.seriesHasEditions && resource.hostInstitutionId === resource.foundingInstitutionId))
			);
		case "note": {
			const audience = noteAudience(actor, now);
			const visible = noteVisible(audience, resource);
			switch (action) {
				case "note.view":
				case "note.mark_read":
					return visible;
				case "note.update": {
					// The authoring committee's chairs and organizers, whoever of them wrote it.
					const role = audience.roles.get(resource.editionId);
					return role === "chair" || role === "organizer";
				}
				case "note.discuss":
					// Questions are between the series' committees and stewards: a public note is no
					// invitation for anyone at all to email its authors.
					return visible && insiderOf(audience, resource.seriesId);
				default:
					return false;
			}
		}
		case "template": {
			const { seriesId } = resource;
			// A token scoped to an edition acts with its user's role there only: no stewardship, no
			// institution membership, no other committee (as noteAudience narrows notes).
			const scopedEdition = actor.token?.editionId ?? null;
			const steward = scopedEdition === null && seriesId !== null && actor.stewardOf.has(seriesId);
			// Roles on the committees of the series' editions (a mentor only while mentoring).
			const seriesRoles = [...actor.editionRoles.entries()]
				.filter(
					([editionId, entry]) =>
						(scopedEdition === null || editionId === scopedEdition) &&
						seriesId !== null &&
						entry.seriesId === seriesId &&
						(entry.role !== "mentor" || activeMentor(entry, today)),
				)
				.map(([, entry]) => entry);
			const visible =
				resource.visibility === "public" ||
				(resource.visibility === "series" && (steward || seriesRoles.length > 0)) ||
				(resource.visibility === "institution" &&
					scopedEdition === null &&
					resource.institutionId !== null &&
					actor.institutionRoles.has(resource.institutionId));
			switch (action) {
				case "template.view":
					return visible;
				case "template.manage":
					// The series' stewards and the committees that build its editions look after its library.
					return visible && (steward || seriesRoles.some((e) => e.role === "chair" || e.role === "organizer"));
				default:
					return false;
			}
		}
	}
}

/**
 * May the actor see an edition's own data where a list crosses editions (a note's links into
 * later editions, a template's uses, …)? A public edition (published, held, archived) is
 * everyone's, signed out too; a draft only its viewers' (its committee, the series' stewards).
 *
 * @example links.filter((link) => editionKnown(actor, editionResource(link.edition)))
 */
export function editionKnown(
	actor: Actor | null,
	resource: Extract<Resource, { kind: "edition" }>,
	now = new Date(),
): boolean {
	return resource.isPublic || can(actor, "edition.view", resource, now);
}

/**
 * What decides which handover notes an actor may read, as plain facts, so that the rule in
 * `can()` and the SQL filter of note lists and search (src/features/handover/visibility.ts) are
 * built from the same facts and cannot drift apart.
 */
export interface NoteAudience {
	/** Active committee roles by edition id (a mentor only while mentoring): notes of these editions, any visibility. */
	roles: ReadonlyMap<string, EditionRole>;
	/** Series the actor stewards: their notes for future committees. */
	stewardOf: ReadonlySet<string>;
	/** Per series, the latest year of an edition whose committee the actor is on: notes for future committees of earlier years. */
	latestYear: ReadonlyMap<string, number>;
}

/**
 * The note-reading facts of an actor. A token scoped to an edition reads as its user's role on that
 * edition alone (no stewardships); a token scoped to an institution reads public notes only.
 */
export function noteAudience(actor: Actor | null, now = new Date()): NoteAudience {
	const today = now.toISOString().slice(0, 10);
	const roles = new Map<string, EditionRole>();
	const latestYear = new Map<string, number>();
	if (!actor || actor.token?.institutionId || (actor.token && !actor.token.editionId)) {
		return { roles, stewardOf: new Set(), latestYear };
	}
	for (const [editionId, entry] of actor.editionRoles) {
		if (actor.token && actor.token.editionId !== editionId) continue;
		if (entry.role === "mentor" && !activeMentor(entry, today)) continue;
		roles.set(editionId, entry.role);
		latestYear.set(entry.seriesId, Math.max(entry.year, latestYear.get(entry.seriesId) ?? entry.year));
	}
	return { roles, stewardOf: actor.token ? new Set() : actor.stewardOf, latestYear };
}

/**
 * Who reads a note: public, everyone; private (a draft), its own committee only; for future
 * committees, its own committee, the series' stewards and the committees of the series' later
 * editions (by year).
 */
export function noteVisible(
	audience: NoteAudience,
	note: Pick<Extract<Resource, { kind: "note" }>, "seriesId" | "editionId" | "editionYear" | "visibility">,
): boolean {
	if (note.visibility === "public" || audience.roles.has(note.editionId)) return true;
	if (note.visibility === "private") return false;
	return (
		audience.stewardOf.has(note.seriesId) || (audience.latestYear.get(note.seriesId) ?? -Infinity) > note.editionYear
	);
}

/** On a committee of the series or one of its stewards. */
const insiderOf = (audience: NoteAudience, seriesId: string) =>
	audience.stewardOf.has(seriesId) || audience.latestYear.has(seriesId);

/** The actor is an owner or admin of the institution. */
function administers(actor: Actor, institutionId: string): boolean {
	const role = actor.institutionRoles.get(institutionId);
	return role === "owner" || role === "admin";
}

function tokenAllows(token: NonNullable<Actor["token"]>, action: Action, resource: Resource): boolean {
	if (token.access === "read" && !READ_ACTIONS.has(action)) return false;
	// noteAudience narrows what a token reads and writes of handover notes to its scope.
	if (resource.kind === "note") return true;
	// A token scoped to an edition applies and publishes templates there (the edition's own actions
	// decide the write); one scoped to an institution reads public templates and that institution's.
	if (resource.kind === "template") {
		return (
			token.editionId !== null ||
			(action === "template.view" &&
				token.institutionId !== null &&
				(resource.visibility === "public" || resource.institutionId === token.institutionId))
		);
	}
	// A token scoped to an edition may copy from any public edition into it (edition.update on its
	// own edition still decides the write): the public content is no secret, and every token is
	// scoped, so without this no integration could clone at all.
	if (token.editionId && action === "edition.clone_from" && resource.kind === "edition" && resource.isPublic) {
		return true;
	}
	// A token scoped to an edition registers its user there and reads that registration.
	if (resource.kind === "registration") return token.editionId === resource.editionId;
	if (token.institutionId) return resource.kind === "institution" && resource.id === token.institutionId;
	if (token.editionId) return resource.kind === "edition" && resource.id === token.editionId;
	return false;
}
