/**
 * The one life of a form post, for every page with a form: parse with the schema, then act.
 * Invalid input shows the form again with 400 and a message beside each field; an AppError from
 * the action that the caller chooses to show (by default any below 500: 401, 409, 422, 429, …)
 * shows it again with its status and message. Other errors reach the error boundary. Typed values
 * are kept; password fields never echo them.
 *
 * Console pages use `submitForm` on top of it: run a feature function, then redirect (303) with a
 * notice, or show the same page again (400, or the domain rule's 409/422, or a rate limit's 429).
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import type { AppEnv } from "../env";
import { AppError, RateLimitedError } from "../lib/errors";
import { type FormValues, parseForm } from "./parse-form";

/**
 * Messages shown after a successful action. The query names a key, so no text is ever reflected.
 * These few read the same in every feature; a feature declares its own with `defineNotices`.
 */
const COMMON_NOTICES = {
	added: "Added.",
	updated: "Changes saved.",
	invited: "Invitation sent.",
	revoked: "Invitation withdrawn.",
	role_changed: "Role changed.",
	removed: "Removed.",
} as const;

declare const declaredNotice: unique symbol;
/** A common notice, or one a feature declared (only `defineNotices` makes those). */
export type NoticeKey = keyof typeof COMMON_NOTICES | (string & { readonly [declaredNotice]: true });

// Every notice by key: the common ones, and each feature's as its module loads (app.tsx loads all).
const NOTICE_TEXTS = new Map<string, string>(Object.entries(COMMON_NOTICES));

/**
 * Declares a feature's own notices; returns their keys for `withNotice`.
 *
 * @example const NOTICES = defineNotices({ call_opened: "Call for hosts opened." });
 * redirectTo: () => withNotice(callsUrl, NOTICES.call_opened)
 */
export function defineNotices<const T extends Record<string, string>>(
	texts: T,
): { readonly [K in keyof T]: NoticeKey } {
	const keys: Record<string, NoticeKey> = {};
	for (const [key, text] of Object.entries(texts)) {
		const known = NOTICE_TEXTS.get(key);
		if (known !== undefined && known !== text) throw new Error(`The notice "${key}" is declared twice.`);
		NOTICE_TEXTS.set(key, text);
		keys[key] = key as NoticeKey;
	}
	return keys as { readonly [K in keyof T]: NoticeKey };
}

/** Where to go after success: the page, the notice to show, and optionally the section to scroll to. */
export const withNotice = (path: string, notice: NoticeKey, section?: string) =>
	`${path}?notice=${notice}${section ? `#${section}` : ""}`;

/** The notice named by `?notice=`, if it is one of ours. */
export function noticeFrom(c: Context<AppEnv>): string | undefined {
	const key = c.req.query("notice");
	return key === undefined ? undefined : NOTICE_TEXTS.get(key);
}

/** A form with nothing to fill in: a single button (leave, remove, withdraw). */
export const ButtonForm = z.object({});

/** A form that failed, shown again with what the user typed and a message per field ("_": the whole form). */
export interface FailedForm extends FormState {
	form: string;
}

/** The failure of one form on a page that holds several. */
export const failureOf = (failed: FailedForm | undefined, form: string) => (failed?.form === form ? failed : undefined);

export interface FormFlow<S extends z.ZodType, T> {
	/** Names the form on its page, so the messages appear beside the right one. */
	form: string;
	schema: S;
	run: (data: z.infer<S>) => Promise<T>;
	/** Where to go after success, usually `withNotice(page, key)`. */
	redirectTo: (result: T) => string;
	/** The page again, with the failure and the status to answer with. */
	rerender: (failed: FailedForm, status: ContentfulStatusCode) => Response | Promise<Response>;
}

/** A console form post: redirect (303) after success, or the page again on 400, 409, 422 or 429. */
export const submitForm = <S extends z.ZodType, T>(c: Context<AppEnv>, flow: FormFlow<S, T>): Promise<Response> =>
	handleFormPost(c, {
		schema: flow.schema,
		rerender: (state, status) => flow.rerender({ form: flow.form, ...state }, status),
		act: async (data) => c.redirect(flow.redirectTo(await flow.run(data)), 303),
		shows: (error) => error.status === 409 || error.status === 422 || error.status === 429,
	});

/** What the user typed and a message per field ("_": the whole form). */
export interface FormState {
	values: FormValues;
	fields: Record<string, string>;
}
export interface FormPost<S extends z.ZodType> {
	schema: S;
	/** The form again, with what failed and the status to answer with. */
	rerender: (state: FormState, status: ContentfulStatusCode) => Response | Promise<Response>;
	/** What to do with valid input: redirect, set a cookie, show a page (a new secret, once). */
	act: (data: z.infer<S>, values: FormValues) => Promise<Response>;
	/** Which errors of the action show the form again; the others are thrown on. */
	shows?: (error: AppError) => boolean;
}
const belowServerError = (error: AppError) => error.status < 500;

export async function handleFormPost<S extends z.ZodType>(c: Context<AppEnv>, post: FormPost<S>): Promise<Response> {
	const parsed = await parseForm(c, post.schema);
	if (!parsed.ok) return post.rerender({ values: parsed.values, fields: parsed.fields }, 400);
	try {
		return await post.act(parsed.data, parsed.values);
	} catch (error) {
		if (!(error instanceof AppError) || !(post.shows ?? belowServerError)(error)) throw error;
		const fields = error.fields ?? { _: error.message };
		const shown = await post.rerender({ values: parsed.values, fields }, error.status);
		if (error instanceof RateLimitedError) shown.headers.set("Retry-After", String(error.retryAfterSeconds));
		return shown;
	}
}
