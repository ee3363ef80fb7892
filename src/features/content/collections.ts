/**
 * The edition's simple content collections, each declared once: its table, its fields (which give
 * validation, forms and the API schema), its list columns and its domain rules. The console pages
 * and the API are generic over these definitions, so adding a collection is adding an entry here.
 */
import { asc, sql } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { changesAny, reviseRoomEvents, reviseSpeakerEvents } from "../../db/event-revisions";
import {
	CHECKLIST_STATUSES,
	checklistTasks,
	EDITION_ROLES,
	editionPeople,
	emailTexts,
	FORM_FIELD_KINDS,
	PERSON_ROLES,
	pages,
	registrationFields,
	reviewCriteria,
	rooms,
	SURVEY_QUESTION_KINDS,
	speakers,
	sponsors,
	sponsorTiers,
	surveyQuestions,
	ticketTypes,
	tracks,
} from "../../db/schema";
import {
	checkbox,
	color,
	country,
	email,
	int,
	lines,
	markdown,
	money,
	type Option,
	ref,
	select,
	text,
	textarea,
	time,
	url,
} from "../../domain/fields";
import { PERSON_ROLE_LABELS } from "../../domain/people";
import { placeholderProblems } from "../../domain/placeholders";
import { availabilityRecompute } from "../../domain/ticket-availability";
import { countryName } from "../../lib/countries";
import { offsetLabel, offsetMinutes } from "../../lib/offsets";
import type { CollectionDef } from "./collection-def";
import { remindersDef } from "./organizer-reminders";
import { speakerAccountColumns } from "./speaker-accounts";

const position = int("position", "Order", { min: 0, max: 10_000, fallback: 0, hint: "Lower numbers come first." });
const byPosition = (table: { position: AnySQLiteColumn }, name: AnySQLiteColumn) => [asc(table.position), asc(name)];
const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const options = (values: readonly string[], labels: Record<string, string> = {}): Option[] =>
	values.map((value) => ({ value, label: labels[value] ?? value.replace(/_/g, " ") }));

const OFFSET_HINT = "Days from the first day of the event: −180 is 180 days before, 0 is day 1.";
const offset = (name: string, label: string) =>
	int(name, label, { min: -1000, max: 400, required: true, hint: OFFSET_HINT });

const roomsDef: CollectionDef = {
	key: "rooms",
	singular: "room",
	plural: "rooms",
	table: rooms,
	fields: [
		text("name", "Name", { required: true, max: 100 }),
		int("capacity", "Capacity", { min: 1, max: 100_000 }),
		position,
	],
	orderBy: byPosition(rooms, rooms.name),
	columns: [
		{ label: "Name", value: (r) => str(r.name) },
		{ label: "Capacity", value: (r) => str(r.capacity) },
	],
	label: (r) => str(r.name),
	// A session's calendar event names its room.
	revisesEvents: (db, editionId, before, after) =>
		!after || changesAny(before, after, ["name"]) ? [reviseRoomEvents(db, editionId, str(before.id))] : [],
};

const tracksDef: CollectionDef = {
	key: "tracks",
	singular: "track",
	plural: "tracks",
	table: tracks,
	fields: [
		text("name", "Name", { required: true, max: 100 }),
		text("audience", "Audience", { max: 200, hint: "Who the track is for, e.g. clinicians." }),
		color("color", "Colour", { fallback: "#1f5f8b" }),
		position,
	],
	orderBy: byPosition(tracks, tracks.name),
	columns: [
		{ label: "Name", value: (r) => str(r.name) },
		{ label: "Audience", value: (r) => str(r.audience) },
		{ label: "Colour", value: (r) => str(r.color) },
	],
	label: (r) => str(r.name),
};

