/**
 * The parts of an edition that travel to the next one (by clone or template): their keys in the
 * wizard's order, labels and hints.
 */
/** The parts of an edition the wizard offers, in the order it lists them. */
export const CLONE_PARTS = [
	"pages",
	"rooms_tracks",
	"program",
	"registration",
	"abstract_call",
	"evaluation",
	"checklist",
	"organizer_reminders",
	"sponsor_tiers",
	"email_texts",
] as const;
export type ClonePart = (typeof CLONE_PARTS)[number];
export const PART_LABELS: Record<ClonePart, string> = {
	pages: "Site pages",
	rooms_tracks: "Tracks and rooms",
	program: "Session formats and program skeleton",
	registration: "Registration form and ticket types",
	abstract_call: "Call for abstracts and review criteria",
	evaluation: "Evaluation survey",
	checklist: "Checklist timeline",
	organizer_reminders: "Organizer reminders",
	sponsor_tiers: "Sponsor tiers",
	email_texts: "Email texts",
};
/** What each part brings and what stays behind, as the wizard explains it beside the checkbox. */
export const PART_HINTS: Record<ClonePart, string> = {
	pages: "Titles, addresses and texts of the subsite's pages.",
	rooms_tracks: "Tracks with their audiences, and rooms under the names you give them below.",
	program:
		"Every session at the same day and local time, in the mapped rooms and tracks; no talks, speakers or chairs. Named-lecture slots stay empty for the new lecturers.",
	registration: "The registration questions and the ticket types with their prices and sale windows.",
	abstract_call: "The call's window, topics, presentation types and word limit, and the review criteria.",
	evaluation: "The questions of the evaluation survey (no answers).",
	checklist: "Every task at the same distance from day 1, open again.",
	organizer_reminders:
		"Every reminder to the committee at the same distance from its date (day 1, the last day, the call for abstracts), not sent yet; placeholders are filled when it goes out.",
	sponsor_tiers: "The tiers only: sponsors are the companies of one year.",
	email_texts:
		"The texts of the edition's emails (confirmations, calls, the survey invitation), placeholders filled in.",
};

/** The wizard's form field of a part's checkbox and of a room's new name. */
export const partField = (part: ClonePart) => `part.${part}`;
