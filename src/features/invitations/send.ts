import type { Context } from "hono";
import { requireAuth } from "../../auth/guard";
import type { AppEnv } from "../../env";
import { scheduleDelivery } from "../../lib/mailer";
import { mainOrigin } from "../../lib/main-origin";
import { type CreateInvitationInput, createInvitation, type PendingInvitation } from "./invitations";

/**
 * The request side of inviting, the same for every scope, page or API: the signed-in user
 * invites, the link points at the main host, and the email goes out after the
 * response. Call it after `authorize()`.
 */
export async function sendInvitation(
	c: Context<AppEnv>,
	input: Omit<CreateInvitationInput, "inviter" | "baseUrl">,
): Promise<PendingInvitation> {
	const { user } = requireAuth(c);
	const { invitation, outboxId } = await createInvitation(c.var.db, {
		...input,
		inviter: user,
		baseUrl: mainOrigin(c),
	});
	scheduleDelivery(c, [outboxId]);
	return { ...invitation, invitedByName: user.name };
}
