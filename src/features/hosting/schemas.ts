/**
 * Inputs and API shapes of calls for hosts, hosting proposals and directly created editions.
 * Inputs are declared once as fields (../content/fields.ts): the console forms, the JSON API, its
 * OpenAPI description and the messages share them. Output shapes derive from the drizzle schema.
 */
import { z } from "@hono/zod-openapi";
import { createSelectSchema } from "drizzle-zod";
import { pathId, SeriesSlugParam } from "../../api/params";
import { hostCalls, hostProposals } from "../../db/schema";
import {
	country,
	date,
	type FieldSpec,
	type FieldsData,
	int,
	markdown,
	objectOf,
	ref,
	text,
	textarea,
	timeZone,
} from "../../domain/fields";

const DEADLINE_HINT = "The last day to propose, anywhere on Earth.";

const deadlineField = date("deadline", "Deadline", { required: true, hint: DEADLINE_HINT });
const requirementsField = markdown("requirements", "What a proposal must contain", {
	max: 10_000,
	hint: "Shown on the series page, e.g. the venue's rooms, expected costs, the local team. Markdown is shown as text.",
});

export const CALL_FIELDS = [
	int("forYear", "Year of the edition", { required: true, min: 2000, max: 2200 }),
	deadlineField,
	requirementsField,
];

export const OpenCallSchema = objectOf(CALL_FIELDS).openapi("OpenHostCall");

export type CallInput = FieldsData<typeof CALL_FIELDS>;

/** What can change about an open call: its deadline and requirements, or closing it. */
export const CALL_EDIT_FIELDS = [deadlineField, requirementsField];

export const CallEditSchema = objectOf(CALL_EDIT_FIELDS);

export const PatchCallSchema = z
	.strictObject({
		status: z.literal("closed", { error: 'Only "closed" can be set: a closed call is not reopened.' }).optional(),
		deadline: deadlineField.schema.optional(),
		requirements: requirementsField.schema.optional(),
	})
	.refine((patch) => Object.keys(patch).length > 0, "Give at least one field to change.")
	.openapi("PatchHostCall");

export type CallPatch = z.infer<typeof PatchCallSchema>;

export const PROPOSAL_FIELDS = [
	ref("institutionId", "Proposing institution", "institutions", {
		required: true,
		hint: "An institution you own or administer.",
	}),
	text("city", "City", { required: true, max: 100 }),
	country("country", "Country", { required: true }),
	text("venue", "Venue", { max: 200, hint: "e.g. the university's conference centre; leave empty if still open." }),
	date("startDate", "First day", { required: true }),
	date("endDate", "Last day", { required: true }),
	timeZone("timeZone", "Time zone", { required: true }),
	int("expectedParticipants", "Expected participants", { min: 1, max: 100_000 }),
	textarea("team", "Local team", { max: 5000, hint: "Who would organize it, with their roles." }),
	textarea("motivation", "Motivation", { required: true, max: 10_000 }),
	textarea("budget", "Budget sketch", { max: 10_000, hint: "Main costs, expected fees and sponsors." }),
];

export const ProposalInputSchema = objectOf(PROPOSAL_FIELDS).openapi("HostProposalInput");

export type ProposalInput = FieldsData<typeof PROPOSAL_FIELDS>;

export const DECISION_FIELDS = {
	// Accepting and declining say different things, so they carry separate notes: one to the
	// accepted proposer, one to those whose open proposals the acceptance declines.
	accept: [
		textarea("note", "Note to the accepted proposer", { max: 5000, hint: "Sent with the acceptance." }),
		textarea("declineNote", "Note to the other proposers", {
			max: 5000,
			hint: "Sent to every other open proposal of the call, which accepting this one declines.",
		}),
	],
	decline: [textarea("note", "Note to the proposer", { required: true, max: 5000 })],
} satisfies Record<string, readonly FieldSpec[]>;

export const AcceptSchema = objectOf(DECISION_FIELDS.accept).openapi("AcceptHostProposal");
export const DeclineSchema = objectOf(DECISION_FIELDS.decline).openapi("DeclineHostProposal");

export const NEW_EDITION_FIELDS = [
	ref("hostInstitutionId", "Host institution", "institutions", {
		required: true,
		hint: "An institution you own or administer.",
	}),
	int("year", "Year", { required: true, min: 2000, max: 2200 }),
	date("startDate", "First day", { required: true }),
	date("endDate", "Last day", { required: true }),
	timeZone("timeZone", "Time zone", { required: true, hint: "Program times are local times in this zone." }),
	text("city", "City", { required: true, max: 100 }),
	country("country", "Country", { required: true }),
	text("venueName", "Venue", { max: 200 }),
];

export const NewEditionSchema = objectOf(NEW_EDITION_FIELDS).openapi("NewEdition");

export type NewEditionInput = FieldsData<typeof NEW_EDITION_FIELDS>;

// ---------------------------------------------------------------------------------------------
// API shapes

export const HostCallSchema = createSelectSchema(hostCalls)
	.omit({ createdAt: true })
	.extend({ createdAt: z.iso.datetime() })
	.openapi("HostCall");

export const HostProposalSchema = createSelectSchema(hostProposals)
	.omit({ createdAt: true, decidedAt: true })
	.extend({
		institutionName: z.string(),
		submittedByName: z.string(),
		createdAt: z.iso.datetime(),
		decidedAt: z.iso.datetime().nullable(),
	})
	.openapi("HostProposal");

export const CallParams = SeriesSlugParam.extend({ callId: pathId("callId") });
export const ProposalIdParam = z.object({ id: pathId("id") });
