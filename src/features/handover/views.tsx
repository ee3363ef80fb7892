/**
 * Console pages of handover notes: an edition's dossier (what earlier committees wrote for it),
 * an edition's own notes with the form to write one, a note with its attachments, links and
 * questions, the edit form, the series-wide search; and the small pieces other pages show: the
 * dossier entry of the edition's console home and the advice beside a thing a note is attached to.
 */
import type { Child } from "hono/jsx";
import type { Edition, NoteVisibility, Series, User } from "../../db/schema";
import { formValue } from "../../domain/fields";
import { markdown } from "../../lib/markdown";
import { attachmentUrl, editionHandoverUrl, editionNotesUrl, noteUrl, seriesHandoverUrl } from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import { ContentField, editionCrumbs } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { ActionButton, ErrorSummary, Field, Notice, Select, TextArea } from "../../views/forms";
import { type ListPage, Pager } from "../../views/pager";
import { ACCEPTED_EXTENSIONS, type Attachment } from "./attachments";
import type { Advice, NoteLink, Subject } from "./links";
import type { DossierItem, NoteContext, NoteListItem } from "./notes";
import { NOTE_FIELDS, SUBJECT_KIND_LABELS, TOPIC_LABELS } from "./schemas";
import type { SnippetPiece } from "./search";
import type { Thread } from "./threads";

type Viewer = Pick<User, "name" | "email">;

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const dayAndTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function When({ at, withTime = false }: { at: Date; withTime?: boolean }) {
	return <time datetime={at.toISOString()}>{(withTime ? dayAndTime : day).format(at)}</time>;
}

