import { eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { hashPassword } from "../../auth/passwords";
import { chunked, MAX_BOUND_PARAMETERS } from "../../db/batching";
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
	outbox,
	pages,
	registrationFields,
	registrationPolicies,
	registrations,
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
import { actAs, type Change, commitAll } from "../../db/write";
import { availabilityRecompute } from "../../domain/ticket-availability";
import * as ainm from "./ainm";
import * as handover from "./ainm-handover";
import * as organizing from "./ainm-organizing";
import { ainm2023Registrations } from "./ainm-registrations";
import * as site from "./ainm-site";
import * as libraryTemplates from "./ainm-templates";
import * as demo from "./demo-accounts";
import * as demoSeries from "./demo-series";

export interface SeedOptions {
	/** The day the demo series' editions are dated from (tests pass one); the moment of the run by default. */
	now?: Date;
}

/**
 * Loads the demo data: the AINM series and its 2023 edition with its program, pages, sponsors,
 * configuration and made-up registrations; the made-up demo series with its three editions dated
 * from `now`; and one demo account per role. Safe to run again (on any day): every row has a fixed
 * id and is upserted, so new seed data reaches an existing local database and nothing is
 * duplicated; the editions' content versions are bumped so no cache serves the old content. One
 * batch, so a failure leaves the database as it was.
 */
export async function seedDemo(db: Database, { now = new Date() }: SeedOptions = {}): Promise<void> {
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
	/**
	 * Many rows of one table in multi-row upserts under D1's bound-parameter limit (a registration
	 * is 21 values, so four a statement): hundreds of rows in tens of statements, not hundreds. A
	 * conflict updates the columns the rows give (a row's content version, say, is left alone).
	 */
	const upsertMany = <T extends SQLiteTable>(
		table: T,
		target: SQLiteColumn | SQLiteColumn[],
		rows: T["$inferInsert"][],
	) => {
		const columns = getTableColumns(table);
		const given = new Set(rows.flatMap((row) => Object.keys(row as object)));
		const set = Object.fromEntries(
			Object.entries(columns)
				.filter(([key]) => given.has(key))
				.map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
		);
		const perStatement = Math.floor(MAX_BOUND_PARAMETERS / Object.keys(columns).length);
		return chunked(rows, perStatement).map((chunk) =>
			db
				.insert(table)
				.values(chunk as never)
				.onConflictDoUpdate({ target, set: set as never }),
		);
	};
	const { editions: demoEditions } = demoSeries.demoEditions(now);
	const [, , nextDemo] = demoEditions as [demoSeries.DemoEdition, demoSeries.DemoEdition, demoSeries.DemoEdition];
	const demoRegistrations = demoSeries.demoRegistrations(nextDemo, now);

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
		// Earlier seeds invented priced tickets for AINM 2023: gone, with the handover links to them.
		db.delete(handoverNoteLinks).where(inArray(handoverNoteLinks.subjectId, site.RETIRED_AINM_2023_TICKET_IDS)),
		db.delete(ticketTypes).where(inArray(ticketTypes.id, site.RETIRED_AINM_2023_TICKET_IDS)),
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
		...upsert(outbox, outbox.id, organizing.ainm2023Mail),
		...upsertMany(registrations, registrations.id, ainm2023Registrations),
		...demoSeriesStatements(),
		// Last: the tickets' coarse state (what cached pages show) from the registrations just written.
		...demoEditions.flatMap((demoEdition) => availabilityRecompute(db, demoEdition.edition.id, now)),
	];
	actAs(db, { kind: "system", name: "seed" });
	await commitAll(db, [...seedChanges(), ...demoSeriesChanges(demoEditions, demoRegistrations.length)], statements);

	/** The demo series, after the accounts (its committee) and in the same batch as the rest. */
	function demoSeriesStatements(): BatchItem<"sqlite">[] {
		const each = <K extends ListOfEdition>(key: K) =>
			demoEditions.flatMap((e) => e[key] as unknown[]) as demoSeries.DemoEdition[K];
		return [
			...upsert(institutions, institutions.id, [demoSeries.demoInstitution]),
			...upsert(series, series.id, [demoSeries.demoSeries]),
			...upsert(namedLectures, namedLectures.id, demoSeries.demoNamedLectures),
			// The editions' years follow the seed day: negated first, so moving one edition into a year
			// another had on the last run never meets the one-edition-per-year index halfway.
			db
				.update(editions)
				.set({ year: sql`-abs(${editions.year})` })
				.where(eq(editions.seriesId, demoSeries.DEMO_SERIES_ID)),
			...upsert(
				editions,
				editions.id,
				demoEditions.map((e) => e.edition),
			),
			...upsertMany(tracks, tracks.id, each("tracks")),
			...upsertMany(rooms, rooms.id, each("rooms")),
			...upsertMany(speakers, speakers.id, each("speakers")),
			...upsertMany(sessions, sessions.id, each("sessions")),
			...upsertMany(talks, talks.id, each("talks")),
			...upsertMany(talkSpeakers, [talkSpeakers.talkId, talkSpeakers.speakerId], each("talkSpeakers")),
			...upsertMany(pages, pages.id, each("pages")),
			...upsertMany(editionPeople, editionPeople.id, each("people")),
			...upsert(sponsorTiers, sponsorTiers.id, each("sponsorTiers")),
			...upsertMany(sponsors, sponsors.id, each("sponsors")),
			...upsertMany(ticketTypes, ticketTypes.id, each("ticketTypes")),
			...upsertMany(registrationFields, registrationFields.id, each("registrationFields")),
			...upsert(
				registrationPolicies,
				registrationPolicies.editionId,
				demoEditions.map((e) => e.policy),
			),
			...upsertMany(surveyQuestions, surveyQuestions.id, each("surveyQuestions")),
			...upsert(
				abstractCalls,
				abstractCalls.editionId,
				demoEditions.map((e) => e.abstractCall),
			),
			...demoEditions.map((e) => bumpContentVersion(db, e.edition.id as string)),
			...upsert(
				institutionMembers,
				[institutionMembers.institutionId, institutionMembers.userId],
				[...demoSeries.demoInstitutionMembers],
			),
			...upsert(seriesStewards, [seriesStewards.seriesId, seriesStewards.userId], demoSeries.demoStewards),
			...upsert(editionMembers, [editionMembers.editionId, editionMembers.userId], each("committee")),
			...upsertMany(registrations, registrations.id, demoRegistrations),
		];
	}
}

