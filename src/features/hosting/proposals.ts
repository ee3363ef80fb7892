/**
 * Hosting proposals: an institution offers to host the edition a call is for (the series'
 * stewards are mailed it, the proposer gets a receipt); the stewards accept one (which spins up
 * the edition tenant) and decline the others, each with its own note; every proposer hears the
 * decision by email.
 *
 * Each decision is one D1 batch whose later statements are conditioned on the first one having
 * happened (see ./insert-if.ts), so it happens whole or not at all, even when two stewards decide
 * at once or the proposer withdraws in the same moment: the emails say exactly what was written.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, asc, eq, exists, inArray, ne, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../../db/client";
import { insertIf } from "../../db/insert-if";
import {
	type Edition,
	editions,
	hostCalls,
	hostProposals,
	institutions,
	outbox,
	type ProposalStatus,
	type Series,
	series,
	seriesStewards,
	users,
} from "../../db/schema";
import { type Change, commit, commitAll, readTogether } from "../../db/write";
import { countryName } from "../../lib/countries";
import { dayCount, formatDateRange } from "../../lib/dates";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import type { MailMessage } from "../../lib/mailer";
import { editionUrl, proposalConsoleUrl } from "../../urls";
import { deadlineLabel, deadlinePassed, editionExists, type HostCall } from "./calls";
import {
	acceptedMail,
	declinedMail,
	newProposalMail,
	type ProposalSummary,
	type Proposer,
	proposalReceiptMail,
} from "./mails";
import { chairAdded, chairOf, editionDateProblems, editionName } from "./new-edition";
import type { ProposalInput } from "./schemas";

export type HostProposal = typeof hostProposals.$inferSelect;

/** A proposal with the names a person reads beside it. */
export interface ProposalListItem {
	proposal: HostProposal;
	institutionName: string;
	submittedByName: string;
	submittedByEmail: string;
}

/** A proposal with everything a decision about it needs. */
export interface ProposalContext extends ProposalListItem {
	call: HostCall;
	series: Series;
}

// Not for db.batch(): D1 batches return rows as objects, where the two `name` columns would collide.
const listItems = (db: Database) =>
	db
		.select({
			proposal: hostProposals,
			institutionName: institutions.name,
			submittedByName: users.name,
			submittedByEmail: users.email,
		})
		.from(hostProposals)
		.innerJoin(institutions, eq(institutions.id, hostProposals.institutionId))
		.innerJoin(users, eq(users.id, hostProposals.submittedBy));

/** Every proposal of a call, oldest first: what stewards compare side by side. */
export const listProposals = (db: Database, callId: string): Promise<ProposalListItem[]> =>
	listItems(db).where(eq(hostProposals.callId, callId)).orderBy(asc(hostProposals.createdAt), asc(hostProposals.id));

/** How many proposals each call of a series has, in all and still waiting for a decision. */
export async function proposalCounts(
	db: Database,
	seriesId: string,
): Promise<Map<string, { open: number; total: number }>> {
	const rows = await db
		.select({
			callId: hostProposals.callId,
			total: sql<number>`count(*)`,
			open: sql<number>`sum(${hostProposals.status} = 'submitted')`,
		})
		.from(hostProposals)
		.where(eq(hostProposals.seriesId, seriesId))
		.groupBy(hostProposals.callId);
	return new Map(rows.map((r) => [r.callId, { open: Number(r.open), total: Number(r.total) }]));
}

export async function findProposal(db: Database, id: string): Promise<ProposalContext | undefined> {
	const row = await db
		.select({
			proposal: hostProposals,
			institutionName: institutions.name,
			submittedByName: users.name,
			submittedByEmail: users.email,
			call: hostCalls,
			series,
		})
		.from(hostProposals)
		.innerJoin(institutions, eq(institutions.id, hostProposals.institutionId))
		.innerJoin(users, eq(users.id, hostProposals.submittedBy))
		.innerJoin(hostCalls, eq(hostCalls.id, hostProposals.callId))
		.innerJoin(series, eq(series.id, hostProposals.seriesId))
		.where(eq(hostProposals.id, id))
		.get();
	return row ?? undefined;
}

const proposerOf = (item: ProposalListItem): Proposer => ({
	email: item.submittedByEmail,
	name: item.submittedByName,
	institutionName: item.institutionName,
});

const STATUS_WORDING: Record<ProposalStatus, string> = {
	submitted: "still open",
	accepted: "accepted",
	declined: "declined",
	withdrawn: "withdrawn",
};

const notOpen = (status: ProposalStatus) =>
	new AppError(422, "proposal_decided", `This proposal is ${STATUS_WORDING[status]}: only an open one can change.`);

