import type { Track } from "../../db/schema";
import { formatDay } from "../../lib/dates";
import { sessionEvent } from "../../lib/json-ld";
import { markdown } from "../../lib/markdown";
import { isoWithOffset } from "../../lib/zoned-time";
import { clock, minutesOf, SESSION_KIND_LABELS } from "../program";
import { absoluteUrl, sitePath } from "./links";
import type { ProgramData, ProgramSessionView, ProgramSpeaker, ProgramTalkView } from "./program-data";
import { type GridCell, type GridDay, MAX_COLUMNS, programGrid } from "./program-grid";
import { placeOf, type Site, SiteLayout } from "./site-layout";
import { zoneLabel } from "./time-format";
import { trackSlug } from "./track-filter";

const dayId = (day: number) => `day-${day}`;

/** Breaks and social events are for everyone and need no page of their own in the grid. */
const isInterlude = (session: Pick<ProgramSessionView, "kind">) =>
	session.kind === "break" || session.kind === "social";

export function ProgramPage({ site, program, track }: { site: Site; program: ProgramData; track?: Track }) {
	const { edition, links } = site;
	const days = programGrid(program, track);
	const zones = days.map((day) => zoneLabel(day.slots[0]?.cells[0]?.session.start ?? new Date(), edition.timeZone));
	const oneZone = zones.every((zone) => zone === zones[0]);
	return (
		<SiteLayout
			site={site}
			path={track ? `/program?track=${trackSlug(track)}` : "/program"}
			section="/program"
			title={track ? `Program: ${track.name}` : "Program"}
			description={`The program of ${edition.name}: ${days.length} days, sessions by room and time.`}
		>
			<div class="wide">
				<h1>{track ? `Program: ${track.name}` : "Program"}</h1>
				{days.length === 0 ? (
					<p>The program has not been published yet.</p>
				) : (
					<>
						{oneZone ? <p class="meta">Times in {zones[0]}.</p> : null}
						<div class="program-tools">
							<nav class="pill-nav" aria-label="Program days">
								<ul>
									{days.map((day) => (
										<li>
											<a href={`#${dayId(day.day)}`}>{formatDay(day.date)}</a>
										</li>
									))}
								</ul>
							</nav>
							{program.tracks.length > 1 ? <TrackFilter site={site} tracks={program.tracks} current={track} /> : null}
						</div>
						{track ? (
							<p>
								Showing the sessions of the {track.name} and those for everyone.{" "}
								<a href={sitePath(links, "/program")}>Show the whole program</a>
							</p>
						) : null}
						{days.map((day, i) => (
							<ProgramDaySection site={site} day={day} zone={oneZone ? undefined : zones[i]} />
						))}
					</>
				)}
			</div>
		</SiteLayout>
	);
}

function TrackFilter({ site, tracks, current }: { site: Site; tracks: Track[]; current?: Track }) {
	return (
		<nav class="pill-nav track-filter" aria-label="Filter by track">
			<ul>
				<li>
					<a href={sitePath(site.links, "/program")} aria-current={current ? undefined : "page"}>
						All tracks
					</a>
				</li>
				{tracks.map((track) => (
					<li>
						<a
							href={sitePath(site.links, "/program", { track: trackSlug(track) })}
							aria-current={current?.id === track.id ? "page" : undefined}
						>
							<TrackSwatch track={track} /> {track.name}
						</a>
					</li>
				))}
			</ul>
		</nav>
	);
}

/** A track's colour: an SVG attribute, since the CSP allows no inline styles. */
function TrackSwatch({ track }: { track: Pick<Track, "color"> }) {
	return (
		<svg class="swatch" aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
			<rect width="12" height="12" rx="2" fill={track.color} />
		</svg>
	);
}

function ProgramDaySection({ site, day, zone }: { site: Site; day: GridDay; zone?: string }) {
	const gridded = day.columns.length > 0 && day.columns.length <= MAX_COLUMNS;
	const cols = `cols-${gridded ? day.columns.length : 1}`;
	return (
		<section class="program-day" aria-labelledby={dayId(day.day)}>
			<h2 id={dayId(day.day)}>
				{formatDay(day.date)} <span class="meta">· day {day.day}</span>
			</h2>
			{zone ? <p class="meta">Times in {zone}.</p> : null}
			<div class={gridded ? "schedule gridded" : "schedule"}>
				{gridded ? (
					// The rooms over their columns, for sighted readers; every session names its room too.
					<div class={`slot slot-head ${cols}`} aria-hidden="true">
						{day.columns.map((room, i) => (
							<span class={`col-${i + 1}`}>{room.name}</span>
						))}
					</div>
				) : null}
				<ol class="slots">
					{day.slots.map((slot) => (
						<li class={`slot ${cols}`}>
							<p class="slot-time">
								<time datetime={slot.cells[0]?.session.start.toISOString()}>{slot.startTime}</time>
							</p>
							{slot.cells.map((cell) => (
								<SessionCell site={site} cell={gridded ? cell : { ...cell, column: null }} />
							))}
						</li>
					))}
				</ol>
			</div>
		</section>
	);
}

