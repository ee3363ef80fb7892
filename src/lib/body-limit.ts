/**
 * The size limit on every request body (README, "Limits"): forms and JSON are small, so anything
 * over 256 KB is refused before it is read into memory or parsed. A body sent without a
 * Content-Length (chunked) is counted as it streams and refused at the first byte past the limit.
 * A route that takes larger bodies is named with its own limit: checked here (a template document
 * to validate), or by the route itself with its own message (the handover attachment upload).
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "./errors";

/**
 * The most a form or JSON body may hold. The largest field (a 20,000-character handover note) fits
 * percent-encoded in any script (3 UTF-8 bytes a character, 3 characters a byte: 180 KB), so no
 * form a person fills in is ever refused; a flood of bytes is.
 */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** A route whose bodies may be larger: `maxSize` checked here, or "own" when the route checks it itself. */
export interface LargerBodies {
	path: RegExp;
	maxSize: number | "own";
}

/** The 413 of a body over the limit: the error boundary shows it as the API's body or an error page. */
export const payloadTooLarge = (maxBytes: number) => {
	const size =
		maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`;
	return new AppError(413, "payload_too_large", `This request is larger than ${size}, the most Baton accepts.`, {
		_: `Send at most ${size}.`,
	});
};

const limitOf = (maxSize: number) =>
	bodyLimit({
		maxSize,
		onError: () => {
			throw payloadTooLarge(maxSize);
		},
	});

/**
 * Refuses every request body over `maxSize` with a 413, except on the paths of `larger`.
 *
 * @example app.use(limitRequestBodies({ maxSize: BODY_LIMIT_BYTES, larger: [{ path: /^\/upload$/, maxSize: "own" }] }))
 */
export function limitRequestBodies(options: { maxSize: number; larger: readonly LargerBodies[] }): MiddlewareHandler {
	const fallback = limitOf(options.maxSize);
	const larger = options.larger.map(({ path, maxSize }) => ({
		path,
		limit: maxSize === "own" ? null : limitOf(maxSize),
	}));
	return (c: Context, next) => {
		const path = new URL(c.req.url).pathname;
		const route = larger.find((r) => r.path.test(path));
		if (!route) return fallback(c, next);
		return route.limit ? route.limit(c, next) : next();
	};
}