/** The parts of a demo edition that are lists of rows. */
type ListOfEdition = {
	[K in keyof demoSeries.DemoEdition]: demoSeries.DemoEdition[K] extends unknown[] ? K : never;
}[keyof demoSeries.DemoEdition];

/**
 * The demo series' entries, as the system actor "seed": its institution, series, editions and
 * committee, and one entry per edition for its made-up registrations (not one per person: the log
 * would drown in them, and their names are nobody's).
 */
function demoSeriesChanges(demoEditions: demoSeries.DemoEdition[], demoRegistrationCount: number): Change[] {
	const institutionId = demoSeries.DEMO_INSTITUTION_ID;
	const seriesId = demoSeries.DEMO_SERIES_ID;
	const nextId = demoSeries.DEMO_EDITION_IDS.next;
	return [
		{
			action: "institution.institution.created",
			id: institutionId,
			institutionId,
			after: { slug: demoSeries.demoInstitution.slug, name: demoSeries.demoInstitution.name },
		},
		...demoSeries.demoInstitutionMembers.map(
			(member): Change => ({
				action: "institution.member.added",
				id: member.userId,
				institutionId,
				after: { role: member.role },
			}),
		),
		{
			action: "series.series.created",
			id: seriesId,
			seriesId,
			after: { slug: demoSeries.demoSeries.slug, name: demoSeries.demoSeries.name, isDemo: true },
		},
		...demoSeries.demoStewards.map((s): Change => ({ action: "series.steward.added", id: s.userId, seriesId })),
		...demoEditions.flatMap(({ edition, committee }): Change[] => {
			const scope = { editionId: edition.id as string, seriesId, institutionId };
			return [
				{
					action: "edition.edition.created",
					id: edition.id as string,
					...scope,
					after: { name: edition.name, year: edition.year, startDate: edition.startDate, status: edition.status },
				},
				...committee.map(
					(member): Change => ({
						action: "committee.member.added",
						id: member.userId,
						...scope,
						after: { role: member.role },
					}),
				),
			];
		}),
		{
			action: "seed.registrations.loaded",
			id: ainm.EDITION_ID,
			editionId: ainm.EDITION_ID,
			seriesId: ainm.ainmSeries.id,
			institutionId: demo.umcg.id ?? null,
			after: { registrations: ainm2023Registrations.length },
		},
		{
			action: "seed.registrations.loaded",
			id: nextId,
			editionId: nextId,
			seriesId,
			institutionId,
			after: { registrations: demoRegistrationCount },
		},
	];
}

