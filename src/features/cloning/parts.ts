/**
 * What a clone can carry from one edition to the next, and the one input shape shared by the
 * setup wizard's forms and the API: which edition to copy from, which parts, and new names for the
 * source's rooms.
 */
import { z } from "@hono/zod-openapi";
import { singleLine } from "../../lib/text-input";

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

export const ROOM_NAME_MAX = 100;

/**
 * A clone request. `roomMap` names a source room (by id) in the new venue; rooms left out or
 * blank keep their names. Parts are deduplicated.
 */
export const CloneRequest = z
	.object({
		sourceEditionId: z
			.string({ error: "Choose the edition to copy from." })
			.trim()
			.min(1, "Choose the edition to copy from.")
			.max(64, "Choose the edition to copy from."),
		parts: z
			.array(z.enum(CLONE_PARTS, { error: "Choose parts from the list." }), { error: "Choose the parts to copy." })
			.min(1, "Choose at least one part to copy.")
			.max(CLONE_PARTS.length, "Choose each part at most once.")
			.transform((parts) => CLONE_PARTS.filter((part) => parts.includes(part))),
		roomMap: z
			.record(
				z.string().max(64),
				singleLine({ error: "Give a room name." })
					.trim()
					.max(ROOM_NAME_MAX, `Use at most ${ROOM_NAME_MAX} characters.`),
			)
			.default({})
			.openapi({ example: { "room-id-of-blauwe-zaal": "Hall A" } }),
	})
	.openapi("CloneRequest");

export type CloneRequestData = z.infer<typeof CloneRequest>;

/** The wizard's form field of a part's checkbox and of a room's new name. */
export const partField = (part: ClonePart) => `part.${part}`;
export const roomField = (roomId: string) => `roomMap.${roomId}`;

/** The posted wizard form (`part.<part>=on`, `roomMap.<roomId>=name`) as a clone request to validate. */
export function requestFromForm(values: Record<string, string>): Record<string, unknown> {
	const roomMap: Record<string, string> = {};
	for (const [name, value] of Object.entries(values)) {
		if (name.startsWith("roomMap.")) roomMap[name.slice("roomMap.".length)] = value;
	}
	return {
		sourceEditionId: values.sourceEditionId ?? "",
		parts: CLONE_PARTS.filter((part) => values[partField(part)] === "on"),
		roomMap,
	};
}

/** The wizard form fields that carry a validated request (the preview page's hidden form). */
export function formFromRequest(request: CloneRequestData): Record<string, string> {
	return {
		sourceEditionId: request.sourceEditionId,
		...Object.fromEntries(request.parts.map((part) => [partField(part), "on"])),
		...Object.fromEntries(
			Object.entries(request.roomMap)
				.filter(([, name]) => name !== "")
				.map(([id, name]) => [roomField(id), name]),
		),
	};
}
