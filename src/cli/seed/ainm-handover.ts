/**
 * Demo data: the handover dossier the AINM 2023 committee leaves for the committees after it, so
 * a new user sees handover notes populated — notes by topic (most for later committees, one public,
 * one private draft), attached to the 2023 edition's tracks, rooms, ticket types, registration
 * questions, checklist tasks and abstract deadlines, and one question thread with an answer.
 * Facts come from shared/seed-facts.md; the advice around them is our own illustration, written by
 * the demo accounts, never put in a real person's mouth. No attachments: R2 is not seeded.
 * Ids and times are fixed so that seeding again updates these rows instead of adding copies.
 */
import type { handoverNoteLinks, handoverNotes, noteMessages, noteThreads } from "../../db/schema";
import { ainmSeries, EDITION_ID } from "./ainm";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

const CHAIR = "seed-user-chair";
const ORGANIZER = "seed-user-organizer";
/** Written in the weeks after the event (11 October 2023), as the checklist's last task asks. */
const writtenOn = (day: number) => new Date(Date.UTC(2023, 10, day, 10));

const noteId = (slug: string) => `seed-2023-note-${slug}`;

type NoteSeed = Pick<Row<typeof handoverNotes>, "topic" | "title" | "body" | "tags" | "visibility" | "authorId"> & {
	slug: string;
	day: number;
};

