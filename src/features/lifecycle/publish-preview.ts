/**
 * What publishing an edition makes public: its site's pages (the subsite's own sections and the
 * committee's published pages, as the site's navigation lists them), its feeds, and the custom
 * host names that serve it once it is public. Shown on the page that asks to confirm publishing.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Edition, editionHosts, pages, type Series } from "../../db/schema";
import { readTogether } from "../../db/write";
import { editionUrl, hostUrl } from "../../urls";
import { hostServes, siteNav } from "../site";

export interface PublicAddress {
	label: string;
	url: string;
}

export interface PublishPreview {
	pages: PublicAddress[];
	feeds: PublicAddress[];
	/** Verified custom host names: each serves the site at `/` once it is public. */
	hosts: string[];
}

/** The feeds of an edition, by the path below its site. */
export const FEEDS: readonly PublicAddress[] = [
	{ label: "Schedule (frab XML)", url: "/schedule.xml" },
	{ label: "Schedule (frab JSON)", url: "/schedule.json" },
	{ label: "Calendar (iCalendar)", url: "/calendar.ics" },
];

/**
 * The addresses that become public, absolute on `origin` (the main host), and the serving host
 * names. One round trip of two reads.
 */
export async function whatGoesPublic(
	db: Database,
	origin: string,
	series: Pick<Series, "slug">,
	edition: Pick<Edition, "id" | "year">,
	now = new Date(),
): Promise<PublishPreview> {
	const [published, hosts] = await readTogether(db, [
		db
			.select({ slug: pages.slug, title: pages.title, navOrder: pages.navOrder })
			.from(pages)
			.where(and(eq(pages.editionId, edition.id), eq(pages.published, true)))
			.orderBy(asc(pages.navOrder), asc(pages.title)),
		db.select().from(editionHosts).where(eq(editionHosts.editionId, edition.id)).orderBy(asc(editionHosts.hostname)),
	]);
	const base = `${origin}${editionUrl(series, edition)}`;
	return {
		pages: siteNav(published).map((item) => ({ label: item.label, url: `${base}${item.path}` })),
		feeds: FEEDS.map((feed) => ({ label: feed.label, url: `${base}${feed.url}` })),
		hosts: hosts.filter((host) => hostServes(host, now)).map((host) => hostUrl(host.hostname)),
	};
}
