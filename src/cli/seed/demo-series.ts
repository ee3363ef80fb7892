/**
 * The demo series: "Baton Demo Symposium", made up from start to end (hosted by the fictional Demo
 * University Hospital in the fictional town of Demoville), so a newcomer can try every attendee
 * flow at once, which the archived AINM 2023 cannot offer. Its three editions are dated from the day
 * the seed runs: an archived one about two years ago, one that ended three days ago (held: its
 * evaluation survey is open) and a published one about four months ahead, whose registration and
 * call for abstracts are open today in its zone. `series.isDemo` makes every page of it say so.
 * Ids are fixed, so seeding again (on any day) updates these rows instead of adding copies.
 */
import type {
	abstractCalls,
	editionMembers,
	editionPeople,
	editions,
	institutionMembers,
	institutions,
	namedLectures,
	pages,
	registrationFields,
	registrationPolicies,
	registrations,
	rooms,
	series,
	seriesStewards,
	sessions,
	speakers,
	sponsors,
	sponsorTiers,
	surveyQuestions,
	talkSpeakers,
	talks,
	ticketTypes,
	tracks,
} from "../../db/schema";
import { wallClock } from "../../lib/zoned-time";
import { fictionalPeople, seededRandom } from "./fictional-people";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

export const DEMO_SERIES_ID = "seed-series-demo";
export const DEMO_INSTITUTION_ID = "seed-institution-demo";
/** The demo's own committee account (README: host@baton.test). */
export const DEMO_HOST_ID = "seed-user-host";
const ATTENDEE_ID = "seed-user-attendee";
const ZONE = "Europe/Amsterdam";

/** The three editions by what they are for; the ids never change, their dates and years do. */
export const DEMO_EDITION_IDS = {
	earlier: "seed-edition-demo-earlier",
	held: "seed-edition-demo-held",
	next: "seed-edition-demo-next",
} as const;
type EditionKey = keyof typeof DEMO_EDITION_IDS;

export const demoInstitution: Row<typeof institutions> = {
	id: DEMO_INSTITUTION_ID,
	slug: "demo-university-hospital",
	name: "Demo University Hospital",
	city: "Demoville (fictional)",
	country: "NL",
};

export const demoSeries: Row<typeof series> = {
	id: DEMO_SERIES_ID,
	slug: "demo",
	name: "Baton Demo Symposium",
	shortName: "Demo Symposium",
	description:
		"A made-up symposium series for trying Baton: every edition, person, venue and sponsor of it is invented. Register, submit an abstract or answer the survey as you like; nothing here is a real event.",
	cadenceYears: 1,
	society: "",
	partners: [],
	institutionId: DEMO_INSTITUTION_ID,
	isDemo: true,
};

export const demoNamedLectures: Row<typeof namedLectures>[] = [
	{
		id: "seed-demo-lecture-example",
		seriesId: DEMO_SERIES_ID,
		slug: "ada-example",
		name: "Ada Example lecture",
		honoree: "Ada Example (fictional)",
		description: "Honours Ada Example, the invented founder of the demo series.",
	},
	{
		id: "seed-demo-lecture-sample",
		seriesId: DEMO_SERIES_ID,
		slug: "grace-sample",
		name: "Grace Sample lecture",
		honoree: "Grace Sample (fictional)",
		description: "Honours Grace Sample, an invented pioneer of imaging informatics.",
	},
];

// ---------------------------------------------------------------------------------------------
// Dates, from the day the seed runs

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const yearOf = (iso: string) => Number(iso.slice(0, 4));

export interface DemoDates {
	/** Today in the editions' zone, `YYYY-MM-DD`. */
	today: string;
	editions: Record<EditionKey, { year: number; startDate: string; endDate: string }>;
	/** Days from today to day 1 of the next edition. */
	daysToNext: number;
}

/**
 * The editions' dates on `now`: the held one ended three days ago, the earlier one two years
 * before it, the next one about four months ahead. One edition per series and year: when four
 * months ahead is still this edition's year, the next one moves to mid-January of the year after.
 */
