import { type Context, Hono } from "hono";
import { authorize, requireAuth, requireSignedInPage } from "../../auth/guard";
import type { AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { withNotice } from "../../views/form-flow";
import { acceptInvitation, findOpenInvitation } from "./invitations";
import { NOTICES } from "./notices";
import { InvitationPage, InvitationProblemPage } from "./views";

/**
 * The page an invitation email links to, for every scope: it shows what is offered, lets a
 * signed-in invitee accept, and sends a visitor to sign in or sign up and come back.
 */
export const invitationsPages = new Hono<AppEnv>()
	.get("/auth/invitations/:token", async (c) => {
		try {
			const { found, target } = await findOpenInvitation(c.var.db, c.req.param("token"));
			const user = c.var.auth?.user ?? null;
			return c.html(<InvitationPage found={found} target={target} user={user} path={new URL(c.req.url).pathname} />);
		} catch (error) {
			return problemPage(c, error);
		}
	})
	.post("/auth/invitations/:token", requireSignedInPage, async (c) => {
		await authorize(c, "invitation.accept", { kind: "platform" });
		try {
			const { user } = requireAuth(c);
			const { target } = await acceptInvitation(c.var.db, { token: c.req.param("token"), user });
			return c.redirect(withNotice(target.consoleUrl, NOTICES.joined), 303);
		} catch (error) {
			return problemPage(c, error);
		}
	});

/** An invitation the visitor cannot use gets its own page (404, 403, 410) saying why; other errors propagate. */
function problemPage(c: Context<AppEnv>, error: unknown) {
	if (!(error instanceof AppError) || error.status >= 500) throw error;
	return c.html(<InvitationProblemPage message={error.message} />, error.status);
}
