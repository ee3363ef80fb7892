/**
 * Demo data: the AINM series and its first edition, AINM 2023 in Groningen, from the facts in
 * shared/seed-facts.md. Names, dates, tracks, the named lectures and the plenary lectures are
 * facts; session times, rooms, the parallel sessions and the texts around them are our own
 * illustration, and every invented person is a speaker marked `fictional`. Real people appear only
 * as the facts say: no invented statements, talks or roles.
 * Ids are fixed so that seeding again updates these rows instead of adding copies. The edition's
 * pages and configuration are in ./ainm-site.ts.
 */
import type {
	editions,
	hostCalls,
	namedLectures,
	rooms,
	series,
	sessionChairs,
	sessions,
	speakers,
	talkSpeakers,
	talks,
	tracks,
} from "../../db/schema";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

const SERIES_ID = "seed-series-ainm";
export const EDITION_ID = "seed-edition-ainm-2023";

export const ainmSeries: Row<typeof series> = {
	id: SERIES_ID,
	slug: "ainm",
	name: "Artificial Intelligence and Informatics in Nuclear Medicine",
	shortName: "AINM",
	description:
		"A biennial symposium on artificial intelligence and informatics in nuclear medicine, affiliated with the European Association of Nuclear Medicine (EANM). Each edition is organized by a new host institution; selected abstracts appear in a special issue of Frontiers in Nuclear Medicine.",
	cadenceYears: 2,
	society: "EANM (European Association of Nuclear Medicine)",
	// The standing partners of the series (seed-facts: the affiliated society and the journal partner).
	// No logo: none is invented for AINM.
	partners: [
		{
			name: "European Association of Nuclear Medicine (EANM)",
			kind: "society",
			url: "https://www.eanm.org/",
			logoUrl: "",
		},
		{
			name: "Frontiers in Nuclear Medicine",
			kind: "journal",
			url: "https://www.frontiersin.org/journals/nuclear-medicine",
			logoUrl: "",
		},
	],
	institutionId: "seed-institution-umcg",
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
	// The demo institution of ./demo-accounts.ts.
	hostInstitutionId: "seed-institution-umcg",
	venueName: "University Medical Center Groningen (UMCG)",
	venueAddress: "Hanzeplein 1, 9713 GZ Groningen",
	city: "Groningen",
	country: "NL",
	mapUrl: "https://www.openstreetmap.org/search?query=Hanzeplein%201%2C%209713%20GZ%20Groningen",
	// example.org: clearly not a real mailbox.
	contactEmail: "ainm2023@example.org",
	logoUrl: "",
	// Both carry white text at a contrast of at least 4.5:1 (8.0 and 5.0).
	primaryColor: "#00567a",
	accentColor: "#b45309",
	heroText:
		"The first edition brought around 250 participants from more than 20 countries to {{edition.city}} for three days of lectures, two parallel tracks and a joint panel discussion.",
	status: "archived",
};

const trackId = { clinical: "seed-2023-track-clinical", technical: "seed-2023-track-technical" } as const;
const roomId = {
	plenary: "seed-2023-room-plenary",
	clinical: "seed-2023-room-a",
	technical: "seed-2023-room-b",
	foyer: "seed-2023-room-foyer",
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
	{ id: roomId.foyer, editionId: EDITION_ID, name: "Foyer", capacity: 250, position: 4 },
];

// ---------------------------------------------------------------------------------------------
// Speakers

/** Every demo speaker agreed to publication on this (fixed, so re-seeding changes nothing) day. */
const CONSENTED_AT = new Date("2023-09-01T00:00:00Z");

const speakerId = {
	chiti: "seed-2023-speaker-chiti",
	visvikis: "seed-2023-speaker-visvikis",
	buvat: "seed-2023-speaker-buvat",
	manuvie: "seed-2023-speaker-manuvie",
	okafor: "seed-2023-speaker-okafor",
	henriksen: "seed-2023-speaker-henriksen",
	tan: "seed-2023-speaker-tan",
	marchetti: "seed-2023-speaker-marchetti",
	iyer: "seed-2023-speaker-iyer",
	yildiz: "seed-2023-speaker-yildiz",
	ferreira: "seed-2023-speaker-ferreira",
	nakamura: "seed-2023-speaker-nakamura",
	haddad: "seed-2023-speaker-haddad",
	janssen: "seed-2023-speaker-janssen",
	rojas: "seed-2023-speaker-rojas",
	carter: "seed-2023-speaker-carter",
} as const;

