/**
 * Demo data, continued: the AINM 2023 subsite pages, its sponsors, and the configuration later
 * work reads (tickets, registration form, call for abstracts, review form, evaluation survey,
 * organizing checklist). Facts come from shared/seed-facts.md; dates given as offsets and the
 * wording are our own illustration. No prices (none are among the facts), no invented companies,
 * and no raw HTML in the Markdown.
 * Where a text states a fact of the edition (its name, year, dates, city, venue, contact) it says
 * so with a placeholder, resolved from the edition row when the page is shown, so a copy of these
 * pages reads the next edition's facts.
 * Ids are fixed so that seeding again updates these rows instead of adding copies.
 */
import type {
	abstractCalls,
	checklistTasks,
	editionPeople,
	PersonRole,
	pages,
	registrationFields,
	reviewCriteria,
	sponsors,
	sponsorTiers,
	surveyQuestions,
	ticketTypes,
} from "../../db/schema";
import { ainm2023, EDITION_ID } from "./ainm";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

const SPECIAL_ISSUE = "Nuclear Medicine Advances Through Artificial Intelligence and Intelligent Informatics";
const JOURNAL = "Frontiers in Nuclear Medicine";

/** The topics that recurred at AINM 2023. */
export const AINM_TOPICS = [
	"Lesion detection and segmentation",
	"Attenuation correction and data corrections",
	"Long-axial-field-of-view (total-body) PET",
	"Dosimetry and theranostics",
	"Standardization across scanners (EARL)",
	"Federated learning and privacy",
	"Explainability",
	"Regulation (FDA predetermined change control plans)",
	"Education and training",
];

const list = (items: readonly string[]) => items.map((item) => `- ${item}`).join("\n");

// ---------------------------------------------------------------------------------------------
// Pages

const homePage = `{{edition.name}} was the first edition of **Artificial Intelligence and Informatics in Nuclear Medicine**, a biennial symposium affiliated with the European Association of Nuclear Medicine (EANM). It took place on {{edition.dates}} at the {{venue.name}} in {{edition.city}}, the Netherlands.

Around 250 participants from more than 20 countries, from Europe, Asia, the Americas and the Middle East, came together for three days of:

- two parallel tracks, one for clinicians and one for physicists and technical specialists;
- plenary sessions, among them two named lectures in honour of Groningen founders of PET;
- a joint panel discussion at the end.

Selected abstracts were published in the ${JOURNAL} special issue *${SPECIAL_ISSUE}*.

After the first edition, institutions interested in organizing the next one were invited to step forward, with feedback and help offered by the organizing committee of {{edition.year}}.

*About this demo site:* the parallel sessions, their talks and their speakers are illustrations. Speakers marked as fictional are invented.`;

const venuePage = `{{edition.name}} takes place at the **{{venue.name}}**, {{venue.address}}, the Netherlands. The plenary sessions are held in the plenary hall, the two parallel tracks in Room A and Room B, and the poster sessions in the foyer.

[Find the venue on OpenStreetMap](${ainm2023.mapUrl})

## By train

Groningen railway station has frequent intercity connections with the rest of the Netherlands. From the station, the UMCG is about 25 minutes on foot through the city centre, or a short ride by city bus. Check the Dutch railways' journey planner for current times and connections.

## By plane

Amsterdam Airport Schiphol is the main international airport of the Netherlands. Trains to Groningen leave from the railway station below the airport terminal; the journey takes around two and a half hours. Groningen Airport Eelde, south of the city, is a smaller regional airport.

## In Groningen

Groningen is a compact city: the UMCG, the city centre and most hotels are within walking or cycling distance of each other.

Questions about the venue? Write to {{contact.email}}.`;

const abstractsPage = `The call for abstracts of {{edition.name}} is closed. Thank you to everyone who submitted an abstract.

We invited abstracts on artificial intelligence and informatics in nuclear medicine, in particular on:

${list(AINM_TOPICS)}

Abstracts were limited to 300 words and could be submitted for an oral or a poster presentation. Each abstract was reviewed for originality, scientific quality, relevance to AI in nuclear medicine, and clarity.

## Journal special issue

Selected abstracts were published in the special issue *${SPECIAL_ISSUE}* of **${JOURNAL}**, the journal partner of the series.`;

/** The committee page names the edition's people from their list (below), grouped by role. */
const committeePage = "{{committee}}";

const lecturesPage = `AINM honours two Groningen founders of PET in the Netherlands, Willem Vaalburg and Anne Paans, with a named lecture each.

## Willem Vaalburg lecture

The Willem Vaalburg lecture 2023 was given by **Arturo Chiti**, editor-in-chief of EJNMMI: *The bright future of nuclear medicine is illuminated by artificial intelligence*.

## Anne Paans lecture

The Anne Paans lecture 2023 was given by **Dimitris Visvikis**: *AI for data corrections in nuclear medicine imaging*.`;

