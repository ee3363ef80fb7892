/**
 * The life of a form post, for every page with a form: parse with the schema, then act. Invalid
 * input shows the form again with 400 and a message beside each field; an AppError from the action
 * that the caller chooses to show (by default any below 500: 401, 409, 422, 429, …) shows it again
 * with its status and message. Other errors reach the error boundary. Typed values are kept;
 * password fields never echo them.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import type { AppEnv } from "../env";
import { AppError, RateLimitedError } from "./errors";
import { type FormValues, parseForm } from "./forms";

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
