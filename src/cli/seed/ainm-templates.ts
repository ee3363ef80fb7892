/**
 * Demo data for the templates library: the email texts of AINM 2023 (with placeholders, so the
 * next edition's clone fills in its own name, city and dates), and the template "AINM symposium"
 * that the 2023 committee published to the AINM series library: version 1, from AINM 2023.
 *
 * The template's document is built here from the very seed rows of AINM 2023 (a seed is plain
 * rows: no database to read it from), in the shape and order the templates feature reads an
 * edition in, so it is what publishing those parts of the seeded edition gives; a test checks
 * both that it validates and that it equals a fresh read of the seeded edition.
 * Ids are fixed so that seeding again updates these rows instead of adding copies.
 */

import type { emailTexts, templates, templateVersions } from "../../db/schema";
import type { EditionParts } from "../../features/cloning/edition-parts";
import type { TemplateDocument } from "../../features/templates/document";
import { ainm2023Rooms, ainm2023Sessions, ainm2023Tracks, ainmNamedLectures, EDITION_ID } from "./ainm";
import { ainm2023SkippedChecklistTasks } from "./ainm-organizing";
import {
	ainm2023AbstractCall,
	ainm2023Checklist,
	ainm2023RegistrationFields,
	ainm2023ReviewCriteria,
	ainm2023SponsorTiers,
	ainm2023SurveyQuestions,
	ainm2023TicketTypes,
} from "./ainm-site";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

const SIGNATURE = "The organizing committee of {{edition.name}}";

/** AINM 2023's emails (table email_texts). */
export const ainm2023EmailTexts: Row<typeof emailTexts>[] = [
	{
		key: "registration-confirmation",
		subject: "Your registration for {{edition.name}} is confirmed",
		body: `Dear participant,

thank you for registering for {{edition.name}}, the symposium on Artificial Intelligence and Informatics in Nuclear Medicine, on {{edition.dates}} in {{edition.city}}.

Your registration is confirmed. Please collect your badge at the registration desk of {{host.name}}, which opens at 08:00 on the first day. The program, the venue and travel information are on the symposium's site.

If your plans change, please let us know, so that we can offer your place to someone on the waiting list.

${SIGNATURE}`,
	},
	{
		key: "abstract-received",
		subject: "We received your abstract for {{edition.name}}",
		body: `Dear author,

thank you for submitting an abstract to {{edition.name}}.

Your abstract is now with the review committee. Each abstract is scored on originality, scientific quality, relevance to AI in nuclear medicine and clarity. We will email you our decision once the reviews are complete.

You can change your submission until the call for abstracts closes.

${SIGNATURE}`,
	},
	{
		key: "abstract-accepted",
		subject: "Your abstract has been accepted for {{edition.name}}",
		body: `Dear author,

we are pleased to tell you that the review committee has accepted your abstract for presentation at {{edition.name}}, {{edition.dates}} in {{edition.city}}.

Your presentation type (oral or poster) and your session are shown with your submission. At least one author needs to register for the symposium; the early-bird rate applies until the date on the registration page.

Selected abstracts will be invited to the special issue of Frontiers in Nuclear Medicine, "Nuclear Medicine Advances Through Artificial Intelligence and Intelligent Informatics". We will contact the authors after the symposium.

${SIGNATURE}`,
	},
	{
		key: "abstract-rejected",
		subject: "Your abstract for {{edition.name}}",
		body: `Dear author,

thank you for submitting your abstract to {{edition.name}}.

We received many more abstracts than the program can hold, and we regret that the review committee could not accept yours for presentation. The reviewers' comments are shown with your submission; we hope you find them useful.

We would be glad to welcome you in {{edition.city}} all the same: registration is open on the symposium's site.

${SIGNATURE}`,
	},
	{
		key: "call-for-abstracts-open",
		subject: "Call for abstracts: {{edition.name}}, {{edition.dates}}, {{edition.city}}",
		body: `The call for abstracts of {{edition.name}} is open.

{{host.name}} welcomes you to {{edition.city}} on {{edition.dates}} for three days on artificial intelligence and informatics in nuclear medicine: plenary lectures, the Willem Vaalburg and Anne Paans lectures, two parallel tracks (one for clinicians, one for physicists and technical specialists), poster sessions and a joint panel discussion.

We invite abstracts of up to 300 words, for oral or poster presentation, on topics such as lesion detection and segmentation, data corrections, total-body PET, dosimetry and theranostics, standardization, federated learning, explainability, regulation, and education. Selected abstracts are published in a special issue of Frontiers in Nuclear Medicine.

The topics, the deadline and the submission form are on the symposium's site. The symposium is affiliated with the European Association of Nuclear Medicine (EANM).`,
	},
	{
		key: "evaluation-invitation",
		subject: "How was {{edition.name}}? Five minutes for the next edition",
		body: `Dear participant,

thank you for coming to {{edition.name}} in {{edition.city}}.

Would you tell us how it went? The evaluation survey takes about five minutes. Your answers are anonymous, and they go straight to the committee that organizes the next edition of AINM.

Thank you, and we hope to see you at the next edition.

${SIGNATURE}`,
	},
].map((text, i) => ({ ...text, id: `seed-2023-email-${text.key}`, editionId: EDITION_ID, position: i + 1 }));

// ---------------------------------------------------------------------------------------------
// The template "AINM symposium", version 1

const lectureSlugs = new Map(ainmNamedLectures.map((l) => [l.id, l.slug]));
const roomNames = new Map(ainm2023Rooms.map((r) => [r.id, r.name]));
const trackNames = new Map(ainm2023Tracks.map((t) => [t.id, t.name]));
const byPosition = (a: { position?: number }, b: { position?: number }) => (a.position ?? 0) - (b.position ?? 0);
const ref = (names: Map<string, string>, id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);