export function demoDates(now: Date): DemoDates {
	const today = wallClock(now, ZONE).date;
	const heldEnd = dayMs(today) - 3 * DAY;
	const held = { startDate: isoDay(heldEnd - 2 * DAY), endDate: isoDay(heldEnd) };
	const earlierStart = dayMs(held.startDate) - 730 * DAY;
	let nextStart = dayMs(today) + 120 * DAY;
	if (yearOf(isoDay(nextStart)) <= yearOf(held.startDate)) nextStart = Date.UTC(yearOf(held.startDate) + 1, 0, 14);
	return {
		today,
		daysToNext: Math.round((nextStart - dayMs(today)) / DAY),
		editions: {
			earlier: {
				year: yearOf(isoDay(earlierStart)),
				startDate: isoDay(earlierStart),
				endDate: isoDay(earlierStart + 2 * DAY),
			},
			held: { year: yearOf(held.startDate), ...held },
			next: { year: yearOf(isoDay(nextStart)), startDate: isoDay(nextStart), endDate: isoDay(nextStart + 2 * DAY) },
		},
	};
}

// ---------------------------------------------------------------------------------------------
// One edition's content: the same made-up program, pages and people in each, under its own ids

const STATUS: Record<EditionKey, Row<typeof editions>["status"]> = {
	earlier: "archived",
	held: "held",
	next: "published",
};

/** Fixed per edition, so the program's seq and guid stay the same run after run. */
const GUID_PART: Record<EditionKey, string> = { earlier: "0001", held: "0002", next: "0003" };

const DEMO_SPEAKERS = [
	["Mira Testa", "IT", "Radiologist interested in AI-assisted reading."],
	["Oskar Placeholder", "SE", "Medical physicist working on image reconstruction."],
	["Amara Mockingbird", "NG", "Data scientist building segmentation models."],
	["Kenji Fixture", "JP", "Engineer working on scanner harmonization."],
	["Lucía Ejemplo", "ES", "Nuclear medicine physician studying theranostics."],
	["Noah Stub", "CA", "Computer scientist researching explainable AI."],
] as const;

const TALKS: readonly [string, number][] = [
	["A made-up study of automated lesion detection", 0],
	["Reading faster with a second reader that does not exist", 4],
	["Reconstructing images of imaginary phantoms", 1],
	["Harmonizing scanners that were never built", 3],
	["Explaining predictions of a fictional model", 5],
	["Segmenting organs for a dosimetry demo", 2],
];

export interface DemoEdition {
	edition: Row<typeof editions>;
	tracks: Row<typeof tracks>[];
	rooms: Row<typeof rooms>[];
	speakers: Row<typeof speakers>[];
	sessions: Row<typeof sessions>[];
	talks: Row<typeof talks>[];
	talkSpeakers: Row<typeof talkSpeakers>[];
	pages: Row<typeof pages>[];
	people: Row<typeof editionPeople>[];
	sponsorTiers: Row<typeof sponsorTiers>[];
	sponsors: Row<typeof sponsors>[];
	ticketTypes: Row<typeof ticketTypes>[];
	registrationFields: Row<typeof registrationFields>[];
	policy: Row<typeof registrationPolicies>;
	surveyQuestions: Row<typeof surveyQuestions>[];
	abstractCall: Row<typeof abstractCalls>;
	committee: Row<typeof editionMembers>[];
}

