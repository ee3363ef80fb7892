/**
 * Committee content (pages, hero text, bios, session and lecture descriptions) is Markdown. This
 * is the one place it becomes HTML, and the only module that hands HTML to hono/jsx unescaped:
 * markdown-it with raw HTML switched off escapes every tag and entity the text holds, and links
 * are kept only for schemes that cannot run script.
 */
import { raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import MarkdownIt from "markdown-it";

/** Link schemes a reader can follow safely; anything else (javascript:, vbscript:, data:, file:, …) is dropped. */
const SAFE_SCHEMES = new Set(["http", "https", "mailto", "tel"]);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Browsers skip these inside a scheme ("java\tscript:"), so the check must skip them too.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f]/g;

/**
 * True when `url` is relative, or absolute with a scheme on the allowlist.
 *
 * @example isSafeLink("https://orcid.org/0000-0002-1825-0097") // true
 * @example isSafeLink(" JavaScript:alert(1)") // false
 */
export function isSafeLink(url: string): boolean {
	const scheme = SCHEME.exec(url.replace(IGNORED_IN_SCHEME, ""))?.[1];
	return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

const EXTERNAL = /^(?:https?:)?\/\//i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.validateLink = isSafeLink;
md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
	const token = tokens[idx];
	// Other sites get no handle on the page that linked them.
	if (token && EXTERNAL.test(token.attrGet("href") ?? "")) token.attrSet("rel", "noopener");
	return self.renderToken(tokens, idx, options);
};

export interface MarkdownOptions {
	/**
	 * The level the text's biggest heading gets (default 2), the others following at the same
	 * distance: the page's own title is its one h1, and a text written with `##` only still starts
	 * right below the heading it sits under.
	 */
	topLevel?: number;
}

/**
 * `text` as HTML, safe to embed in any page.
 *
 * @example renderMarkdown("# Travel\n\nSee [the map](https://www.openstreetmap.org/).")
 * // '<h2>Travel</h2>\n<p>See <a href="https://www.openstreetmap.org/" rel="noopener">the map</a>.</p>\n'
 */
export function renderMarkdown(text: string, { topLevel = 2 }: MarkdownOptions = {}): string {
	if (!text.trim()) return "";
	const env = {};
	const tokens = md.parse(text, env);
	const headings = tokens.filter((t) => t.type === "heading_open" || t.type === "heading_close");
	const levels = headings.map((t) => Number(t.tag.slice(1)));
	if (levels.length > 0) {
		const shift = topLevel - Math.min(...levels);
		for (const [i, token] of headings.entries()) token.tag = `h${Math.min(6, Math.max(1, (levels[i] ?? 1) + shift))}`;
	}
	return md.renderer.render(tokens, md.options, env);
}

/**
 * `text` rendered for a hono/jsx page: `<div class="prose">{markdown(page.body)}</div>`.
 */
export function markdown(text: string, options?: MarkdownOptions): HtmlEscapedString {
	return raw(renderMarkdown(text, options));
}
