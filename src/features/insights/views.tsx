/**
 * The facts and figures as a definition list, one component for every place that shows them: the
 * committee dashboard, the handover dossier of earlier editions, the public "past editions" page.
 */
import type { SessionKind } from "../../db/schema";
import type { Facts } from "./facts";

const KIND_LABELS: Record<SessionKind, [one: string, many: string]> = {
	plenary: ["plenary", "plenaries"],
	track: ["parallel-track session", "parallel-track sessions"],
	panel: ["panel", "panels"],
	named_lecture: ["named lecture", "named lectures"],
	poster: ["poster session", "poster sessions"],
	break: ["break", "breaks"],
	social: ["social event", "social events"],
};

const counted = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

/** "4 plenaries, 6 parallel-track sessions and 1 panel". */
export function sessionBreakdown(byKind: Facts["sessions"]["byKind"]): string {
	const parts = byKind.map(({ kind, count }) => counted(count, KIND_LABELS[kind]));
	return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function NamedList({ label, items }: { label: string; items: string[] }) {
	return (
		<>
			<dt>{label}</dt>
			<dd>{items.length === 0 ? "none" : `${items.length}: ${items.join(", ")}`}</dd>
		</>
	);
}

/**
 * A section with the facts of one edition. `level` fits it under the page's headings (h2 on the
 * dashboard, h3 inside a dossier); `id` must be unique on the page.
 */
export function FactsSection({
	facts,
	title = "Facts and figures",
	id = "facts",
	level = 2,
}: {
	facts: Facts;
	title?: string;
	id?: string;
	level?: 2 | 3;
}) {
	const Heading = level === 2 ? "h2" : "h3";
	const { countries } = facts;
	return (
		<section aria-labelledby={id}>
			<Heading id={id}>{title}</Heading>
			<dl class="facts">
				<dt>Days</dt>
				<dd>{facts.days}</dd>
				<dt>Sessions</dt>
				<dd>
					{facts.sessions.total === 0
						? "none yet"
						: `${facts.sessions.total}: ${sessionBreakdown(facts.sessions.byKind)}`}
				</dd>
				<dt>Talks</dt>
				<dd>{facts.talks}</dd>
				<dt>Speakers</dt>
				<dd>{facts.speakers}</dd>
				<dt>Countries of speakers</dt>
				<dd>
					{countries.count === 0 ? "none recorded" : `${countries.count}: ${countries.names.join(", ")}`}
					{countries.speakersWithoutCountry > 0 ? (
						<span class="meta">
							{" "}
							({countries.speakersWithoutCountry} {countries.speakersWithoutCountry === 1 ? "speaker" : "speakers"}{" "}
							without a country)
						</span>
					) : null}
				</dd>
				<NamedList label="Tracks" items={facts.tracks} />
				<NamedList label="Rooms" items={facts.rooms} />
				<dt>Named lectures</dt>
				<dd>
					{facts.namedLectures.length === 0 ? (
						"none"
					) : (
						<ul>
							{facts.namedLectures.map((l) => (
								<li>
									{l.lecture}: {l.lecturers.length > 0 ? l.lecturers.join(", ") : "lecturer to be announced"}
								</li>
							))}
						</ul>
					)}
				</dd>
				<NamedList label="Sponsors" items={facts.sponsors} />
				<NamedList label="Ticket types" items={facts.ticketTypes} />
				{facts.figures.map((f) => (
					<>
						<dt>{f.label}</dt>
						<dd>{f.value}</dd>
					</>
				))}
			</dl>
		</section>
	);
}
