import type { Edition, Series } from "../../db/schema";
import { longDate } from "../../domain/invitation-wording";
import { formatDateRange } from "../../lib/dates";
import { editionUrl, proposeUrl, seriesUrl } from "../../urls";
import { DemoBanner } from "../../views/demo-banner";
import { Layout } from "../../views/layout";
import { FollowSeriesSection } from "../following";
import { deadlinePassed } from "../hosting";
import type { SeriesWithEditions } from "./series";
import { type EditionTiming, editionTiming, type SeriesPageData } from "./series-page";

export function DirectoryPage({ directory }: { directory: SeriesWithEditions[] }) {
	return (
		<Layout
			title="Baton"
			description="Recurring academic symposia: every edition's program, speakers and archive, handed from one host to the next."
		>
			<h1>Symposium series</h1>
			<p class="lead">
				Each series moves to a new host institution every edition. Baton keeps its website, program and the lessons of
				every committee in one place.
			</p>
			{directory.length === 0 ? (
				<p>No series yet.</p>
			) : (
				<ul class="cards wide">
					{directory.map(({ series, editions }) => (
						<li class="card">
							<h2>
								<a href={seriesUrl(series)}>{series.name}</a>
							</h2>
							<p class="meta">
								{series.shortName} · {cadenceLabel(series.cadenceYears)}
							</p>
							{editions[0] ? (
								<p>
									Latest: <a href={editionUrl(series, editions[0])}>{editions[0].name}</a>, {editions[0].city}
								</p>
							) : null}
						</li>
					))}
				</ul>
			)}
		</Layout>
	);
}

export function SeriesPage({ data, now }: { data: SeriesPageData; now: Date }) {
	const { series, editions, lectures, openCall } = data;
	// An open call for a year no public edition has yet: the next edition, its host still unknown.
	const callYear = openCall && !editions.some((e) => e.year === openCall.forYear) ? openCall.forYear : null;
	// A call stays open past its deadline while the stewards decide; it takes no proposals then.
	const callTakesProposals = openCall !== null && !deadlinePassed(openCall, now);
	const timeline = [
		...(callYear !== null ? [{ year: callYear, edition: null }] : []),
		...editions.map((edition) => ({ year: edition.year, edition })),
	].sort((a, b) => b.year - a.year);
	return (
		<Layout
			title={series.name}
			description={series.description || undefined}
			breadcrumb={[{ label: "Series", href: "/" }, { label: series.shortName }]}
		>
			{series.isDemo ? <DemoBanner /> : null}
			<h1>{series.name}</h1>
			<p class="lead">
				{series.shortName} · {cadenceLabel(series.cadenceYears)}
				{series.society ? ` · affiliated with ${series.society}` : null}
			</p>
			{series.logoUrl ? <img src={series.logoUrl} alt={`${series.shortName} logo`} width="160" /> : null}
			{series.description ? <p>{series.description}</p> : null}

			<h2>Editions</h2>
			{timeline.length === 0 ? (
				<p>No edition has been announced yet.</p>
			) : (
				<ol class="cards wide" reversed>
					{timeline.map(({ year, edition }) =>
						edition ? (
							<li class="card">
								<h3>
									<a href={editionUrl(series, edition)}>{edition.name}</a>
								</h3>
								<EditionFacts edition={edition} now={now} />
							</li>
						) : (
							<li class="card">
								<h3>
									{series.shortName} {year}
								</h3>
								<p>Next edition: host to be announced.</p>
								<p class="meta">
									<a href="#call-for-hosts">
										{callTakesProposals ? "The call for hosts is open" : "The call for hosts"}
									</a>
								</p>
							</li>
						),
					)}
				</ol>
			)}

			{lectures.length > 0 ? (
				<>
					<h2>Named lectures</h2>
					{lectures.map(({ lecture, given }) => (
						<section aria-labelledby={`lecture-${lecture.slug}`}>
							<h3 id={`lecture-${lecture.slug}`}>{lecture.name}</h3>
							<p class="meta">In honour of {lecture.honoree}</p>
							{lecture.description ? <p>{lecture.description}</p> : null}
							{given.length === 0 ? (
								<p>Not given yet.</p>
							) : (
								<ul>
									{given.map((g) => (
										<li>
											<a href={`${editionUrl(series, g)}/program/${g.sessionSeq}`}>{g.editionName}</a>:{" "}
											{g.speakers.length > 0
												? g.speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(", ")
												: "lecturer to be announced"}
											{g.title ? <>, “{g.title}”</> : null}
										</li>
									))}
								</ul>
							)}
						</section>
					))}
				</>
			) : null}

			{openCall ? (
				<section aria-labelledby="call-for-hosts">
					<h2 id="call-for-hosts">Call for hosts</h2>
					{callTakesProposals ? (
						<p>
							Institutions are invited to host {series.shortName} {openCall.forYear}. Proposals are welcome until{" "}
							<strong>{longDate(openCall.deadline)}</strong> (anywhere on Earth).
						</p>
					) : (
						<p>
							Proposals to host {series.shortName} {openCall.forYear} were due on {longDate(openCall.deadline)}. The
							stewards are deciding.
						</p>
					)}
					{openCall.requirements ? (
						<>
							<h3>What a proposal must contain</h3>
							<PlainText text={openCall.requirements} />
						</>
					) : null}
					{callTakesProposals ? (
						<>
							<p>
								<a class="button" href={proposeUrl(series, openCall.id)}>
									Propose to host {series.shortName} {openCall.forYear}
								</a>
							</p>
							<p class="meta">For owners and admins of an institution on Baton: you will be asked to sign in.</p>
						</>
					) : null}
				</section>
			) : null}
			<FollowSeriesSection series={series} />
		</Layout>
	);
}

/**
 * Text typed in a textarea (Markdown included), shown as text: blank lines separate paragraphs,
 * single line breaks stay. Nothing in it is ever interpreted as HTML.
 */
export function PlainText({ text }: { text: string }) {
	const paragraphs = text
		.replace(/\r\n?/g, "\n")
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
	return (
		<>
			{paragraphs.map((paragraph) => (
				<p>{paragraph.split("\n").flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}</p>
			))}
		</>
	);
}

const TIMING_LABEL: Record<EditionTiming, string> = { upcoming: "Next edition", now: "Now on", past: "Held" };

function EditionFacts({ edition, now }: { edition: Edition; now: Date }) {
	return (
		<>
			<p>{formatDateRange(edition.startDate, edition.endDate)}</p>
			<p class="meta">
				{[edition.hostName, edition.city].filter(Boolean).join(", ")}{" "}
				<span class="badge">{TIMING_LABEL[editionTiming(edition, now)]}</span>
			</p>
		</>
	);
}

export function cadenceLabel(years: Series["cadenceYears"]): string {
	if (years === 1) return "annual";
	if (years === 2) return "biennial";
	return `every ${years} years`;
}