const sizeLabel = (bytes: number) =>
	bytes < 1024
		? `${bytes} B`
		: bytes < 1024 * 1024
			? `${Math.round(bytes / 1024)} kB`
			: `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Visibility in words, never by colour alone. */
function VisibilityBadge({ visibility }: { visibility: NoteVisibility }) {
	const text = { future_committees: "For later committees", public: "Public", private: "Private draft" }[visibility];
	return <span class={`badge badge-${visibility === "private" ? "draft" : "plain"}`}>{text}</span>;
}

function Tags({ tags }: { tags: readonly string[] }) {
	if (tags.length === 0) return null;
	return (
		<ul class="tag-list" aria-label="Tags">
			{tags.map((tag) => (
				<li>{tag}</li>
			))}
		</ul>
	);
}

/** Notes grouped by topic in the dossier's topic order (the items come sorted). */
function byTopic<T extends NoteListItem>(items: T[]): [string, T[]][] {
	const groups = new Map<string, T[]>();
	for (const item of items) groups.set(item.note.topic, [...(groups.get(item.note.topic) ?? []), item]);
	return [...groups.entries()];
}

function NoteLine({
	item,
	unread,
	showVisibility,
}: {
	item: NoteListItem;
	unread?: boolean;
	showVisibility?: boolean;
}) {
	return (
		<li>
			<a href={noteUrl(item.note.id)}>{item.note.title}</a>
			{unread ? (
				<>
					{" "}
					<strong class="badge badge-unread">Unread</strong>
				</>
			) : null}
			{showVisibility ? (
				<>
					{" "}
					<VisibilityBadge visibility={item.note.visibility} />
				</>
			) : null}
			<span class="meta">
				{" "}
				· {item.authorName ?? "a former member"} · <When at={item.note.updatedAt} />
				{item.note.tags.length > 0 ? ` · ${item.note.tags.join(", ")}` : ""}
			</span>
		</li>
	);
}

function SearchForm({ series, q = "" }: { series: Pick<Series, "slug" | "shortName">; q?: string }) {
	return (
		<search>
			<form method="get" action={seriesHandoverUrl(series.slug)}>
				<Field name="q" type="search" label={`Search every ${series.shortName} handover note`} value={q} />
				<button type="submit">Search</button>
			</form>
		</search>
	);
}

// ---------------------------------------------------------------------------------------------
// The dossier

/** The handover dossier on an edition's console: every earlier edition's notes, newest first. */
export function DossierPage(props: { edition: Edition; series: Series; user: Viewer; items: DossierItem[] }) {
	const { edition, series, items } = props;
	const unread = items.filter((i) => i.unread).length;
	const editions = new Map<string, DossierItem[]>();
	for (const item of items) editions.set(item.edition.id, [...(editions.get(item.edition.id) ?? []), item]);
	return (
		<ConsoleLayout
			title={`Handover dossier · ${edition.name}`}
			user={props.user}
			breadcrumb={editionCrumbs(props, { label: "Handover dossier" })}
		>
			<h1>
				Handover dossier <span class="meta">for {edition.name}</span>
			</h1>
			<p class="lead">
				What the committees of earlier {series.shortName} editions wrote for the ones after them, newest edition first.
				Opening a note marks it read; on its page you can ask its authors a question.
			</p>
			<p>
				{items.length} {items.length === 1 ? "note" : "notes"}
				{unread > 0 ? (
					<>
						{" "}
						· <strong>{unread} unread</strong>
					</>
				) : null}{" "}
				· <a href={editionNotesUrl(edition.id)}>{edition.name}'s own notes for the next committees</a>
			</p>
			<SearchForm series={series} />
			<p>
				<a href={seriesHandoverUrl(series.slug)}>Browse every {series.shortName} handover note</a> by topic and tag,
				this edition's own included.
			</p>
			{items.length === 0 ? (
				<p>No earlier edition of {series.shortName} has handover notes you can read yet.</p>
			) : (
				[...editions.values()].map((notes) => {
					const first = notes[0] as DossierItem;
					const headingId = `edition-${first.edition.id}`;
					return (
						<section aria-labelledby={headingId}>
							<h2 id={headingId}>{first.edition.name}</h2>
							{byTopic(notes).map(([topic, group]) => (
								<>
									<h3>{TOPIC_LABELS[topic as keyof typeof TOPIC_LABELS]}</h3>
									<ul class="note-list">
										{group.map((item) => (
											<NoteLine item={item} unread={item.unread} />
										))}
									</ul>
								</>
							))}
						</section>
					);
				})
			)}
		</ConsoleLayout>
	);
}

/** The dossier's line on the edition's console home, with its unread count. */
export function DossierEntry({
	edition,
	series,
	counts,
}: {
	edition: Pick<Edition, "id">;
	series: Pick<Series, "slug" | "shortName">;
	counts: { notes: number; unread: number };
}) {
	return (
		<li>
			<a href={editionHandoverUrl(edition.id)}>Handover dossier</a>: {counts.notes}{" "}
			{counts.notes === 1 ? "note" : "notes"} from earlier editions
			{counts.unread > 0 ? (
				<>
					, <strong>{counts.unread} unread</strong>
				</>
			) : null}{" "}
			· <a href={seriesHandoverUrl(series.slug)}>search every {series.shortName} handover note</a>
		</li>
	);
}

// ---------------------------------------------------------------------------------------------
// An edition's own notes

function NoteFields({ data, failed }: { data?: Record<string, unknown>; failed?: FailedForm }) {
	return (
		<>
			{NOTE_FIELDS.map((field) => (
				<ContentField
					field={field}
					value={
						failed
							? (failed.values[field.name] ?? "")
							: field.name === "tags"
								? ((data?.tags as string[] | undefined) ?? []).join(", ")
								: formValue(field, data?.[field.name])
					}
					error={failed?.fields[field.name]}
				/>
			))}
		</>
	);
}

/** An edition's own handover notes, by topic, and (for its chairs and organizers) the form to write one. */
export function EditionNotesPage(props: {
	edition: Edition;
	series: Series;
	user: Viewer;
	/** This page of the notes, by topic. */
	page: ListPage<NoteListItem>;
	canWrite: boolean;
	notice?: string;
	failed?: FailedForm;
}) {
	const { edition, page } = props;
	const items = page.items;
	return (
		<ConsoleLayout
			title={`Handover notes · ${edition.name}`}
			user={props.user}
			breadcrumb={editionCrumbs(
				props,
				{ label: "Handover dossier", href: editionHandoverUrl(edition.id) },
				{ label: "Our notes" },
			)}
		>
			<h1>
				Handover notes <span class="meta">of {edition.name}</span>
			</h1>
			<p class="lead">
				What {edition.name}'s committee passes on to the committees after it: what worked, what to avoid, whom to call.
			</p>
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			{items.length === 0 ? (
				<p>No notes yet.</p>
			) : (
				byTopic(items).map(([topic, group]) => (
					<>
						<h2>{TOPIC_LABELS[topic as keyof typeof TOPIC_LABELS]}</h2>
						<ul class="note-list">
							{group.map((item) => (
								<NoteLine item={item} showVisibility />
							))}
						</ul>
					</>
				))
			)}
			<Pager page={page} />
			{props.canWrite ? (
				<section aria-labelledby="write">
					<h2 id="write">Write a note</h2>
					<form method="post" action={editionNotesUrl(edition.id)}>
						<ErrorSummary fields={props.failed?.fields} />
						<NoteFields failed={props.failed} />
						<button type="submit">Save the note</button>
					</form>
				</section>
			) : null}
		</ConsoleLayout>
	);
}

// ---------------------------------------------------------------------------------------------
// One note

const noteCrumbs = ({ note, series }: Pick<NoteContext, "note" | "series">, last?: string) => [
	{ label: "Console", href: "/console" },
	{ label: `${series.shortName} handover`, href: seriesHandoverUrl(series.slug) },
	...(last ? [{ label: note.title, href: noteUrl(note.id) }, { label: last }] : [{ label: note.title }]),
];

const failureOf = (failed: FailedForm | undefined, form: string) => (failed?.form === form ? failed : undefined);

function MessageText({ body }: { body: string }) {
	return <p class="message-text">{body}</p>;
}

/** The reply form of one thread: its own ids, so several threads' forms can share the page. */
function ReplyForm({ noteId, thread, failed }: { noteId: string; thread: Thread; failed?: FailedForm }) {
	const id = `reply-${thread.id}`;
	const error = failed?.fields.body ?? failed?.fields._;
	return (
		<form method="post" action={`${noteUrl(noteId)}/questions/${thread.id}`}>
			<div class={error ? "field field-invalid" : "field"}>
				<label for={id}>Your answer</label>
				{error ? (
					<p class="field-error" id={`${id}-error`}>
						{error}
					</p>
				) : null}
				<textarea
					id={id}
					name="body"
					rows={4}
					required
					aria-invalid={error ? "true" : undefined}
					aria-describedby={error ? `${id}-error` : undefined}
				>
					{failed?.values.body ?? ""}
				</textarea>
			</div>
			<button type="submit">Send the answer</button>
		</form>
	);
}

export function NotePage(props: {
	context: NoteContext;
	user: Viewer;
	attachments: Attachment[];
	links: NoteLink[];
	subjects: Subject[];
	threads: Thread[];
	canUpdate: boolean;
	canDiscuss: boolean;
	notice?: string;
	failed?: FailedForm;
}) {
	const { context, canUpdate, canDiscuss, failed } = props;
	const { note, edition } = context;
	const upload = failureOf(failed, "upload");
	const link = failureOf(failed, "link");
	const question = failureOf(failed, "question");
	return (
		<ConsoleLayout title={note.title} user={props.user} breadcrumb={noteCrumbs(context)}>
			<h1>{note.title}</h1>
			<p class="meta">
				{edition.name} · {TOPIC_LABELS[note.topic]} · by {context.authorName ?? "a former member"} · updated{" "}
				<When at={note.updatedAt} /> <VisibilityBadge visibility={note.visibility} />
			</p>
			<Tags tags={note.tags} />
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			{canUpdate ? (
				<p>
					<a href={`${noteUrl(note.id)}/edit`}>Edit the note</a>
				</p>
			) : null}
			<div class="prose">{markdown(note.body, { topLevel: 2 })}</div>

			<section aria-labelledby="attachments">
				<h2 id="attachments">Attachments</h2>
				{props.attachments.length === 0 ? (
					<p>None.</p>
				) : (
					<ul>
						{props.attachments.map((a) => (
							<li>
								<a href={attachmentUrl(a)} download>
									{a.filename}
								</a>{" "}
								<span class="meta">({sizeLabel(a.sizeBytes)})</span>{" "}
								{canUpdate ? (
									<ActionButton action={`${attachmentUrl(a)}/delete`} label={`Remove ${a.filename}`} danger />
								) : null}
							</li>
						))}
					</ul>
				)}
				{canUpdate ? (
					<form method="post" action={`${noteUrl(note.id)}/attachments`} enctype="multipart/form-data">
						<ErrorSummary fields={upload?.fields} />
						<div class={upload ? "field field-invalid" : "field"}>
							<label for="field-file">Attach a file</label>
							<p class="hint" id="field-file-hint">
								At most 10 MB: {ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(", ")}. Readers download it; it never opens
								in Baton.
							</p>
							{upload ? (
								<p class="field-error" id="field-file-error">
									{upload.fields.file ?? upload.fields._}
								</p>
							) : null}
							<input
								id="field-file"
								type="file"
								name="file"
								required
								accept={ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(",")}
								aria-describedby={upload ? "field-file-hint field-file-error" : "field-file-hint"}
								aria-invalid={upload ? "true" : undefined}
							/>
						</div>
						<button type="submit">Upload</button>
					</form>
				) : null}
			</section>

			<section aria-labelledby="links">
				<h2 id="links">Attached to</h2>
				<p class="hint">Where the note shows as advice, in {edition.name} and in the editions copied from it.</p>
				{props.links.length === 0 ? (
					<p>Nothing yet.</p>
				) : (
					<ul>
						{props.links.map((l) => (
							<li>
								{l.editionName} · {SUBJECT_KIND_LABELS[l.subjectKind]}: {l.label}{" "}
								{canUpdate && l.editionId === edition.id ? (
									<ActionButton
										action={`${noteUrl(note.id)}/links/remove`}
										hidden={{ subject: `${l.subjectKind}:${l.subjectId}` }}
										label={`Detach from ${l.label}`}
									/>
								) : null}
							</li>
						))}
					</ul>
				)}
				{canUpdate && props.subjects.length > 0 ? (
					<form method="post" action={`${noteUrl(note.id)}/links`}>
						<ErrorSummary fields={link?.fields} />
						<SubjectSelect
							subjects={props.subjects}
							error={link?.fields.subject ?? link?.fields.subjectKind ?? link?.fields.subjectId}
						/>
						<button type="submit">Attach</button>
					</form>
				) : null}
			</section>

			{canDiscuss ? (
				<section aria-labelledby="questions">
					<h2 id="questions">Questions</h2>
					{props.threads.length === 0 ? <p>No questions yet.</p> : null}
					{props.threads.map((thread) => (
						<article class="thread" id={`thread-${thread.id}`} aria-labelledby={`thread-${thread.id}-title`}>
							<h3 id={`thread-${thread.id}-title`}>
								Question from {thread.askedByName ?? "a former member"}{" "}
								<span class="meta">
									<When at={thread.createdAt} withTime />
								</span>
							</h3>
							<ol class="messages">
								{thread.messages.map((m) => (
									<li>
										<p class="meta">
											{m.authorName ?? "A former member"} · <When at={m.createdAt} withTime />
										</p>
										<MessageText body={m.body} />
									</li>
								))}
							</ol>
							<ReplyForm noteId={note.id} thread={thread} failed={failureOf(failed, `reply-${thread.id}`)} />
						</article>
					))}
					<form method="post" action={`${noteUrl(note.id)}/questions`}>
						<ErrorSummary fields={question?.fields} />
						<TextArea
							name="body"
							label="Ask a question"
							rows={4}
							required
							value={question?.values.body}
							error={question?.fields.body}
							hint={`Emailed to the note's author and the chairs of ${edition.name}; their answers are emailed to you.`}
						/>
						<button type="submit">Send the question</button>
					</form>
				</section>
			) : null}
		</ConsoleLayout>
	);
}

