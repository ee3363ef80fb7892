import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, users } from "../../../src/db/schema";
import {
	EMAIL_TOKEN_TTL_MS,
	findEmailToken,
	issueEmailToken,
	type LiveEmailToken,
	redeemEmailToken,
} from "../../../src/features/accounts/email-tokens";
import { createTestUser } from "../../auth-helpers";
import { testDb } from "../../helpers";

const NOW = new Date("2026-03-01T12:00:00Z");

async function issued(purpose: "sign_in" | "change_email" = "sign_in", email?: string) {
	const user = await createTestUser("token");
	const db = testDb();
	const { token, insert } = await issueEmailToken(db, { purpose, userId: user.id, email: email ?? user.email }, NOW);
	await insert;
	return { user, token, id: token.split(".")[0] ?? "" };
}

const live = async (token: string, purpose: "sign_in" | "change_email" = "sign_in") => {
	const found = await findEmailToken(testDb(), token, purpose, NOW);
	if (found.status !== "live") throw new Error(`token is ${found.status}`);
	return found.token;
};

/** Renames the user and writes an outbox row, both only while the token is live. */
const renameAndMail = (token: LiveEmailToken, name: string, mailId: string) => {
	const db = testDb();
	return redeemEmailToken(
		db,
		token,
		({ live, insertWhileLive }) => [
			db
				.update(users)
				.set({ name })
				.where(and(eq(users.id, token.userId), live)),
			insertWhileLive(outbox, { id: mailId, to: "x@example.org", subject: "S", text: "T" }),
		],
		NOW,
	);
};

const nameOf = async (userId: string) =>
	(await env.DB.prepare("select name from users where id = ?").bind(userId).first<{ name: string }>())?.name;
const mailExists = async (id: string) =>
	(await env.DB.prepare("select id from outbox where id = ?").bind(id).first()) !== null;

describe("issueEmailToken", () => {
	it("makes an `<id>.<secret>` token of 24 + 24 symbols and stores only the secret's SHA-256", async () => {
		const { token, id } = await issued();
		expect(token).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/);
		const row = await env.DB.prepare("select secret_hash, expires_at from email_tokens where id = ?").bind(id).first();
		expect(row).toEqual({
			secret_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
			expires_at: NOW.getTime() + EMAIL_TOKEN_TTL_MS.sign_in,
		});
		expect(JSON.stringify(row)).not.toContain(token.split(".")[1]);
	});
});

describe("findEmailToken", () => {
	it("finds a live token", async () => {
		const { user, token, id } = await issued();
		expect(await findEmailToken(testDb(), token, "sign_in", NOW)).toEqual({
			status: "live",
			token: { id, purpose: "sign_in", userId: user.id, email: user.email },
		});
	});

	it("calls a wrong secret, another purpose and garbage all 'invalid'", async () => {
		const { token, id } = await issued();
		const db = testDb();
		const results = await Promise.all([
			findEmailToken(db, `${id}.${"b".repeat(24)}`, "sign_in", NOW),
			findEmailToken(db, token, "reset_password", NOW),
			findEmailToken(db, "garbage", "sign_in", NOW),
			findEmailToken(db, "", "sign_in", NOW),
		]);
		expect(results.map((r) => r.status)).toEqual(["invalid", "invalid", "invalid", "invalid"]);
	});

	it("calls a token expired at its expiry instant", async () => {
		const { token } = await issued();
		const at = new Date(NOW.getTime() + EMAIL_TOKEN_TTL_MS.sign_in);
		expect((await findEmailToken(testDb(), token, "sign_in", at)).status).toBe("expired");
	});

	it("keeps a change_email token live although it goes to another address", async () => {
		const { token } = await issued("change_email", "elsewhere@example.org");
		expect((await findEmailToken(testDb(), token, "change_email", NOW)).status).toBe("live");
	});
});

describe("redeemEmailToken", () => {
	it("applies every effect and marks the token used", async () => {
		const { user, token, id } = await issued();
		const mailId = crypto.randomUUID();

		await renameAndMail(await live(token), "Renamed", mailId);

		expect([await nameOf(user.id), await mailExists(mailId)]).toEqual(["Renamed", true]);
		const row = await env.DB.prepare("select used_at from email_tokens where id = ?").bind(id).first();
		expect(row).toEqual({ used_at: NOW.getTime() });
	});

	it("applies nothing when another request used the token first, and says 410", async () => {
		const { user, token } = await issued();
		const looked = await live(token);
		await renameAndMail(looked, "First", crypto.randomUUID());
		const lateMail = crypto.randomUUID();

		const late = renameAndMail(looked, "Second", lateMail);

		await expect(late).rejects.toMatchObject({ status: 410, code: "token_used" });
		expect([await nameOf(user.id), await mailExists(lateMail)]).toEqual(["First", false]);
	});

	it("applies nothing when the token expired between lookup and redemption", async () => {
		const { user, token, id } = await issued();
		const looked = await live(token);
		await env.DB.prepare("update email_tokens set expires_at = ? where id = ?").bind(NOW.getTime(), id).run();
		const mailId = crypto.randomUUID();

		await expect(renameAndMail(looked, "Too late", mailId)).rejects.toMatchObject({ status: 410 });

		expect([await nameOf(user.id), await mailExists(mailId)]).toEqual([user.name, false]);
	});

	it("fills columns left out of a guarded insert with their defaults", async () => {
		const { token } = await issued();
		const mailId = crypto.randomUUID();

		await renameAndMail(await live(token), "Defaults", mailId);

		const row = await env.DB.prepare("select sent_at, error, created_at from outbox where id = ?").bind(mailId).first();
		expect(row).toEqual({ sent_at: null, error: null, created_at: expect.any(Number) });
	});
});