/** The real speakers of AINM 2023: only what the facts say about them. */
const realSpeakers: Row<typeof speakers>[] = [
	{ id: speakerId.chiti, seq: 1, name: "Arturo Chiti", bio: "Editor-in-chief of EJNMMI." },
	{ id: speakerId.visvikis, seq: 2, name: "Dimitris Visvikis" },
	{ id: speakerId.buvat, seq: 3, name: "Irene Buvat" },
	{ id: speakerId.manuvie, seq: 4, name: "Ritumbra Manuvie" },
].map((s) => ({ ...s, editionId: EDITION_ID, consentedAt: CONSENTED_AT, fictional: false }));

/** Invented speakers of the parallel sessions, flagged as fictional in the data and in their bios. */
const fictionalSpeakers: Row<typeof speakers>[] = [
	{
		id: speakerId.okafor,
		name: "Chidinma Okafor",
		country: "NG",
		affiliation: "Fictional University Hospital Lagos",
		bio: "Nuclear medicine physician interested in AI support for reading whole-body PET/CT.",
	},
	{
		id: speakerId.henriksen,
		name: "Lars Henriksen",
		country: "DK",
		affiliation: "Fictional University Hospital Aarhus",
		bio: "Medical physicist working on PET reconstruction, data corrections and imaging informatics.",
	},
	{
		id: speakerId.tan,
		name: "Wei Ling Tan",
		country: "SG",
		affiliation: "Fictional University Hospital Singapore",
		bio: "Data scientist developing segmentation models and federated learning infrastructure for PET.",
	},
	{
		id: speakerId.marchetti,
		name: "Giulia Marchetti",
		country: "IT",
		affiliation: "Fictional University Hospital Bologna",
		bio: "Nuclear medicine physician in a theranostics unit, with a research focus on dosimetry.",
	},
	{
		id: speakerId.iyer,
		name: "Ananya Iyer",
		country: "IN",
		affiliation: "Fictional University Hospital Bengaluru",
		bio: "Medical physicist working on scatter correction and organ segmentation for dosimetry.",
	},
	{
		id: speakerId.yildiz,
		name: "Emre Yıldız",
		country: "TR",
		affiliation: "Fictional University Hospital Ankara",
		bio: "Physicist developing motion correction methods for PET/CT and PET/MR.",
	},
	{
		id: speakerId.ferreira,
		name: "Joana Ferreira",
		country: "BR",
		affiliation: "Fictional University Hospital São Paulo",
		bio: "Nuclear medicine physician studying outcome prediction in radioligand therapy.",
	},
	{
		id: speakerId.nakamura,
		name: "Haruto Nakamura",
		country: "JP",
		affiliation: "Fictional University Hospital Osaka",
		bio: "Engineer working on image quality, denoising and harmonization of PET across scanners.",
	},
	{
		id: speakerId.haddad,
		name: "Layla Haddad",
		country: "JO",
		affiliation: "Fictional University Hospital Amman",
		bio: "Radiologist and regulatory scientist following the approval of AI-based medical devices.",
	},
	{
		id: speakerId.janssen,
		name: "Sanne Janssen",
		country: "NL",
		affiliation: "Fictional University Hospital Utrecht",
		bio: "Nuclear medicine physician and residency program director with an interest in AI education.",
	},
	{
		id: speakerId.rojas,
		name: "Mateo Rojas",
		country: "CL",
		affiliation: "Fictional University Hospital Santiago",
		bio: "Computer scientist researching explainable AI for medical imaging.",
	},
	{
		id: speakerId.carter,
		name: "Emily Carter",
		country: "US",
		affiliation: "Fictional University Hospital Boston",
		bio: "Physicist working on kinetic modelling, total-body PET and privacy-preserving machine learning.",
	},
].map((s, i) => ({
	...s,
	editionId: EDITION_ID,
	seq: realSpeakers.length + i + 1,
	bio: `Fictional speaker (demo data). ${s.bio}`,
	consentedAt: CONSENTED_AT,
	fictional: true,
}));

