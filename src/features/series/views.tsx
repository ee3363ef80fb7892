import type { Edition, Series } from "../../db/schema";
import { formatDateRange } from "../../lib/dates";
import { Layout } from "../../views/layout";
import { editionUrl, type SeriesWithEditions, seriesUrl } from "./series";

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

export function SeriesPage({ series, editions }: SeriesWithEditions) {
	return (
		<Layout
			title={series.name}
			description={series.description || undefined}
			breadcrumb={[{ label: "Series", href: "/" }, { label: series.shortName }]}
		>
			<h1>{series.name}</h1>
			<p class="lead">
				{series.shortName} · {cadenceLabel(series.cadenceYears)}
			</p>
			{series.description ? <p>{series.description}</p> : null}
			<h2>Editions</h2>
			{editions.length === 0 ? (
				<p>No edition has been announced yet.</p>
			) : (
				<ul class="cards wide">
					{editions.map((edition) => (
						<li class="card">
							<h3>
								<a href={editionUrl(series, edition)}>{edition.name}</a>
							</h3>
							<EditionFacts edition={edition} />
						</li>
					))}
				</ul>
			)}
		</Layout>
	);
}

function EditionFacts({ edition }: { edition: Edition }) {
	return (
		<>
			<p>{formatDateRange(edition.startDate, edition.endDate)}</p>
			<p class="meta">
				{[edition.hostName, edition.city].filter(Boolean).join(", ")}{" "}
				{edition.status === "archived" ? <span class="badge">Held</span> : null}
			</p>
		</>
	);
}

export function cadenceLabel(years: Series["cadenceYears"]): string {
	if (years === 1) return "annual";
	if (years === 2) return "biennial";
	return `every ${years} years`;
}