export const ainm2023Pages: Row<typeof pages>[] = [
	{ slug: "home", title: "Welcome", body: homePage },
	{ slug: "venue-and-travel", title: "Venue and travel", body: venuePage },
	{ slug: "call-for-abstracts", title: "Call for abstracts", body: abstractsPage },
	{ slug: "committee", title: "Committee", body: committeePage },
	{ slug: "named-lectures", title: "Named lectures", body: lecturesPage },
].map((page, i) => ({
	...page,
	id: `seed-2023-page-${page.slug}`,
	editionId: EDITION_ID,
	navOrder: i,
	published: true,
}));

// ---------------------------------------------------------------------------------------------
// People: the committee as the editorial names it (shared/seed-facts.md), no affiliations invented

const person = (role: PersonRole) => (name: string) => ({ name, role });

export const ainm2023People: Row<typeof editionPeople>[] = [
	...[
		"Andor Glaudemans",
		"Rudi Dierckx",
		"Bart Scheerder",
		"Wiro Niessen",
		"Jan Pruim",
		"Dyah Dewi",
		"Ronald Borra",
		"Adriaan Lammertsma",
		"Charalampos Tsoumpas",
		"Riemer Slart",
	].map(person("organizing_committee")),
	...["Michel Koole", "Stefan Vandenberghe", "Dimitris Visvikis", "Habib Zaidi"].map(person("advisory")),
	...["Gerda Bakker", "Tanja Uhlen", "Joyce Wieringa", "PhD students"].map(person("local_support")),
].map((p, i) => ({
	...p,
	id: `seed-2023-person-${i + 1}`,
	editionId: EDITION_ID,
	affiliation: "",
	position: i + 1,
}));

// ---------------------------------------------------------------------------------------------
// Sponsors: the series' affiliated society and its journal partner (facts; no invented companies)

export const ainm2023SponsorTiers: Row<typeof sponsorTiers>[] = [
	{ id: "seed-2023-tier-society", editionId: EDITION_ID, name: "Affiliated society", position: 1 },
	{ id: "seed-2023-tier-journal", editionId: EDITION_ID, name: "Journal partner", position: 2 },
];

export const ainm2023Sponsors: Row<typeof sponsors>[] = [
	{
		id: "seed-2023-sponsor-eanm",
		editionId: EDITION_ID,
		tierId: "seed-2023-tier-society",
		name: "European Association of Nuclear Medicine (EANM)",
		logoUrl: "",
		url: "https://www.eanm.org/",
		position: 1,
	},
	{
		id: "seed-2023-sponsor-frontiers",
		editionId: EDITION_ID,
		tierId: "seed-2023-tier-journal",
		name: JOURNAL,
		logoUrl: "",
		url: "https://www.frontiersin.org/journals/nuclear-medicine",
		position: 2,
	},
];

// ---------------------------------------------------------------------------------------------
// Configuration: dates are offsets in days from day 1 (9 October 2023)

/**
 * AINM 2023's one ticket. Its prices are not among the facts (shared/seed-facts.md), and the seed
 * invents nothing financial about a real institution: the schema needs a number, so the price is 0
 * with a currency, and the subsite shows it as "not recorded" (never "Free") because the edition is
 * archived. The sale window is an illustration, as the other offsets are.
 */
export const AINM_2023_TICKET_ID = "seed-2023-ticket-participant";

export const ainm2023TicketTypes: Row<typeof ticketTypes>[] = [
	{
		id: AINM_2023_TICKET_ID,
		editionId: EDITION_ID,
		name: "Participant",
		priceCents: 0,
		currency: "EUR",
		salesOpenOffsetDays: -240,
		salesOpenTime: "09:00",
		salesCloseOffsetDays: -3,
		salesCloseTime: "23:59",
		capacity: null,
		position: 1,
	},
];

/**
 * The ticket types earlier versions of the seed invented (with prices): removed from a database
 * seeded before, with the handover links that pointed at them.
 */
export const RETIRED_AINM_2023_TICKET_IDS = [
	"seed-2023-ticket-early-bird",
	"seed-2023-ticket-regular",
	"seed-2023-ticket-student",
];

export const PROFESSIONAL_BACKGROUNDS = [
	"Clinician",
	"Physicist / engineer",
	"Data scientist",
	"Researcher",
	"Student",
	"Industry",
	"Other",
];

