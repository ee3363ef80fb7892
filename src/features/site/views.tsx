import { dateOfDay, formatDateRange, formatDay } from "../../lib/dates";
import { Layout } from "../../views/layout";
import { editionUrl, seriesUrl } from "../series/series";
import type { EditionHome, Highlight } from "./edition-home";
import type { SiteTenant } from "./tenant";

const countryName = new Intl.DisplayNames(["en"], { type: "region" });

/**
 * Where the subsite's links lead. On a custom host the platform's pages (directory, series page,
 * permalinks) live on the main host, so their links carry its origin; on the main host they stay relative.
 */
export interface SiteLinks {
	/** "" on the main host, `https://MAIN_HOST` on a custom host. */
	platformOrigin: string;
}

export interface EditionHomeProps extends SiteTenant {
	home: EditionHome;
	links: SiteLinks;
	/** A committee's preview of a draft: marked so nobody takes it for the public site. */
	preview?: boolean;
}

export function EditionHomePage({
	series,
	edition,
	home,
	links,
	preview,
	canonicalHost,
	newestYear,
}: EditionHomeProps) {
	const dates = formatDateRange(edition.startDate, edition.endDate);
	const place = [edition.city, edition.country ? countryName.of(edition.country) : ""].filter(Boolean).join(", ");
	const platform = links.platformOrigin;
	return (
		<Layout
			title={edition.name}
			description={`${series.name}, ${dates}, ${place}.`}
			canonical={canonicalHost ? `https://${canonicalHost}/` : undefined}
			platformOrigin={platform}
			breadcrumb={[
				{ label: "Series", href: `${platform}/` },
				{ label: series.shortName, href: `${platform}${seriesUrl(series)}` },
				{ label: String(edition.year) },
			]}
		>
			{preview ? (
				<p class="notice">
					<strong>Preview.</strong> This edition is a draft: only its committee and the series' stewards can see this
					page. Visitors see "not found" until it is published.
				</p>
			) : null}
			<PastEditionBanner series={series} edition={edition} newestYear={newestYear} platform={platform} />
			<h1>{edition.name}</h1>
			<p class="lead">{series.name}</p>
			<section class="hero" aria-label="At a glance">
				<p>
					<strong>{dates}</strong>
					{edition.status === "held" || edition.status === "archived" ? (
						<>
							{" "}
							<span class="badge">Held</span>
						</>
					) : null}
				</p>
				<p>{[edition.venueName, place].filter(Boolean).join(", ")}</p>
				{edition.hostName ? <p>Hosted by {edition.hostName}</p> : null}
			</section>
			{edition.heroText ? <p>{edition.heroText}</p> : null}

			{home.tracks.length > 0 ? (
				<section aria-labelledby="tracks">
					<h2 id="tracks">Tracks</h2>
					<ul class="track-list">
						{home.tracks.map((track) => (
							<li>
								<svg class="swatch" aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
									<rect width="12" height="12" rx="2" fill={track.color} />
								</svg>{" "}
								<strong>{track.name}</strong>
								{track.audience ? <span class="meta"> · for {track.audience}</span> : null}
							</li>
						))}
					</ul>
				</section>
			) : null}

			{home.highlights.length > 0 ? (
				<section aria-labelledby="lectures">
					<h2 id="lectures">Lectures</h2>
					<ul class="cards wide">
						{home.highlights.map((h) => (
							<HighlightCard highlight={h} startDate={edition.startDate} />
						))}
					</ul>
				</section>
			) : null}

			<p>
				<a href={`${platform}${seriesUrl(series)}`}>All editions of {series.shortName}</a> ·{" "}
				<a href={`${platform}${editionUrl(series, edition)}`}>Permalink</a>
			</p>
		</Layout>
	);
}

/**
 * Held and archived editions stay online; their home says so and points to the series' newest
 * edition when a later one is public (the series page stays the hub of all of them).
 */
function PastEditionBanner({
	series,
	edition,
	newestYear,
	platform,
}: Pick<SiteTenant, "series" | "edition" | "newestYear"> & { platform: string }) {
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
					<a href={`${platform}${editionUrl(series, { year: newer })}`}>
						{series.shortName} {newer}
					</a>
					.
				</>
			) : null}
		</p>
	);
}

function HighlightCard({ highlight, startDate }: { highlight: Highlight; startDate: string }) {
	return (
		<li class="card">
			<p class="meta">{highlight.namedLecture ? highlight.namedLecture.name : "Plenary lecture"}</p>
			<h3>{highlight.title}</h3>
			<p>
				{highlight.speakers.map((s, i) => (
					<>
						{i > 0 ? ", " : ""}
						<strong>{s.name}</strong>
						{s.affiliation ? <span class="meta"> ({s.affiliation})</span> : null}
					</>
				))}
			</p>
			<p class="meta">
				{formatDay(dateOfDay(startDate, highlight.session.day))}, {highlight.session.startTime}
			</p>
		</li>
	);
}