export const ainm2023Speakers: Row<typeof speakers>[] = [...realSpeakers, ...fictionalSpeakers];

// ---------------------------------------------------------------------------------------------
// The program

interface TalkSeed {
	title: string;
	abstract: string;
	speakerId: string;
}

type SessionSeed = Omit<Row<typeof sessions>, "id" | "editionId" | "seq" | "guid"> & {
	/** The one lecture of a plenary or named-lecture session: it fills the session (no duration). */
	talk?: { title: string; speakerId: string };
	/** The talks of a parallel session, 25 minutes each, in order. */
	talks?: TalkSeed[];
	chairIds?: string[];
};

const TRACK_TALK_MINUTES = 25;

// The program; seq and guid follow from the position, so re-seeding keeps them stable. New
// sessions go at the END, whatever their day: moving a session would change its seq, and an
// existing database would then refuse the upsert on the unique (edition, seq) index.
const program: SessionSeed[] = [
	{
		day: 1,
		startTime: "09:00",
		durationMinutes: 30,
		kind: "plenary",
		title: "Opening of AINM 2023",
		description: "Welcome by the organizing committee and the host, the University Medical Center Groningen.",
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
			speakerId: speakerId.chiti,
		},
	},
	{ day: 1, startTime: "10:15", durationMinutes: 30, kind: "break", title: "Coffee break" },
	{
		day: 1,
		startTime: "10:45",
		durationMinutes: 90,
		kind: "track",
		title: "Lesion detection and segmentation",
		description:
			"Automated detection and segmentation of lesions on PET/CT: how well current methods work in clinical reading, and what they add to the report.",
		trackId: trackId.clinical,
		roomId: roomId.clinical,
		chairIds: [speakerId.ferreira],
		talks: [
			{
				title:
					"Automated lesion detection in whole-body [18F]FDG PET/CT of lymphoma: a second reader for the physician",
				abstract:
					"Whole-body FDG PET/CT of lymphoma can show dozens of lesions, and reading them all takes time. We present a deep-learning detector trained on routine staging scans and discuss how it behaves as a second reader: which lesions it finds that readers overlook, which physiological uptake it mistakes for disease, and how its findings could be shown in the reading software.",
				speakerId: speakerId.okafor,
			},
			{
				title: "Total metabolic tumour volume from automated segmentation: how close to expert contours?",
				abstract:
					"Total metabolic tumour volume is a promising prognostic marker, but manual delineation is too slow for routine use. We compare fully automated segmentation with contours drawn by experienced readers, look at where the two disagree, and ask what level of agreement is good enough for clinical decisions.",
				speakerId: speakerId.tan,
			},
			{
				title: "Deep learning for bone metastases on PSMA PET/CT: designing a fair reader study",
				abstract:
					"Reported accuracies of AI detectors are hard to compare because study designs differ. Taking the detection of bone metastases on PSMA PET/CT as an example, we discuss how to design a reader study that measures what matters clinically: reading time, confidence and agreement, with and without AI support.",
				speakerId: speakerId.marchetti,
			},
		],
	},
	{
		day: 1,
		startTime: "10:45",
		durationMinutes: 90,
		kind: "track",
		title: "Attenuation correction and data corrections",
		description:
			"Deep-learning methods for the corrections every quantitative PET image needs: attenuation, scatter and motion.",
		trackId: trackId.technical,
		roomId: roomId.technical,
		chairIds: [speakerId.carter],
		talks: [
			{
				title: "CT-free attenuation correction for brain PET with a generative network",
				abstract:
					"Attenuation maps derived from MR or from the emission data themselves could spare patients a CT scan. We train a generative network to predict pseudo-CT images for brain PET, evaluate the quantitative accuracy of the corrected images region by region, and discuss the failure cases a clinical implementation must catch.",
				speakerId: speakerId.henriksen,
			},
			{
				title: "Deep-learning scatter estimation for PET: a check against Monte Carlo simulation",
				abstract:
					"Model-based scatter correction is accurate but slow, and it struggles with activity outside the field of view. We estimate scatter with a convolutional network and compare the estimates with Monte Carlo simulations in phantoms and patient data, paying attention to large patients and high bladder activity.",
				speakerId: speakerId.iyer,
			},
			{
				title: "Learned respiratory motion correction for thoracic PET",
				abstract:
					"Breathing blurs lung and liver lesions and biases their uptake values. We present a network that estimates motion between gated PET frames without an external respiratory signal, and compare motion-corrected reconstructions with ungated and gated images on phantom and clinical data.",
				speakerId: speakerId.yildiz,
			},
		],
	},
	{
		day: 2,
		startTime: "09:00",
		durationMinutes: 45,
		kind: "named_lecture",
		title: "Anne Paans lecture 2023",
		roomId: roomId.plenary,
		namedLectureId: "seed-lecture-paans",
		talk: { title: "AI for data corrections in nuclear medicine imaging", speakerId: speakerId.visvikis },
	},
	{
		day: 2,
		startTime: "09:45",
		durationMinutes: 45,
		kind: "plenary",
		title: "Plenary lecture",
		roomId: roomId.plenary,
		talk: { title: "The potential applications of ChatGPT in nuclear medicine", speakerId: speakerId.buvat },
	},
	{
		day: 2,
		startTime: "11:00",
		durationMinutes: 90,
		kind: "track",
		title: "Dosimetry and theranostics",
		description: "AI in radioligand therapy: from patient-specific dosimetry to predicting who will benefit.",
		trackId: trackId.clinical,
		roomId: roomId.clinical,
		chairIds: [speakerId.okafor],
		talks: [
			{
				title: "Towards single-time-point dosimetry for [177Lu]Lu-PSMA therapy with machine learning",
				abstract:
					"Imaging at several time points after each cycle is demanding for patients and departments. We explore whether machine-learning models can estimate time-integrated activity from a single post-therapy SPECT/CT scan, and discuss the uncertainty such a shortcut adds to absorbed-dose estimates.",
				speakerId: speakerId.marchetti,
			},
			{
				title: "Automated kidney and salivary gland segmentation for organ-at-risk dosimetry",
				abstract:
					"Organ-at-risk dosimetry depends on accurate organ outlines at every imaging time point. We describe an automated segmentation pipeline for kidneys and salivary glands on SPECT/CT, its agreement with manual outlines, and the effect of the remaining segmentation errors on absorbed-dose estimates.",
				speakerId: speakerId.iyer,
			},
			{
				title: "Predicting response to radioligand therapy from baseline PET: promise and pitfalls",
				abstract:
					"Models that predict treatment response from pre-therapy PET could help to select patients for radioligand therapy. We review published approaches, show why small single-centre cohorts tend to overestimate performance, and propose what an external validation of such a model should include.",
				speakerId: speakerId.ferreira,
			},
		],
	},
	{
		day: 2,
		startTime: "11:00",
		durationMinutes: 90,
		kind: "track",
		title: "Long-axial-field-of-view (total-body) PET",
		description:
			"Long-axial-field-of-view scanners image the whole body at once: what AI can do with their sensitivity, and with their data.",
		trackId: trackId.technical,
		roomId: roomId.technical,
		chairIds: [speakerId.yildiz],
		talks: [
			{
				title: "Low-dose total-body PET: deep-learning denoising for lower activity and shorter scans",
				abstract:
					"The high sensitivity of long-axial-field-of-view PET allows lower injected activities or shorter scans, at the cost of noise. We train denoising networks on full-count data, test them on reduced-count reconstructions, and discuss how to make sure that small lesions are not smoothed away.",
				speakerId: speakerId.nakamura,
			},
			{
				title: "Fast parametric imaging on long-axial-field-of-view PET with neural networks",
				abstract:
					"Dynamic total-body imaging makes whole-body parametric images possible, but voxel-wise kinetic modelling is slow. We present a network that estimates kinetic parameters directly from the dynamic frames and compare it with conventional fitting in speed, bias and noise.",
				speakerId: speakerId.carter,
			},
			{
				title: "From list mode to clinical images: managing the data of total-body PET",
				abstract:
					"A single dynamic total-body study can produce hundreds of gigabytes of list-mode data. We describe how a department can store, reconstruct and archive such studies, which data are worth keeping for research, and where AI pipelines fit into this informatics infrastructure.",
				speakerId: speakerId.henriksen,
			},
		],
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
			speakerId: speakerId.manuvie,
		},
	},
	{
		day: 3,
		startTime: "10:00",
		durationMinutes: 90,
		kind: "track",
		title: "Explainability, regulation and education",
		description: "What clinicians need to trust, approve and use AI tools: explanations, regulation and training.",
		trackId: trackId.clinical,
		roomId: roomId.clinical,
		chairIds: [speakerId.marchetti],
		talks: [
			{
				title: "Opening the black box: what saliency maps can and cannot tell the PET reader",
				abstract:
					"Saliency maps are the most common way to explain image-based AI, but they can mislead. We show examples from PET classification models whose explanations highlight plausible and implausible regions, and discuss what a useful explanation for nuclear medicine physicians should show.",
				speakerId: speakerId.rojas,
			},
			{
				title: "Predetermined change control plans: updating AI software after approval",
				abstract:
					"AI models can improve with new data, but a change to an authorized medical device normally needs a new review. Predetermined change control plans, as proposed by the US Food and Drug Administration, describe in advance which modifications are planned and how they will be validated. We discuss what such a plan could look like for a PET segmentation tool.",
				speakerId: speakerId.haddad,
			},
			{
				title: "Teaching AI to nuclear medicine residents: a practical curriculum",
				abstract:
					"Residents will work with AI tools throughout their careers, yet few training programs teach how these tools work and how they fail. We outline a short curriculum that combines lectures, hands-on sessions with open data sets and the critical reading of AI papers.",
				speakerId: speakerId.janssen,
			},
		],
	},
	{
		day: 3,
		startTime: "10:00",
		durationMinutes: 90,
		kind: "track",
		title: "Standardization across scanners and federated learning",
		description:
			"Models that work beyond the hospital that trained them: harmonized images, and training without sharing data.",
		trackId: trackId.technical,
		roomId: roomId.technical,
		chairIds: [speakerId.henriksen],
		talks: [
			{
				title: "EARL-compliant reconstructions as a basis for multicentre AI models",
				abstract:
					"Differences between scanners and reconstruction settings change the images AI models learn from. We examine how EARL-harmonized reconstructions affect the transfer of a segmentation model between centres, and when harmonization in image or feature space is still needed.",
				speakerId: speakerId.nakamura,
			},
			{
				title: "Federated training of a PET segmentation network across hospitals",
				abstract:
					"Federated learning trains a shared model while the images stay in each hospital. We walk through the practical side of a federated network of PET centres: data curation, heterogeneous scanners, communication rounds, and the governance agreements that precede any training.",
				speakerId: speakerId.tan,
			},
			{
				title: "Privacy risks of sharing trained models: membership inference and defences",
				abstract:
					"Even when no images are shared, a trained model can leak information about its training data. We demonstrate membership inference attacks on PET models and compare defences such as differential privacy by the accuracy they cost.",
				speakerId: speakerId.carter,
			},
		],
	},
	{
		day: 3,
		startTime: "14:00",
		durationMinutes: 75,
		kind: "panel",
		title: "Joint panel discussion: from research to routine",
		description:
			"Both tracks come together to discuss what it takes to bring AI from research into clinical routine: validation, standardization, regulation and training. With questions from the audience.",
		roomId: roomId.plenary,
	},
	// Added later: appended, so the sessions above keep their seq.
	{
		day: 1,
		startTime: "08:00",
		durationMinutes: 60,
		kind: "break",
		title: "Registration and welcome coffee",
		description: "Collect your badge at the registration desk.",
	},
	{ day: 1, startTime: "12:15", durationMinutes: 60, kind: "break", title: "Lunch" },
	{
		day: 1,
		startTime: "13:15",
		durationMinutes: 90,
		kind: "poster",
		title: "Poster session: detection, segmentation and data corrections",
		description:
			"Posters of accepted abstracts on lesion detection and segmentation and on attenuation and other data corrections. Authors are at their posters during the session.",
		roomId: roomId.foyer,
	},
	{ day: 2, startTime: "10:30", durationMinutes: 30, kind: "break", title: "Coffee break" },
	{ day: 2, startTime: "12:30", durationMinutes: 60, kind: "break", title: "Lunch" },
	{
		day: 2,
		startTime: "13:30",
		durationMinutes: 90,
		kind: "poster",
		title: "Poster session: dosimetry, theranostics and total-body PET",
		description:
			"Posters of accepted abstracts on dosimetry and theranostics and on long-axial-field-of-view PET. Authors are at their posters during the session.",
		roomId: roomId.foyer,
	},
	{
		day: 2,
		startTime: "19:00",
		durationMinutes: 180,
		kind: "social",
		title: "Conference dinner",
		// A placeholder: resolved from the edition when the program or a feed is shown.
		description:
			"Dinner for all participants in the city of {{edition.city}}. Let us know when you register whether you come.",
	},
	{ day: 3, startTime: "11:30", durationMinutes: 60, kind: "break", title: "Lunch" },
	{
		day: 3,
		startTime: "12:30",
		durationMinutes: 75,
		kind: "poster",
		title: "Poster session: standardization, privacy, explainability and education",
		description:
			"Posters of accepted abstracts on standardization across scanners, federated learning and privacy, explainability, regulation, and education and training. Authors are at their posters during the session.",
		roomId: roomId.foyer,
	},
	{
		day: 3,
		startTime: "15:15",
		durationMinutes: 30,
		kind: "plenary",
		title: "Closing session",
		description:
			"Closing remarks by the organizing committee, and an invitation to institutions interested in organizing the next edition of AINM.",
		roomId: roomId.plenary,
	},
];

