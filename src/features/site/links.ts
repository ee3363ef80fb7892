/**
 * Where the subsite's links lead. The same pages answer at `/s/{series}/{year}/…` on the main
 * host and at `/…` on the edition's custom host, and a committee preview keeps `?preview=1` on
 * every link within the edition, so links are built here from the request's place, never typed.
 */
import type { Edition, Series } from "../../db/schema";
import { editionUrl, myPageUrl, registerUrl, seriesUrl, signInUrl } from "../../urls";
import type { SitePage, SiteTenant } from "./tenant";

export interface SiteLinks {
	/** The origin the request came to (the custom host's, or the main host's): for absolute URLs. */
	origin: string;
	/** Prefix of the platform's pages (directory, series page, other editions): "" on the main host, `https://MAIN_HOST` on a custom host. */
	platformOrigin: string;
	/** Prefix of this edition's pages: `/s/ainm/2023` on the main host, "" on its custom host. */
	base: string;
	/** A committee preview of a draft: links within the edition keep `?preview=1`. */
	preview: boolean;
}

/**
 * The link to `path` of this edition (`""` for its home, `"/program"`, …), with `query`
 * parameters, and `?preview=1` in a preview.
 *
 * @example sitePath({ base: "/s/ainm/2023", preview: false, platformOrigin: "", origin: "" }, "/program", { track: "clinical-track" })
 * // "/s/ainm/2023/program?track=clinical-track"
 */
export function sitePath(links: SiteLinks, path = "", query: Record<string, string> = {}): string {
	const params = new URLSearchParams(query);
	if (links.preview) params.set("preview", "1");
	const search = params.size > 0 ? `?${params}` : "";
	return `${links.base}${path}` === "" ? `/${search}` : `${links.base}${path}${search}`;
}

/** The series page, on the main host. */
export const seriesLink = (links: SiteLinks, series: Pick<Series, "slug">) =>
	`${links.platformOrigin}${seriesUrl(series)}`;

/** Another edition of the series, at its stable main-host URL. */
export const editionLink = (links: SiteLinks, series: Pick<Series, "slug">, year: number) =>
	`${links.platformOrigin}${editionUrl(series, { year })}`;

/** The attendee's pages the subsite links to. */
export type AttendeePage = "register" | "me" | "sign-in";

/**
 * The link to an attendee's page of this edition: on the main host, where the session cookie
 * lives (README, "Registration"), so a custom host links there instead of leaning on a redirect.
 * On the main host it stays within the edition (a committee preview keeps `?preview=1`).
 */
export function attendeeLink(
	links: SiteLinks,
	series: Pick<Series, "slug">,
	edition: Pick<Edition, "year">,
	page: AttendeePage,
): string {
	if (page === "register") {
		return links.platformOrigin
			? `${links.platformOrigin}${registerUrl(series, edition)}`
			: sitePath(links, "/register");
	}
	const me = myPageUrl(series, edition);
	return `${links.platformOrigin}${page === "me" ? me : signInUrl(me)}`;
}

/** The canonical URL of `path` of the edition: on its custom host when it has one. */
export function canonicalUrl(tenant: Pick<SiteTenant, "canonicalHost">, path = ""): string | undefined {
	return tenant.canonicalHost ? `https://${tenant.canonicalHost}${path || "/"}` : undefined;
}

/** The absolute URL of `path` of the edition, for structured data and feeds: canonical when there is a custom host. */
export function absoluteUrl(tenant: Pick<SiteTenant, "canonicalHost">, links: SiteLinks, path = ""): string {
	return canonicalUrl(tenant, path) ?? `${links.origin}${sitePath({ ...links, preview: false }, path)}`;
}

/**
 * Published pages whose text belongs to one of the subsite's own pages (the home, venue, call for
 * abstracts, named lectures, registration): shown there as its introduction, so the navigation
 * does not list them twice. The first slug found wins.
 */
export const SECTION_PAGES = {
	home: ["home"],
	venue: ["venue-and-travel", "venue", "travel"],
	abstracts: ["call-for-abstracts", "abstracts"],
	lectures: ["named-lectures", "lectures"],
	register: ["registration", "register"],
} as const;

export type Section = keyof typeof SECTION_PAGES;

/** The slug of the published page that introduces `section`, or undefined. */
export function sectionPageSlug(pages: readonly SitePage[], section: Section): string | undefined {
	return SECTION_PAGES[section].find((slug) => pages.some((page) => page.slug === slug));
}

export interface NavItem {
	/** What marks the current page: the path without the edition's prefix ("" for the home). */
	path: string;
	label: string;
	/** An attendee's page, linked on the main host (attendeeLink). */
	attendee?: AttendeePage;
}

/** The subsite's navigation: its own pages, then the committee's free pages by nav order, then the archive. */
export function siteNav(pages: readonly SitePage[]): NavItem[] {
	const sectionSlugs = new Set(
		(Object.keys(SECTION_PAGES) as Section[]).map((section) => sectionPageSlug(pages, section)),
	);
	return [
		{ path: "", label: "Home" },
		{ path: "/program", label: "Program" },
		{ path: "/speakers", label: "Speakers" },
		{ path: "/lectures", label: "Lectures" },
		{ path: "/venue", label: "Venue" },
		{ path: "/sponsors", label: "Sponsors" },
		{ path: "/register", label: "Register", attendee: "register" },
		{ path: "/abstracts", label: "Abstracts" },
		...pages
			.filter((page) => !sectionSlugs.has(page.slug))
			.map((page) => ({ path: `/p/${page.slug}`, label: page.title })),
		{ path: "/past", label: "Past editions" },
	];
}
