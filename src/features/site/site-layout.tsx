/**
 * The frame of every subsite page: the edition's own masthead (logo, name, dates, place, colours)
 * and navigation inside the platform's shell, the preview and past-edition banners, the canonical
 * link, and structured data when the page has some.
 */
import type { Child } from "hono/jsx";
import type { SeriesPartner } from "../../db/schema";
import { countryName } from "../../lib/countries";
import { formatDateRange } from "../../lib/dates";
import { type JsonLd, jsonLdScript } from "../../lib/json-ld";
import { seriesUrl } from "../../urls";
import { themeStylesheetPath } from "../../views/assets";
import { DemoBanner } from "../../views/demo-banner";
import { Layout } from "../../views/layout";
import { contrastWithWhite } from "../editions";
import { brandOf } from "./brand";
import { attendeeLink, canonicalUrl, editionLink, type SiteLinks, seriesLink, siteNav, sitePath } from "./links";
import type { SiteTenant } from "./tenant";

/** What every subsite view receives: the tenant and where its links lead. */
export interface Site extends SiteTenant {
	links: SiteLinks;
}

/** "Groningen, Netherlands". */
export function placeOf(edition: Pick<Site["edition"], "city" | "country">): string {
	return [edition.city, edition.country ? countryName(edition.country) : ""].filter(Boolean).join(", ");
}

export interface SiteLayoutProps {
	site: Site;
	/**
	 * The page's path below the edition ("" for the home, "/program", …): its canonical link and
	 * current navigation item. None for an error page.
	 */
	path?: string;
	/** The page's own name; the home passes none and is titled by the edition. */
	title?: string;
	description?: string;
	jsonLd?: JsonLd;
	/** Marks a navigation item as current when the page is below it (a session below the program). */
	section?: string;
	children: Child;
}

/**
 * Main colour of the masthead and links: the edition's own when white text on it is readable
 * (the settings form insists; older rows or imports may not), else Baton's.
 */
const readablePrimary = (color: string) =>
	/^#[0-9a-f]{6}$/i.test(color) && contrastWithWhite(color) >= 4.5 ? color : "";

export function SiteLayout({ site, path, title, description, jsonLd, section, children }: SiteLayoutProps) {
	const { edition, series, links } = site;
	const brand = brandOf(edition, series);
	const current = section ?? path;
	return (
		<Layout
			title={title ? `${title} · ${edition.name}` : edition.name}
			description={
				description ?? `${series.name}, ${formatDateRange(edition.startDate, edition.endDate)}, ${placeOf(edition)}.`
			}
			canonical={path === undefined ? undefined : canonicalUrl(site, path)}
			platformOrigin={links.platformOrigin}
			head={
				<>
					<link rel="stylesheet" href={themeStylesheetPath(readablePrimary(brand.primaryColor), brand.accentColor)} />
					{/* A demo series is no event: search engines get no structured data that would claim one. */}
					{jsonLd && !series.isDemo ? (
						<script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(jsonLd) }} />
					) : null}
				</>
			}
			masthead={
				<div class="masthead">
					<div class="masthead-inner">
						{/* Decorative next to the edition's name; http(s) only, whatever was stored. */}
						{brand.logoUrl ? <img class="masthead-logo" src={brand.logoUrl} alt="" height="56" /> : null}
						<div>
							<p class="masthead-title">
								<a href={sitePath(links)}>{edition.name}</a>
							</p>
							<p class="masthead-meta">
								{formatDateRange(edition.startDate, edition.endDate)}
								{placeOf(edition) ? ` · ${placeOf(edition)}` : ""}
							</p>
						</div>
					</div>
					<nav class="edition-nav" aria-label={edition.name}>
						<ul>
							{siteNav(site.pages).map((item) => (
								<li>
									<a
										href={
											item.attendee ? attendeeLink(links, series, edition, item.attendee) : sitePath(links, item.path)
										}
										aria-current={item.path === current ? "page" : undefined}
									>
										{item.label}
									</a>
								</li>
							))}
						</ul>
					</nav>
					{/* The attendee's own pages live on the main host, where the session cookie does. */}
					<nav class="edition-nav attendee-nav" aria-label="Your registration">
						<ul>
							<li>
								<a href={attendeeLink(links, series, edition, "me")}>My page</a>
							</li>
							<li>
								<a href={attendeeLink(links, series, edition, "sign-in")}>Sign in</a>
							</li>
						</ul>
					</nav>
				</div>
			}
		>
			{series.isDemo ? <DemoBanner /> : null}
			{links.preview ? (
				<p class="notice">
					<strong>Preview.</strong> This edition is a draft: only its committee and the series' stewards can see this
					page. Visitors see "not found" until it is published.
				</p>
			) : null}
			<PastEditionBanner site={site} />
			{children}
			<SeriesPartners site={site} partners={brand.partners} />
		</Layout>
	);
}