const sessionIdAt = (i: number) => `seed-2023-session-${i + 1}`;

export const ainm2023Sessions: Row<typeof sessions>[] = program.map(
	({ talk: _, talks: __, chairIds: ___, ...s }, i) => ({
		description: "",
		trackId: null,
		roomId: null,
		namedLectureId: null,
		...s,
		id: sessionIdAt(i),
		editionId: EDITION_ID,
		seq: i + 1,
		guid: `5eed2023-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
	}),
);

interface SeededTalk {
	row: Row<typeof talks>;
	by: string;
}

const seededTalks: SeededTalk[] = program.flatMap((s, i): SeededTalk[] => [
	// A session's single lecture keeps the id it had before sessions held several talks.
	...(s.talk
		? [
				{
					row: {
						id: `seed-2023-talk-${i + 1}`,
						editionId: EDITION_ID,
						sessionId: sessionIdAt(i),
						position: 1,
						title: s.talk.title,
						abstract: "",
						durationMinutes: null,
					},
					by: s.talk.speakerId,
				},
			]
		: []),
	...(s.talks ?? []).map((talk, n) => ({
		row: {
			id: `seed-2023-talk-${i + 1}-${n + 1}`,
			editionId: EDITION_ID,
			sessionId: sessionIdAt(i),
			position: n + 1,
			title: talk.title,
			abstract: talk.abstract,
			durationMinutes: TRACK_TALK_MINUTES,
		},
		by: talk.speakerId,
	})),
]);

export const ainm2023Talks: Row<typeof talks>[] = seededTalks.map((t) => t.row);

export const ainm2023TalkSpeakers: Row<typeof talkSpeakers>[] = seededTalks.map(({ row, by }) => ({
	editionId: EDITION_ID,
	talkId: row.id,
	speakerId: by,
	// Link lists count from 0, as the program editor writes them.
	position: 0,
}));

export const ainm2023SessionChairs: Row<typeof sessionChairs>[] = program.flatMap((s, i) =>
	(s.chairIds ?? []).map((chairId, n) => ({
		editionId: EDITION_ID,
		sessionId: sessionIdAt(i),
		speakerId: chairId,
		position: n,
	})),
);

/**
 * After the first edition the next location was still open: the stewards' open call for hosts.
 * Its deadline lies ahead, so the demo shows the "propose to host" flow.
 */
export const ainmCallForHosts: Row<typeof hostCalls> = {
	id: "seed-host-call-ainm-next",
	seriesId: SERIES_ID,
	forYear: 2027,
	deadline: "2027-03-31",
	status: "open",
	createdBy: "seed-user-steward",
	requirements:
		"A proposal should describe:\n\n- the venue: a plenary hall for about 250 people and two rooms for the parallel tracks\n- the proposed dates and the local organizing committee\n- how you would continue the Willem Vaalburg and Anne Paans lectures\n- a budget sketch: venue, catering, fees and sponsors",
};
