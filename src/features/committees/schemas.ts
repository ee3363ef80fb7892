/**
 * Validation and API shapes of series stewards and edition committees, derived from the drizzle
 * schema so a column change reaches the API, the forms and the OpenAPI description in one place.
 */
import { z } from "@hono/zod-openapi";
import { createInsertSchema, createSelectSchema } from "drizzle-zod";
import { EditionIdParam, EmailSchema, pathId, SeriesSlugParam } from "../../api/params";
import { EDITION_ROLES, editionMembers, invitations, seriesStewards, users } from "../../db/schema";
import type { CommitteeMember, Steward } from "./committees";

const person = createSelectSchema(users).pick({ name: true, email: true }).shape;

export const StewardSchema = createSelectSchema(seriesStewards)
	.pick({ userId: true })
	.extend({ ...person, since: z.iso.datetime() })
	.openapi("Steward");

export const toStewardJson = ({ since, ...s }: Steward): z.infer<typeof StewardSchema> => ({
	...s,
	since: since.toISOString(),
});

export const CommitteeMemberSchema = createSelectSchema(editionMembers)
	.pick({ userId: true, role: true, mentorUntil: true })
	.extend({ ...person, since: z.iso.datetime() })
	.openapi("CommitteeMember");

export const toCommitteeMemberJson = ({ since, ...m }: CommitteeMember): z.infer<typeof CommitteeMemberSchema> => ({
	...m,
	since: since.toISOString(),
});

export const InviteStewardSchema = createInsertSchema(invitations, { email: EmailSchema })
	.pick({ email: true })
	.strict()
	.openapi("InviteSteward");

const RoleSchema = z.enum(EDITION_ROLES, { error: "Choose chair, organizer, reviewer or mentor." });
const MentorUntilSchema = z.iso
	.date("Use a date like 2025-12-31.")
	.openapi({ description: "Mentors only: the last day (inclusive) they may read and comment." });

export const InviteCommitteeMemberSchema = createInsertSchema(invitations, {
	email: EmailSchema,
	role: RoleSchema,
	mentorUntil: MentorUntilSchema.optional(),
})
	.pick({ email: true, role: true, mentorUntil: true })
	.strict()
	.superRefine((invite, ctx) => {
		if (invite.role === "mentor" && !invite.mentorUntil) {
			ctx.addIssue({ code: "custom", path: ["mentorUntil"], message: "Give the last day of mentoring." });
		} else if (invite.role !== "mentor" && invite.mentorUntil) {
			ctx.addIssue({ code: "custom", path: ["mentorUntil"], message: "Only mentors have a last day: leave it empty." });
		}
	})
	.openapi("InviteCommitteeMember");

export const UpdateCommitteeMemberSchema = createInsertSchema(editionMembers, {
	role: RoleSchema,
	mentorUntil: MentorUntilSchema.nullable(),
})
	.pick({ role: true, mentorUntil: true })
	.partial()
	.strict()
	.refine((patch) => Object.keys(patch).length > 0, "Give a role or a last day of mentoring.")
	.openapi("UpdateCommitteeMember");

/**
 * The committee forms post every field, the date empty when unused; the date only means something
 * for mentors, so for other roles it is dropped rather than rejected (the role select may have
 * just been switched away from mentor).
 */
export const committeeForm = <S extends z.ZodType>(schema: S) =>
	z.preprocess((raw) => {
		if (typeof raw !== "object" || raw === null) return raw;
		const { mentorUntil, ...rest } = raw as Record<string, unknown>;
		return rest.role === "mentor" && mentorUntil !== "" ? { ...rest, mentorUntil } : rest;
	}, schema);

export const CommitteeMemberParams = EditionIdParam.extend({ userId: pathId("userId") });
export const StewardParams = SeriesSlugParam.extend({ userId: pathId("userId") });
