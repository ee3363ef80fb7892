import { Hono } from "hono";
import type { AppEnv } from "../env";
import { stylesheet } from "./styles";

// The version in the path changes whenever the stylesheet does, so it can be cached for a year.
const version = fnv1a(stylesheet);
export const STYLESHEET_PATH = `/assets/baton.${version}.css`;

/** Serves the static assets compiled into the Worker. */
export const assetRoutes = new Hono<AppEnv>().get(STYLESHEET_PATH, (c) =>
	c.body(stylesheet, 200, {
		"Content-Type": "text/css; charset=utf-8",
		"Cache-Control": "public, max-age=31536000, immutable",
	}),
);

function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(36);
}