const NOTES: NoteSeed[] = [
	{
		slug: "rooms-for-two-tracks",
		topic: "venue_rooms",
		title: "Two equal rooms for the parallel tracks, next to the plenary hall",
		body: `AINM runs two parallel tracks — one for clinicians, one for physicists and technical specialists — between plenary sessions. At UMCG we used the plenary hall and two rooms of the same size (Room A and Room B) close to it.

- Book rooms of **equal** size: interest in the two tracks is close to even, and people switch between them.
- Keep the walk from the plenary hall to either room short: the changeovers are five minutes.
- Ask for a technician per room during the parallel sessions.`,
		tags: ["venue", "rooms", "tracks"],
		visibility: "future_committees",
		authorId: ORGANIZER,
		day: 6,
	},
	{
		slug: "foyer",
		topic: "venue_rooms",
		title: "The foyer is the poster area and the coffee space at once",
		body: `Posters and coffee in the same space worked: the breaks were when people read the posters. Plan boards for every accepted poster before you book the space, and keep the catering tables away from the boards.`,
		tags: ["venue", "posters"],
		visibility: "future_committees",
		authorId: ORGANIZER,
		day: 6,
	},
	{
		slug: "tracks-in-step",
		topic: "program_speakers",
		title: "Keep the clinical and the technical track in step",
		body: `Start and end the parallel sessions of both tracks at the same times, so that a clinician can hear a physics talk and come back. The joint panel discussion at the end brought both audiences into one room again and is worth keeping as the closing session.`,
		tags: ["program", "tracks", "panel"],
		visibility: "future_committees",
		authorId: CHAIR,
		day: 7,
	},
	{
		slug: "named-lectures",
		topic: "named_lectures",
		title: "Invite the Willem Vaalburg and Anne Paans lecturers more than a year ahead",
		body: `The two named lectures honour Willem Vaalburg and Anne Paans, Groningen founders of PET in the Netherlands. In 2023 Arturo Chiti gave the Willem Vaalburg lecture and Dimitris Visvikis the Anne Paans lecture.

Lecturers of this standing plan their year early: we sent the invitations about fourteen months before the event. Agree on the names in the committee first, then write one personal invitation from the chairs that explains the tradition.`,
		tags: ["named lectures", "speakers", "invitations"],
		visibility: "future_committees",
		authorId: CHAIR,
		day: 7,
	},
	{
		slug: "special-issue",
		topic: "abstracts_review",
		title: "Arrange the journal special issue before the call for abstracts opens",
		body: `Selected abstracts were published in the Frontiers in Nuclear Medicine special issue *Nuclear Medicine Advances Through Artificial Intelligence and Intelligent Informatics*. The call for abstracts was easier to promote once it could say so: settle the arrangement with the journal before the call opens, and put the special issue in the call's text.`,
		tags: ["abstracts", "journal", "special issue"],
		visibility: "future_committees",
		authorId: CHAIR,
		day: 8,
	},
	{
		slug: "review-and-decisions",
		topic: "abstracts_review",
		title: "Leave the reviewers a full month between the deadline and the decisions",
		body: `Every abstract had reviewers from both tracks' fields. Plan at least four weeks between the closing of the call and the decisions, and tell the reviewers the dates when you invite them. Authors of accepted abstracts need the decision well before registration closes.`,
		tags: ["abstracts", "review", "deadlines"],
		visibility: "future_committees",
		authorId: ORGANIZER,
		day: 8,
	},
	{
		slug: "student-places",
		topic: "registration_badges",
		title: "Student places go first: keep a waiting list from day one",
		body: `PhD students and residents are a large part of the audience, and places for them tend to go first. Decide in advance what happens then: a waiting list, more places once the room count is certain, or a poster presenter's place for students with an accepted abstract.`,
		tags: ["registration", "students", "tickets"],
		visibility: "future_committees",
		authorId: ORGANIZER,
		day: 9,
	},
	{
		slug: "dinner-question",
		topic: "registration_badges",
		title: "Ask about the conference dinner in the registration form",
		body: `A tick box for the dinner on day 2 gave the caterer a firm number weeks ahead. Ask for dietary requirements in the same form, and print them on a list for the caterer, not on the badges.`,
		tags: ["registration", "dinner", "catering"],
		visibility: "future_committees",
		authorId: ORGANIZER,
		day: 9,
	},
	{
		slug: "outreach",
		topic: "communication_outreach",
		title: "How around 250 participants from more than 20 countries heard of AINM",
		body: `Participants came from Europe, Asia, the Americas and the Middle East. What carried the announcements furthest: the channels of the affiliated society (EANM), the journal partner's special issue, and the speakers' and committee members' own networks. Announce the dates and the call for abstracts together, as early as you can.`,
		tags: ["outreach", "announcements", "international"],
		visibility: "future_committees",
		authorId: CHAIR,
		day: 10,
	},
	{
		slug: "society-and-industry",
		topic: "sponsors_industry",
		title: "Agree with EANM and the industry partners on what each one gets",
		body: `AINM is affiliated with the European Association of Nuclear Medicine. Settle early what the affiliation and each industry partner's participation include — announcements, a table in the foyer, a logo on the site — and write it down, so that the next committee inherits the same terms.`,
		tags: ["sponsors", "eanm", "industry"],
		visibility: "future_committees",
		authorId: CHAIR,
		day: 10,
	},
	{
		slug: "catering",
		topic: "catering_social",
		title: "Catering for about 250 people over three days",
		body: `For three days and about 250 participants: coffee breaks in the poster area, lunches on site, and a conference dinner on day 2 for those who registered for it. Confirm the final numbers with the caterer a month ahead, and the dinner count from the registration form.`,
		tags: ["catering", "dinner"],
		visibility: "public",
		authorId: ORGANIZER,
		day: 13,
	},
	{
		slug: "phd-volunteers",
		topic: "volunteers_staff",
		title: "PhD students at the registration desk and in the rooms",
		body: `PhD students of the host institution staffed the registration desk and looked after the rooms — microphones, timekeeping, the questions from the floor. Recruit them three months ahead, give each one a schedule, and let them attend the sessions they are not on duty in.`,
		tags: ["volunteers", "students", "staff"],
		visibility: "future_committees",
		authorId: ORGANIZER,
		day: 13,
	},
	{
		slug: "budget-lines",
		topic: "budget_finance",
		title: "Budget from the registrations, then add the partners",
		body: `Plan the budget from the registrations alone, and treat contributions from partners as the margin. The big lines are the venue, catering (the dinner above all) and the speakers' travel and stay. Keep students' costs low: they are a large part of the audience.`,
		tags: ["budget", "tickets"],
		visibility: "future_committees",
		authorId: CHAIR,
		day: 14,
	},
	{
		slug: "evaluation",
		topic: "lessons_learned",
		title: "Send the evaluation right after the event, and read it before you plan",
		body: `Participants filled in a written evaluation after the event, and rated the edition rewarding and successful. Send the survey within three days, while the sessions are fresh. The recurring topics — lesion detection and segmentation, data corrections, total-body PET, dosimetry and theranostics, harmonisation across scanners, federated learning, explainability, regulation, education — are a good start for the next program.`,
		tags: ["evaluation", "program"],
		visibility: "future_committees",
		authorId: CHAIR,
		day: 15,
	},
	{
		slug: "who-helped",
		topic: "contacts",
		title: "Who helped organize AINM 2023",
		body: `The organizing committee was advised by Michel Koole, Stefan Vandenberghe, Dimitris Visvikis and Habib Zaidi. Gerda Bakker, Tanja Uhlen and Joyce Wieringa supported the organization, together with PhD students of UMCG. Ask the stewards for an introduction rather than writing to them out of the blue.`,
		tags: ["contacts", "committee"],
		visibility: "future_committees",
		authorId: CHAIR,
		day: 15,
	},
	{
		slug: "draft-differently",
		topic: "lessons_learned",
		title: "Draft: what we would do differently",
		body: `Notes from the committee's last meeting, to be sorted before we share them:

- announce the dates earlier
- more time for poster viewing
- a session for early-career researchers?`,
		tags: ["draft"],
		visibility: "private",
		authorId: CHAIR,
		day: 20,
	},
];

