import { dateOfDay, formatDateRange, formatDay } from "../../lib/dates";
import { Layout } from "../../views/layout";
import { editionUrl, seriesUrl } from "../series/series";
import type { EditionHome, Highlight } from "./edition-home";
import type { Tenant } from "./tenant";

const countryName = new Intl.DisplayNames(["en"], { type: "region" });

export function EditionHomePage({ series, edition, home }: Tenant & { home: EditionHome }) {
	const dates = formatDateRange(edition.startDate, edition.endDate);
	const place = [edition.city, edition.country ? countryName.of(edition.country) : ""].filter(Boolean).join(", ");
	return (
		<Layout
			title={edition.name}
			description={`${series.name}, ${dates}, ${place}.`}
			breadcrumb={[
				{ label: "Series", href: "/" },
				{ label: series.shortName, href: seriesUrl(series) },
				{ label: String(edition.year) },
			]}
		>
			<h1>{edition.name}</h1>
			<p class="lead">{series.name}</p>
			<section class="hero" aria-label="At a glance">
				<p>
					<strong>{dates}</strong>
					{edition.status === "archived" ? (
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
				<a href={seriesUrl(series)}>All editions of {series.shortName}</a> ·{" "}
				<a href={editionUrl(series, edition)}>Permalink</a>
			</p>
		</Layout>
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
