/**
 * Validation and API shapes shared by every kind of invitation, derived from the drizzle schema.
 */
import { z } from "@hono/zod-openapi";
import { createSelectSchema } from "drizzle-zod";
import { pathId } from "../../api/params";
import { INVITATION_SCOPES, invitations } from "../../db/schema";
import { singleLine } from "../../lib/text-input";
import type { PendingInvitation } from "./invitations";

export const InvitationSchema = createSelectSchema(invitations)
	.pick({ id: true, email: true, role: true, mentorUntil: true })
	.extend({
		expiresAt: z.iso.datetime(),
		createdAt: z.iso.datetime(),
		invitedByName: z.string().openapi({ description: "Who sent the invitation." }),
	})
	.openapi("Invitation");

export const toInvitationJson = (i: PendingInvitation): z.infer<typeof InvitationSchema> => ({
	id: i.id,
	email: i.email,
	role: i.role,
	mentorUntil: i.mentorUntil,
	expiresAt: i.expiresAt.toISOString(),
	createdAt: i.createdAt.toISOString(),
	invitedByName: i.invitedByName,
});

export const AcceptInvitationSchema = z
	.object({
		token: singleLine({ error: "Give the invitation token from the link." })
			.trim()
			.min(1, "Give the invitation token from the link.")
			.max(200, "This is not an invitation token."),
	})
	.strict()
	.openapi("AcceptInvitation");

export const AcceptedInvitationSchema = z
	.object({
		scope: z.enum(INVITATION_SCOPES),
		targetId: z.string(),
		name: z.string().openapi({ description: "The institution, series or edition joined." }),
		role: z.string(),
		consoleUrl: z.string().openapi({ example: "/console/institutions/3f0c…" }),
	})
	.openapi("AcceptedInvitation");

export const InvitationIdParam = z.object({ invitationId: pathId("invitationId") });