const speakersDef: CollectionDef = {
	key: "speakers",
	singular: "speaker",
	plural: "speakers",
	table: speakers,
	fields: [
		text("name", "Name", { required: true, max: 200 }),
		text("affiliation", "Affiliation", { max: 300 }),
		country("country", "Country"),
		textarea("bio", "Biography", { max: 5000 }),
		url("photoUrl", "Photo address"),
		text("orcid", "ORCID iD", { max: 19, hint: "Like 0000-0002-1825-0097." }),
		email("accountEmail", "Baton account", {
			hint: "The speaker's email address, to link this record to their Baton account (optional). The link is made when they have an account with this address, now or once they sign up.",
		}),
		checkbox("consent", "The speaker agreed to publish their name, biography and photo"),
	],
	orderBy: [asc(speakers.name)],
	columns: [
		{ label: "Name", value: (r) => str(r.name) },
		{ label: "Affiliation", value: (r) => str(r.affiliation) },
		{ label: "Country", value: (r) => (r.country ? countryName(str(r.country)) : "") },
		{ label: "Consent", value: (r) => (r.consentedAt ? "yes" : "no") },
	],
	label: (r) => str(r.name),
	check: (d) =>
		d.orcid && !/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(str(d.orcid))
			? { orcid: "Use the 16-digit form 0000-0000-0000-0000." }
			: null,
	// The account link is made from the address, never checked here: see speaker-accounts.ts.
	toRow: ({ consent, orcid, accountEmail, ...rest }, existing) => ({
		...rest,
		orcid: orcid || null,
		consentedAt: consent ? ((existing?.consentedAt as Date | null | undefined) ?? new Date()) : null,
		...speakerAccountColumns(accountEmail, existing),
	}),
	fromRow: ({ consentedAt, accountEmail, ...rest }) => ({
		...rest,
		accountEmail: accountEmail ?? "",
		consent: consentedAt != null,
	}),
	insertExtras: (editionId) => ({
		seq: sql`(select coalesce(max(${speakers.seq}), 0) + 1 from ${speakers} where ${speakers.editionId} = ${editionId})`,
	}),
	// Calendar events name their chairs and speakers with their affiliation, once they consented.
	revisesEvents: (db, editionId, before, after) =>
		!after ||
		changesAny(before, after, ["name", "affiliation"]) ||
		(before.consentedAt == null) !== (after.consentedAt == null)
			? [reviseSpeakerEvents(db, editionId, str(before.id))]
			: [],
};

/**
 * The edition's public people (its committee page, `{{committee}}`): facts of this edition, so a
 * clone never copies them (cloning/part-specs.ts, NEVER_COPIED).
 */
const peopleDef: CollectionDef = {
	key: "people",
	singular: "person",
	plural: "people",
	table: editionPeople,
	fields: [
		text("name", "Name", { required: true, max: 200 }),
		select("role", "Role", options(PERSON_ROLES, PERSON_ROLE_LABELS)),
		text("affiliation", "Affiliation", { max: 300 }),
		email("accountEmail", "Baton account", {
			hint: "The person's email address, to link this entry to their Baton account (optional). It is never shown on the site.",
		}),
		position,
	],
	orderBy: [asc(editionPeople.position), asc(editionPeople.name)],
	columns: [
		{ label: "Name", value: (r) => str(r.name) },
		{ label: "Role", value: (r) => PERSON_ROLE_LABELS[r.role as keyof typeof PERSON_ROLE_LABELS] ?? str(r.role) },
		{ label: "Affiliation", value: (r) => str(r.affiliation) },
	],
	label: (r) => str(r.name),
	// The same link as a speaker's: made from the address by the database, the answer alike either way.
	toRow: ({ accountEmail, ...rest }, existing) => ({ ...rest, ...speakerAccountColumns(accountEmail, existing) }),
	fromRow: ({ accountEmail, ...rest }) => ({ ...rest, accountEmail: accountEmail ?? "" }),
};

const pagesDef: CollectionDef = {
	key: "pages",
	singular: "page",
	plural: "pages",
	table: pages,
	fields: [
		text("title", "Title", { required: true, max: 200 }),
		text("slug", "Address", {
			required: true,
			max: 60,
			hint: "The last part of the page's address, e.g. travel. The page named home fills the home page.",
		}),
		markdown("body", "Content (Markdown)"),
		int("navOrder", "Menu order", { min: 0, max: 1000, fallback: 0 }),
		checkbox("published", "Published"),
	],
	orderBy: [asc(pages.navOrder), asc(pages.title)],
	columns: [
		{ label: "Title", value: (r) => str(r.title) },
		{ label: "Address", value: (r) => `p/${str(r.slug)}` },
		{ label: "Published", value: (r) => (r.published ? "yes" : "no") },
	],
	label: (r) => str(r.title),
	placeholderFields: [
		{ name: "title", markdown: false },
		{ name: "body", markdown: true },
	],
	check: (d) => {
		const fields = placeholderProblems(d, ["title", "body"]);
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(str(d.slug))) {
			fields.slug = "Use lowercase letters, digits and single hyphens, e.g. travel-and-venue.";
		}
		return Object.keys(fields).length > 0 ? fields : null;
	},
	uniqueField: { name: "slug", message: "Another page of this edition has this address." },
};

