/**
 * The request side of reaching an institution, shared by its pages and its API: authorize through
 * the policy, then load. Authorizing first means an outsider learns nothing (404) before any read.
 */
import type { Context } from "hono";
import { authorize, notVisible } from "../../auth/guard";
import type { Action, Resource } from "../../auth/policy";
import type { InstitutionRole } from "../../db/schema";
import type { AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { findInstitution, findInstitutionMember, memberChangeAction } from "./institutions";
import type { MyInstitution } from "./schemas";

export const institutionResource = (id: string): Resource => ({ kind: "institution", id });

/** Authorizes `action` on the institution and returns it with the caller's role. */
export async function authorizedInstitution(c: Context<AppEnv>, action: Action, id: string): Promise<MyInstitution> {
	const actor = await authorize(c, action, institutionResource(id));
	const [institution] = await findInstitution(c.var.db, id);
	// The policy grants institution actions to members only, so a role is there unless the row
	// vanished in between.
	const role = actor.institutionRoles.get(id);
	if (!institution || !role) throw notVisible();
	return { institution, role };
}

/**
 * Authorizes a change to one member in two steps: managing members at all (404 / 403), then, once
 * the member's role is known, managing owners when an owner is involved. Returns the member.
 */
export async function authorizedMemberChange(
	c: Context<AppEnv>,
	institutionId: string,
	userId: string,
	newRole?: InstitutionRole,
) {
	await authorize(c, "institution.manage_members", institutionResource(institutionId));
	const member = await findInstitutionMember(c.var.db, institutionId, userId);
	if (!member) throw new AppError(404, "not_found", "This person is not a member of this institution.");
	await authorize(c, memberChangeAction(member.role, newRole), institutionResource(institutionId));
	return member;
}
