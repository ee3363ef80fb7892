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

/**
 * The path parameters most routes share, each one component of the OpenAPI document
 * (`#/components/parameters/EditionId`) that operations refer to. The name given to `.openapi()` is
 * the component's; `registerSharedParameters` declares them, before the routes that use them.
 */
const EditionId = pathId("id").openapi("EditionId", { description: "The edition's id." });

/** `/editions/{id}/…` */
export const EditionIdParam = z.object({ id: EditionId });

/** Lowercase words joined by single hyphens: `ainm`, `baton-demo`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const SeriesSlug = z
	.string()
	.regex(SLUG_PATTERN)
	.openapi("SeriesSlug", { param: { name: "slug", in: "path" }, example: "ainm", description: "The series' slug." });

/** `/series/{slug}/…` */
export const SeriesSlugParam = z.object({ slug: SeriesSlug });

/**
 * Declares the shared path parameters as components of the document built from `registry`. The
 * generator only refers to a parameter component declared before the route, so this runs before
 * any API route is mounted.
 */
export function registerSharedParameters(registry: {
	registerParameter: (name: string, schema: z.ZodType) => unknown;
}) {
	registry.registerParameter("EditionId", EditionId);
	registry.registerParameter("SeriesSlug", SeriesSlug);
}

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

/** `/editions/{id}/registrations/{registrationId}` */
export const RegistrationParams = EditionIdParam.extend({
	registrationId: pathId("registrationId").openapi({ description: "The registration's id." }),
});
