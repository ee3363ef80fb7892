import type { Context } from "hono";
import type { AppEnv } from "../env";
import { AppError } from "../lib/errors";
import { type Action, type Actor, can } from "./policy";

/** The signed-in actor of this request; sessions arrive with the accounts issue. */
export function currentActor(_c: Context<AppEnv>): Actor | null {
	return null;
}

/** Throws 401 when nobody is signed in and 403 when the policy denies the action. */
export function requireAllowed(c: Context<AppEnv>, action: Action): Actor {
	const actor = currentActor(c);
	if (!actor) throw new AppError(401, "unauthenticated", "Sign in to do this.");
	if (!can(actor, action)) throw new AppError(403, "forbidden", "You are not allowed to do this.");
	return actor;
}
