import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";

/** The one error body of the API (src/README.md, "Errors"). */
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
	readonly fields?: Record<string, string>;

	constructor(
		readonly status: ContentfulStatusCode,
		readonly code: string,
		message: string,
		fields?: Record<string, string>,
	) {
		// Messages and field names may quote what was sent (an unknown key, a name): bounded here,
		// so no error body, page or re-shown form ever echoes an unbounded input.
		super(bounded(message, MAX_MESSAGE_LENGTH));
		this.name = "AppError";
		if (fields) this.fields = boundedFields(fields);
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

/** A 429: the limit's message, and when to try again (the API sends it as `Retry-After`). */
export class RateLimitedError extends AppError {
	/** Whole seconds, at least 1. */
	readonly retryAfterSeconds: number;

	constructor(message: string, retryAfterSeconds: number) {
		super(429, "rate_limited", message);
		this.name = "RateLimitedError";
		this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
	}
}

/** The longest message an error shows, and the longest field name. */
export const MAX_MESSAGE_LENGTH = 500;
const MAX_FIELD_NAME_LENGTH = 100;
/** Enough for every field of the largest form; more names can only come from a made-up body. */
const MAX_FIELDS = 50;

/** `text` cut to `max` characters (an ellipsis marks the cut). */
export function bounded(text: string, max: number): string {
	if (text.length <= max) return text;
	const characters = Array.from(text);
	return characters.length <= max ? text : `${characters.slice(0, max - 1).join("")}…`;
}

function boundedFields(fields: Record<string, string>): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const [name, message] of Object.entries(fields).slice(0, MAX_FIELDS)) {
		kept[bounded(name, MAX_FIELD_NAME_LENGTH)] ??= bounded(message, MAX_MESSAGE_LENGTH);
	}
	return kept;
}

export const notFound = (what = "This page") => new AppError(404, "not_found", `${what} does not exist.`);

/**
 * Turns zod issues into `{ "path.to.field": "message" }`, first message per field, so forms can
 * show each message beside its field. Issues without a path are keyed by "_". Bounded like every
 * error's fields: a made-up body's keys become field names.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = issue.path.length > 0 ? issue.path.join(".") : "_";
		fields[key] ??= issue.message;
	}
	return boundedFields(fields);
}

/** A 400 carrying the field messages of a failed validation. */
export const validationError = (error: z.ZodError) =>
	new AppError(400, "invalid_input", "Some fields are missing or invalid.", fieldErrors(error));
