import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { validationError } from "../lib/errors";
import { registerSharedParameters } from "./params";

/** An API router whose validation failures become the data contract's 400 error body. */
export function createApiRouter() {
	return new OpenAPIHono<AppEnv>({
		defaultHook: (result) => {
			if (!result.success) throw validationError(result.error);
		},
	});
}

/**
 * How the API is described, declared once for the whole document (`app.doc31` in app.tsx): every
 * operation needs a personal API token unless its route says otherwise with one of the two
 * `security` values below. The one security scheme is registered by `describeApi`.
 */
export const API_TOKEN_SCHEME = "apiToken";

/** `security` of an operation anyone may call: it never reads a token (`security: []`). */
export const noToken: { [scheme: string]: string[] }[] = [];

/**
 * `security` of an operation anyone may call that shows its caller more with a token: the
 * public answer without one (`{}`), and e.g. drafts the token's holder may view with one.
 */
export const tokenOptional: { [scheme: string]: string[] }[] = [{}, { [API_TOKEN_SCHEME]: [] }];

/**
 * Serves the OpenAPI document of every route declared on `app` at `path` (built when asked, so
 * routes mounted after this call are in it; the shared parameters are declared here, before them).
 * `servers` names the origin the document was fetched from: the API answers only on the main
 * host, so that is where a generated client should send its requests.
 */
export function describeApi(app: OpenAPIHono<AppEnv>, path: string) {
	registerSharedParameters(app.openAPIRegistry);
	app.openAPIRegistry.registerComponent("securitySchemes", API_TOKEN_SCHEME, {
		type: "http",
		scheme: "bearer",
		description: "A personal API token (`baton_…`), created under your account in the console.",
	});
	app.doc31(path, (c: Context<AppEnv>) => ({
		openapi: "3.1.0",
		info: {
			title: "Baton API",
			version: "1.0.0",
			description:
				"Series, editions and their content. Errors share one body: `{ error: { code, message, fields } }`. Integrations authenticate with a personal API token: `Authorization: Bearer baton_…`.",
		},
		servers: [{ url: new URL(c.req.url).origin, description: "this Baton" }],
		security: [{ [API_TOKEN_SCHEME]: [] }],
	}));
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
