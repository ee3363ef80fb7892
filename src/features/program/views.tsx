/**
 * Console pages of the program: the overview (every day, its sessions, the warnings and the
 * "add a session" form), a session (its form, its talks, the "add a talk" form) and a talk.
 * Committee members who may only view (reviewers, mentors) see the same program without forms.
 */

import type { CopiedTextMark } from "../../domain/copied-texts";
import type { Option } from "../../domain/fields";
import type { PlaceholderValues } from "../../domain/placeholders";
import { dateOfDay, dayCount, formatDateRange, formatDay } from "../../lib/dates";
import { contentUrl, programUrl, sessionUrl, talkUrl } from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import { CopiedTextNotice } from "../../views/copied-text";
import type { EditionContext } from "../../views/edition-page";
import { type FailedForm, failureOf } from "../../views/form-flow";
import { ActionButton, Notice } from "../../views/forms";
import type { Crumb } from "../../views/layout";
import { PlaceholderList, PlaceholderPreview, PreviewButton, type PreviewedText } from "../../views/placeholder-help";
import { ActionsHeader, RowLink } from "../../views/table";
import { type Choices, FormFields } from "./form-fields";
import { type ProgramNames, type ProgramSession, type ProgramTalk, sessionDataOf, talkDataOf } from "./program";
import { type ProgramWarning, talkMinutes, timeRange } from "./rules";
import { SESSION_KIND_LABELS, sessionFields, TALK_FORM_PREFIX, talkFields } from "./schemas";

const programCrumbs = ({ edition }: EditionContext): Crumb[] => [
	{ label: "Console", href: "/console" },
	{ label: edition.name, href: contentUrl(edition.id) },
	{ label: "Program", href: programUrl(edition.id) },
];

/** "Day 2 · Tuesday 10 October": days are numbered in the data and dated for people. */
export const dayLabel = (startDate: string, day: number) => `Day ${day} · ${formatDay(dateOfDay(startDate, day))}`;

const optionsOf = (names: Map<string, string>): Option[] =>
	[...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));

/**
 * The choices of the session and talk forms. A stored day outside the edition's days (its dates
 * were shortened later) stays selectable, so saving the form says so instead of moving it silently.
 */
export function programChoices(edition: EditionContext["edition"], names: ProgramNames, storedDay?: number): Choices {
	const days = dayCount(edition.startDate, edition.endDate);
	const dayOptions = Array.from({ length: days }, (_, i) => ({
		value: String(i + 1),
		label: dayLabel(edition.startDate, i + 1),
	}));
	if (storedDay !== undefined && storedDay > days) {
		dayOptions.push({ value: String(storedDay), label: `Day ${storedDay} (after the edition's last day)` });
	}
	const speakers = optionsOf(names.speakers);
	return {
		day: dayOptions,
		roomId: [{ value: "", label: "All rooms" }, ...[...names.rooms].map(([value, label]) => ({ value, label }))],
		trackId: [{ value: "", label: "No track" }, ...[...names.tracks].map(([value, label]) => ({ value, label }))],
		namedLectureId: [{ value: "", label: "None" }, ...optionsOf(names.lectures)],
		chairIds: speakers,
		speakerIds: speakers,
	};
}

const roomOf = (session: ProgramSession, names: ProgramNames) =>
	session.roomId === null ? "All rooms" : (names.rooms.get(session.roomId) ?? "");
const peopleOf = (ids: readonly string[], names: ProgramNames) =>
	ids.map((id) => names.speakers.get(id) ?? "").join(", ");

/** The sentence a warning shows. */
export function warningText(warning: ProgramWarning, startDate: string, names: ProgramNames): string {
	const [a, b] = warning.sessions;
	const when = formatDay(dateOfDay(startDate, a.day));
	const both = `“${a.title}” (${timeRange(a)}) and “${b.title}” (${timeRange(b)})`;
	if (warning.kind === "speaker") {
		return `${names.speakers.get(warning.speakerId) ?? "A speaker"} is in two sessions at once on ${when}: ${both}.`;
	}
	const room = a.roomId === null || b.roomId === null ? "all rooms" : (names.rooms.get(a.roomId) ?? "one room");
	return `${both} overlap in ${room} on ${when}.`;
}