export const ainm2023RegistrationFields: Row<typeof registrationFields>[] = [
	{
		id: "seed-2023-field-background",
		label: "Professional background",
		kind: "select" as const,
		required: true,
		options: PROFESSIONAL_BACKGROUNDS,
	},
	{ id: "seed-2023-field-dietary", label: "Dietary requirements", kind: "text" as const, required: false },
	{
		id: "seed-2023-field-dinner",
		label: "I will attend the conference dinner (day 2)",
		kind: "checkbox" as const,
		required: false,
	},
	{ id: "seed-2023-field-country", label: "Country", kind: "country" as const, required: true },
].map((field, i) => ({ options: [], ...field, editionId: EDITION_ID, position: i + 1 }));

export const ainm2023AbstractCall: Row<typeof abstractCalls> = {
	editionId: EDITION_ID,
	opensOffsetDays: -240,
	opensTime: "09:00",
	closesOffsetDays: -100,
	closesTime: "23:59",
	decisionsOffsetDays: -60,
	topics: AINM_TOPICS,
	presentationTypes: ["Oral", "Poster"],
	wordLimit: 300,
	specialIssue: `${JOURNAL}: ${SPECIAL_ISSUE}`,
};

export const ainm2023ReviewCriteria: Row<typeof reviewCriteria>[] = [
	{ label: "Originality", weight: 2 },
	{ label: "Scientific quality", weight: 3 },
	{ label: "Relevance to AI in nuclear medicine", weight: 2 },
	{ label: "Clarity of the abstract", weight: 1 },
].map((c, i) => ({
	...c,
	id: `seed-2023-criterion-${i + 1}`,
	editionId: EDITION_ID,
	scaleMax: 5,
	position: i + 1,
}));

export const ainm2023SurveyQuestions: Row<typeof surveyQuestions>[] = [
	{ prompt: "Overall, how would you rate AINM 2023?", kind: "likert" as const, required: true },
	{ prompt: "The scientific program matched my professional background.", kind: "likert" as const, required: false },
	{
		prompt: "The balance between plenary lectures, parallel tracks and poster sessions was right.",
		kind: "likert" as const,
		required: false,
	},
	{ prompt: "The venue and the organization met my expectations.", kind: "likert" as const, required: false },
	{ prompt: "What did you find most valuable?", kind: "text" as const, required: false },
	{ prompt: "What should the next edition do differently?", kind: "text" as const, required: false },
].map((q, i) => ({ ...q, id: `seed-2023-survey-${i + 1}`, editionId: EDITION_ID, position: i + 1 }));

const DAY_ONE = Date.UTC(2023, 9, 9, 10);
/** When a task was really done: `days` from day 1, at 10:00 UTC (fixed, so re-seeding changes nothing). */
const doneOn = (days: number) => new Date(DAY_ONE + days * 86_400_000);

/** The 18-month organizing timeline as 2023 lived it: all done, most a little before they were due. */
export const ainm2023Checklist: Row<typeof checklistTasks>[] = [
	{ title: "Confirm the host institution and the dates", ownerRole: "chair" as const, due: -540, done: -548 },
	{
		title: "Book the venue: a plenary hall, two rooms for the parallel tracks and space for posters",
		ownerRole: "organizer" as const,
		due: -480,
		done: -490,
	},
	{
		title: "Invite the Willem Vaalburg and Anne Paans lecturers and the plenary speakers",
		ownerRole: "chair" as const,
		due: -420,
		done: -415,
	},
	{
		title: "Arrange the journal special issue with Frontiers in Nuclear Medicine",
		ownerRole: "chair" as const,
		due: -300,
		done: -310,
	},
	{ title: "Open the call for abstracts", ownerRole: "organizer" as const, due: -240, done: -240 },
	{ title: "Open registration (early bird)", ownerRole: "organizer" as const, due: -240, done: -240 },
	{
		title: "Contact EANM and the journal partner about affiliation, announcements and participation",
		ownerRole: "chair" as const,
		due: -200,
		done: -205,
	},
	{
		title: "Recruit volunteers and PhD students for the registration desk and the rooms",
		ownerRole: "organizer" as const,
		due: -90,
		done: -84,
	},
	{ title: "Review the abstracts and send the decisions", ownerRole: "reviewer" as const, due: -60, done: -61 },
	{
		title: "Confirm catering: coffee breaks, lunches and the conference dinner",
		ownerRole: "organizer" as const,
		due: -30,
		done: -32,
	},
	{ title: "Print badges and the program booklet", ownerRole: "organizer" as const, due: -7, done: -8 },
	{ title: "Send the evaluation survey to all participants", ownerRole: "organizer" as const, due: 3, done: 3 },
	{ title: "Write handover notes for the next host", ownerRole: "chair" as const, due: 30, done: 36 },
].map(({ due, done, ...task }, i) => ({
	...task,
	id: `seed-2023-task-${i + 1}`,
	editionId: EDITION_ID,
	dueOffsetDays: due,
	status: "done" as const,
	doneAt: doneOn(done),
	position: i + 1,
}));