async function currentStatus(db: Database, id: string): Promise<ProposalStatus> {
	const row = await db
		.select({ status: hostProposals.status })
		.from(hostProposals)
		.where(eq(hostProposals.id, id))
		.get();
	return row?.status ?? "withdrawn";
}

const callClosed = () =>
	new AppError(422, "call_closed", "This call for hosts is closed: proposals are no longer taken.");

// ---------------------------------------------------------------------------------------------
// The proposer's side

/**
 * Submits a proposal for `institution` (authorize the proposer on it first). A closed call, a
 * passed deadline, or dates that do not fit the call's year are a 422; a second open proposal of
 * the same institution for the call is a 409 (withdraw the first to send another).
 */
export async function submitProposal(
	db: Database,
	input: {
		call: HostCall;
		series: Pick<Series, "id" | "name" | "shortName">;
		institution: { id: string; name: string };
		submittedBy: string;
		proposal: ProposalInput;
		/** The origin the mails link to. */
		baseUrl: string;
		now?: Date;
	},
): Promise<{ proposal: HostProposal; outboxIds: string[] }> {
	const { call, institution, proposal } = input;
	const now = input.now ?? new Date();
	if (call.status !== "open") throw callClosed();
	if (deadlinePassed(call, now)) {
		throw new AppError(422, "deadline_passed", `The deadline for proposals was ${deadlineLabel(call)}.`);
	}
	const problems = editionDateProblems(proposal, call.forYear, "the year of the call");
	if (Object.keys(problems).length > 0)
		throw new AppError(422, "invalid_dates", "The dates do not fit the call.", problems);

	const { institutionId: _, ...answers } = proposal;
	const callStillOpen = exists(
		db
			.select({ one: sql`1` })
			.from(hostCalls)
			.where(and(eq(hostCalls.id, call.id), eq(hostCalls.status, "open"))),
	);
	const alreadyProposed = exists(
		db
			.select({ one: sql`1` })
			.from(hostProposals)
			.where(
				and(
					eq(hostProposals.callId, call.id),
					eq(hostProposals.institutionId, institution.id),
					eq(hostProposals.status, "submitted"),
				),
			),
	);
	const row = {
		id: newId(),
		callId: call.id,
		seriesId: call.seriesId,
		institutionId: institution.id,
		submittedBy: input.submittedBy,
		...answers,
		status: "submitted" as const,
	};
	const submitted: Change = {
		action: "hosting.proposal.submitted",
		id: row.id,
		seriesId: call.seriesId,
		institutionId: institution.id,
		after: { callId: call.id, ...answers },
		of: 0,
	};
	const mails = await newProposalMails(db, input, row.id);
	const written = exists(db.select({ one: sql`1` }).from(hostProposals).where(eq(hostProposals.id, row.id)));
	const [[created], ...mailed] = (await commit(
		db,
		[submitted],
		[
			insertIf(db, hostProposals, row, sql`${callStillOpen} and not ${alreadyProposed}`).returning(),
			// Only if the proposal above was written: a refused one mails nobody.
			...mails.map((mail) => insertIf(db, outbox, { id: newId(), ...mail }, written).returning({ id: outbox.id })),
		],
	)) as [HostProposal[], ...{ id: string }[][]];
	if (created) return { proposal: created, outboxIds: mailed.flat().map((m) => m.id) };
	const stillOpen = await db
		.select({ status: hostCalls.status })
		.from(hostCalls)
		.where(eq(hostCalls.id, call.id))
		.get();
	if (stillOpen?.status !== "open") throw callClosed();
	throw new AppError(409, "already_proposed", `${institution.name} has already proposed to host this edition.`, {
		institutionId: `${institution.name} has an open proposal for this call: withdraw it first to send another.`,
	});
}

/**
 * The mails of a new proposal: one to every steward of the series (a decision waits for them) and
 * a receipt to the proposer, each listing what was proposed and linking to it in the console.
 */
async function newProposalMails(
	db: Database,
	input: Parameters<typeof submitProposal>[1],
	proposalId: string,
): Promise<MailMessage[]> {
	const { call, proposal } = input;
	const [stewards, proposers] = await readTogether(db, [
		db
			.select({ email: users.email, name: users.name })
			.from(seriesStewards)
			.innerJoin(users, eq(users.id, seriesStewards.userId))
			.where(eq(seriesStewards.seriesId, input.series.id))
			.orderBy(asc(users.email)),
		db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, input.submittedBy)),
	]);
	const proposer = proposers[0];
	const summary: ProposalSummary = {
		seriesName: input.series.name,
		editionName: editionName(input.series, call.forYear),
		institutionName: input.institution.name,
		proposerName: proposer?.name ?? "",
		where: `${proposal.city}, ${countryName(proposal.country)}`,
		venue: proposal.venue,
		dates: `${formatDateRange(proposal.startDate, proposal.endDate)} (${dayCount(proposal.startDate, proposal.endDate)} days)`,
		timeZone: proposal.timeZone,
		expectedParticipants: proposal.expectedParticipants,
		link: `${input.baseUrl}${proposalConsoleUrl(proposalId)}`,
	};
	return [
		...stewards.map((steward) => newProposalMail(steward, summary)),
		...(proposer ? [proposalReceiptMail(proposer, summary)] : []),
	];
}