function SessionTable({
	edition,
	sessions,
	names,
}: {
	edition: EditionContext["edition"];
	sessions: ProgramSession[];
	names: ProgramNames;
}) {
	return (
		<div class="table-wrap">
			<table>
				<thead>
					<tr>
						<th scope="col">Time</th>
						<th scope="col">Session</th>
						<th scope="col">Kind</th>
						<th scope="col">Room</th>
						<th scope="col">Track</th>
						<th scope="col">Talks</th>
					</tr>
				</thead>
				<tbody>
					{sessions.map((session) => (
						<tr>
							<td>{timeRange(session)}</td>
							<td>
								<a href={sessionUrl(edition.id, session.id)}>{session.title}</a>
							</td>
							<td>{SESSION_KIND_LABELS[session.kind]}</td>
							<td>{roomOf(session, names)}</td>
							<td>{session.trackId ? (names.tracks.get(session.trackId) ?? "") : ""}</td>
							<td>{session.talks.length}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

export function ProgramPage(
	props: EditionContext & {
		sessions: ProgramSession[];
		names: ProgramNames;
		warnings: ProgramWarning[];
		canEdit: boolean;
		notice?: string;
		failed?: FailedForm;
	},
) {
	const { edition, sessions, names, warnings, canEdit } = props;
	const days = dayCount(edition.startDate, edition.endDate);
	const outside = sessions.filter((s) => s.day > days);
	return (
		<ConsoleLayout
			title={`Program · ${edition.name}`}
			user={props.user}
			breadcrumb={[...programCrumbs(props).slice(0, -1), { label: "Program" }]}
		>
			<h1>
				Program <span class="meta">of {edition.name}</span>
			</h1>
			<p class="lead">
				{formatDateRange(edition.startDate, edition.endDate)}; times are local to the venue ({edition.timeZone}).
			</p>
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			{warnings.length > 0 ? (
				<section aria-labelledby="warnings" class="error-summary">
					<h2 id="warnings">Warnings</h2>
					<p>These do not stop you from saving, but attendees would notice.</p>
					<ul>
						{warnings.map((warning) => (
							<li>{warningText(warning, edition.startDate, names)}</li>
						))}
					</ul>
				</section>
			) : null}
			{Array.from({ length: days }, (_, i) => {
				const daySessions = sessions.filter((s) => s.day === i + 1);
				return (
					<section aria-labelledby={`day-${i + 1}`}>
						<h2 id={`day-${i + 1}`}>{dayLabel(edition.startDate, i + 1)}</h2>
						{daySessions.length === 0 ? (
							<p>Nothing planned yet.</p>
						) : (
							<SessionTable edition={edition} sessions={daySessions} names={names} />
						)}
					</section>
				);
			})}
			{outside.length > 0 ? (
				<section aria-labelledby="outside">
					<h2 id="outside">After the edition's last day</h2>
					<p>The edition's dates changed; move these sessions to one of its days.</p>
					<SessionTable edition={edition} sessions={outside} names={names} />
				</section>
			) : null}
			{canEdit ? (
				<section aria-labelledby="add-session">
					<h2 id="add-session">Add a session</h2>
					<form method="post" action={programUrl(edition.id)}>
						<FormFields fields={sessionFields} failed={props.failed} choices={programChoices(edition, names)} />
						<button type="submit">Add session</button>
					</form>
				</section>
			) : null}
		</ConsoleLayout>
	);
}

function TalkTable(props: {
	edition: EditionContext["edition"];
	session: ProgramSession;
	names: ProgramNames;
	canEdit: boolean;
}) {
	const { edition, session, names, canEdit } = props;
	if (session.talks.length === 0) return <p>No talks yet.</p>;
	return (
		<>
			<div class="table-wrap">
				<table>
					<thead>
						<tr>
							<th scope="col">Order</th>
							<th scope="col">Title</th>
							<th scope="col">Minutes</th>
							<th scope="col">Speakers</th>
							{canEdit ? <ActionsHeader /> : null}
						</tr>
					</thead>
					<tbody>
						{session.talks.map((talk) => (
							<tr>
								<td>{talk.position}</td>
								<td>{talk.title}</td>
								<td>{talk.durationMinutes ?? ""}</td>
								<td>{peopleOf(talk.speakerIds, names)}</td>
								{canEdit ? (
									<td>
										<RowLink href={talkUrl(edition.id, session.id, talk.id)} name={talk.title} />
									</td>
								) : null}
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<p class="meta">
				The talks with a duration take {talkMinutes(session.talks)} of the session's {session.durationMinutes} minutes.
			</p>
		</>
	);
}

/** What a reader who may not edit sees of a session. */
function SessionFacts({
	edition,
	session,
	names,
}: {
	edition: EditionContext["edition"];
	session: ProgramSession;
	names: ProgramNames;
}) {
	return (
		<dl class="facts">
			<dt>Kind</dt>
			<dd>{SESSION_KIND_LABELS[session.kind]}</dd>
			<dt>When</dt>
			<dd>
				{dayLabel(edition.startDate, session.day)}, {timeRange(session)}
			</dd>
			<dt>Room</dt>
			<dd>{roomOf(session, names)}</dd>
			<dt>Track</dt>
			<dd>{session.trackId ? names.tracks.get(session.trackId) : "—"}</dd>
			{session.namedLectureId ? (
				<>
					<dt>Named lecture</dt>
					<dd>{names.lectures.get(session.namedLectureId)}</dd>
				</>
			) : null}
			<dt>Chairs</dt>
			<dd>{peopleOf(session.chairIds, names) || "—"}</dd>
			<dt>Description</dt>
			<dd>{session.description || "—"}</dd>
		</dl>
	);
}

export function SessionPage(
	props: EditionContext & {
		session: ProgramSession;
		names: ProgramNames;
		canEdit: boolean;
		notice?: string;
		failed?: FailedForm;
		/** The edition's placeholder values for the insert list, and the typed texts after "Preview". */
		placeholders?: { values: PlaceholderValues; preview?: readonly PreviewedText[] };
		/** The session's copied-text mark while nobody has reviewed it (only for those who may edit). */
		copied?: CopiedTextMark;
	},
) {
	const { edition, session, names, canEdit, placeholders } = props;
	const choices = programChoices(edition, names, session.day);
	const base = sessionUrl(edition.id, session.id);
	return (
		<ConsoleLayout
			title={`${session.title} · Program · ${edition.name}`}
			user={props.user}
			breadcrumb={[...programCrumbs(props), { label: session.title }]}
		>
			<h1>{session.title}</h1>
			<p class="lead">
				Session {session.seq}: {dayLabel(edition.startDate, session.day)}, {timeRange(session)},{" "}
				{roomOf(session, names)}
			</p>
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			<CopiedTextNotice editionId={edition.id} mark={props.copied} />
			{canEdit ? (
				<section aria-labelledby="edit-session">
					<h2 id="edit-session">Session</h2>
					{placeholders?.preview ? (
						<PlaceholderPreview texts={placeholders.preview} values={placeholders.values} />
					) : null}
					<form method="post" action={base}>
						<FormFields
							fields={sessionFields}
							data={sessionDataOf(session)}
							failed={failureOf(props.failed, "session")}
							choices={choices}
						/>
						{placeholders ? <PlaceholderList values={placeholders.values} /> : null}
						<button type="submit">Save session</button> <PreviewButton />
					</form>
				</section>
			) : (
				<SessionFacts edition={edition} session={session} names={names} />
			)}
			<section aria-labelledby="talks">
				<h2 id="talks">Talks</h2>
				<TalkTable edition={edition} session={session} names={names} canEdit={canEdit} />
			</section>
			{canEdit ? (
				<>
					<section aria-labelledby="add-talk">
						<h2 id="add-talk">Add a talk</h2>
						<form method="post" action={`${base}/talks`}>
							<FormFields
								fields={talkFields}
								failed={failureOf(props.failed, "talk")}
								choices={choices}
								prefix={TALK_FORM_PREFIX}
							/>
							<button type="submit">Add talk</button>
						</form>
					</section>
					<h2>Remove</h2>
					<p>Removing the session removes its talks too.</p>
					<ActionButton action={`${base}/delete`} label="Remove this session" danger />
				</>
			) : null}
		</ConsoleLayout>
	);
}

export function TalkPage(
	props: EditionContext & {
		session: ProgramSession;
		talk: ProgramTalk;
		names: ProgramNames;
		failed?: FailedForm;
	},
) {
	const { edition, session, talk, names } = props;
	const url = talkUrl(edition.id, session.id, talk.id);
	return (
		<ConsoleLayout
			title={`Edit talk: ${talk.title}`}
			user={props.user}
			breadcrumb={[
				...programCrumbs(props),
				{ label: session.title, href: sessionUrl(edition.id, session.id) },
				{ label: talk.title },
			]}
		>
			<h1>Edit talk: {talk.title}</h1>
			<p class="lead">
				In “{session.title}”, {dayLabel(edition.startDate, session.day)}, {timeRange(session)}
			</p>
			<form method="post" action={url}>
				<FormFields
					fields={talkFields}
					data={talkDataOf(talk)}
					failed={props.failed}
					choices={programChoices(edition, names)}
					prefix={TALK_FORM_PREFIX}
				/>
				<button type="submit">Save talk</button>
			</form>
			<h2>Remove</h2>
			<ActionButton action={`${url}/delete`} label="Remove this talk" danger />
		</ConsoleLayout>
	);
}