/** One select of every thing of the edition, grouped by kind: posted as `kind:id`. */
function SubjectSelect({ subjects, error }: { subjects: Subject[]; error?: string }) {
	const kinds = [...new Set(subjects.map((s) => s.kind))];
	return (
		<div class={error ? "field field-invalid" : "field"}>
			<label for="field-subject">Attach the note to</label>
			{error ? (
				<p class="field-error" id="field-subject-error">
					{error}
				</p>
			) : null}
			<select
				id="field-subject"
				name="subject"
				required
				aria-invalid={error ? "true" : undefined}
				aria-describedby={error ? "field-subject-error" : undefined}
			>
				{kinds.map((kind) => (
					<optgroup label={SUBJECT_KIND_LABELS[kind]}>
						{subjects
							.filter((s) => s.kind === kind)
							.map((s) => (
								<option value={`${s.kind}:${s.id}`}>{s.label}</option>
							))}
					</optgroup>
				))}
			</select>
		</div>
	);
}

/** The edit form of a note, and its removal. */
export function NoteEditPage(props: { context: NoteContext; user: Viewer; failed?: FailedForm }) {
	const { context } = props;
	const { note } = context;
	return (
		<ConsoleLayout title={`Edit: ${note.title}`} user={props.user} breadcrumb={noteCrumbs(context, "Edit")}>
			<h1>Edit the note</h1>
			<form method="post" action={`${noteUrl(note.id)}/edit`}>
				<ErrorSummary fields={props.failed?.fields} />
				<NoteFields data={note} failed={props.failed} />
				<button type="submit">Save</button>
			</form>
			<h2>Remove</h2>
			<p>Removes the note with its attachments, links and questions.</p>
			<ActionButton action={`${noteUrl(note.id)}/delete`} label="Remove this note" danger />
		</ConsoleLayout>
	);
}