export const ainm2023HandoverNotes: Row<typeof handoverNotes>[] = NOTES.map(({ slug, day, ...note }) => ({
	...note,
	id: noteId(slug),
	seriesId: ainmSeries.id,
	editionId: EDITION_ID,
	source: "written",
	createdAt: writtenOn(day),
	updatedAt: writtenOn(day),
}));

/** Where the advice shows in the console: the rows of the 2023 edition (ids from ./ainm.ts and ./ainm-site.ts). */
const LINKS: [slug: string, kind: Row<typeof handoverNoteLinks>["subjectKind"], subjectId: string][] = [
	["rooms-for-two-tracks", "room", "seed-2023-room-plenary"],
	["rooms-for-two-tracks", "room", "seed-2023-room-a"],
	["rooms-for-two-tracks", "room", "seed-2023-room-b"],
	["rooms-for-two-tracks", "checklist_task", "seed-2023-task-2"],
	["foyer", "room", "seed-2023-room-foyer"],
	["tracks-in-step", "track", "seed-2023-track-clinical"],
	["tracks-in-step", "track", "seed-2023-track-technical"],
	["named-lectures", "checklist_task", "seed-2023-task-3"],
	["special-issue", "checklist_task", "seed-2023-task-4"],
	["special-issue", "deadline", "abstract_call.opens"],
	["review-and-decisions", "deadline", "abstract_call.closes"],
	["review-and-decisions", "deadline", "abstract_call.decisions"],
	["review-and-decisions", "checklist_task", "seed-2023-task-9"],
	["student-places", "ticket_type", "seed-2023-ticket-participant"],
	["dinner-question", "registration_field", "seed-2023-field-dinner"],
	["dinner-question", "registration_field", "seed-2023-field-dietary"],
	["outreach", "checklist_task", "seed-2023-task-7"],
	["catering", "checklist_task", "seed-2023-task-10"],
	["phd-volunteers", "checklist_task", "seed-2023-task-8"],
	["budget-lines", "ticket_type", "seed-2023-ticket-participant"],
	["evaluation", "checklist_task", "seed-2023-task-12"],
];

export const ainm2023HandoverNoteLinks: Row<typeof handoverNoteLinks>[] = LINKS.map(
	([slug, subjectKind, subjectId]) => ({
		noteId: noteId(slug),
		editionId: EDITION_ID,
		subjectKind,
		subjectId,
	}),
);

/** The series' steward asks about the student places; the note's author answers. */
export const ainm2023NoteThreads: Row<typeof noteThreads>[] = [
	{
		id: "seed-2023-thread-student-places",
		noteId: noteId("student-places"),
		seriesId: ainmSeries.id,
		askedBy: "seed-user-steward",
		createdAt: new Date(Date.UTC(2024, 0, 15, 9)),
	},
];

export const ainm2023NoteMessages: Row<typeof noteMessages>[] = [
	{
		id: "seed-2023-message-student-places-1",
		threadId: "seed-2023-thread-student-places",
		authorId: "seed-user-steward",
		body: "Did you keep a waiting list for the student places, and did the students on it get in after all?",
		createdAt: new Date(Date.UTC(2024, 0, 15, 9)),
	},
	{
		id: "seed-2023-message-student-places-2",
		threadId: "seed-2023-thread-student-places",
		authorId: ORGANIZER,
		body: "We kept one by email, which was a lot of work. Some got a place when others cancelled; the rest registered once more places were free. Next time open the waiting list in the registration form itself, and say on the site from the start that the student places are limited.",
		createdAt: new Date(Date.UTC(2024, 0, 16, 14)),
	},
];