const sponsorTiersDef: CollectionDef = {
	key: "sponsor-tiers",
	singular: "sponsor tier",
	plural: "sponsor tiers",
	table: sponsorTiers,
	fields: [text("name", "Name", { required: true, max: 100 }), position],
	orderBy: byPosition(sponsorTiers, sponsorTiers.name),
	columns: [{ label: "Name", value: (r) => str(r.name) }],
	label: (r) => str(r.name),
};

const sponsorsDef: CollectionDef = {
	key: "sponsors",
	singular: "sponsor",
	plural: "sponsors",
	table: sponsors,
	fields: [
		text("name", "Name", { required: true, max: 200 }),
		ref("tierId", "Tier", "sponsor-tiers"),
		url("logoUrl", "Logo address"),
		url("url", "Website"),
		position,
	],
	orderBy: byPosition(sponsors, sponsors.name),
	columns: [
		{ label: "Name", value: (r) => str(r.name) },
		{ label: "Website", value: (r) => str(r.url) },
	],
	label: (r) => str(r.name),
};

const ticketTypesDef: CollectionDef = {
	key: "ticket-types",
	singular: "ticket type",
	plural: "ticket types",
	table: ticketTypes,
	fields: [
		text("name", "Name", { required: true, max: 100, hint: "e.g. Early bird, Regular, Student." }),
		money("priceCents", "Price"),
		select("currency", "Currency", options(["EUR", "USD", "GBP", "CHF"]), { fallback: "EUR" }),
		offset("salesOpenOffsetDays", "Sales open (days from day 1)"),
		time("salesOpenTime", "Sales open at", { fallback: "09:00" }),
		offset("salesCloseOffsetDays", "Sales close (days from day 1)"),
		time("salesCloseTime", "Sales close at", { fallback: "23:59" }),
		int("capacity", "Capacity", { min: 1, max: 100_000, hint: "Leave empty for no limit." }),
		text("includes", "What it includes", {
			max: 300,
			hint: "Shown beside the price, e.g. all sessions, lunches and the symposium dinner.",
		}),
		position,
	],
	orderBy: byPosition(ticketTypes, ticketTypes.name),
	columns: [
		{ label: "Name", value: (r) => str(r.name) },
		{ label: "Price", value: (r) => `${(Number(r.priceCents) / 100).toFixed(2)} ${str(r.currency)}` },
		{
			label: "On sale",
			value: (r) => `${offsetLabel(r.salesOpenOffsetDays)} → ${offsetLabel(r.salesCloseOffsetDays)}`,
		},
	],
	label: (r) => str(r.name),
	check: (d) =>
		offsetMinutes(d.salesCloseOffsetDays, d.salesCloseTime) <= offsetMinutes(d.salesOpenOffsetDays, d.salesOpenTime)
			? { salesCloseOffsetDays: "Sales must close after they open." }
			: null,
	// A new capacity may change what cached pages say of its seats.
	afterWrite: (db, editionId) => [...availabilityRecompute(db, editionId)],
	inUse:
		"This ticket type has registrations, so it cannot be deleted: move them to another ticket type or cancel them under Registrations first, or end its sale window instead.",
};

const registrationFieldsDef: CollectionDef = {
	key: "registration-fields",
	singular: "registration question",
	plural: "registration questions",
	table: registrationFields,
	fields: [
		text("label", "Question", { required: true, max: 200 }),
		select("kind", "Answer type", options(FORM_FIELD_KINDS)),
		checkbox("required", "An answer is required"),
		lines("options", "Choices (one per line)", { hint: "Only for answer type select." }),
		position,
	],
	orderBy: byPosition(registrationFields, registrationFields.label),
	columns: [
		{ label: "Question", value: (r) => str(r.label) },
		{ label: "Type", value: (r) => str(r.kind) },
		{ label: "Required", value: (r) => (r.required ? "yes" : "no") },
	],
	label: (r) => str(r.label),
	check: (d) =>
		d.kind === "select" && (d.options as string[]).length < 2
			? { options: "A select question needs at least two choices." }
			: null,
};