/** The institution takes its open proposal back; a decided or withdrawn one is a 422. */
export async function withdrawProposal(
	db: Database,
	proposal: Pick<HostProposal, "id" | "seriesId" | "institutionId">,
): Promise<void> {
	const proposalId = proposal.id;
	const change: Change = {
		action: "hosting.proposal.withdrawn",
		id: proposalId,
		seriesId: proposal.seriesId,
		institutionId: proposal.institutionId,
		before: { status: "submitted" },
		after: { status: "withdrawn" },
		of: 0,
	};
	const [[withdrawn]] = await commit(
		db,
		[change],
		[
			db
				.update(hostProposals)
				.set({ status: "withdrawn" })
				.where(and(eq(hostProposals.id, proposalId), eq(hostProposals.status, "submitted")))
				.returning({ id: hostProposals.id }),
		],
	);
	if (!withdrawn) throw notOpen(await currentStatus(db, proposalId));
}

// ---------------------------------------------------------------------------------------------
// The stewards' side

/** SQL: the proposal was declined by the batch that decided at `now` (and not earlier). */
const declinedAt = (db: Database, proposalId: string, now: Date) =>
	exists(
		db
			.select({ one: sql`1` })
			.from(hostProposals)
			.where(
				and(eq(hostProposals.id, proposalId), eq(hostProposals.status, "declined"), eq(hostProposals.decidedAt, now)),
			),
	);

/** The entry of a proposal declined with the stewards' note. */
const declinedChange = (proposal: HostProposal, note: string): Change => ({
	action: "hosting.proposal.declined",
	id: proposal.id,
	seriesId: proposal.seriesId,
	institutionId: proposal.institutionId,
	before: { status: proposal.status },
	after: { status: "declined", decisionNote: note },
});

/** Declines one open proposal with the stewards' note and emails its proposer, in one batch. */
export async function declineProposal(
	db: Database,
	input: { context: ProposalContext; note: string; now?: Date },
): Promise<{ outboxIds: string[] }> {
	const { context, note } = input;
	const { proposal, call, series: s } = context;
	const now = input.now ?? new Date();
	if (proposal.status !== "submitted") throw notOpen(proposal.status);
	const mail = declinedMail(proposerOf(context), {
		seriesName: s.name,
		editionName: editionName(s, call.forYear),
		note,
		acceptedElsewhere: false,
	});
	const change = declinedChange(proposal, note);
	const [declined, mailed] = await commit(
		db,
		[{ ...change, of: 0 }],
		[
			db
				.update(hostProposals)
				.set({ status: "declined", decisionNote: note, decidedAt: now })
				.where(and(eq(hostProposals.id, proposal.id), eq(hostProposals.status, "submitted")))
				.returning({ id: hostProposals.id }),
			insertIf(db, outbox, { id: newId(), ...mail }, declinedAt(db, proposal.id, now)).returning({ id: outbox.id }),
		],
	);
	if (declined.length === 0) throw notOpen(await currentStatus(db, proposal.id));
	return { outboxIds: mailed.map((m) => m.id) };
}

/**
 * Accepts a proposal and spins up the edition tenant, all in one batch: the edition (a draft of
 * the call's year, with the proposal's dates, zone, city, country and venue, hosted by the
 * proposing institution), its proposer as chair, the proposal accepted with `note`, every other
 * open proposal of the call declined with `declineNote`, the call closed, and an email to every
 * proposer carrying the note meant for them.
 * A proposal that is no longer open is a 422; a year the series already has is a 409. Either way
 * nothing is written.
 */
