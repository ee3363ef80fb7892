/**
 * The one permission policy: every console and API route asks `can()` before acting, and
 * anything not granted here is denied. Accounts, sessions and roles arrive with the accounts
 * issue; until then no request carries a user, so every protected action answers 401.
 */
export interface Actor {
	userId: string;
}

export type Action = "series.create";

/** Default deny: an action is allowed only by a rule that names it. */
export function can(actor: Actor | null, action: Action): boolean {
	if (!actor) return false;
	switch (action) {
		case "series.create":
			// Any signed-in user may start a new series (the first edition of a new symposium).
			return true;
		default:
			return false;
	}
}