function demoEdition(key: EditionKey, dates: DemoDates): DemoEdition {
	const editionId = DEMO_EDITION_IDS[key];
	const { year, startDate, endDate } = dates.editions[key];
	const id = (kind: string, n: number | string) => `seed-demo-${key}-${kind}-${n}`;
	// The next edition's windows are open today; a past edition's were open before it took place.
	const lead = key === "next" ? dates.daysToNext : 120;

	const trackIds = [id("track", 1), id("track", 2)] as const;
	const roomIds = [id("room", 1), id("room", 2), id("room", 3)] as const;
	const speakerRows: Row<typeof speakers>[] = DEMO_SPEAKERS.map(([name, country, bio], i) => ({
		id: id("speaker", i + 1),
		editionId,
		seq: i + 1,
		name,
		country,
		affiliation: "Demo University Hospital (fictional)",
		bio: `Fictional speaker (demo data). ${bio}`,
		consentedAt: new Date(`${startDate}T00:00:00Z`),
		fictional: true,
	}));

	type S = Omit<Row<typeof sessions>, "id" | "editionId" | "seq" | "guid">;
	const program: S[] = [
		{ day: 1, startTime: "09:00", durationMinutes: 30, kind: "plenary", title: "Opening", roomId: roomIds[0] },
		{
			day: 1,
			startTime: "09:30",
			durationMinutes: 45,
			kind: "named_lecture",
			title: `Ada Example lecture ${year}`,
			roomId: roomIds[0],
			namedLectureId: "seed-demo-lecture-example",
		},
		{ day: 1, startTime: "10:15", durationMinutes: 30, kind: "break", title: "Coffee break" },
		{
			day: 1,
			startTime: "10:45",
			durationMinutes: 50,
			kind: "track",
			title: "Clinical practice",
			trackId: trackIds[0],
			roomId: roomIds[1],
		},
		{
			day: 1,
			startTime: "10:45",
			durationMinutes: 50,
			kind: "track",
			title: "Physics and engineering",
			trackId: trackIds[1],
			roomId: roomIds[2],
		},
		{
			day: 2,
			startTime: "09:00",
			durationMinutes: 45,
			kind: "named_lecture",
			title: `Grace Sample lecture ${year}`,
			roomId: roomIds[0],
			namedLectureId: "seed-demo-lecture-sample",
		},
		{
			day: 2,
			startTime: "10:00",
			durationMinutes: 25,
			kind: "track",
			title: "Therapy and dosimetry",
			trackId: trackIds[0],
			roomId: roomIds[1],
		},
		{
			day: 2,
			startTime: "10:00",
			durationMinutes: 25,
			kind: "track",
			title: "Explainable AI",
			trackId: trackIds[1],
			roomId: roomIds[2],
		},
		{ day: 3, startTime: "09:00", durationMinutes: 60, kind: "panel", title: "Closing panel", roomId: roomIds[0] },
	];
	const sessionRows = program.map((s, i) => ({
		description: "",
		...s,
		id: id("session", i + 1),
		editionId,
		seq: i + 1,
		guid: `5eedde70-${GUID_PART[key]}-4000-8000-${String(i + 1).padStart(12, "0")}`,
	}));
	// Talks: the named lectures one each, the day-1 tracks two each, the day-2 tracks one each.
	const talkPlan: [session: number, talk: number][] = [
		[2, 0],
		[4, 1],
		[4, 0],
		[5, 2],
		[5, 3],
		[6, 5],
		[7, 5],
		[8, 4],
	];
	const talkRows: Row<typeof talks>[] = [];
	const talkSpeakerRows: Row<typeof talkSpeakers>[] = [];
	talkPlan.forEach(([session, talk], i) => {
		const [title, speaker] = TALKS[talk] as [string, number];
		const talkId = id("talk", i + 1);
		const twoInSession = talkPlan.filter(([s]) => s === session).length === 2;
		const position = talkPlan.slice(0, i).filter(([s]) => s === session).length;
		talkRows.push({
			id: talkId,
			editionId,
			sessionId: id("session", session),
			position,
			title: i === 0 ? "Why every demo needs a symposium" : title,
			abstract: "An invented talk of the demo series: nothing in it was ever presented.",
			durationMinutes: twoInSession ? 25 : null,
		});
		talkSpeakerRows.push({ editionId, talkId, speakerId: id("speaker", speaker + 1), position: 0 });
	});

	const home = `**This is a demo.** {{edition.name}} is a made-up symposium for trying Baton: its people, venue, sponsors and program are invented, and it is not a real event.

{{edition.name}} takes place on {{edition.dates}} at the {{venue.name}} in {{edition.city}}, with two parallel tracks, two named lectures and a closing panel.`;
	const venue = `The {{venue.name}} is at {{venue.address}}. Demoville does not exist: there is no venue to travel to.

Questions? Write to {{contact.email}} (a reserved address: nobody reads it).`;

	return {
		edition: {
			id: editionId,
			seriesId: DEMO_SERIES_ID,
			year,
			name: `Baton Demo Symposium ${year}`,
			startDate,
			endDate,
			timeZone: ZONE,
			hostName: "Demo University Hospital (fictional)",
			hostInstitutionId: DEMO_INSTITUTION_ID,
			venueName: "Demo Conference Centre",
			venueAddress: "1 Example Square, Demoville (fictional)",
			city: "Demoville",
			country: "NL",
			mapUrl: "",
			contactEmail: "demo-symposium@example.org",
			logoUrl: "",
			// White text on both at a contrast above 4.5:1.
			primaryColor: "#5b3f8c",
			accentColor: "#9a3412",
			heroText: "A made-up symposium for trying Baton: register, submit an abstract, answer the survey.",
			status: STATUS[key],
		},
		tracks: [
			{ id: trackIds[0], editionId, name: "Clinical track", audience: "clinicians", color: "#1f6f43", position: 1 },
			{
				id: trackIds[1],
				editionId,
				name: "Technical track",
				audience: "physicists and engineers",
				color: "#6b3fa0",
				position: 2,
			},
		],
		rooms: [
			{ id: roomIds[0], editionId, name: "Main hall", capacity: 150, position: 1 },
			{ id: roomIds[1], editionId, name: "Room North", capacity: 70, position: 2 },
			{ id: roomIds[2], editionId, name: "Room South", capacity: 70, position: 3 },
		] as Row<typeof rooms>[],
		speakers: speakerRows,
		sessions: sessionRows,
		talks: talkRows,
		talkSpeakers: talkSpeakerRows,
		pages: [
			{ slug: "home", title: "Welcome", body: home },
			{ slug: "venue-and-travel", title: "Venue and travel", body: venue },
			{ slug: "committee", title: "Committee", body: "{{committee}}" },
		].map((page, i) => ({ ...page, id: id("page", page.slug), editionId, navOrder: i, published: true })),
		people: [
			["Demo Host", "organizing_committee"],
			["Pat Example", "organizing_committee"],
			["Sam Sample", "scientific_committee"],
			["Robin Placeholder", "local_support"],
		].map(([name, role], i) => ({
			id: id("person", i + 1),
			editionId,
			name: name as string,
			role: role as Row<typeof editionPeople>["role"],
			affiliation: "Demo University Hospital (fictional)",
			position: i + 1,
		})),
		sponsorTiers: [{ id: id("tier", 1), editionId, name: "Demo sponsors (fictional)", position: 1 }],
		sponsors: [
			["Example Imaging Ltd (fictional)", "https://example.com/"],
			["Sample Scanners Inc (fictional)", "https://example.net/"],
		].map(([name, url], i) => ({
			id: id("sponsor", i + 1),
			editionId,
			tierId: id("tier", 1),
			name: name as string,
			url: url as string,
			logoUrl: "",
			position: i + 1,
		})),
		ticketTypes: [
			{
				id: id("ticket", "student"),
				name: "Student",
				priceCents: 0,
				capacity: 20,
				includes: "All sessions and coffee breaks (PhD students and residents).",
				position: 1,
			},
			{
				id: id("ticket", "regular"),
				name: "Regular",
				priceCents: 250_00,
				capacity: null,
				includes: "All sessions, lunches, coffee breaks and the symposium dinner.",
				position: 2,
			},
		].map((t) => ({
			...t,
			editionId,
			currency: "EUR",
			salesOpenOffsetDays: -(lead + 30),
			salesOpenTime: "09:00",
			salesCloseOffsetDays: -7,
			salesCloseTime: "23:59",
		})),
		registrationFields: [
			{ id: id("field", "dietary"), label: "Dietary requirements", kind: "text" as const, required: false },
			{
				id: id("field", "dinner"),
				label: "I will attend the symposium dinner (day 2)",
				kind: "checkbox" as const,
				required: false,
			},
			{
				id: id("field", "heard"),
				label: "How did you hear about the symposium?",
				kind: "select" as const,
				required: false,
				options: ["A colleague", "Mailing list", "Social media", "Other"],
			},
		].map((f, i) => ({ options: [], ...f, editionId, position: i + 1 })),
		policy: {
			editionId,
			capacity: 150,
			cancellationPolicy:
				"Cancel free of charge until two weeks before the symposium; after that the fee is not refunded, but you may send a colleague in your place. (A demo: nothing is charged.)",
			cancelUntilOffsetDays: -14,
			cancelUntilTime: "23:59",
			editUntilOffsetDays: -3,
			editUntilTime: "23:59",
			holdHours: 72,
			offerHours: 48,
		},
		surveyQuestions: [
			{ prompt: "Overall, how would you rate the symposium?", kind: "likert" as const, required: true },
			{ prompt: "The program matched my professional background.", kind: "likert" as const, required: false },
			{ prompt: "What did you find most valuable?", kind: "text" as const, required: false },
			{ prompt: "What should the next edition do differently?", kind: "text" as const, required: false },
		].map((q, i) => ({ ...q, id: id("survey", i + 1), editionId, position: i + 1 })),
		abstractCall: {
			editionId,
			opensOffsetDays: -(lead + 30),
			opensTime: "09:00",
			// Open for another 30 days from the seed day (for the next edition).
			closesOffsetDays: -(lead - 30),
			closesTime: "23:59",
			decisionsOffsetDays: -(lead - 51),
			topics: ["Clinical applications", "Physics and engineering", "Explainable AI", "Education"],
			presentationTypes: ["Oral", "Poster"],
			wordLimit: 250,
			specialIssue: "",
		},
		committee: [{ editionId, userId: DEMO_HOST_ID, role: "chair", mentorUntil: null }],
	};
}

