/**
 * The program's inputs, declared once with the content field builders: each field gives the
 * form control, the validation (forms and JSON alike) and the OpenAPI schema. Rules that need the
 * edition or other rows (days, rooms, overlaps) live in ./rules.ts and ./program.ts.
 */
import { z } from "@hono/zod-openapi";
import { SESSION_KINDS, type SessionKind } from "../../db/schema";
import {
	type FieldsData,
	formObjectOf,
	int,
	markdown,
	objectOf,
	ref,
	refList,
	select,
	text,
	time,
} from "../../domain/fields";

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
	plenary: "Plenary",
	track: "Parallel track session",
	panel: "Panel",
	named_lecture: "Named lecture",
	poster: "Poster session",
	break: "Break",
	social: "Social event",
};

// Link lists are written in one insert each: 20 rows × 4 columns stays under D1's 100 bound parameters.
const MAX_LINKED_SPEAKERS = 20;

export const sessionFields = [
	select(
		"kind",
		"Kind",
		SESSION_KINDS.map((kind) => ({ value: kind, label: SESSION_KIND_LABELS[kind] })),
		{ required: true },
	),
	text("title", "Title", { required: true, max: 200 }),
	markdown("description", "Description (Markdown)", { max: 10_000 }),
	int("day", "Day", { min: 1, max: 366, required: true }),
	time("startTime", "Starts at", { required: true, hint: "Local time at the venue, 24-hour, e.g. 10:45." }),
	int("durationMinutes", "Duration (minutes)", { min: 5, max: 720, required: true }),
	ref("roomId", "Room", "rooms", { hint: "No room: the session takes all rooms (plenaries, breaks)." }),
	ref("trackId", "Track", "tracks"),
	ref("namedLectureId", "Named lecture", "named-lectures", { hint: "Only for a named lecture session." }),
	refList("chairIds", "Chairs", "speakers", { slots: 3, max: MAX_LINKED_SPEAKERS }),
];

export const talkFields = [
	text("title", "Title", { required: true, max: 300 }),
	markdown("abstract", "Abstract (Markdown)", { max: 10_000 }),
	int("durationMinutes", "Duration (minutes)", {
		min: 1,
		max: 720,
		hint: "Leave empty when the talk fills the session.",
	}),
	int("position", "Order", { min: 0, max: 10_000, hint: "Lower numbers come first; empty adds the talk at the end." }),
	refList("speakerIds", "Speakers", "speakers", { slots: 4, max: MAX_LINKED_SPEAKERS }),
];

/**
 * A form schema whose controls are named `prefix + field` ("talk-title"), so a second form on a
 * page keeps ids apart from the first; the prefix is dropped before validation. Other names pass
 * unchanged, so the schema's strictness still refuses them.
 */
export function withPrefix<S extends z.ZodType>(prefix: string, schema: S) {
	return z.preprocess((posted) => {
		if (typeof posted !== "object" || posted === null) return posted;
		return Object.fromEntries(
			Object.entries(posted).map(([key, value]) => [key.startsWith(prefix) ? key.slice(prefix.length) : key, value]),
		);
	}, schema);
}

/** The talk form shares the session page with the session form, and both have a title and a duration. */
export const TALK_FORM_PREFIX = "talk-";

/** JSON bodies of the API. */
export const SessionInput = objectOf(sessionFields);
export const TalkInput = objectOf(talkFields);
/** Posted console forms (list fields in slots; the talk form's names prefixed). */
export const SessionForm = formObjectOf(sessionFields);
export const TalkForm = withPrefix(TALK_FORM_PREFIX, formObjectOf(talkFields));

/**
 * What the field schemas produce (blank optional fields already replaced by their defaults), typed
 * from the fields above. A talk's null position: at the end (new talks) or where it is (changed talks).
 */
export type SessionData = FieldsData<typeof sessionFields>;
export type TalkData = FieldsData<typeof talkFields>;

// ---------------------------------------------------------------------------------------------
// API responses

export const TalkJson = z
	.object({
		id: z.string(),
		sessionId: z.string(),
		position: z.number().int(),
		title: z.string(),
		abstract: z.string(),
		durationMinutes: z.number().int().nullable(),
		speakerIds: z.array(z.string()).openapi({ description: "Speaker ids, in the order they are listed." }),
	})
	.openapi("Talk");

export const SessionJson = z
	.object({
		id: z.string(),
		seq: z.number().int().openapi({ description: "Per-edition number, used in URLs and as the frab event id." }),
		guid: z.string().openapi({ description: "Stable UUID (frab guid); never changes." }),
		kind: z.enum(SESSION_KINDS),
		title: z.string(),
		description: z.string(),
		day: z.number().int().openapi({ description: "Day of the edition, from 1." }),
		date: z.string().openapi({ description: "The calendar date of `day`, YYYY-MM-DD.", example: "2023-10-09" }),
		startTime: z.string().openapi({ description: "Local wall-clock start, HH:MM.", example: "10:45" }),
		durationMinutes: z.number().int(),
		roomId: z.string().nullable().openapi({ description: "Null: the session takes all rooms." }),
		trackId: z.string().nullable(),
		namedLectureId: z.string().nullable(),
		chairIds: z.array(z.string()),
		talks: z.array(TalkJson),
	})
	.openapi("Session");