const reviewCriteriaDef: CollectionDef = {
	key: "review-criteria",
	singular: "review criterion",
	plural: "review criteria",
	table: reviewCriteria,
	fields: [
		text("label", "Criterion", { required: true, max: 200 }),
		int("scaleMax", "Scale (1 to …)", { min: 2, max: 10, fallback: 5 }),
		int("weight", "Weight", { min: 1, max: 10, fallback: 1 }),
		position,
	],
	orderBy: byPosition(reviewCriteria, reviewCriteria.label),
	columns: [
		{ label: "Criterion", value: (r) => str(r.label) },
		{ label: "Scale", value: (r) => `1–${str(r.scaleMax)}` },
		{ label: "Weight", value: (r) => str(r.weight) },
	],
	label: (r) => str(r.label),
};

const surveyQuestionsDef: CollectionDef = {
	key: "survey-questions",
	singular: "evaluation question",
	plural: "evaluation questions",
	table: surveyQuestions,
	fields: [
		text("prompt", "Question", { required: true, max: 300 }),
		select("kind", "Answer type", options(SURVEY_QUESTION_KINDS, { likert: "Likert scale (1–5)", text: "Free text" })),
		checkbox("required", "An answer is required"),
		position,
	],
	orderBy: byPosition(surveyQuestions, surveyQuestions.prompt),
	columns: [
		{ label: "Question", value: (r) => str(r.prompt) },
		{ label: "Type", value: (r) => str(r.kind) },
	],
	label: (r) => str(r.prompt),
};

const checklistDef: CollectionDef = {
	key: "checklist",
	singular: "checklist task",
	plural: "checklist tasks",
	table: checklistTasks,
	fields: [
		text("title", "Task", { required: true, max: 300 }),
		select("ownerRole", "Owner", options(EDITION_ROLES), { fallback: "organizer" }),
		offset("dueOffsetDays", "Due (days from day 1)"),
		select("status", "Status", options(CHECKLIST_STATUSES)),
		position,
	],
	orderBy: [asc(checklistTasks.dueOffsetDays), asc(checklistTasks.position)],
	columns: [
		{ label: "Task", value: (r) => str(r.title) },
		{ label: "Due", value: (r) => offsetLabel(r.dueOffsetDays) },
		{ label: "Owner", value: (r) => str(r.ownerRole) },
		{ label: "Status", value: (r) => str(r.status) },
	],
	label: (r) => str(r.title),
	toRow: (data, existing) => ({
		...data,
		doneAt: data.status === "done" ? ((existing?.doneAt as Date | null | undefined) ?? new Date()) : null,
	}),
	fromRow: ({ doneAt: _, ...rest }) => rest,
};

/** What an email text is for: a stable key that mail-sending features look the text up by. */
export const EMAIL_TEXT_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const emailTextsDef: CollectionDef = {
	key: "email-texts",
	singular: "email text",
	plural: "email texts",
	table: emailTexts,
	fields: [
		text("key", "Key", {
			required: true,
			max: 60,
			hint: "What the mail is for, e.g. registration-confirmation or abstract-accepted.",
		}),
		text("subject", "Subject", { required: true, max: 200 }),
		markdown("body", "Text (Markdown)", {
			max: 20_000,
			hint: "Placeholders such as {{edition.name}} or {{venue.name}} are resolved when a mail is sent: see the list below.",
		}),
		position,
	],
	orderBy: byPosition(emailTexts, emailTexts.key),
	columns: [
		{ label: "Key", value: (r) => str(r.key) },
		{ label: "Subject", value: (r) => str(r.subject) },
	],
	label: (r) => str(r.subject),
	placeholderFields: [
		{ name: "subject", markdown: false },
		{ name: "body", markdown: true },
	],
	check: (d) => {
		const fields: Record<string, string> = {};
		if (!EMAIL_TEXT_KEY.test(str(d.key))) fields.key = "Use lowercase letters, digits and single hyphens.";
		Object.assign(fields, placeholderProblems(d, ["subject", "body"]));
		return Object.keys(fields).length > 0 ? fields : null;
	},
	uniqueField: { name: "key", message: "This edition already has an email text with this key." },
};

export const COLLECTIONS: readonly CollectionDef[] = [
	roomsDef,
	tracksDef,
	speakersDef,
	peopleDef,
	pagesDef,
	sponsorTiersDef,
	sponsorsDef,
	ticketTypesDef,
	registrationFieldsDef,
	reviewCriteriaDef,
	surveyQuestionsDef,
	checklistDef,
	emailTextsDef,
	remindersDef,
];

const byKey = new Map(COLLECTIONS.map((c) => [c.key, c]));

export function collectionByKey(key: string): CollectionDef | undefined {
	return byKey.get(key);
}
