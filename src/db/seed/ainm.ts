/**
 * Demo data: the AINM series and its first edition, AINM 2023 in Groningen, from the facts in
 * shared/seed-facts.md. Names, dates, tracks and lectures are facts; session times, rooms and
 * the texts around them are our own illustration.
 * Ids are fixed so that seeding again updates these rows instead of adding copies.
 */
import type {
	editions,
	namedLectures,
	rooms,
	series,
	sessions,
	speakers,
	talkSpeakers,
	talks,
	tracks,
} from "../schema";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

const SERIES_ID = "seed-series-ainm";
const EDITION_ID = "seed-edition-ainm-2023";

export const ainmSeries: Row<typeof series> = {
	id: SERIES_ID,
	slug: "ainm",
	name: "Artificial Intelligence and Informatics in Nuclear Medicine",
	shortName: "AINM",
	description:
		"A biennial symposium on artificial intelligence and informatics in nuclear medicine, affiliated with the European Association of Nuclear Medicine (EANM). Each edition is organized by a new host institution; selected abstracts appear in a special issue of Frontiers in Nuclear Medicine.",
	cadenceYears: 2,
};

export const ainmNamedLectures: Row<typeof namedLectures>[] = [
	{
		id: "seed-lecture-vaalburg",
		seriesId: SERIES_ID,
		slug: "willem-vaalburg",
		name: "Willem Vaalburg lecture",
		honoree: "Willem Vaalburg",
		description: "Honours Willem Vaalburg, one of the Groningen founders of PET in the Netherlands.",
	},
	{
		id: "seed-lecture-paans",
		seriesId: SERIES_ID,
		slug: "anne-paans",
		name: "Anne Paans lecture",
		honoree: "Anne Paans",
		description: "Honours Anne Paans, one of the Groningen founders of PET in the Netherlands.",
	},
];

export const ainm2023: Row<typeof editions> = {
	id: EDITION_ID,
	seriesId: SERIES_ID,
	year: 2023,
	name: "AINM 2023",
	startDate: "2023-10-09",
	endDate: "2023-10-11",
	timeZone: "Europe/Amsterdam",
	hostName: "University Medical Center Groningen, University of Groningen",
	venueName: "University Medical Center Groningen (UMCG)",
	venueAddress: "Hanzeplein 1, 9713 GZ Groningen",
	city: "Groningen",
	country: "NL",
	heroText:
		"The first edition brought around 250 participants from more than 20 countries to Groningen for three days of lectures, two parallel tracks and a joint panel discussion.",
	status: "archived",
};

const trackId = { clinical: "seed-2023-track-clinical", technical: "seed-2023-track-technical" } as const;
const roomId = {
	plenary: "seed-2023-room-plenary",
	clinical: "seed-2023-room-a",
	technical: "seed-2023-room-b",
} as const;

export const ainm2023Tracks: Row<typeof tracks>[] = [
	{
		id: trackId.clinical,
		editionId: EDITION_ID,
		name: "Clinical track",
		audience: "clinicians",
		color: "#1f6f43",
		position: 1,
	},
	{
		id: trackId.technical,
		editionId: EDITION_ID,
		name: "Physics and technology track",
		audience: "physicists and technical specialists",
		color: "#6b3fa0",
		position: 2,
	},
];

export const ainm2023Rooms: Row<typeof rooms>[] = [
	{ id: roomId.plenary, editionId: EDITION_ID, name: "Plenary hall", capacity: 300, position: 1 },
	{ id: roomId.clinical, editionId: EDITION_ID, name: "Room A", capacity: 150, position: 2 },
	{ id: roomId.technical, editionId: EDITION_ID, name: "Room B", capacity: 150, position: 3 },
];

export const ainm2023Speakers: Row<typeof speakers>[] = [
	{
		id: "seed-2023-speaker-chiti",
		editionId: EDITION_ID,
		seq: 1,
		name: "Arturo Chiti",
		bio: "Editor-in-chief of EJNMMI.",
	},
	{ id: "seed-2023-speaker-visvikis", editionId: EDITION_ID, seq: 2, name: "Dimitris Visvikis" },
	{ id: "seed-2023-speaker-buvat", editionId: EDITION_ID, seq: 3, name: "Irene Buvat" },
	{ id: "seed-2023-speaker-manuvie", editionId: EDITION_ID, seq: 4, name: "Ritumbra Manuvie" },
];

