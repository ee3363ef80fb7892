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
	| { kind: "edition"; id: string; seriesId: string; isPublic: boolean };

/** Every action, by the kind of resource it applies to. */
export const ACTIONS = {
	platform: ["institution.create", "series.create", "invitation.accept"],
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
	],
	series: ["series.view_private", "series.update", "series.manage_stewards"],
	edition: ["edition.view", "edition.update", "edition.manage_committee", "edition.comment", "edition.review"],
} as const;

export type Action = (typeof ACTIONS)[keyof typeof ACTIONS][number];

/** Actions that only read: the only ones a read-only API token may perform. */
const READ_ACTIONS: ReadonlySet<Action> = new Set(["institution.view", "series.view_private", "edition.view"]);

/** The action that decides whether a resource is visible at all (404 when not, never 403). */
export function viewActionFor(resource: Resource): Action | null {
	switch (resource.kind) {
		case "institution":
			return "institution.view";
		case "edition":
			return "edition.view";
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
		case "platform": {
			// Anyone signed in may start an institution or accept an invitation addressed to them
			// (the invitation itself checks the address); scoped API tokens never reach here.
			if (action === "institution.create" || action === "invitation.accept") return true;
			// A series is started by an institution: its owners and admins.
			return [...actor.institutionRoles.values()].some((role) => role === "owner" || role === "admin");
		}
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
					return steward || role === "chair";
				case "edition.comment":
					return role === "chair" || role === "organizer" || role === "reviewer" || mentor;
				case "edition.review":
					return role === "chair" || role === "reviewer";
				default:
					return false;
			}
		}
	}
}

function tokenAllows(token: NonNullable<Actor["token"]>, action: Action, resource: Resource): boolean {
	if (token.access === "read" && !READ_ACTIONS.has(action)) return false;
	if (token.institutionId) return resource.kind === "institution" && resource.id === token.institutionId;
	if (token.editionId) return resource.kind === "edition" && resource.id === token.editionId;
	return false;
}
