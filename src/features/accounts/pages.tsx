/**
 * Account pages: /auth (sign up, verify, sign in with a password or an emailed link, sign out,
 * reset) and /console/account (profile, email, password, API tokens). Handlers parse, call a
 * feature function and render; the rules live in the feature modules.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { clearSessionCookie, requireSignedInPage, setSessionCookie } from "../../auth/guard";
import { invalidateSession } from "../../auth/sessions";
import type { User } from "../../db/schema";
import type { AppEnv } from "../../env";
import { limitCostly } from "../../lib/costly-actions";
import { AppError } from "../../lib/errors";
import { scheduleDelivery } from "../../lib/mailer";
import { handleFormPost } from "../../views/form-flow";
import { pageOf } from "../../views/pager";
import {
	changePassword,
	confirmEmailChange,
	requestEmailChange,
	resendVerification,
	updateProfile,
} from "./account-settings";
import {
	type AccountNotice,
	AccountPage,
	type AccountPageProps,
	accountNotice,
	NewTokenPage,
	TokenCreatedPage,
} from "./account-views";
import { requireLiveEmailToken } from "./email-tokens";
import { checkResetToken, requestPasswordReset, resetPassword } from "./password-reset";
import { createPersonalToken, listPersonalTokens, listTokenScopes, revokePersonalToken } from "./personal-tokens";
import { keptNext, linkContext, requireBrowserSession, safeNext, withNext } from "./requests";
import { revokedFromQuery, revokedQuery, revokedSentence, signOutEverywhere } from "./revocation";
import {
	ChangeEmailSchema,
	ChangePasswordSchema,
	CreateTokenSchema,
	EmailRequestSchema,
	ProfileSchema,
	ResetPasswordSchema,
	SignInSchema,
	SignUpSchema,
} from "./schemas";
import { requestSignInLink, signInWithLink, signInWithPassword } from "./sign-in";
import { signUp, verifyEmail } from "./sign-up";
import {
	CheckEmailPage,
	ConfirmLinkPage,
	LinkProblemPage,
	ResetConfirmPage,
	ResetRequestPage,
	SignInLinkRequestPage,
	SignInPage,
	SignUpPage,
} from "./views";

type Ctx = Context<AppEnv>;

/** Pages with secrets in their URL or body, or about one person, must not be kept by any cache. */
const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
	await next();
	c.header("Cache-Control", "no-store");
};

const SENT = {
	signUp: "We sent a mail to the address you gave. Open the link in it to confirm your address and sign in.",
	link: "If an account uses this address, we sent it a sign-in link. It works once, within 15 minutes.",
	reset: "If an account uses this address, we sent it a link to choose a new password. It works within an hour.",
	verifyFirst: "Confirm your email address before you sign in with a password: we sent you a new link.",
};

const RETRY = {
	verify: { href: "/auth/sign-in/link", label: "Sign in with a new link, which also confirms your address" },
	signIn: { href: "/auth/sign-in/link", label: "Email me a new sign-in link" },
	reset: { href: "/auth/reset", label: "Email me a new reset link" },
	changeEmail: { href: "/console/account", label: "Ask for a new link on your account page" },
};

const TOKEN_PROBLEMS = new Set(["invalid_token", "token_expired", "token_used"]);

/** Runs a step that redeems an emailed link; a dead link becomes a page that says how to get a new one. */
async function orLinkProblem(c: Ctx, retry: { href: string; label: string }, step: () => Promise<Response>) {
	try {
		return await step();
	} catch (error) {
		if (!(error instanceof AppError) || !TOKEN_PROBLEMS.has(error.code)) throw error;
		return c.html(<LinkProblemPage message={error.message} retry={retry} />, error.status);
	}
}

const signedInTo = (c: Ctx, sessionToken: string, next = "/console") => {
	setSessionCookie(c, sessionToken);
	return c.redirect(next, 303);
};