const PARTNER_KINDS: Record<SeriesPartner["kind"], string> = {
	society: "affiliated society",
	journal: "journal partner",
	partner: "partner",
};

/** The series' standing partners, on every page of every edition (no logo invented where none is given). */
function SeriesPartners({ site, partners }: { site: Site; partners: SeriesPartner[] }) {
	if (partners.length === 0) return null;
	return (
		<aside class="series-partners" aria-label={`Partners of ${site.series.shortName}`}>
			<p>
				{site.series.shortName} partners:{" "}
				{partners.map((partner, i) => {
					const url = /^https?:\/\//i.test(partner.url) ? partner.url : "";
					return (
						<>
							{i > 0 ? " · " : ""}
							{url ? (
								<a href={url} rel="noopener">
									{partner.name}
								</a>
							) : (
								partner.name
							)}{" "}
							({PARTNER_KINDS[partner.kind] ?? partner.kind})
						</>
					);
				})}
			</p>
		</aside>
	);
}

/**
 * Held and archived editions stay online; every page of theirs says so and points to the series'
 * newest edition when a later one is public (the series page stays the hub of all of them).
 */
function PastEditionBanner({ site }: { site: Site }) {
	const { edition, series, newestYear, links } = site;
	if (edition.status !== "held" && edition.status !== "archived") return null;
	const newer = newestYear !== null && newestYear > edition.year ? newestYear : null;
	return (
		<p class="notice">
			{edition.status === "archived"
				? `${edition.name} is archived: this site is kept as it was after the event.`
				: `${edition.name} has taken place.`}
			{newer !== null ? (
				<>
					{" "}
					The newest edition is{" "}
					<a href={editionLink(links, series, newer)}>
						{series.shortName} {newer}
					</a>
					.
				</>
			) : null}
		</p>
	);
}

/** The 404 of a page the edition does not have (a page, session or speaker), inside the edition's frame. */
export function SiteNotFoundPage({ site, message }: { site: Site; message: string }) {
	return (
		<SiteLayout site={site} title="Page not found">
			<div class="error-page">
				<h1>Page not found</h1>
				<p>{message}</p>
				<ul>
					<li>
						<a href={sitePath(site.links)}>Go to the home page of {site.edition.name}</a>
					</li>
					<li>
						<a href={seriesLink(site.links, site.series)}>See all editions of {site.series.shortName}</a>
					</li>
				</ul>
			</div>
		</SiteLayout>
	);
}

/**
 * The 404 of an edition that does not exist (or is a draft, for anyone but a previewing
 * committee): it points to the series' page when the series exists, else to the directory.
 */
export function EditionNotFoundPage({ series }: { series: { slug: string; shortName: string } | undefined }) {
	return (
		<Layout title="Page not found">
			<div class="error-page">
				<h1>Page not found</h1>
				<p>This edition does not exist.</p>
				<p>
					{series ? (
						<a href={seriesUrl(series)}>See all editions of {series.shortName}</a>
					) : (
						<a href="/">Go to the list of symposium series</a>
					)}
				</p>
			</div>
		</Layout>
	);
}
