import type { Child } from "hono/jsx";
import type { Edition } from "../../db/schema";
import { formatDateRange } from "../../lib/dates";
import { isSafeLink, markdown } from "../../lib/markdown";
import { resolveOffset } from "../../lib/zoned-time";
import { editionLink, seriesLink } from "./links";
import type { AbstractCall, PublishedPage, RegistrationField, SponsorTier, TicketType } from "./site-content";
import { placeOf, type Site, SiteLayout } from "./site-layout";
import { formatZoned } from "./time-format";

const isOver = (edition: Pick<Edition, "status">) => edition.status === "held" || edition.status === "archived";

/** An address a visitor may follow: http(s) only (a committee's map or sponsor link is not HTML we render). */
const webLink = (url: string) => (/^https?:\/\//i.test(url) && isSafeLink(url) ? url : "");

/** A deadline of the edition, in its zone and with the zone named. */
function Deadline({ site, offsetDays, time }: { site: Site; offsetDays: number; time: string }) {
	const at = resolveOffset(site.edition, offsetDays, time);
	return <time datetime={at.toISOString()}>{formatZoned(at, site.edition.timeZone)}</time>;
}

export function VenuePage({ site, body }: { site: Site; body: string }) {
	const { edition } = site;
	const map = webLink(edition.mapUrl);
	const address = [edition.venueAddress, placeOf(edition)].filter(Boolean);
	return (
		<SiteLayout site={site} path="/venue" title="Venue and travel">
			<h1>Venue and travel</h1>
			<section class="hero" aria-label="Venue">
				<p>
					<strong>{edition.venueName || "The venue will be announced."}</strong>
				</p>
				{address.length > 0 ? (
					<address>
						{address.map((line) => (
							<>
								{line}
								<br />
							</>
						))}
					</address>
				) : null}
				{map ? (
					<p>
						<a href={map} rel="noopener">
							Open the map
						</a>
					</p>
				) : null}
			</section>
			{body ? <div class="prose">{markdown(body)}</div> : null}
			{edition.contactEmail ? (
				<p>
					Questions? Write to <a href={`mailto:${edition.contactEmail}`}>{edition.contactEmail}</a>.
				</p>
			) : null}
		</SiteLayout>
	);
}

export function SponsorsPage({ site, tiers }: { site: Site; tiers: SponsorTier[] }) {
	return (
		<SiteLayout site={site} path="/sponsors" title="Sponsors and partners">
			<h1>Sponsors and partners</h1>
			{tiers.length === 0 ? <p>No sponsors or partners are listed yet.</p> : null}
			{tiers.map((tier, i) => (
				<section aria-labelledby={`tier-${i + 1}`}>
					<h2 id={`tier-${i + 1}`}>{tier.name}</h2>
					<ul class="sponsor-list">
						{tier.sponsors.map((sponsor) => {
							const url = webLink(sponsor.url);
							const logo = webLink(sponsor.logoUrl);
							const label = logo ? <img src={logo} alt={sponsor.name} height="64" /> : sponsor.name;
							return (
								<li class="card">
									{url ? (
										<a href={url} rel="noopener">
											{label}
										</a>
									) : (
										label
									)}
								</li>
							);
						})}
					</ul>
				</section>
			))}
		</SiteLayout>
	);
}

export function PublishedPageView({ site, page }: { site: Site; page: PublishedPage }) {
	return (
		<SiteLayout site={site} path={`/p/${page.slug}`} title={page.title}>
			<h1>{page.title}</h1>
			<div class="prose">{markdown(page.body)}</div>
		</SiteLayout>
	);
}

type OtherEdition = Pick<Edition, "year" | "name" | "startDate" | "endDate" | "city" | "country" | "status">;

export function PastEditionsPage({ site, editions }: { site: Site; editions: OtherEdition[] }) {
	const { edition, series, links } = site;
	const earlier = editions.filter((e) => e.year < edition.year);
	const later = editions.filter((e) => e.year > edition.year);
	const list = (items: OtherEdition[]) => (
		<ul class="cards">
			{items.map((e) => (
				<li class="card">
					<h3>
						<a href={editionLink(links, series, e.year)}>{e.name}</a>
					</h3>
					<p>{formatDateRange(e.startDate, e.endDate)}</p>
					{placeOf(e) ? <p class="meta">{placeOf(e)}</p> : null}
				</li>
			))}
		</ul>
	);
	return (
		<SiteLayout site={site} path="/past" title="Past editions">
			<h1>Past editions</h1>
			{earlier.length === 0 ? (
				<p>
					{edition.name} is the first edition of {series.name}.
				</p>
			) : (
				<section aria-labelledby="earlier">
					<h2 id="earlier">Before {edition.year}</h2>
					{list(earlier)}
				</section>
			)}
			{later.length > 0 ? (
				<section aria-labelledby="later">
					<h2 id="later">After {edition.year}</h2>
					{list(later)}
				</section>
			) : null}
			<p>
				<a href={seriesLink(links, series)}>All editions of {series.shortName}</a>
			</p>
		</SiteLayout>
	);
}

const FIELD_KINDS: Record<RegistrationField["kind"], string> = {
	text: "a short answer",
	textarea: "a longer answer",
	email: "an email address",
	select: "one of a list",
	checkbox: "yes or no",
	country: "a country",
};

export function price(ticket: Pick<TicketType, "priceCents" | "currency">, edition: Pick<Edition, "status">): string {
	// 0 on an archived edition is no claim that it was free: its prices may simply not be recorded
	// (AINM 2023's are not among the facts, and the seed invents none).
	if (ticket.priceCents === 0) return edition.status === "archived" ? "Price not recorded" : "Free";
	try {
		return new Intl.NumberFormat("en-GB", { style: "currency", currency: ticket.currency }).format(
			ticket.priceCents / 100,
		);
	} catch {
		return `${(ticket.priceCents / 100).toFixed(2)} ${ticket.currency}`;
	}
}

/**
 * The registration page: the tickets with price, what they include and sale window. The
 * registration feature passes what is live (seats left per ticket, null for no limit), what the
 * visitor can do now (`intro`) and the form; without them, the tickets and questions as configured.
 */
export function RegisterPage({
	site,
	tickets,
	fields,
	body,
	seats,
	intro,
	form,
}: {
	site: Site;
	tickets: TicketType[];
	fields: RegistrationField[];
	body: string;
	seats?: ReadonlyMap<string, number | null>;
	intro?: Child;
	form?: Child;
}) {
	const { edition } = site;
	return (
		<SiteLayout site={site} path="/register" title="Registration">
			<h1>Registration</h1>
			{isOver(edition) ? (
				<p>Registration is closed: {edition.name} has taken place.</p>
			) : (
				(intro ?? (
					<p>
						Online registration is not open on this site yet. These are the tickets and what the registration form will
						ask.
					</p>
				))
			)}
			{body ? <div class="prose">{markdown(body)}</div> : null}
			<section aria-labelledby="tickets">
				<h2 id="tickets">Tickets</h2>
				{tickets.length === 0 ? (
					<p>The tickets have not been announced yet.</p>
				) : (
					<ul class="cards">
						{tickets.map((ticket) => (
							<li class="card">
								<h3>{ticket.name}</h3>
								<p class="price">{price(ticket, edition)}</p>
								{ticket.includes ? <p class="includes">Includes: {ticket.includes}</p> : null}
								<dl class="facts compact">
									<dt>On sale from</dt>
									<dd>
										<Deadline site={site} offsetDays={ticket.salesOpenOffsetDays} time={ticket.salesOpenTime} />
									</dd>
									<dt>Until</dt>
									<dd>
										<Deadline site={site} offsetDays={ticket.salesCloseOffsetDays} time={ticket.salesCloseTime} />
									</dd>
									{seats && !isOver(edition) && typeof seats.get(ticket.id) === "number" ? (
										<>
											<dt>Seats left</dt>
											<dd>{seats.get(ticket.id) === 0 ? "None: waiting list" : seats.get(ticket.id)}</dd>
										</>
									) : ticket.capacity !== null ? (
										<>
											<dt>Places</dt>
											<dd>{ticket.capacity}</dd>
										</>
									) : null}
								</dl>
							</li>
						))}
					</ul>
				)}
			</section>
			{form && !isOver(edition) ? (
				form
			) : (
				<section aria-labelledby="form">
					<h2 id="form">The registration form</h2>
					<p>Besides your name and email address, the form {isOver(edition) ? "asked" : "asks"} for:</p>
					<ul>
						{fields.map((field) => (
							<li>
								<strong>{field.label}</strong>
								<span class="meta">
									{" "}
									({FIELD_KINDS[field.kind]}
									{field.kind === "select" && field.options.length > 0 ? `: ${field.options.join(", ")}` : ""}
									{field.required ? "; required" : "; optional"})
								</span>
							</li>
						))}
					</ul>
				</section>
			)}
		</SiteLayout>
	);
}

export function AbstractsPage({ site, call, body }: { site: Site; call: AbstractCall | undefined; body: string }) {
	const { edition } = site;
	return (
		<SiteLayout site={site} path="/abstracts" title="Call for abstracts">
			<h1>Call for abstracts</h1>
			{!call ? (
				<p>{edition.name} has no call for abstracts.</p>
			) : (
				<>
					{isOver(edition) ? (
						<p>The call for abstracts is closed: {edition.name} has taken place.</p>
					) : (
						<p>Online submission is not open on this site yet. This is the call as the committee set it up.</p>
					)}
					<dl class="facts">
						<dt>Submissions open</dt>
						<dd>
							<Deadline site={site} offsetDays={call.opensOffsetDays} time={call.opensTime} />
						</dd>
						<dt>Deadline</dt>
						<dd>
							<Deadline site={site} offsetDays={call.closesOffsetDays} time={call.closesTime} />
						</dd>
						{call.decisionsOffsetDays !== null ? (
							<>
								<dt>Decisions</dt>
								<dd>
									{formatZoned(resolveOffset(edition, call.decisionsOffsetDays, "12:00"), edition.timeZone, {
										time: false,
									})}
								</dd>
							</>
						) : null}
						<dt>Word limit</dt>
						<dd>{call.wordLimit} words</dd>
						{call.presentationTypes.length > 0 ? (
							<>
								<dt>Presentation</dt>
								<dd>{call.presentationTypes.join(", ")}</dd>
							</>
						) : null}
					</dl>
					{/* A committee's own page about the call says this in its words: then it is not repeated. */}
					{!body && call.topics.length > 0 ? (
						<section aria-labelledby="topics">
							<h2 id="topics">Topics</h2>
							<ul>
								{call.topics.map((topic) => (
									<li>{topic}</li>
								))}
							</ul>
						</section>
					) : null}
					{!body && call.specialIssue ? (
						<section aria-labelledby="special-issue">
							<h2 id="special-issue">Journal special issue</h2>
							<p>Selected abstracts are published in {call.specialIssue}.</p>
						</section>
					) : null}
				</>
			)}
			{body ? <div class="prose">{markdown(body)}</div> : null}
		</SiteLayout>
	);
}
