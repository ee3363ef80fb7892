/**
 * Pages of every API list (README, "Limits"): `?limit=` (default 50, at most 200) and an opaque
 * `cursor` from the previous page's `page.nextCursor`. The answer keeps its `data` array and adds
 * `page: { limit, nextCursor }`; `nextCursor` is null on the last page.
 *
 * A cursor names the last item a page showed (its id) and where it stood; the next page starts
 * right after that item in the list's own order, so an item added or removed elsewhere in the list
 * neither repeats nor skips the items after it. Only when that item itself is gone does its place
 * stand in for it (the item after it has moved up into it).
 */
import { z } from "@hono/zod-openapi";
import { AppError } from "../lib/errors";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const LIMIT_MESSAGE = `Use a whole number from 1 to ${MAX_PAGE_SIZE}.`;
const CURSOR_MESSAGE = "This cursor is not one a page of this list gave out: start again without it.";

/** The query of every list operation; merge it into a route's own query with `.extend(PageQuery.shape)`. */
export const PageQuery = z.object({
	limit: z.coerce
		.number({ error: LIMIT_MESSAGE })
		.int(LIMIT_MESSAGE)
		.min(1, LIMIT_MESSAGE)
		.max(MAX_PAGE_SIZE, LIMIT_MESSAGE)
		.default(DEFAULT_PAGE_SIZE)
		.openapi({
			param: { name: "limit", in: "query" },
			description: `How many items a page holds (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).`,
			example: DEFAULT_PAGE_SIZE,
		}),
	cursor: z
		.string()
		.max(512, CURSOR_MESSAGE)
		.optional()
		.openapi({
			param: { name: "cursor", in: "query" },
			description: "The previous page's `page.nextCursor`; leave it out for the first page.",
		}),
});

export type PageRequest = z.infer<typeof PageQuery>;

export const PageSchema = z
	.object({
		limit: z.number().int().openapi({ example: DEFAULT_PAGE_SIZE }),
		nextCursor: z
			.string()
			.nullable()
			.openapi({ description: "Send it as `cursor` for the next page; null on the last page." }),
	})
	.openapi("Page");

export type Page = z.infer<typeof PageSchema>;

/** The 200 response of a list operation: `{ data: [item…], page }`. */
export const listResponse = <S extends z.ZodType>(description: string, item: S) => ({
	description,
	content: { "application/json": { schema: z.object({ data: z.array(item), page: PageSchema }) } },
});

interface Cursor {
	/** The id of the last item shown. */
	id: string;
	/** Its index in the list then. */
	at: number;
}

const CursorShape = z.object({ id: z.string().min(1).max(200), at: z.number().int().min(0) }).strict();

const badCursor = () =>
	new AppError(400, "invalid_input", "Some fields are missing or invalid.", { cursor: CURSOR_MESSAGE });

function encodeCursor(cursor: Cursor): string {
	const bytes = new TextEncoder().encode(JSON.stringify(cursor));
	return btoa(String.fromCharCode(...bytes))
		.replaceAll("+", "-")
		.replaceAll("/", "_")
		.replace(/=+$/, "");
}

function decodeCursor(text: string): Cursor {
	if (!/^[A-Za-z0-9_-]+$/.test(text)) throw badCursor();
	try {
		const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
		const json = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(
			Uint8Array.from(binary, (ch) => ch.charCodeAt(0)),
		);
		const parsed = CursorShape.safeParse(JSON.parse(json));
		if (parsed.success) return parsed.data;
	} catch {
		// Not base64 or not JSON: the same answer as any other cursor Baton never gave out.
	}
	throw badCursor();
}

/**
 * One page of `items` (already in the list's order) after `request.cursor`, with the page to
 * answer beside `data`; a cursor that does not decode is a 400 naming `cursor`.
 *
 * @example const { items, page } = paginate(members, c.req.valid("query"), (m) => m.userId);
 *          return c.json({ data: items.map(toMemberJson), page }, 200);
 */
export function paginate<T>(
	items: readonly T[],
	request: PageRequest,
	idOf: (item: T) => string,
): { items: T[]; page: Page } {
	let start = 0;
	if (request.cursor !== undefined) {
		const after = decodeCursor(request.cursor);
		const found = items.findIndex((item) => idOf(item) === after.id);
		start = found >= 0 ? found + 1 : Math.min(after.at, items.length);
	}
	const shown = items.slice(start, start + request.limit);
	const last = shown.at(-1);
	const more = start + shown.length < items.length;
	const nextCursor = more && last !== undefined ? encodeCursor({ id: idOf(last), at: start + shown.length - 1 }) : null;
	return { items: shown, page: { limit: request.limit, nextCursor } };
}
