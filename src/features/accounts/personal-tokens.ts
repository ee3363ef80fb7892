/**
 * Personal API tokens, as their owner manages them: create (the secret is returned once and never
 * stored), list, revoke. Validation of a presented token lives in src/auth/api-tokens.ts.
 *
 * A token reaches one institution the user is a member of or one edition whose committee they are
 * on; the policy still checks the user's current roles on every call, so a token never outlives
 * the role it was made under.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { API_TOKEN_PREFIX } from "../../auth/api-tokens";
import { randomSecret, sha256Hex } from "../../auth/secrets";
import type { Database } from "../../db/client";
import { type ApiToken, apiTokens, editionMembers, editions, institutionMembers, institutions } from "../../db/schema";
import { commit, readTogether } from "../../db/write";
import { AppError } from "../../lib/errors";
import type { CreateTokenInput } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TokenScopes {
	institutions: { id: string; name: string }[];
	editions: { id: string; name: string }[];
}

/** The institutions and editions a user may scope a token to, by name (one round trip). */
export async function listTokenScopes(db: Database, userId: string): Promise<TokenScopes> {
	const [institutionRows, editionRows] = await readTogether(db, [
		db
			.select({ id: institutions.id, name: institutions.name })
			.from(institutionMembers)
			.innerJoin(institutions, eq(institutions.id, institutionMembers.institutionId))
			.where(eq(institutionMembers.userId, userId))
			.orderBy(institutions.name),
		db
			.select({ id: editions.id, name: editions.name })
			.from(editionMembers)
			.innerJoin(editions, eq(editions.id, editionMembers.editionId))
			.where(eq(editionMembers.userId, userId))
			.orderBy(editions.name),
	]);
	return { institutions: institutionRows, editions: editionRows };
}

export interface CreatedToken {
	/** `baton_<id>.<secret>`: show it once; only its hash is kept. */
	secret: string;
	token: ApiToken;
}

/** Creates a token for one of the user's own scopes; any other scope is a 400 on the scope field. */
export async function createPersonalToken(
	db: Database,
	userId: string,
	input: CreateTokenInput,
	now = new Date(),
): Promise<CreatedToken> {
	const scopes = await listTokenScopes(db, userId);
	const choices = input.scope.kind === "institution" ? scopes.institutions : scopes.editions;
	if (!choices.some((choice) => choice.id === input.scope.id)) {
		throw new AppError(400, "invalid_input", "Some fields are missing or invalid.", {
			scope: "Choose one of your institutions or editions.",
		});
	}
	const id = randomSecret();
	const secret = randomSecret();
	const [[token]] = await commit(
		db,
		[{ action: "account.token.created", id, after: { name: input.name, access: input.access, scope: input.scope.id } }],
		[
			db
				.insert(apiTokens)
				.values({
					id,
					userId,
					name: input.name,
					secretHash: await sha256Hex(secret),
					access: input.access,
					institutionId: input.scope.kind === "institution" ? input.scope.id : null,
					editionId: input.scope.kind === "edition" ? input.scope.id : null,
					expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
					createdAt: now,
				})
				.returning(),
		],
	);
	if (!token) throw new Error("the token was not written");
	return { secret: `${API_TOKEN_PREFIX}${id}.${secret}`, token };
}

export type ListedToken = Omit<ApiToken, "secretHash" | "userId"> & { scopeName: string };

/** The user's tokens, newest first, with the name of what each reaches; never a secret or its hash. */
export async function listPersonalTokens(db: Database, userId: string): Promise<ListedToken[]> {
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			access: apiTokens.access,
			institutionId: apiTokens.institutionId,
			editionId: apiTokens.editionId,
			expiresAt: apiTokens.expiresAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt,
			createdAt: apiTokens.createdAt,
			scopeName: sql<string>`coalesce(${institutions.name}, ${editions.name}, '')`,
		})
		.from(apiTokens)
		.leftJoin(institutions, eq(institutions.id, apiTokens.institutionId))
		.leftJoin(editions, eq(editions.id, apiTokens.editionId))
		.where(eq(apiTokens.userId, userId))
		.orderBy(desc(apiTokens.createdAt), apiTokens.id);
}

/**
 * Revokes one of the user's tokens (again is harmless: the first revocation time stays). Someone
 * else's token is a 404, exactly like an unknown one.
 */
export async function revokePersonalToken(db: Database, userId: string, tokenId: string, now = new Date()) {
	const [[revoked]] = await commit(
		db,
		// `of: 0`: an unknown or foreign token (a 404) leaves no entry.
		[{ action: "account.token.revoked", id: tokenId, of: 0 }],
		[
			db
				.update(apiTokens)
				.set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${now.getTime()})` })
				.where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
				.returning({ id: apiTokens.id }),
		],
	);
	if (!revoked) throw new AppError(404, "not_found", "This token does not exist.");
}
