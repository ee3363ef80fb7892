import { markdown } from "../../lib/markdown";
import type { LectureGiven, LectureHistory } from "../series";
import { editionLink, seriesLink, sitePath } from "./links";
import { type Site, SiteLayout } from "./site-layout";

export function LecturesPage({ site, lectures, body }: { site: Site; lectures: LectureHistory[]; body: string }) {
	const { edition, series, links } = site;
	return (
		<SiteLayout
			site={site}
			path="/lectures"
			title="Named lectures"
			description={`The named lectures of ${series.shortName}: who gave them at ${edition.name} and at every edition before.`}
		>
			<h1>Named lectures</h1>
			{lectures.length === 0 ? <p>{series.shortName} has no named lectures.</p> : null}
			{lectures.map(({ lecture, given }) => {
				const here = given.filter((g) => g.year === edition.year);
				return (
					<section class="lecture" id={lecture.slug} aria-labelledby={`${lecture.slug}-name`}>
						<h2 id={`${lecture.slug}-name`}>{lecture.name}</h2>
						<p class="meta">In honour of {lecture.honoree}</p>
						{lecture.description ? <div class="prose">{markdown(lecture.description, { topLevel: 3 })}</div> : null}
						<h3>At {edition.name}</h3>
						{here.length === 0 ? (
							<p>To be announced.</p>
						) : (
							<ul class="plain-list">
								{here.map((g) => (
									<li>
										<Given site={site} given={g} href={sitePath(links, `/program/${g.sessionSeq}`)} />
									</li>
								))}
							</ul>
						)}
						<h3>Every {lecture.name}</h3>
						{given.length === 0 ? (
							<p>Not given yet.</p>
						) : (
							<ol class="history">
								{given.map((g) => (
									<li>
										<span class="history-year">{g.year}</span>{" "}
										<Given
											site={site}
											given={g}
											href={
												g.year === edition.year
													? sitePath(links, `/program/${g.sessionSeq}`)
													: `${editionLink(links, series, g.year)}/program/${g.sessionSeq}`
											}
										/>
									</li>
								))}
							</ol>
						)}
					</section>
				);
			})}
			{body ? (
				// The committee's own page about the lectures, after the series' record of them.
				<section aria-labelledby="from-the-committee">
					<h2 id="from-the-committee">From the committee of {edition.name}</h2>
					<div class="prose">{markdown(body, { topLevel: 3 })}</div>
				</section>
			) : null}
			<p>
				<a href={seriesLink(links, series)}>All editions of {series.shortName}</a>
			</p>
		</SiteLayout>
	);
}

function Given({ given, href }: { site: Site; given: LectureGiven; href: string }) {
	return (
		<>
			<a href={href}>{given.title ?? `${given.editionName}: to be announced`}</a>
			{given.speakers.length > 0 ? (
				<>
					{" by "}
					{given.speakers.map((s, i) => (
						<>
							{i > 0 ? ", " : ""}
							<strong>{s.name}</strong>
							{s.affiliation ? <span class="meta"> ({s.affiliation})</span> : null}
						</>
					))}
				</>
			) : null}
		</>
	);
}
