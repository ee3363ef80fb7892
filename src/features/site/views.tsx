import { AVAILABILITY_WORDS, SCHEMA_ORG_AVAILABILITY } from "../../domain/ticket-availability";
import { dateOfDay, formatDateRange, formatDay } from "../../lib/dates";
import { editionEvent, type JsonLd } from "../../lib/json-ld";
import { markdown } from "../../lib/markdown";
import { isoWithOffset, wallClock } from "../../lib/zoned-time";
import { editionUrl, registerUrl } from "../../urls";
import { price } from "./content-views";
import type { EditionHome, Highlight, HomeTrack } from "./edition-home";
import { absoluteUrl, attendeeLink, seriesLink, sitePath } from "./links";
import { placeOf, type Site, SiteLayout } from "./site-layout";
import { formatZoned } from "./time-format";
import { trackSlug } from "./track-filter";

/** The edition's hero text with its placeholders resolved: as Markdown for the page, as text for JSON-LD. */
export interface HeroText {
	markdown: string;
	plain: string;
}

/** The edition home; `home.body` and `hero` come with their placeholders resolved (site-texts.ts). */
export function EditionHomePage({ site, home, hero }: { site: Site; home: EditionHome; hero: HeroText }) {
	const { edition, series, links } = site;
	const dates = formatDateRange(edition.startDate, edition.endDate);
	const place = placeOf(edition);
	const over = edition.status === "held" || edition.status === "archived";
	return (
		<SiteLayout site={site} path="" jsonLd={homeJsonLd(site, home, hero)}>
			<h1>{edition.name}</h1>
			<p class="lead">{series.name}</p>
			<section class="hero" aria-label="At a glance">
				<p>
					<strong>{dates}</strong>
					{over ? (
						<>
							{" "}
							<span class="badge">Held</span>
						</>
					) : null}
				</p>
				<p>{[edition.venueName, place].filter(Boolean).join(", ")}</p>
				{edition.hostName ? <p>Hosted by {edition.hostName}</p> : null}
				{hero.markdown ? <div class="hero-text">{markdown(hero.markdown)}</div> : null}
				<p class="actions">
					{!over && home.hasTickets ? (
						<a class="button" href={attendeeLink(links, series, edition, "register")}>
							Register
						</a>
					) : null}
					{!over && home.hasCall ? (
						<a class="button button-secondary" href={sitePath(links, "/abstracts")}>
							Submit an abstract
						</a>
					) : null}
					<a class={over ? "button" : "button button-secondary"} href={sitePath(links, "/program")}>
						{over ? "See the program" : "Program"}
					</a>
				</p>
			</section>

			{home.body ? <div class="prose">{markdown(home.body)}</div> : null}

			{home.keyDates.length > 0 ? (
				<section aria-labelledby="key-dates">
					<h2 id="key-dates">Key dates</h2>
					<dl class="facts key-dates">
						{home.keyDates.map((date) => (
							<>
								<dt>{date.label}</dt>
								<dd>
									<time datetime={date.dayOnly ? wallClock(date.at, edition.timeZone).date : date.at.toISOString()}>
										{formatZoned(date.at, edition.timeZone, { time: !date.dayOnly })}
									</time>
								</dd>
							</>
						))}
					</dl>
				</section>
			) : null}

			{!over && home.tickets.length > 0 ? (
				<section aria-labelledby="tickets">
					<h2 id="tickets">Tickets</h2>
					{/* The coarse state only: the live count is on the register page, which is never cached. */}
					<dl class="facts tickets">
						{home.tickets.map((ticket) => (
							<>
								<dt>{ticket.name}</dt>
								<dd>
									{price(ticket, edition)} · {AVAILABILITY_WORDS[ticket.availability]}
								</dd>
							</>
						))}
					</dl>
				</section>
			) : null}

			{home.tracks.length > 0 ? (
				<section aria-labelledby="tracks">
					<h2 id="tracks">Tracks</h2>
					<ul class="track-list">
						{home.tracks.map((track) => (
							<TrackItem site={site} track={track} />
						))}
					</ul>
				</section>
			) : null}

			{home.highlights.length > 0 ? (
				<section class="wide" aria-labelledby="lectures">
					<h2 id="lectures">Lectures</h2>
					<ul class="cards wide">
						{home.highlights.map((h) => (
							<HighlightCard site={site} highlight={h} />
						))}
					</ul>
				</section>
			) : null}

			<p>
				<a href={seriesLink(links, series)}>All editions of {series.shortName}</a> ·{" "}
				<a href={`${links.platformOrigin}${editionUrl(series, edition)}`}>Permalink</a>
			</p>
		</SiteLayout>
	);
}

function TrackItem({ site, track }: { site: Site; track: HomeTrack }) {
	return (
		<li>
			<svg class="swatch" aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
				<rect width="12" height="12" rx="2" fill={track.color} />
			</svg>{" "}
			<a href={sitePath(site.links, "/program", { track: trackSlug(track) })}>
				<strong>{track.name}</strong>
			</a>
			{track.audience ? <span class="meta"> · for {track.audience}</span> : null}
		</li>
	);
}

function HighlightCard({ site, highlight }: { site: Site; highlight: Highlight }) {
	const { links, edition } = site;
	return (
		<li class="card">
			<p class="meta">{highlight.namedLecture ? highlight.namedLecture.name : "Plenary lecture"}</p>
			<h3>
				<a href={sitePath(links, `/program/${highlight.session.seq}`)}>{highlight.title}</a>
			</h3>
			<p>
				{highlight.speakers.map((s, i) => (
					<>
						{i > 0 ? ", " : ""}
						<a href={sitePath(links, `/speakers/${s.seq}`)}>
							<strong>{s.name}</strong>
						</a>
						{s.affiliation ? <span class="meta"> ({s.affiliation})</span> : null}
					</>
				))}
			</p>
			<p class="meta">
				{formatDay(dateOfDay(edition.startDate, highlight.session.day))}, {highlight.session.startTime}
			</p>
		</li>
	);
}

/** Where a ticket is bought, absolute: the register page on the main host. */
const registerOffer = (site: Site) =>
	`${site.links.platformOrigin || site.links.origin}${registerUrl(site.series, site.edition)}`;

/** The edition as a schema.org Event: dates with their offsets when the program has times. */
function homeJsonLd(site: Site, home: EditionHome, hero: HeroText): JsonLd {
	const { edition, series, links } = site;
	const zone = edition.timeZone;
	return editionEvent({
		name: edition.name,
		description: hero.plain || series.name,
		startDate: home.starts ? isoWithOffset(home.starts, zone) : edition.startDate,
		endDate: home.ends ? isoWithOffset(home.ends, zone) : edition.endDate,
		location: {
			name: edition.venueName || edition.city,
			address: { streetAddress: edition.venueAddress, locality: edition.city, country: edition.country },
		},
		organizer: { name: edition.hostName || series.name },
		url: absoluteUrl(site, links),
		image: edition.logoUrl || undefined,
		// Tickets are offered only until the edition is held; the register page is on the main host.
		offers:
			edition.status === "held" || edition.status === "archived"
				? []
				: home.tickets.map((ticket) => ({
						name: ticket.name,
						priceCents: ticket.priceCents,
						currency: ticket.currency,
						availability: SCHEMA_ORG_AVAILABILITY[ticket.availability],
						url: registerOffer(site),
					})),
	});
}