/** Parts of AINM 2023 as the templates feature reads them: no ids, references by name and slug. */
const parts: EditionParts = {
	rooms_tracks: {
		tracks: [...ainm2023Tracks].sort(byPosition).map((t) => ({
			name: t.name,
			audience: t.audience ?? "",
			color: t.color ?? "#1f5f8b",
			position: t.position ?? 0,
		})),
		rooms: [...ainm2023Rooms]
			.sort(byPosition)
			.map((r) => ({ name: r.name, capacity: r.capacity ?? null, position: r.position ?? 0 })),
	},
	program: [...ainm2023Sessions]
		.sort((a, b) => a.day - b.day || a.startTime.localeCompare(b.startTime) || a.seq - b.seq)
		.map((s) => ({
			seq: s.seq,
			kind: s.kind,
			title: s.title,
			description: s.description ?? "",
			day: s.day,
			startTime: s.startTime,
			durationMinutes: s.durationMinutes,
			room: ref(roomNames, s.roomId),
			track: ref(trackNames, s.trackId),
			namedLecture: ref(lectureSlugs, s.namedLectureId),
		})),
	registration: {
		fields: ainm2023RegistrationFields.map((f) => ({
			label: f.label,
			kind: f.kind,
			required: f.required ?? false,
			options: f.options ?? [],
			position: f.position ?? 0,
		})),
		ticketTypes: ainm2023TicketTypes.map(({ id: _, editionId: __, ...t }) => ({
			name: t.name,
			priceCents: t.priceCents ?? 0,
			currency: t.currency ?? "EUR",
			includes: t.includes ?? "",
			salesOpenOffsetDays: t.salesOpenOffsetDays,
			salesOpenTime: t.salesOpenTime ?? "09:00",
			salesCloseOffsetDays: t.salesCloseOffsetDays,
			salesCloseTime: t.salesCloseTime ?? "23:59",
			capacity: t.capacity ?? null,
			position: t.position ?? 0,
		})),
		// AINM 2023 kept no registration policy in Baton: the template carries none.
		policy: null,
	},
	abstract_call: {
		call: (({ editionId: _, ...call }) => ({
			opensOffsetDays: call.opensOffsetDays,
			opensTime: call.opensTime ?? "09:00",
			closesOffsetDays: call.closesOffsetDays,
			closesTime: call.closesTime ?? "23:59",
			decisionsOffsetDays: call.decisionsOffsetDays ?? null,
			topics: call.topics ?? [],
			presentationTypes: call.presentationTypes ?? [],
			wordLimit: call.wordLimit ?? 300,
			specialIssue: call.specialIssue ?? "",
		}))(ainm2023AbstractCall),
		reviewCriteria: ainm2023ReviewCriteria.map((c) => ({
			label: c.label,
			scaleMax: c.scaleMax ?? 5,
			weight: c.weight ?? 1,
			position: c.position ?? 0,
		})),
	},
	evaluation: ainm2023SurveyQuestions.map((q) => ({
		prompt: q.prompt,
		kind: q.kind,
		required: q.required ?? false,
		position: q.position ?? 0,
	})),
	checklist: [...ainm2023Checklist, ...ainm2023SkippedChecklistTasks]
		.sort((a, b) => a.dueOffsetDays - b.dueOffsetDays || (a.position ?? 0) - (b.position ?? 0))
		.map((t) => ({
			title: t.title,
			ownerRole: t.ownerRole ?? "organizer",
			dueOffsetDays: t.dueOffsetDays,
			position: t.position ?? 0,
		})),
	sponsor_tiers: ainm2023SponsorTiers.map((t) => ({ name: t.name, position: t.position ?? 0 })),
	email_texts: ainm2023EmailTexts.map((t) => ({
		key: t.key,
		subject: t.subject,
		body: t.body ?? "",
		position: t.position ?? 0,
	})),
};

/** The document of version 1. */
export const ainmSymposiumDocument: TemplateDocument = {
	schema: "baton.template/1",
	name: "AINM symposium",
	description:
		"How AINM 2023 was organized, for the next host: the two-track program skeleton with the Willem Vaalburg and Anne Paans lecture slots, tickets and registration questions, the call for abstracts with the Frontiers special issue, the review criteria, the evaluation survey, the 18-month checklist, the sponsor tiers and the emails.",
	parts,
};

export const AINM_TEMPLATE_ID = "seed-template-ainm-symposium";

/** The template in the AINM series library (table templates). */
export const ainmSymposiumTemplate: Row<typeof templates> = {
	id: AINM_TEMPLATE_ID,
	name: ainmSymposiumDocument.name,
	description: ainmSymposiumDocument.description,
	visibility: "series",
	seriesId: "seed-series-ainm",
	institutionId: "seed-institution-umcg",
	forkedFrom: null,
	createdBy: "seed-user-chair",
	createdAt: new Date("2023-12-01T10:00:00Z"),
};

/** Its version 1, published from AINM 2023 (table template_versions; after templates and users). */
export const ainmSymposiumTemplateV1: Row<typeof templateVersions> = {
	id: `${AINM_TEMPLATE_ID}-v1`,
	templateId: AINM_TEMPLATE_ID,
	version: 1,
	changelog: "First version, published by the AINM 2023 committee after the symposium.",
	parts: Object.keys(parts),
	document: ainmSymposiumDocument,
	sourceEditionId: EDITION_ID,
	createdBy: "seed-user-chair",
	// Fixed, so seeding again changes nothing.
	createdAt: new Date("2023-12-01T10:00:00Z"),
};
