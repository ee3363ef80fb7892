import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { validationError } from "../lib/errors";

/** An API router whose validation failures become the data contract's 400 error body. */
export function createApiRouter() {
	return new OpenAPIHono<AppEnv>({
		defaultHook: (result) => {
			if (!result.success) throw validationError(result.error);
		},
	});
}

export const ErrorBodySchema = z
	.object({
		error: z.object({
			code: z.string().openapi({ example: "invalid_input" }),
			message: z.string(),
			fields: z
				.record(z.string(), z.string())
				.optional()
				.openapi({ example: { slug: "This slug is taken." } }),
			requestId: z.string().optional(),
		}),
	})
	.openapi("Error");

/** Response entries for the error statuses a route can answer. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 410 | 422 | 429 | 503)[]) {
	const descriptions = {
		400: "Malformed input or failed validation; `fields` names each problem.",
		401: "Not signed in.",
		403: "Signed in but not allowed.",
		404: "Unknown, or not visible to you.",
		409: "Conflict, e.g. a slug that is taken.",
		410: "Gone for good, e.g. an invitation that was used, withdrawn or has expired.",
		422: "A domain rule was broken.",
		429: "Rate limited.",
		503: "A service Baton depends on could not be reached: try again.",
	};
	return Object.fromEntries(
		statuses.map((s) => [
			s,
			{ description: descriptions[s], content: { "application/json": { schema: ErrorBodySchema } } },
		]),
	);
}

/** A 2xx response whose body is `{ data: schema }`, the envelope of every API answer. */
export const dataResponse = <S extends z.ZodType>(description: string, schema: S) => ({
	description,
	content: { "application/json": { schema: z.object({ data: schema }) } },
});

/** A required JSON request body. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
	body: { required: true, content: { "application/json": { schema } } },
});