async function renderAccount(c: Ctx, user: User, extra: Omit<AccountPageProps, "user" | "tokens"> = {}) {
	// Revoked and expired tokens stay listed, so the list only grows: a page of it at a time.
	const tokens = pageOf(await listPersonalTokens(c.var.db, user.id), c.req.query("page"), "/console/account");
	return <AccountPage user={user} tokens={tokens} {...extra} />;
}

const backToAccount = (c: Ctx, notice: AccountNotice, extra = "") =>
	c.redirect(`/console/account?notice=${notice}${extra ? `&${extra}` : ""}`, 303);

export const accountsPages = new Hono<AppEnv>()
	.use("/auth/*", noStore)
	.use("/console/account", noStore, requireSignedInPage)
	.use("/console/account/*", noStore, requireSignedInPage)

	// Sign up and verify -------------------------------------------------------------------
	// `next` (e.g. an invitation) rides along: form field, the mailed link, then the redirect.
	.get("/auth/sign-up", (c) => {
		const next = c.req.query("next");
		if (c.var.auth) return c.redirect(safeNext(next), 303);
		return c.html(<SignUpPage next={keptNext(next)} />);
	})
	.post("/auth/sign-up", (c) =>
		handleFormPost(c, {
			schema: SignUpSchema,
			rerender: (state, status) => c.html(<SignUpPage state={state} next={keptNext(state.values.next)} />, status),
			act: async (data, values) => {
				const next = keptNext(values.next);
				const { mailIds } = await signUp(c.var.db, { ...data, ...linkContext(c), next });
				scheduleDelivery(c, mailIds);
				return c.redirect(withNext("/auth/sign-up/sent", next), 303);
			},
		}),
	)
	.get("/auth/sign-up/sent", (c) =>
		c.html(<CheckEmailPage message={SENT.signUp} next={keptNext(c.req.query("next"))} />),
	)
	// GET only shows a button, as for sign-in links: mail scanners open links, and must neither use
	// them up nor be handed a session.
	.get("/auth/verify", (c) => {
		const token = c.req.query("token") ?? "";
		return orLinkProblem(c, RETRY.verify, async () => {
			await requireLiveEmailToken(c.var.db, token, "verify_email");
			return c.html(
				<ConfirmLinkPage
					title="Confirm your email address"
					text="Press the button to confirm your address and sign in on this device."
					action="/auth/verify"
					token={token}
					next={keptNext(c.req.query("next"))}
					button="Confirm and sign in"
				/>,
			);
		});
	})
	.post("/auth/verify", async (c) => {
		const form = await formFields(c);
		return orLinkProblem(c, RETRY.verify, async () =>
			signedInTo(c, await verifyEmail(c.var.db, form.token), safeNext(form.next)),
		);
	})

	// Sign in with a password --------------------------------------------------------------
	.get("/auth/sign-in", (c) => {
		const next = safeNext(c.req.query("next"));
		if (c.var.auth?.sessionId) return c.redirect(next, 303);
		const revoked = revokedFromQuery((name) => c.req.query(name));
		const notice =
			c.req.query("signed_out") === "everywhere"
				? `You are signed out on every device.${revoked ? ` ${revokedSentence(revoked)}` : ""}`
				: undefined;
		return c.html(<SignInPage next={keptNext(c.req.query("next"))} notice={notice} />);
	})
	.post("/auth/sign-in", (c) =>
		handleFormPost(c, {
			schema: SignInSchema,
			rerender: (state, status) => c.html(<SignInPage state={state} next={keptNext(state.values.next)} />, status),
			act: async (data) => {
				const next = keptNext(data.next);
				const result = await signInWithPassword(c.var.db, { ...data, ...linkContext(c), next });
				if (result.status === "unverified") {
					scheduleDelivery(c, result.mailIds);
					return c.html(<CheckEmailPage message={SENT.verifyFirst} next={next} />);
				}
				return signedInTo(c, result.sessionToken, safeNext(data.next));
			},
		}),
	)

	// Sign in with an emailed link ---------------------------------------------------------
	.get("/auth/sign-in/link", (c) => c.html(<SignInLinkRequestPage />))
	.post("/auth/sign-in/link", (c) =>
		handleFormPost(c, {
			schema: EmailRequestSchema,
			rerender: (state, status) => c.html(<SignInLinkRequestPage state={state} />, status),
			act: async (data) => {
				scheduleDelivery(c, (await requestSignInLink(c.var.db, { ...data, ...linkContext(c) })).mailIds);
				return c.redirect("/auth/sign-in/link/sent", 303);
			},
		}),
	)
	.get("/auth/sign-in/link/sent", (c) => c.html(<CheckEmailPage message={SENT.link} />))
	// GET only shows a button: mail scanners open links, and must not use them up.
	.get("/auth/sign-in/link/confirm", async (c) => {
		const token = c.req.query("token") ?? "";
		return orLinkProblem(c, RETRY.signIn, async () => {
			await requireLiveEmailToken(c.var.db, token, "sign_in");
			return c.html(
				<ConfirmLinkPage
					title="Sign in to Baton"
					text="Press the button to sign in on this device."
					action="/auth/sign-in/link/confirm"
					token={token}
					button="Sign in"
				/>,
			);
		});
	})
	.post("/auth/sign-in/link/confirm", async (c) =>
		orLinkProblem(c, RETRY.signIn, async () => signedInTo(c, await signInWithLink(c.var.db, await formToken(c)))),
	)

	// Sign out -----------------------------------------------------------------------------
	.post("/auth/sign-out", async (c) => {
		const sessionId = c.var.auth?.sessionId;
		if (sessionId) await invalidateSession(c.var.db, sessionId);
		clearSessionCookie(c);
		return c.redirect("/", 303);
	})
	.post("/auth/sign-out-everywhere", async (c) => {
		const auth = c.var.auth;
		const revoked = auth?.sessionId ? await signOutEverywhere(c.var.db, auth.user.id) : undefined;
		clearSessionCookie(c);
		return c.redirect(`/auth/sign-in?signed_out=everywhere${revoked ? `&${revokedQuery(revoked)}` : ""}`, 303);
	})

	// Password reset -----------------------------------------------------------------------
	.get("/auth/reset", (c) => c.html(<ResetRequestPage />))
	.post("/auth/reset", (c) =>
		handleFormPost(c, {
			schema: EmailRequestSchema,
			rerender: (state, status) => c.html(<ResetRequestPage state={state} />, status),
			act: async (data) => {
				scheduleDelivery(c, (await requestPasswordReset(c.var.db, { ...data, ...linkContext(c) })).mailIds);
				return c.redirect("/auth/reset/sent", 303);
			},
		}),
	)
	.get("/auth/reset/sent", (c) => c.html(<CheckEmailPage message={SENT.reset} />))
	.get("/auth/reset/confirm", (c) => {
		const token = c.req.query("token") ?? "";
		return orLinkProblem(c, RETRY.reset, async () => {
			await checkResetToken(c.var.db, token);
			return c.html(<ResetConfirmPage token={token} />);
		});
	})
	.post("/auth/reset/confirm", (c) =>
		handleFormPost(c, {
			schema: ResetPasswordSchema,
			rerender: (state, status) => c.html(<ResetConfirmPage token={state.values.token ?? ""} state={state} />, status),
			act: (data) =>
				orLinkProblem(c, RETRY.reset, async () => {
					const { sessionToken, revoked } = await resetPassword(c.var.db, data);
					return signedInTo(c, sessionToken, `/console/account?notice=reset&${revokedQuery(revoked)}`);
				}),
		}),
	)

	// Email change confirmation (the link goes to the new address) ---------------------------
	.get("/auth/change-email/confirm", async (c) => {
		const token = c.req.query("token") ?? "";
		return orLinkProblem(c, RETRY.changeEmail, async () => {
			const live = await requireLiveEmailToken(c.var.db, token, "change_email");
			return c.html(
				<ConfirmLinkPage
					title="Confirm your new email address"
					text={`Use ${live.email} as the address of your Baton account?`}
					action="/auth/change-email/confirm"
					token={token}
					button="Use this address"
				/>,
			);
		});
	})
	.post("/auth/change-email/confirm", async (c) =>
		orLinkProblem(c, RETRY.changeEmail, async () => {
			const { mailIds } = await confirmEmailChange(c.var.db, { token: await formToken(c), ...linkContext(c) });
			scheduleDelivery(c, mailIds);
			return backToAccount(c, "email");
		}),
	)

	// Console: the account page ------------------------------------------------------------
	.get("/console/account", async (c) => {
		const { user } = requireBrowserSession(c);
		const notice = accountNotice(c.req.query("notice"));
		const revoked = revokedFromQuery((name) => c.req.query(name));
		// After a recovery action, say what it ended (the session that changed the password stays).
		const ended =
			notice && revoked && (c.req.query("notice") === "password" || c.req.query("notice") === "reset")
				? ` ${revokedSentence(revoked, c.req.query("notice") === "password" ? "other" : undefined)}`
				: "";
		return c.html(await renderAccount(c, user, { notice: notice && notice + ended }));
	})
	.post("/console/account/profile", (c) => {
		const { user } = requireBrowserSession(c);
		return handleFormPost(c, {
			schema: ProfileSchema,
			rerender: (state, status) => c.html(renderAccount(c, user, { failed: { section: "profile", state } }), status),
			act: async (data) => {
				await updateProfile(c.var.db, user.id, data);
				return backToAccount(c, "profile");
			},
		});
	})
	.post("/console/account/email", (c) => {
		const { user } = requireBrowserSession(c);
		return handleFormPost(c, {
			schema: ChangeEmailSchema,
			rerender: (state, status) => c.html(renderAccount(c, user, { failed: { section: "email", state } }), status),
			act: async (data) => {
				scheduleDelivery(c, (await requestEmailChange(c.var.db, { user, ...data, ...linkContext(c) })).mailIds);
				return backToAccount(c, "email-sent");
			},
		});
	})
	.post("/console/account/password", (c) => {
		const { user, sessionId } = requireBrowserSession(c);
		return handleFormPost(c, {
			schema: ChangePasswordSchema,
			rerender: (state, status) => c.html(renderAccount(c, user, { failed: { section: "password", state } }), status),
			act: async (data) => {
				const revoked = await changePassword(c.var.db, { ...data, user, sessionId, ip: linkContext(c).ip });
				return backToAccount(c, "password", revokedQuery(revoked));
			},
		});
	})
	.post("/console/account/verify", async (c) => {
		const { user } = requireBrowserSession(c);
		scheduleDelivery(c, (await resendVerification(c.var.db, { user, ...linkContext(c) })).mailIds);
		return backToAccount(c, "verify");
	})

	// Console: personal API tokens ---------------------------------------------------------
	.get("/console/account/tokens/new", async (c) => {
		const { user } = requireBrowserSession(c);
		return c.html(<NewTokenPage user={user} scopes={await listTokenScopes(c.var.db, user.id)} />);
	})
	.post("/console/account/tokens", (c) => {
		const { user } = requireBrowserSession(c);
		return handleFormPost(c, {
			schema: CreateTokenSchema,
			rerender: async (state, status) =>
				c.html(<NewTokenPage user={user} scopes={await listTokenScopes(c.var.db, user.id)} state={state} />, status),
			act: async (data) => {
				await limitCostly(c, "api-token", user.id);
				const created = await createPersonalToken(c.var.db, user.id, data);
				// Rendered, not redirected: the secret exists only in this response.
				return c.html(<TokenCreatedPage user={user} name={created.token.name} secret={created.secret} />);
			},
		});
	})
	.post("/console/account/tokens/:id/revoke", async (c) => {
		const { user } = requireBrowserSession(c);
		await revokePersonalToken(c.var.db, user.id, c.req.param("id"));
		return backToAccount(c, "revoked");
	});

/** The token (and `next`, if any) posted by a confirm page's button. */
async function formFields(c: Ctx): Promise<{ token: string; next: string | undefined }> {
	const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
	return {
		token: typeof body.token === "string" ? body.token : "",
		next: typeof body.next === "string" ? body.next : undefined,
	};
}

const formToken = async (c: Ctx) => (await formFields(c)).token;
