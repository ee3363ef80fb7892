/**
 * The API's shared parameter and value schemas: path ids, an edition or series in the path, slugs,
 * email addresses, and the "no content" answer. Declared once so every route names them alike.
 */
import { z } from "@hono/zod-openapi";
import { singleLine } from "../lib/text-input";

/** A text id in the path (ids are UUIDs made by the app; anything longer is not one of ours). */
export const pathId = (name: string) =>
	z
		.string()
		.min(1)
		.max(64)
		.openapi({ param: { name, in: "path" } });

/** `/editions/{id}/…` */
export const EditionIdParam = z.object({ id: pathId("id") });

/** Lowercase words joined by single hyphens: `ainm`, `baton-demo`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `/series/{slug}/…` */
export const SeriesSlugParam = z.object({
	slug: z
		.string()
		.regex(SLUG_PATTERN)
		.openapi({ param: { name: "slug", in: "path" }, example: "ainm" }),
});

export const EMAIL_MAX_LENGTH = 254;

/**
 * An email address as Baton stores it: trimmed and lowercased, so comparisons are exact. The
 * messages differ by who is asked ("your" address on account forms, "an" address when inviting).
 */
export const emailSchema = (messages: { required: string; invalid: string }) =>
	singleLine({ error: messages.required })
		.trim()
		.toLowerCase()
		.min(1, messages.required)
		.max(EMAIL_MAX_LENGTH, `Use at most ${EMAIL_MAX_LENGTH} characters.`)
		.pipe(z.email(messages.invalid))
		.openapi({ example: "ada@example.org" });

/** Someone else's address: an invitation, a speaker, a committee member. */
export const EmailSchema = emailSchema({
	required: "Enter a valid email address, e.g. ada@example.org.",
	invalid: "Enter a valid email address, e.g. ada@example.org.",
});

/** A 204 answer in a route's `responses`. */
export const noContent = (description: string) => ({ 204: { description } });
