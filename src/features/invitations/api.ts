import { createRoute } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses, jsonBody } from "../../api/openapi";
import { authorize, requireAuth } from "../../auth/guard";
import { acceptInvitation } from "./invitations";
import { AcceptedInvitationSchema, AcceptInvitationSchema } from "./schemas";

const accept = createRoute({
	method: "post",
	path: "/invitations/accept",
	operationId: "acceptInvitation",
	tags: ["Invitations"],
	summary: "Accept an invitation addressed to you",
	description:
		"The token is the last part of the emailed link (`/auth/invitations/<token>`). It works once, for the address it was sent to, within 7 days. Accepting again where you already hold a role keeps that role.",
	request: jsonBody(AcceptInvitationSchema),
	responses: {
		200: dataResponse("What you joined, and where to manage it.", AcceptedInvitationSchema),
		...errorResponses(400, 401, 403, 404, 410),
	},
});

export const invitationsApi = createApiRouter().openapi(accept, async (c) => {
	const { token } = c.req.valid("json");
	await authorize(c, "invitation.accept", { kind: "platform" });
	const { invitation, target } = await acceptInvitation(c.var.db, { token, user: requireAuth(c).user });
	return c.json(
		{
			data: {
				scope: target.scope,
				targetId: target.id,
				name: target.name,
				role: invitation.role,
				consoleUrl: target.consoleUrl,
			},
		},
		200,
	);
});
