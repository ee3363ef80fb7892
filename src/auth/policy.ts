/**
 * The one permission policy. Every console and API route asks `can()` (through `authorize()` in
 * ./guard.ts) before acting; anything no rule grants is denied. Roles are relations loaded once per
 * request into the Actor (./actor.ts); this module does no I/O, so it is cheap and exhaustively
 * testable.
 */
import type { ApiTokenAccess, EditionRole, InstitutionRole } from "../db/schema";

export interface Actor {
	userId: string;
	institutionRoles: ReadonlyMap<string, InstitutionRole>;
	stewardOf: ReadonlySet<string>;
	editionRoles: ReadonlyMap<string, { role: EditionRole; mentorUntil: string | null }>;
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
	  };

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
	],
	// series.update covers the series' details, its named lectures and its calls for hosts.
	series: ["series.view_private", "series.update", "series.manage_stewards"],
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
		// Copying an edition's parts into another edition (the setup wizard's source) only reads
		// what is copied, so a public edition is a source for anyone signed in.
		"edition.clone_from",
	],
	proposal: ["proposal.view", "proposal.withdraw", "proposal.decide"],
	new_edition: ["edition.create"],
} as const;

export type Action = (typeof ACTIONS)[keyof typeof ACTIONS][number];

/** Actions that only read: the only ones a read-only API token may perform. */
const READ_ACTIONS: ReadonlySet<Action> = new Set([
	"institution.view",
	"series.view_private",
	"edition.view",
	"edition.clone_from",
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
	if (!actor) return false;
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
					return role === "chair" || role === "organizer";
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
				default:
					return false;
			}
		}
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
	}
}

/** The actor is an owner or admin of the institution. */
function administers(actor: Actor, institutionId: string): boolean {
	const role = actor.institutionRoles.get(institutionId);
	return role === "owner" || role === "admin";
}

function tokenAllows(token: NonNullable<Actor["token"]>, action: Action, resource: Resource): boolean {
	if (token.access === "read" && !READ_ACTIONS.has(action)) return false;
	// A token scoped to an edition may copy from any public edition into it (edition.update on its
	// own edition still decides the write): the public content is no secret, and every token is
	// scoped, so without this no integration could clone at all.
	if (token.editionId && action === "edition.clone_from" && resource.kind === "edition" && resource.isPublic) {
		return true;
	}
	if (token.institutionId) return resource.kind === "institution" && resource.id === token.institutionId;
	if (token.editionId) return resource.kind === "edition" && resource.id === token.editionId;
	return false;
}
