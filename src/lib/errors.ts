import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";

/** The one error body of the API (design.md, "Errors"). */
export interface ErrorBody {
	error: { code: string; message: string; fields?: Record<string, string>; requestId?: string };
}

/**
 * An error a user can act on: thrown by feature logic or handlers, rendered by the error boundary
 * as the API error body or as an HTML page with the same message.
 *
 * @example throw new AppError(404, "not_found", "No such edition.");
 */
export class AppError extends Error {
	constructor(
		readonly status: ContentfulStatusCode,
		readonly code: string,
		message: string,
		readonly fields?: Record<string, string>,
	) {
		super(message);
		this.name = "AppError";
	}

	toBody(requestId?: string): ErrorBody {
		return {
			error: {
				code: this.code,
				message: this.message,
				...(this.fields ? { fields: this.fields } : {}),
				...(requestId ? { requestId } : {}),
			},
		};
	}
}

/**
 * A 429 that says when to come back: the error boundary and the form flow send `Retry-After`
 * (whole seconds, at least 1) with it.
 *
 * @example throw new RateLimited("Too many attempts. Try again in 2 minutes.", 120);
 */
export class RateLimited extends AppError {
	readonly retryAfterSeconds: number;

	constructor(message: string, retryAfterSeconds: number) {
		super(429, "rate_limited", message);
		this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
	}
}

export const notFound = (what = "This page") => new AppError(404, "not_found", `${what} does not exist.`);

/**
 * Turns zod issues into `{ "path.to.field": "message" }`, first message per field, so forms can
 * show each message beside its field. Issues without a path are keyed by "_".
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = issue.path.length > 0 ? issue.path.join(".") : "_";
		fields[key] ??= issue.message;
	}
	return fields;
}

/** A 400 carrying the field messages of a failed validation. */
export const validationError = (error: z.ZodError) =>
	new AppError(400, "invalid_input", "Some fields are missing or invalid.", fieldErrors(error));
