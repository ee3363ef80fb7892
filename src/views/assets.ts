import { Hono } from "hono";
import type { AppEnv } from "../env";
import { stylesheet } from "./styles";

// The version in the path changes whenever the stylesheet does, so it can be cached for a year.
const version = fnv1a(stylesheet);
export const STYLESHEET_PATH = `/assets/baton.${version}.css`;

const IMMUTABLE = {
	"Content-Type": "text/css; charset=utf-8",
	"Cache-Control": "public, max-age=31536000, immutable",
};

/**
 * An edition subsite's colours, as a stylesheet of its own: the CSP forbids inline styles, and a
 * route per edition would cost a D1 query. The colours are in the path instead, so the file needs
 * no lookup, is shared by editions with the same colours, never changes for its URL (cached for a
 * year), and a new colour is a new URL on the next page view.
 */
const themeCss = (primary: string, accent: string) =>
	`:root { --accent: #${primary}; --site-primary: #${primary}; --site-accent: #${accent}; }\n`;
const themeVersion = fnv1a(themeCss("000000", "000000"));
const THEME_FILE = new RegExp(`^theme\\.${themeVersion}\\.([0-9a-f]{6})\\.([0-9a-f]{6})\\.css$`);
const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/**
 * The path of the stylesheet that gives a subsite its colours (`#rrggbb`; anything else is
 * Baton's own). The main colour carries white text and colours links: the caller makes sure it
 * is dark enough for both.
 *
 * @example themeStylesheetPath("#00567a", "#b45309") // "/assets/theme.<version>.00567a.b45309.css"
 */
export function themeStylesheetPath(primaryColor: string, accentColor: string): string {
	const hex = (color: string, fallback: string) => (HEX_COLOR.test(color) ? color : fallback).slice(1).toLowerCase();
	return `/assets/theme.${themeVersion}.${hex(primaryColor, "#1f5f8b")}.${hex(accentColor, "#c2410c")}.css`;
}

/** Serves the static assets compiled into the Worker. */
export const assetRoutes = new Hono<AppEnv>()
	.get(STYLESHEET_PATH, (c) => c.body(stylesheet, 200, IMMUTABLE))
	.get("/assets/:file{theme\\.[^/]+\\.css}", (c) => {
		const colors = THEME_FILE.exec(c.req.param("file"));
		if (!colors?.[1] || !colors[2]) return c.notFound();
		return c.body(themeCss(colors[1], colors[2]), 200, IMMUTABLE);
	});

function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(36);
}