/** The demo series' three editions on `now`, earlier first. */
export function demoEditions(now: Date): { dates: DemoDates; editions: DemoEdition[] } {
	const dates = demoDates(now);
	return { dates, editions: (["earlier", "held", "next"] as const).map((key) => demoEdition(key, dates)) };
}

export const demoInstitutionMembers: Row<typeof institutionMembers>[] = [
	{ institutionId: DEMO_INSTITUTION_ID, userId: DEMO_HOST_ID, role: "owner" },
];

export const demoStewards: Row<typeof seriesStewards>[] = [{ seriesId: DEMO_SERIES_ID, userId: DEMO_HOST_ID }];

// ---------------------------------------------------------------------------------------------
// Registrations on the next edition: the Student ticket full with a waiting list, some Regular

export const DEMO_STUDENT_SEATS = 20;
const WAITLISTED = 3;
const REGULAR = 5;

/**
 * The next edition's registrations on `now`: every Student place taken and three people waiting
 * for one, a few Regular registrations, and the demo attendee account's own (Regular, confirmed).
 */
export function demoRegistrations(next: DemoEdition, now: Date): Row<typeof registrations>[] {
	const editionId = next.edition.id as string;
	const [student, regular] = next.ticketTypes as [Row<typeof ticketTypes>, Row<typeof ticketTypes>];
	const random = seededRandom(4242);
	const people = fictionalPeople(random, DEMO_STUDENT_SEATS + WAITLISTED + REGULAR, "demo");
	// Registered over the four weeks before the seed day, in order, so the waiting list comes last.
	const at = (i: number, of: number) => new Date(now.getTime() - (28 - Math.floor((i * 27) / of)) * DAY - 3_600_000);
	const rows = people.map((person, i): Row<typeof registrations> => {
		const isStudent = i < DEMO_STUDENT_SEATS + WAITLISTED;
		const waiting = isStudent && i >= DEMO_STUDENT_SEATS;
		const ticket = isStudent ? student : regular;
		const created = at(i, people.length);
		return {
			id: `seed-demo-registration-${i + 1}`,
			editionId,
			ticketTypeId: ticket.id as string,
			...person,
			role: isStudent ? "student" : person.role === "student" ? "clinician" : person.role,
			answers: { "seed-demo-next-field-dinner": !isStudent },
			status: waiting ? "waitlisted" : "confirmed",
			priceCents: ticket.priceCents ?? 0,
			currency: "EUR",
			listConsent: i % 3 === 0,
			confirmedAt: waiting ? null : created,
			createdAt: created,
			updatedAt: created,
		};
	});
	const yesterday = new Date(now.getTime() - DAY);
	rows.push({
		id: "seed-demo-registration-attendee",
		editionId,
		ticketTypeId: regular.id as string,
		userId: ATTENDEE_ID,
		email: "attendee@baton.test",
		name: "Demo Attendee",
		affiliation: "University of Groningen",
		country: "NL",
		role: "physicist",
		answers: { "seed-demo-next-field-dinner": true },
		status: "confirmed",
		priceCents: regular.priceCents ?? 0,
		currency: "EUR",
		listConsent: false,
		confirmedAt: yesterday,
		createdAt: yesterday,
		updatedAt: yesterday,
	});
	return rows;
}
