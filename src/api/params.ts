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

/**
 * A stale-fact hit's key in the path (`/editions/{id}/fact-acceptances/{hitKey}`): the text's
 * identity `<source>:<row id>:<field>` and a 16-digit digest of the fact's value.
 */
export const HIT_KEY_PATTERN = /^[a-z-]{1,40}:[A-Za-z0-9_-]{1,64}:[A-Za-z]{1,40}:[0-9a-f]{16}$/;
export const HitKeySchema = z
	.string()
	.max(200)
	.regex(HIT_KEY_PATTERN, "Not a hit key of the go-live checks.")
	.openapi({ example: "pages:seed-2023-page-home:body:3fa2b4c1d0e9f876" });
export const FactHitParams = z.object({
	id: EditionId,
	hitKey: HitKeySchema.openapi({ param: { name: "hitKey", in: "path" } }),
});

/**
 * The `Idempotency-Key` request header of operations a client may retry safely: the same key
 * gets the same answer (letters, digits, `-`, `_`, `.`, `:`, 1–100 characters).
 */
export const IdempotencyKeyHeader = z.object({
	"Idempotency-Key": z
		.string()
		.regex(/^[A-Za-z0-9._:-]{1,100}$/, "Use 1–100 letters, digits, '-', '_', '.' or ':'.")
		.optional()
		.openapi({
			param: { name: "Idempotency-Key", in: "header" },
			description: "Makes a retry safe: a request with a key used before gets the first request's answer.",
		}),
});

/** `/editions/{id}/registrations/{registrationId}` */
export const RegistrationParams = EditionIdParam.extend({
	registrationId: pathId("registrationId").openapi({ description: "The registration's id." }),
});
