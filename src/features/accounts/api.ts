/**
 * The account API: who am I, my profile, my API tokens, and the two "email me a link" requests.
 * Personal API tokens may read the account (GET /me, GET /me/tokens) but not change it: they are
 * scoped to one institution or edition, and the account is neither.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, errorResponses, noToken } from "../../api/openapi";
import { listResponse, PageQuery, paginate } from "../../api/pagination";
import { requireAuth } from "../../auth/guard";
import type { User } from "../../db/schema";
import { scheduleDelivery } from "../../lib/mailer";
import { updateProfile } from "./account-settings";
import { requestPasswordReset } from "./password-reset";
import { type ListedToken, listPersonalTokens, revokePersonalToken } from "./personal-tokens";
import { linkContext, requireBrowserSession } from "./requests";
import {
	AcceptedSchema,
	ApiTokenSchema,
	EmailRequestSchema,
	MeSchema,
	ProfilePatchSchema,
	TokenIdParam,
} from "./schemas";
import { requestSignInLink } from "./sign-in";

const toMeJson = (user: User) =>
	MeSchema.parse({
		id: user.id,
		email: user.email,
		name: user.name,
		affiliation: user.affiliation,
		country: user.country,
		emailVerified: user.emailVerifiedAt !== null,
	});

const iso = (date: Date | null) => date?.toISOString() ?? null;
const toTokenJson = (token: ListedToken): z.infer<typeof ApiTokenSchema> => ({
	id: token.id,
	name: token.name,
	access: token.access,
	institutionId: token.institutionId,
	editionId: token.editionId,
	scopeName: token.scopeName,
	createdAt: token.createdAt.toISOString(),
	expiresAt: token.expiresAt.toISOString(),
	lastUsedAt: iso(token.lastUsedAt),
	revokedAt: iso(token.revokedAt),
});

const meBody = { content: { "application/json": { schema: z.object({ data: MeSchema }) } } };
const emailRequestBody = {
	body: { required: true, content: { "application/json": { schema: EmailRequestSchema } } },
};
const accepted = (description: string) => ({
	202: { description, content: { "application/json": { schema: AcceptedSchema } } },
});

const getMe = createRoute({
	method: "get",
	path: "/me",
	operationId: "getMe",
	tags: ["Account"],
	summary: "The signed-in user",
	responses: { 200: { description: "Your account.", ...meBody }, ...errorResponses(401) },
});

const patchMe = createRoute({
	method: "patch",
	path: "/me",
	operationId: "updateMe",
	tags: ["Account"],
	summary: "Update your profile",
	description: "Needs a browser session: personal API tokens cannot change the account (403).",
	request: { body: { required: true, content: { "application/json": { schema: ProfilePatchSchema } } } },
	responses: { 200: { description: "Your updated account.", ...meBody }, ...errorResponses(400, 401, 403) },
});

const postSignInLink = createRoute({
	method: "post",
	path: "/auth/sign-in/link",
	operationId: "requestSignInLink",
	security: noToken,
	tags: ["Account"],
	summary: "Email a one-time sign-in link",
	description:
		"Always 202, whether or not the address has an account, so the answer reveals nothing. The link works once, for 15 minutes.",
	request: emailRequestBody,
	responses: { ...accepted("Mailed if the address has an account."), ...errorResponses(400, 429) },
});

const postReset = createRoute({
	method: "post",
	path: "/auth/reset",
	operationId: "requestPasswordReset",
	security: noToken,
	tags: ["Account"],
	summary: "Email a password reset link",
	description: "Always 202, whether or not the address has an account. The link works once, for one hour.",
	request: emailRequestBody,
	responses: { ...accepted("Mailed if the address has an account."), ...errorResponses(400, 429) },
});

const listTokens = createRoute({
	method: "get",
	path: "/me/tokens",
	operationId: "listApiTokens",
	tags: ["Account"],
	summary: "List your personal API tokens",
	description:
		"Never includes a secret. Tokens are created in the console only (Account → API tokens): creating one needs a browser session, and its secret is shown once there.",
	request: { query: PageQuery },
	responses: {
		200: listResponse("Your tokens, newest first, including revoked and expired ones.", ApiTokenSchema),
		...errorResponses(400, 401),
	},
});

const deleteToken = createRoute({
	method: "delete",
	path: "/me/tokens/{id}",
	operationId: "revokeApiToken",
	tags: ["Account"],
	summary: "Revoke one of your personal API tokens",
	description: "Needs a browser session. Someone else's token answers 404, like an unknown one.",
	request: { params: TokenIdParam },
	responses: { 204: { description: "Revoked (again is harmless)." }, ...errorResponses(401, 403, 404) },
});

export const accountsApi = createApiRouter()
	.openapi(getMe, (c) => c.json({ data: toMeJson(requireAuth(c).user) }, 200))
	.openapi(patchMe, async (c) => {
		const patch = c.req.valid("json");
		const { user } = requireBrowserSession(c);
		return c.json({ data: toMeJson(await updateProfile(c.var.db, user.id, patch)) }, 200);
	})
	.openapi(postSignInLink, async (c) => {
		const { mailIds } = await requestSignInLink(c.var.db, { ...c.req.valid("json"), ...linkContext(c) });
		scheduleDelivery(c, mailIds);
		return c.json({ data: { message: "If an account uses this address, we sent it a sign-in link." } }, 202);
	})
	.openapi(postReset, async (c) => {
		const { mailIds } = await requestPasswordReset(c.var.db, { ...c.req.valid("json"), ...linkContext(c) });
		scheduleDelivery(c, mailIds);
		return c.json({ data: { message: "If an account uses this address, we sent it a password reset link." } }, 202);
	})
	.openapi(listTokens, async (c) => {
		const { user } = requireAuth(c);
		const tokens = await listPersonalTokens(c.var.db, user.id);
		const { items, page } = paginate(tokens, c.req.valid("query"), (t) => t.id);
		return c.json({ data: items.map(toTokenJson), page }, 200);
	})
	.openapi(deleteToken, async (c) => {
		const { id } = c.req.valid("param");
		const { user } = requireBrowserSession(c);
		await revokePersonalToken(c.var.db, user.id, id);
		return c.body(null, 204);
	});
