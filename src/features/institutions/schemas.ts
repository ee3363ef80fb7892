/**
 * Validation and API shapes of institutions and their members, derived from the drizzle schema
 * so a column change reaches the API, the forms and the OpenAPI description in one place.
 */
import { z } from "@hono/zod-openapi";
import { createInsertSchema, createSelectSchema } from "drizzle-zod";
import { EmailSchema, pathId, SLUG_PATTERN } from "../../api/params";
import {
	INSTITUTION_ROLES,
	type Institution,
	type InstitutionRole,
	institutionMembers,
	institutions,
	invitations,
	users,
} from "../../db/schema";
import { isCountryCode } from "../../lib/countries";
import { singleLine } from "../../lib/text-input";

/** Roles an invitation may offer: owners are made by transfer or by an owner, never by email. */
export const INVITABLE_INSTITUTION_ROLES = ["admin", "member"] as const;

const CountrySchema = z
	.string({ error: "Choose a country." })
	.trim()
	.toUpperCase()
	.refine(isCountryCode, "Use a two-letter ISO 3166-1 country code, e.g. NL.")
	.openapi({ example: "NL" });

export const InstitutionSchema = createSelectSchema(institutions)
	.omit({ createdAt: true })
	.extend({ role: z.enum(INSTITUTION_ROLES).openapi({ description: "Your role in the institution." }) })
	.openapi("Institution");

export const toInstitutionJson = ({ institution: { createdAt: _, ...i }, role }: MyInstitution) =>
	InstitutionSchema.parse({ ...i, role });

export const CreateInstitutionSchema = createInsertSchema(institutions, {
	slug: singleLine({ error: "Give a short address, e.g. umcg." })
		.min(2, "Use at least 2 characters.")
		.max(40, "Use at most 40 characters.")
		.regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens, e.g. umcg."),
	name: singleLine({ error: "Give the institution's name." })
		.trim()
		.min(2, "Give the institution's full name.")
		.max(200, "Use at most 200 characters."),
	city: singleLine().trim().max(100, "Use at most 100 characters.").optional(),
	country: CountrySchema,
})
	.pick({ slug: true, name: true, city: true, country: true })
	.strict()
	.openapi("CreateInstitution");

export type CreateInstitutionInput = z.infer<typeof CreateInstitutionSchema>;

/** The console's create form: the same fields, and the page to go back to (checked in urls.ts; anything else is ignored). */
export const CreateInstitutionFormSchema = CreateInstitutionSchema.extend({
	return: singleLine().max(300).optional(),
});

// The slug is the institution's stable address and stays as created.
export const UpdateInstitutionSchema = CreateInstitutionSchema.omit({ slug: true })
	.partial()
	.refine((patch) => Object.keys(patch).length > 0, "Give at least one field to change.")
	.openapi("UpdateInstitution");

export type UpdateInstitutionInput = z.infer<typeof UpdateInstitutionSchema>;

export const InstitutionMemberSchema = createSelectSchema(institutionMembers)
	.pick({ userId: true, role: true })
	.extend({
		...createSelectSchema(users).pick({ name: true, email: true }).shape,
		joinedAt: z.iso.datetime(),
	})
	.openapi("InstitutionMember");

export const toMemberJson = ({ joinedAt, ...m }: InstitutionMember): z.infer<typeof InstitutionMemberSchema> => ({
	...m,
	joinedAt: joinedAt.toISOString(),
});

export const ChangeInstitutionRoleSchema = createInsertSchema(institutionMembers, {
	role: z.enum(INSTITUTION_ROLES, { error: "Choose owner, admin or member." }),
})
	.pick({ role: true })
	.strict()
	.openapi("ChangeInstitutionRole");

export const InviteInstitutionMemberSchema = createInsertSchema(invitations, {
	email: EmailSchema,
	role: z.enum(INVITABLE_INSTITUTION_ROLES, { error: "Choose admin or member." }),
})
	.pick({ email: true, role: true })
	.strict()
	.openapi("InviteInstitutionMember");

export const TransferOwnershipSchema = z
	.object({
		userId: z
			.string({ error: "Choose the new owner." })
			.min(1, "Choose the new owner.")
			.max(64, "This is not a member's id.")
			.openapi({ description: "The member who becomes owner; you become an admin." }),
	})
	.strict()
	.openapi("TransferOwnership");

export const InstitutionIdParam = z.object({ id: pathId("id") });
export const InstitutionMemberParams = z.object({ id: pathId("id"), userId: pathId("userId") });

export interface MyInstitution {
	institution: Institution;
	role: InstitutionRole;
}
export interface InstitutionMember {
	userId: string;
	name: string;
	email: string;
	role: InstitutionRole;
	joinedAt: Date;
}