// ---------------------------------------------------------------------------------------------
// Search

function Snippet({ pieces }: { pieces: SnippetPiece[] }) {
	return <p class="snippet">{pieces.map((p) => (p.match ? <mark>{p.text}</mark> : p.text))}</p>;
}

export function SearchPage(props: {
	series: Series;
	user: Viewer;
	q: string;
	topic: string;
	tag: string;
	results: (NoteListItem & { snippet?: SnippetPiece[] })[];
	searched: boolean;
	failed?: Record<string, string>;
}) {
	const { series, results } = props;
	const title = `${series.shortName} handover notes`;
	const topicOptions = [
		{ value: "", label: "Any topic" },
		...Object.entries(TOPIC_LABELS).map(([value, label]) => ({ value, label })),
	];
	return (
		<ConsoleLayout
			title={title}
			user={props.user}
			breadcrumb={[{ label: "Console", href: "/console" }, { label: title }]}
		>
			<h1>{title}</h1>
			<p class="lead">
				Every handover note of {series.name} you may read, from all its editions. Every word you type must appear; end a
				word with * to match its beginning.
			</p>
			<search>
				<form method="get" action={seriesHandoverUrl(series.slug)}>
					<ErrorSummary fields={props.failed} />
					<Field name="q" type="search" label="Words" value={props.q} error={props.failed?.q} />
					<Select name="topic" label="Topic" options={topicOptions} value={props.topic} error={props.failed?.topic} />
					<Field name="tag" label="Tag" value={props.tag} error={props.failed?.tag} />
					<button type="submit">Search</button>
				</form>
			</search>
			<h2>{props.searched ? `${results.length} ${results.length === 1 ? "match" : "matches"}` : "Latest notes"}</h2>
			{results.length === 0 ? (
				<p>{props.searched ? "No note you may read matches." : "No notes you may read yet."}</p>
			) : (
				<ol class="search-results">
					{results.map((r) => (
						<li>
							<a href={noteUrl(r.note.id)}>{r.note.title}</a>{" "}
							<span class="meta">
								{r.edition.name} · {TOPIC_LABELS[r.note.topic]}
								{r.note.tags.length > 0 ? ` · ${r.note.tags.join(", ")}` : ""}
							</span>
							{r.snippet ? <Snippet pieces={r.snippet} /> : null}
						</li>
					))}
				</ol>
			)}
		</ConsoleLayout>
	);
}

// ---------------------------------------------------------------------------------------------
// Advice beside the things notes are attached to

/** The notes attached to a thing, on its edit page ("2023: the student ticket sold out in a week"). */
export function NoteAdvice({ notes }: { notes: readonly Advice[] }): Child {
	if (notes.length === 0) return null;
	return (
		<aside class="note-advice" aria-labelledby="note-advice">
			<h2 id="note-advice">From the handover notes</h2>
			<AdviceList notes={notes} />
		</aside>
	);
}

/** The same advice as a compact list, e.g. in a table cell of the checklist timeline. */
export function AdviceList({ notes }: { notes: readonly Advice[] }): Child {
	if (notes.length === 0) return null;
	return (
		<ul class="advice-list">
			{notes.map((n) => (
				<li>
					{n.editionYear}: <a href={noteUrl(n.noteId)}>{n.title}</a>
				</li>
			))}
		</ul>
	);
}