type SessionSeed = Omit<Row<typeof sessions>, "id" | "editionId" | "seq" | "guid"> & {
	talk?: { title: string; speakerId: string };
};

// The program, in order; seq and guid follow from the position so re-seeding keeps them stable.
const program: SessionSeed[] = [
	{
		day: 1,
		startTime: "09:00",
		durationMinutes: 30,
		kind: "plenary",
		title: "Opening of AINM 2023",
		roomId: roomId.plenary,
	},
	{
		day: 1,
		startTime: "09:30",
		durationMinutes: 45,
		kind: "named_lecture",
		title: "Willem Vaalburg lecture 2023",
		roomId: roomId.plenary,
		namedLectureId: "seed-lecture-vaalburg",
		talk: {
			title: "The bright future of nuclear medicine is illuminated by artificial intelligence",
			speakerId: "seed-2023-speaker-chiti",
		},
	},
	{ day: 1, startTime: "10:15", durationMinutes: 30, kind: "break", title: "Coffee break" },
	{
		day: 1,
		startTime: "10:45",
		durationMinutes: 90,
		kind: "track",
		title: "Lesion detection and segmentation",
		trackId: trackId.clinical,
		roomId: roomId.clinical,
	},
	{
		day: 1,
		startTime: "10:45",
		durationMinutes: 90,
		kind: "track",
		title: "Attenuation correction and data corrections",
		trackId: trackId.technical,
		roomId: roomId.technical,
	},
	{
		day: 2,
		startTime: "09:00",
		durationMinutes: 45,
		kind: "named_lecture",
		title: "Anne Paans lecture 2023",
		roomId: roomId.plenary,
		namedLectureId: "seed-lecture-paans",
		talk: { title: "AI for data corrections in nuclear medicine imaging", speakerId: "seed-2023-speaker-visvikis" },
	},
	{
		day: 2,
		startTime: "09:45",
		durationMinutes: 45,
		kind: "plenary",
		title: "Plenary lecture",
		roomId: roomId.plenary,
		talk: { title: "The potential applications of ChatGPT in nuclear medicine", speakerId: "seed-2023-speaker-buvat" },
	},
	{
		day: 2,
		startTime: "11:00",
		durationMinutes: 90,
		kind: "track",
		title: "Dosimetry and theranostics",
		trackId: trackId.clinical,
		roomId: roomId.clinical,
	},
	{
		day: 2,
		startTime: "11:00",
		durationMinutes: 90,
		kind: "track",
		title: "Long-axial-field-of-view (total-body) PET",
		trackId: trackId.technical,
		roomId: roomId.technical,
	},
	{
		day: 3,
		startTime: "09:00",
		durationMinutes: 45,
		kind: "plenary",
		title: "Plenary lecture",
		roomId: roomId.plenary,
		talk: {
			title: "The legal boundaries and complexities of using AI to transform medicine",
			speakerId: "seed-2023-speaker-manuvie",
		},
	},
	{
		day: 3,
		startTime: "10:00",
		durationMinutes: 90,
		kind: "track",
		title: "Explainability, regulation and education",
		trackId: trackId.clinical,
		roomId: roomId.clinical,
	},
	{
		day: 3,
		startTime: "10:00",
		durationMinutes: 90,
		kind: "track",
		title: "Standardization across scanners and federated learning",
		trackId: trackId.technical,
		roomId: roomId.technical,
	},
	{
		day: 3,
		startTime: "14:00",
		durationMinutes: 75,
		kind: "panel",
		title: "Joint panel discussion: from research to routine",
		roomId: roomId.plenary,
	},
];

export const ainm2023Sessions: Row<typeof sessions>[] = program.map(({ talk: _, ...s }, i) => ({
	...s,
	id: `seed-2023-session-${i + 1}`,
	editionId: EDITION_ID,
	seq: i + 1,
	guid: `5eed2023-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
}));

export const ainm2023Talks: Row<typeof talks>[] = program.flatMap((s, i) =>
	s.talk
		? [
				{
					id: `seed-2023-talk-${i + 1}`,
					editionId: EDITION_ID,
					sessionId: `seed-2023-session-${i + 1}`,
					title: s.talk.title,
				},
			]
		: [],
);

export const ainm2023TalkSpeakers: Row<typeof talkSpeakers>[] = program.flatMap((s, i) =>
	s.talk ? [{ editionId: EDITION_ID, talkId: `seed-2023-talk-${i + 1}`, speakerId: s.talk.speakerId }] : [],
);