function SessionCell({ site, cell }: { site: Site; cell: GridCell }) {
	const { session } = cell;
	const { links } = site;
	const place = cell.column === null ? "span" : `col-${cell.column}`;
	const headingId = `session-${session.seq}`;
	return (
		<article class={`session kind-${session.kind} ${place}`} aria-labelledby={headingId}>
			<p class="session-time">
				<TimeRange session={session} />
				{session.room ? <span class="session-room"> · {session.room.name}</span> : null}
			</p>
			{session.namedLecture ? <p class="session-kind">{session.namedLecture.name}</p> : null}
			{isInterlude(session) ? (
				<p class="session-title" id={headingId}>
					{session.title}
				</p>
			) : (
				<h3 class="session-title" id={headingId}>
					<a href={sitePath(links, `/program/${session.seq}`)}>{session.title}</a>
				</h3>
			)}
			{session.track ? (
				<p class="session-track">
					<TrackSwatch track={session.track} /> {session.track.name}
				</p>
			) : null}
			{session.chairs.length > 0 ? (
				<p class="session-chairs">
					{session.chairs.length > 1 ? "Chairs: " : "Chair: "}
					<SpeakerLinks site={site} speakers={session.chairs} />
				</p>
			) : null}
			{session.talks.length > 0 ? (
				<ul class="session-talks">
					{session.talks.map((talk) => (
						<li>
							<span class="talk-title">{talk.title}</span>
							{talk.speakers.length > 0 ? (
								<>
									{" "}
									<span class="talk-speakers">
										<SpeakerLinks site={site} speakers={talk.speakers} />
									</span>
								</>
							) : null}
						</li>
					))}
				</ul>
			) : null}
		</article>
	);
}

function TimeRange({ session }: { session: ProgramSessionView }) {
	return (
		<>
			<time datetime={session.start.toISOString()}>{session.startTime}</time>–
			<time datetime={session.end.toISOString()}>{session.endTime}</time>
		</>
	);
}

function SpeakerLinks({
	site,
	speakers,
	affiliation = false,
}: {
	site: Site;
	speakers: ProgramSpeaker[];
	affiliation?: boolean;
}) {
	return (
		<>
			{speakers.map((speaker, i) => (
				<>
					{i > 0 ? ", " : ""}
					<a href={sitePath(site.links, `/speakers/${speaker.seq}`)}>{speaker.name}</a>
					{affiliation && speaker.affiliation ? <span class="meta"> ({speaker.affiliation})</span> : null}
				</>
			))}
		</>
	);
}

/** Start and end of each talk, when every talk before it has a length. */
function talkTimes(session: ProgramSessionView): Map<string, string> {
	const times = new Map<string, string>();
	let at = minutesOf(session.startTime);
	for (const talk of session.talks) {
		if (talk.durationMinutes === null) break;
		times.set(talk.id, `${clock(at)}–${clock(at + talk.durationMinutes)}`);
		at += talk.durationMinutes;
	}
	return times;
}