export async function acceptProposal(
	db: Database,
	input: { context: ProposalContext; note: string; declineNote: string; baseUrl: string; now?: Date },
): Promise<{ edition: Edition; outboxIds: string[] }> {
	const { context, note, declineNote, baseUrl } = input;
	const { proposal, call, series: s } = context;
	const now = input.now ?? new Date();
	if (proposal.status !== "submitted") throw notOpen(proposal.status);
	const year = call.forYear;
	const name = editionName(s, year);
	const taken = () =>
		new AppError(409, "edition_exists", `${name} exists already.`, {
			_: `${name} exists already, so no proposal for it can be accepted.`,
		});
	const existing = await db
		.select({ id: editions.id })
		.from(editions)
		.where(and(eq(editions.seriesId, s.id), eq(editions.year, year)))
		.get();
	if (existing) throw taken();

	const others = await listItems(db).where(
		and(eq(hostProposals.callId, call.id), eq(hostProposals.status, "submitted"), ne(hostProposals.id, proposal.id)),
	);
	const editionId = newId();
	const decision = { seriesName: s.name, editionName: name };
	const editionCreated = exists(db.select({ one: sql`1` }).from(editions).where(eq(editions.id, editionId)));
	const proposalOpen = exists(
		db
			.select({ one: sql`1` })
			.from(hostProposals)
			.where(and(eq(hostProposals.id, proposal.id), eq(hostProposals.status, "submitted"))),
	);

	const createEdition = insertIf(
		db,
		editions,
		{
			id: editionId,
			seriesId: s.id,
			year,
			name,
			startDate: proposal.startDate,
			endDate: proposal.endDate,
			timeZone: proposal.timeZone,
			city: proposal.city,
			country: proposal.country,
			venueName: proposal.venue,
			hostName: context.institutionName,
			hostInstitutionId: proposal.institutionId,
			status: "draft",
		},
		sql`${proposalOpen} and not ${editionExists(db, s.id, year)}`,
	).returning();
	const mails: BatchItem<"sqlite">[] = [
		insertIf(
			db,
			outbox,
			{
				id: newId(),
				...acceptedMail(proposerOf(context), {
					...decision,
					note,
					city: proposal.city,
					consoleLink: `${baseUrl}/console/editions/${editionId}`,
					publicLink: `${baseUrl}${editionUrl(s, { year })}`,
				}),
			},
			editionCreated,
		).returning({ id: outbox.id }),
		...others.map((other) =>
			insertIf(
				db,
				outbox,
				{
					id: newId(),
					...declinedMail(proposerOf(other), { ...decision, note: declineNote, acceptedElsewhere: true }),
				},
				declinedAt(db, other.proposal.id, now),
			).returning({ id: outbox.id }),
		),
	];
	// Every other open proposal is declined by id, so the emails below match the rows exactly; in
	// chunks, to stay under D1's 100 bound parameters per statement.
	const otherIds = others.map((o) => o.proposal.id);
	const declines = Array.from({ length: Math.ceil(otherIds.length / 80) }, (_, i) =>
		db
			.update(hostProposals)
			.set({ status: "declined", decisionNote: declineNote, decidedAt: now })
			.where(
				and(
					inArray(hostProposals.id, otherIds.slice(i * 80, (i + 1) * 80)),
					eq(hostProposals.status, "submitted"),
					editionCreated,
				),
			),
	);
	const writes: BatchItem<"sqlite">[] = [
		chairOf(db, editionId, proposal.submittedBy),
		db
			.update(hostProposals)
			.set({ status: "accepted", editionId, decisionNote: note, decidedAt: now })
			.where(and(eq(hostProposals.id, proposal.id), editionCreated)),
		...declines,
		db
			.update(hostCalls)
			.set({ status: "closed" })
			.where(and(eq(hostCalls.id, call.id), editionCreated)),
	];
	// Each entry is written only if its statement changed a row, so a refused accept leaves none.
	const scope = { editionId, seriesId: s.id, institutionId: proposal.institutionId };
	const changes: Change[] = [
		{ action: "edition.edition.created", id: editionId, ...scope, after: { name, year, status: "draft" }, of: 0 },
		{ ...chairAdded(editionId, proposal.submittedBy), ...scope, of: 1 },
		{
			action: "hosting.proposal.accepted",
			id: proposal.id,
			...scope,
			before: { status: proposal.status },
			after: { status: "accepted", editionId, decisionNote: note },
			of: 2,
		},
		...others.map((other, i) => ({ ...declinedChange(other.proposal, declineNote), of: 3 + Math.floor(i / 80) })),
		{
			action: "hosting.call.updated",
			id: call.id,
			seriesId: s.id,
			before: { status: call.status },
			after: { status: "closed" },
			of: writes.length,
		},
	];
	const [created, ...rest] = await commitAll(db, changes, [createEdition, ...writes, ...mails]);
	const edition = (created as Edition[])[0];
	if (!edition) {
		const status = await currentStatus(db, proposal.id);
		throw status === "submitted" ? taken() : notOpen(status);
	}
	const mailed = rest.slice(writes.length) as { id: string }[][];
	return { edition, outboxIds: mailed.flat().map((m) => m.id) };
}