const CHAIR = "seed-user-chair";

/**
 * What the seed records in the audit log, so the demo's log shows its changes: the accounts,
 * institution, series, edition and roles as the system actor "seed"; the edition's program and
 * pages as the AINM 2023 chair who would have written them; the call for hosts, the template and
 * the handover notes as the people the rows name. Every run appends them again (the log is
 * append-only and the seed a run like any other).
 */
function seedChanges(): Change[] {
	const edition = { editionId: ainm.EDITION_ID, seriesId: ainm.ainmSeries.id, institutionId: demo.umcg.id ?? null };
	const asChair = { ...edition, actorId: CHAIR };
	return [
		{ action: "seed.demo.loaded", id: ainm.EDITION_ID, ...edition, after: { edition: ainm.ainm2023.name } },
		...demo.demoAccounts.map(
			(account): Change => ({
				action: "account.user.created",
				id: account.id ?? "",
				after: { affiliation: account.affiliation },
				personal: { accountId: account.id ?? "", fields: { name: account.name, email: account.email } },
			}),
		),
		{
			action: "institution.institution.created",
			id: demo.umcg.id ?? "",
			institutionId: demo.umcg.id,
			after: { slug: demo.umcg.slug, name: demo.umcg.name },
		},
		...demo.umcgMembers.map(
			(member): Change => ({
				action: "institution.member.added",
				id: member.userId,
				institutionId: member.institutionId,
				after: { role: member.role },
			}),
		),
		{
			action: "series.series.created",
			id: ainm.ainmSeries.id ?? "",
			seriesId: ainm.ainmSeries.id,
			after: { slug: ainm.ainmSeries.slug, name: ainm.ainmSeries.name },
		},
		...demo.ainmStewards.map(
			(steward): Change => ({ action: "series.steward.added", id: steward.userId, seriesId: steward.seriesId }),
		),
		{
			action: "edition.edition.created",
			id: ainm.EDITION_ID,
			...edition,
			after: { name: ainm.ainm2023.name, year: ainm.ainm2023.year, status: ainm.ainm2023.status },
		},
		...demo.ainm2023Committee.map(
			(member): Change => ({
				action: "committee.member.added",
				id: member.userId,
				...edition,
				after: { role: member.role },
			}),
		),
		...ainm.ainm2023Sessions.map(
			(session): Change => ({
				action: "program.session.created",
				id: session.id ?? "",
				...asChair,
				after: { title: session.title, day: session.day, startTime: session.startTime },
			}),
		),
		...ainm.ainm2023Talks.map(
			(talk): Change => ({
				action: "program.talk.created",
				id: talk.id ?? "",
				...asChair,
				after: { title: talk.title },
			}),
		),
		...site.ainm2023Pages.map(
			(page): Change => ({
				action: "content.item.created",
				id: page.id ?? "",
				...asChair,
				after: { collection: "pages", title: page.title },
			}),
		),
		...site.ainm2023Sponsors.map(
			(sponsor): Change => ({
				action: "content.item.created",
				id: sponsor.id ?? "",
				...asChair,
				after: { collection: "sponsors", name: sponsor.name },
			}),
		),
		{ action: "edition.abstract-call.updated", id: ainm.EDITION_ID, ...asChair, after: { status: "closed" } },
		{
			action: "hosting.call.opened",
			id: ainm.ainmCallForHosts.id ?? "",
			seriesId: ainm.ainmSeries.id,
			actorId: ainm.ainmCallForHosts.createdBy ?? undefined,
			after: { forYear: ainm.ainmCallForHosts.forYear, deadline: ainm.ainmCallForHosts.deadline },
		},
		{
			action: "template.template.created",
			id: libraryTemplates.AINM_TEMPLATE_ID,
			...edition,
			actorId: libraryTemplates.ainmSymposiumTemplate.createdBy ?? CHAIR,
			after: { name: libraryTemplates.ainmSymposiumTemplate.name, version: 1 },
		},
		...handover.ainm2023HandoverNotes.map(
			(note): Change => ({
				action: "handover.note.created",
				id: note.id ?? "",
				...edition,
				actorId: note.authorId ?? CHAIR,
				after: { topic: note.topic, title: note.title },
			}),
		),
	];
}
