import { countryName } from "../../lib/countries";
import { formatDay } from "../../lib/dates";
import { markdown } from "../../lib/markdown";
import { sitePath } from "./links";
import type { ListedSpeaker, SpeakerPage as SpeakerPageData } from "./site-content";
import { type Site, SiteLayout } from "./site-layout";

const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** "Fictional University Hospital Lagos, Nigeria". */
const whereFrom = (s: Pick<ListedSpeaker, "affiliation" | "country">) =>
	[s.affiliation, s.country ? countryName(s.country) : ""].filter(Boolean).join(", ");

export function SpeakersPage({ site, speakers }: { site: Site; speakers: ListedSpeaker[] }) {
	return (
		<SiteLayout
			site={site}
			path="/speakers"
			title="Speakers"
			description={`The speakers and chairs of ${site.edition.name}.`}
		>
			<h1>Speakers</h1>
			{speakers.length === 0 ? (
				<p>The speakers have not been announced yet.</p>
			) : (
				<ul class="speaker-list">
					{speakers.map((speaker) => (
						<li>
							<a href={sitePath(site.links, `/speakers/${speaker.seq}`)}>{speaker.name}</a>
							{whereFrom(speaker) ? <span class="meta"> {whereFrom(speaker)}</span> : null}
						</li>
					))}
				</ul>
			)}
		</SiteLayout>
	);
}

export function SpeakerPage({ site, page }: { site: Site; page: SpeakerPageData }) {
	const { speaker, sessions } = page;
	const { links } = site;
	return (
		<SiteLayout
			site={site}
			path={`/speakers/${speaker.seq}`}
			section="/speakers"
			title={speaker.name}
			description={`${speaker.name}${speaker.affiliation ? `, ${speaker.affiliation}` : ""}: at ${site.edition.name}.`}
		>
			<p class="back-link">
				<a href={sitePath(links, "/speakers")}>All speakers</a>
			</p>
			<div class="speaker-head">
				{speaker.photoUrl ? <img class="speaker-photo" src={speaker.photoUrl} alt="" width="120" height="120" /> : null}
				<div>
					<h1>{speaker.name}</h1>
					{whereFrom(speaker) ? <p class="lead">{whereFrom(speaker)}</p> : null}
				</div>
			</div>
			{speaker.bio ? <div class="prose">{markdown(speaker.bio)}</div> : null}
			{speaker.orcid && ORCID.test(speaker.orcid) ? (
				<p>
					ORCID:{" "}
					<a href={`https://orcid.org/${speaker.orcid}`} rel="noopener">
						{speaker.orcid}
					</a>
				</p>
			) : null}
			<section aria-labelledby="in-the-program">
				<h2 id="in-the-program">In the program</h2>
				{sessions.length === 0 ? (
					<p>Not in the program yet.</p>
				) : (
					<ul class="cards wide">
						{sessions.map(({ session, chairs, talks }) => (
							<li class="card">
								<p class="meta">
									{formatDay(session.date)}, {session.startTime}–{session.endTime}
									{session.room ? ` · ${session.room.name}` : ""}
								</p>
								<h3>
									<a href={sitePath(links, `/program/${session.seq}`)}>{session.title}</a>
								</h3>
								{chairs ? <p>Chair of this session</p> : null}
								{talks.length > 0 ? (
									<ul>
										{talks.map((talk) => (
											<li>{talk.title}</li>
										))}
									</ul>
								) : null}
							</li>
						))}
					</ul>
				)}
			</section>
		</SiteLayout>
	);
}
