/**
 * Pages of a console list that can grow without bound (README, "Limits"): at most
 * CONSOLE_PAGE_SIZE rows a page, `?page=` in the address, and "Previous"/"Next" links, server-rendered
 * (no script). A page number that is not one shows the nearest page instead of an error: the
 * address came from a link that may be older than the list.
 */
import { pagedUrl } from "../urls";

export const CONSOLE_PAGE_SIZE = 50;

export interface ListPage<T> {
	items: T[];
	/** 1-based. */
	number: number;
	/** How many pages the list has (at least 1). */
	count: number;
	/** The address of the list without a page. */
	path: string;
}

/**
 * The page `requested` (the `?page=` value) of `items`.
 *
 * @example const page = pageOf(rows, c.req.query("page"), collectionUrl(edition.id, def));
 */
export function pageOf<T>(
	items: readonly T[],
	requested: string | undefined,
	path: string,
	size = CONSOLE_PAGE_SIZE,
): ListPage<T> {
	const count = Math.max(1, Math.ceil(items.length / size));
	const asked = /^[0-9]{1,6}$/.test(requested ?? "") ? Number(requested) : 1;
	const number = Math.min(Math.max(asked, 1), count);
	return { items: items.slice((number - 1) * size, number * size), number, count, path };
}

/** "Previous", "Page 2 of 3", "Next"; nothing when the list fits on one page. */
export function Pager({ page }: { page: ListPage<unknown> }) {
	if (page.count <= 1) return null;
	return (
		<nav class="pager" aria-label="Pages">
			{page.number > 1 ? (
				<a rel="prev" href={pagedUrl(page.path, page.number - 1)}>
					Previous
				</a>
			) : null}{" "}
			<span>
				Page {page.number} of {page.count}
			</span>{" "}
			{page.number < page.count ? (
				<a rel="next" href={pagedUrl(page.path, page.number + 1)}>
					Next
				</a>
			) : null}
		</nav>
	);
}