export function SessionPage({ site, session }: { site: Site; session: ProgramSessionView }) {
	const { edition, links } = site;
	const times = session.talks.length > 1 ? talkTimes(session) : new Map<string, string>();
	const path = `/program/${session.seq}`;
	return (
		<SiteLayout
			site={site}
			path={path}
			section="/program"
			title={session.title}
			description={`${session.title}: ${formatDay(session.date)}, ${session.startTime}–${session.endTime}${session.room ? `, ${session.room.name}` : ""}, ${edition.name}.`}
			jsonLd={sessionJsonLd(site, session)}
		>
			<p class="back-link">
				<a href={`${sitePath(links, "/program")}#${dayId(session.day)}`}>Program of {formatDay(session.date)}</a>
			</p>
			<h1>{session.title}</h1>
			<p class="lead">{session.namedLecture ? session.namedLecture.name : SESSION_KIND_LABELS[session.kind]}</p>
			<dl class="facts">
				<dt>When</dt>
				<dd>
					{formatDay(session.date)}, <TimeRange session={session} />
					<br />
					<span class="meta">Times in {zoneLabel(session.start, edition.timeZone)}</span>
				</dd>
				<dt>Where</dt>
				<dd>{session.room ? session.room.name : edition.venueName || placeOf(edition) || "To be announced"}</dd>
				{session.track ? (
					<>
						<dt>Track</dt>
						<dd>
							<TrackSwatch track={session.track} />{" "}
							<a href={sitePath(links, "/program", { track: trackSlug(session.track) })}>{session.track.name}</a>
						</dd>
					</>
				) : null}
				{session.namedLecture ? (
					// The lead names the lecture; otherwise it names the kind already.
					<>
						<dt>Kind</dt>
						<dd>{SESSION_KIND_LABELS[session.kind]}</dd>
					</>
				) : null}
				{session.chairs.length > 0 ? (
					<>
						<dt>{session.chairs.length > 1 ? "Chairs" : "Chair"}</dt>
						<dd>
							<SpeakerLinks site={site} speakers={session.chairs} affiliation />
						</dd>
					</>
				) : null}
			</dl>
			<p>
				<a class="button button-secondary" href={sitePath(links, `${path}/calendar.ics`)}>
					Add to your calendar (.ics)
				</a>
			</p>
			{session.namedLecture ? (
				<section class="callout" aria-labelledby="named-lecture">
					<h2 id="named-lecture">{session.namedLecture.name}</h2>
					<p>
						In honour of {session.namedLecture.honoree}.{" "}
						<a href={`${sitePath(links, "/lectures")}#${session.namedLecture.slug}`}>
							Every {session.namedLecture.name} so far
						</a>
					</p>
					{session.namedLecture.description ? (
						<div class="prose">{markdown(session.namedLecture.description, { topLevel: 3 })}</div>
					) : null}
				</section>
			) : null}
			{session.description ? (
				<section aria-labelledby="about">
					<h2 id="about">About this session</h2>
					<div class="prose">{markdown(session.descriptionMarkdown ?? session.description, { topLevel: 3 })}</div>
				</section>
			) : null}
			{session.talks.length > 0 ? (
				<section aria-labelledby="talks">
					<h2 id="talks">{session.talks.length > 1 ? "Talks" : "Lecture"}</h2>
					<ol class="talk-list">
						{session.talks.map((talk) => (
							<TalkItem site={site} talk={talk} time={times.get(talk.id)} />
						))}
					</ol>
				</section>
			) : null}
		</SiteLayout>
	);
}

function TalkItem({ site, talk, time }: { site: Site; talk: ProgramTalkView; time?: string }) {
	return (
		<li id={`talk-${talk.position}`}>
			<h3>{talk.title}</h3>
			{time ? <p class="meta">{time}</p> : null}
			{talk.speakers.length > 0 ? (
				<p>
					<SpeakerLinks site={site} speakers={talk.speakers} affiliation />
				</p>
			) : null}
			{talk.abstract ? <div class="prose">{markdown(talk.abstract, { topLevel: 4 })}</div> : null}
		</li>
	);
}

/** The session as a schema.org Event, a subEvent of the edition (sessionEvent points to it). */
function sessionJsonLd(site: Site, session: ProgramSessionView) {
	const { edition, links } = site;
	const zone = edition.timeZone;
	return sessionEvent(
		{
			name: session.title,
			description: session.description || undefined,
			startDate: isoWithOffset(session.start, zone),
			endDate: isoWithOffset(session.end, zone),
			location: {
				name: [session.room?.name, edition.venueName].filter(Boolean).join(", ") || edition.city,
				address: { streetAddress: edition.venueAddress, locality: edition.city, country: edition.country },
			},
			// Each speaker once, however many talks of the session are theirs.
			performers: [...new Map(session.talks.flatMap((t) => t.speakers).map((s) => [s.seq, s])).values()].map((s) => ({
				name: s.name,
				affiliation: s.affiliation || undefined,
				url: absoluteUrl(site, links, `/speakers/${s.seq}`),
			})),
			url: absoluteUrl(site, links, `/program/${session.seq}`),
		},
		{ url: absoluteUrl(site, links) },
	);
}
