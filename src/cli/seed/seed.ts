import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { hashPassword } from "../../auth/passwords";
import type { Database } from "../../db/client";
import { bumpContentVersion } from "../../db/content-version";
import {
	abstractCalls,
	checklistTasks,
	editionMembers,
	editionPeople,
	editions,
	emailTexts,
	handoverNoteLinks,
	handoverNotes,
	hostCalls,
	institutionMembers,
	institutions,
	namedLectures,
	noteMessages,
	noteThreads,
	organizerReminders,
	pages,
	registrationFields,
	reviewCriteria,
	rooms,
	series,
	seriesStewards,
	sessionChairs,
	sessions,
	speakers,
	sponsors,
	sponsorTiers,
	surveyQuestions,
	talkSpeakers,
	talks,
	templates,
	templateVersions,
	ticketTypes,
	tracks,
	users,
} from "../../db/schema";
import * as ainm from "./ainm";
import * as handover from "./ainm-handover";
import * as organizing from "./ainm-organizing";
import * as site from "./ainm-site";
import * as libraryTemplates from "./ainm-templates";
import * as demo from "./demo-accounts";

/**
 * Loads the demo data: the AINM series and its 2023 edition with its program, pages, sponsors and
 * configuration, and one demo account per role. Safe to run again: every row has a fixed id and is
 * upserted, so new seed data reaches an existing local database and nothing is duplicated; the
 * edition's content version is bumped so no cache serves the old content. One batch, so a failure
 * leaves the database as it was.
 */
export async function seedDemo(db: Database): Promise<void> {
	// scrypt costs tens of milliseconds (and the tests seed once per file): hash the shared demo
	// password once and give every account the same string.
	const passwordHash = await hashPassword(demo.DEMO_PASSWORD);
	const upsert = <T extends SQLiteTable>(table: T, target: SQLiteColumn | SQLiteColumn[], rows: T["$inferInsert"][]) =>
		rows.map((row) =>
			db
				.insert(table)
				.values(row)
				.onConflictDoUpdate({ target, set: row as never }),
		);

	const statements: BatchItem<"sqlite">[] = [
		...upsert(series, series.id, [ainm.ainmSeries]),
		...upsert(namedLectures, namedLectures.id, ainm.ainmNamedLectures),
		...upsert(editions, editions.id, [{ ...ainm.ainm2023, debriefSentAt: organizing.AINM_2023_DEBRIEF_SENT_AT }]),
		...upsert(tracks, tracks.id, ainm.ainm2023Tracks),
		...upsert(rooms, rooms.id, ainm.ainm2023Rooms),
		...upsert(speakers, speakers.id, ainm.ainm2023Speakers),
		...upsert(sessions, sessions.id, ainm.ainm2023Sessions),
		...upsert(talks, talks.id, ainm.ainm2023Talks),
		...upsert(talkSpeakers, [talkSpeakers.talkId, talkSpeakers.speakerId], ainm.ainm2023TalkSpeakers),
		...upsert(sessionChairs, [sessionChairs.sessionId, sessionChairs.speakerId], ainm.ainm2023SessionChairs),
		...upsert(pages, pages.id, site.ainm2023Pages),
		...upsert(editionPeople, editionPeople.id, site.ainm2023People),
		...upsert(sponsorTiers, sponsorTiers.id, site.ainm2023SponsorTiers),
		...upsert(sponsors, sponsors.id, site.ainm2023Sponsors),
		...upsert(ticketTypes, ticketTypes.id, site.ainm2023TicketTypes),
		...upsert(registrationFields, registrationFields.id, site.ainm2023RegistrationFields),
		...upsert(abstractCalls, abstractCalls.editionId, [site.ainm2023AbstractCall]),
		...upsert(reviewCriteria, reviewCriteria.id, site.ainm2023ReviewCriteria),
		...upsert(surveyQuestions, surveyQuestions.id, site.ainm2023SurveyQuestions),
		...upsert(checklistTasks, checklistTasks.id, [
			...site.ainm2023Checklist,
			...organizing.ainm2023SkippedChecklistTasks,
		]),
		...upsert(organizerReminders, organizerReminders.id, organizing.ainm2023OrganizerReminders),
		...upsert(emailTexts, emailTexts.id, libraryTemplates.ainm2023EmailTexts),
		bumpContentVersion(db, ainm.EDITION_ID),
		...upsert(
			users,
			users.id,
			demo.demoAccounts.map((account) => ({ ...account, passwordHash })),
		),
		...upsert(institutions, institutions.id, [demo.umcg]),
		...upsert(institutionMembers, [institutionMembers.institutionId, institutionMembers.userId], demo.umcgMembers),
		...upsert(seriesStewards, [seriesStewards.seriesId, seriesStewards.userId], demo.ainmStewards),
		...upsert(editionMembers, [editionMembers.editionId, editionMembers.userId], demo.ainm2023Committee),
		// After the users: the call records the steward who opened it.
		...upsert(hostCalls, hostCalls.id, [ainm.ainmCallForHosts]),
		// After the users and institutions: the template names its publisher.
		...upsert(templates, templates.id, [libraryTemplates.ainmSymposiumTemplate]),
		...upsert(templateVersions, templateVersions.id, [libraryTemplates.ainmSymposiumTemplateV1]),
		// After the users too: notes and their threads name their authors.
		...upsert(handoverNotes, handoverNotes.id, handover.ainm2023HandoverNotes),
		...upsert(
			handoverNoteLinks,
			[
				handoverNoteLinks.noteId,
				handoverNoteLinks.editionId,
				handoverNoteLinks.subjectKind,
				handoverNoteLinks.subjectId,
			],
			handover.ainm2023HandoverNoteLinks,
		),
		...upsert(noteThreads, noteThreads.id, handover.ainm2023NoteThreads),
		...upsert(noteMessages, noteMessages.id, handover.ainm2023NoteMessages),
	];
	await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
}
