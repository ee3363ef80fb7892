/**
 * Validation and API shapes of accounts, derived from the drizzle tables where a column exists, so
 * forms, the API and its OpenAPI description share one set of rules and messages.
 */
import { z } from "@hono/zod-openapi";
import { createInsertSchema, createSelectSchema } from "drizzle-zod";
import { EMAIL_MAX_LENGTH, emailSchema } from "../../api/params";
import { PASSWORD_MAX_LENGTH, passwordProblem } from "../../auth/passwords";
import { API_TOKEN_ACCESS, apiTokens, users } from "../../db/schema";
import { isCountryCode } from "../../lib/countries";
import { singleLine } from "../../lib/text-input";

export { EMAIL_MAX_LENGTH };

export const NAME_MAX_LENGTH = 200;
export const AFFILIATION_MAX_LENGTH = 200;
export const TOKEN_NAME_MAX_LENGTH = 100;
export const TOKEN_DAYS = { min: 1, max: 365, default: 90 } as const;

/** Stored lowercased and trimmed (see the users table), so every lookup is exact. */
export const EmailSchema = emailSchema({
	required: "Enter your email address.",
	invalid: "Enter an email address like name@example.org.",
});

const NameSchema = singleLine({ error: "Enter your name." })
	.trim()
	.min(1, "Enter your name.")
	.max(NAME_MAX_LENGTH, `Use at most ${NAME_MAX_LENGTH} characters.`);

const AffiliationSchema = singleLine({ error: "Enter your affiliation as text." })
	.trim()
	.max(AFFILIATION_MAX_LENGTH, `Use at most ${AFFILIATION_MAX_LENGTH} characters.`);

const CountrySchema = z
	.string({ error: "Choose your country." })
	.trim()
	.toUpperCase()
	.min(1, "Choose your country.")
	.refine(isCountryCode, "Choose a country from the list.")
	.openapi({ example: "NL", description: "ISO 3166-1 alpha-2 code." });

/** A password someone is choosing: the length and commonness rules of passwordProblem(). */
export const NewPasswordSchema = z.string({ error: "Choose a password." }).superRefine((password, ctx) => {
	const problem = passwordProblem(password);
	if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** A password someone is typing to prove who they are: only bounded, never judged. */
const PresentedPasswordSchema = z
	.string({ error: "Enter your password." })
	.min(1, "Enter your password.")
	.max(PASSWORD_MAX_LENGTH * 4, "This password is too long.");

/** An empty form field means "not given". */
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** Adds the "not your name or email" rule, which needs the other fields. */
function passwordNotPersonal(data: { password?: string; email: string; name: string }, ctx: z.RefinementCtx) {
	if (!data.password) return;
	const problem = passwordProblem(data.password, { email: data.email, name: data.name });
	if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
}

const UserInsert = createInsertSchema(users, {
	email: EmailSchema,
	name: NameSchema,
	affiliation: AffiliationSchema,
	country: CountrySchema,
});

export const SignUpSchema = UserInsert.pick({ email: true, name: true, affiliation: true, country: true })
	.extend({
		affiliation: AffiliationSchema.default(""),
		// Optional: accounts without a password sign in with emailed links.
		password: z.preprocess(blankToUndefined, NewPasswordSchema.optional()),
	})
	.superRefine(passwordNotPersonal);
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
	email: EmailSchema,
	password: PresentedPasswordSchema,
	next: z.string().optional(),
});
export type SignInInput = z.infer<typeof SignInSchema>;

/** The body of every "email me a link" request: sign-in link, password reset. */
export const EmailRequestSchema = z.object({ email: EmailSchema }).strict().openapi("EmailRequest");

export const ResetPasswordSchema = z.object({ token: z.string().max(200), password: NewPasswordSchema });

export const ProfileSchema = UserInsert.pick({ name: true, affiliation: true, country: true }).extend({
	affiliation: AffiliationSchema.default(""),
});
export type ProfileInput = z.infer<typeof ProfileSchema>;

/** PATCH /me: any subset of the profile, nothing else. */
export const ProfilePatchSchema = UserInsert.pick({ name: true, affiliation: true, country: true })
	.partial()
	.strict()
	.openapi("ProfilePatch");
export type ProfilePatch = z.infer<typeof ProfilePatchSchema>;

export const ChangeEmailSchema = z.object({ email: EmailSchema });

export const ChangePasswordSchema = z.object({
	currentPassword: z.preprocess(blankToUndefined, PresentedPasswordSchema.optional()),
	password: NewPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

/** `institution:<id>` or `edition:<id>`: one select offers both kinds of scope. */
const TOKEN_SCOPE = /^(institution|edition):([A-Za-z0-9_-]{1,64})$/;

export const CreateTokenSchema = createInsertSchema(apiTokens, {
	name: singleLine({ error: "Name the token, e.g. after the integration that uses it." })
		.trim()
		.min(1, "Name the token, e.g. after the integration that uses it.")
		.max(TOKEN_NAME_MAX_LENGTH, `Use at most ${TOKEN_NAME_MAX_LENGTH} characters.`),
	access: z.enum(API_TOKEN_ACCESS, { error: "Choose read-only or read and write." }),
})
	.pick({ name: true, access: true })
	.extend({
		scope: z
			.string({ error: "Choose the institution or edition the token may reach." })
			.regex(TOKEN_SCOPE, "Choose the institution or edition the token may reach.")
			.transform((value) => {
				const [, kind, id] = TOKEN_SCOPE.exec(value) ?? [];
				return { kind: kind as "institution" | "edition", id: id ?? "" };
			}),
		expiresInDays: z.preprocess(
			blankToUndefined,
			z.coerce
				.number({ error: `Give a number of days from ${TOKEN_DAYS.min} to ${TOKEN_DAYS.max}.` })
				.int(`Give a whole number of days from ${TOKEN_DAYS.min} to ${TOKEN_DAYS.max}.`)
				.min(TOKEN_DAYS.min, `Give a number of days from ${TOKEN_DAYS.min} to ${TOKEN_DAYS.max}.`)
				.max(TOKEN_DAYS.max, `Give a number of days from ${TOKEN_DAYS.min} to ${TOKEN_DAYS.max}.`)
				.default(TOKEN_DAYS.default),
		),
	});
export type CreateTokenInput = z.infer<typeof CreateTokenSchema>;

// API shapes ----------------------------------------------------------------------------------

export const MeSchema = createSelectSchema(users)
	.pick({ id: true, email: true, name: true, affiliation: true, country: true })
	.extend({ emailVerified: z.boolean() })
	.openapi("Me");

export const ApiTokenSchema = createSelectSchema(apiTokens)
	.pick({ id: true, name: true, access: true, institutionId: true, editionId: true })
	.extend({
		scopeName: z.string().openapi({ description: "The name of the institution or edition the token reaches." }),
		createdAt: z.iso.datetime(),
		expiresAt: z.iso.datetime(),
		lastUsedAt: z.iso.datetime().nullable(),
		revokedAt: z.iso.datetime().nullable(),
	})
	.openapi("ApiToken", {
		description: "A personal API token. The secret is shown once, at creation, and never again.",
	});

export const TokenIdParam = z.object({
	id: z
		.string()
		.max(64)
		.openapi({ param: { name: "id", in: "path" }, example: "k3n9x2q4r7t8v6w5y2z3a4b5" }),
});

export const AcceptedSchema = z.object({ data: z.object({ message: z.string() }) }).openapi("Accepted");
