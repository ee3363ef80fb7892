/**
 * What a clone can carry from one edition to the next, and the one input shape shared by the
 * setup wizard's forms and the API: which edition to copy from, which parts, and new names for the
 * source's rooms.
 */
import { z } from "@hono/zod-openapi";
import { singleLine } from "../../lib/text-input";
import { TASK_CHOICES } from "./decisions";
import { CLONE_PARTS, partField } from "./edition-parts";

export const ROOM_NAME_MAX = 100;
const FACT_ID_MAX = 1000;
const MAX_ACCEPTED_FACTS = 5000;

/** The wizard's form field of a fact's checkbox (`fact.<id>=on`). */
export const factField = (id: string) => `fact.${id}`;
/** The wizard's form field that accepts every proposal. */
export const ACCEPT_ALL_FIELD = "acceptAllFacts";

const SHOW_PREVIEW_AGAIN = "Look at the preview again.";

/**
 * The content version of the edition that a preview showed (the clone's and the template apply's
 * `contentVersion`), sent back when applying: the apply is refused (409) if the edition changed
 * since, so what was previewed is what is applied. Accepts "7" from a form as well as 7 from JSON.
 */
export const ExpectedContentVersion = z
	.preprocess(
		(v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
		z
			.number({ error: SHOW_PREVIEW_AGAIN })
			.int(SHOW_PREVIEW_AGAIN)
			.min(1, SHOW_PREVIEW_AGAIN)
			.max(Number.MAX_SAFE_INTEGER, SHOW_PREVIEW_AGAIN)
			.optional(),
	)
	.openapi({
		type: "integer",
		description:
			"The `contentVersion` of this edition that the preview answered. Applying is refused with 409 (`edition_changed`) when the edition changed since, so what was previewed is what is applied; left out, the edition is applied to as it is now. Ignored with a preview.",
		example: 7,
	});

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
		expectedContentVersion: ExpectedContentVersion,
		pastTasks: z
			.record(z.string().max(64), z.enum(TASK_CHOICES, { error: "Choose open, done or skipped." }))
			.default({})
			.openapi({
				description:
					"How copied checklist tasks that are already due in this edition land, by the source task's id (the preview's `pastTasks[].key`): `open`, `done` or `skipped`. A key that is not such a task is refused (422).",
				example: { "source-task-id": "done" },
			}),
		pastTasksAs: z
			.enum([...TASK_CHOICES, "suggested"], { error: "Choose open, done, skipped or suggested." })
			.default("open")
			.openapi({
				description:
					"How the past tasks not named in `pastTasks` land: `open` (the default, as copied), `done`, `skipped`, or `suggested` (each as the preview's `pastTasks[].suggested`: what the source edition did with it).",
			}),
		acceptedFacts: z
			.array(
				z
					.string({ error: "Give the ids of the preview's facts." })
					.min(1, "Give the ids of the preview's facts.")
					.max(FACT_ID_MAX, "Give the ids of the preview's facts."),
				{ error: "Give a list of the preview's fact ids." },
			)
			.max(MAX_ACCEPTED_FACTS, `Accept at most ${MAX_ACCEPTED_FACTS} facts one by one, or all of them.`)
			.default([])
			.openapi({
				description:
					"Ids of the preview's `facts` whose placeholder replaces the source's text in the copy. Nothing else is substituted: a fact not accepted stays exactly as written. An id the preview does not list is refused (422).",
				example: ["pages/about/body/0"],
			}),
		acceptAllFacts: z.boolean({ error: "Give true or false." }).default(false).openapi({
			description:
				"Accept every fact of the preview that has a placeholder (people and lines of an address have none and stay as written).",
		}),
	})
	.openapi("CloneRequest");

/** The other half of ExpectedContentVersion: the version a preview (clone or template) was made from. */
export const PreviewedContentVersion = z.number().int().openapi({
	description:
		"This edition's content version the preview was made from: send it as `expectedContentVersion` to apply exactly this.",
});

export type CloneRequestData = z.infer<typeof CloneRequest>;
export const roomField = (roomId: string) => `roomMap.${roomId}`;

/** The preview's choice for one past task (`pastTasks.<source task id>`). */
export const pastTaskField = (key: string) => `pastTasks.${key}`;

/**
 * The posted wizard form (`part.<part>=on`, `roomMap.<roomId>=name`, `pastTasks.<taskId>=done`,
 * `fact.<id>=on`, `acceptAllFacts=all`) as a clone request to validate.
 */
export function requestFromForm(values: Record<string, string>): Record<string, unknown> {
	const roomMap: Record<string, string> = {};
	const pastTasks: Record<string, string> = {};
	for (const [name, value] of Object.entries(values)) {
		if (name.startsWith("roomMap.")) roomMap[name.slice("roomMap.".length)] = value;
		if (name.startsWith("pastTasks.")) pastTasks[name.slice("pastTasks.".length)] = value;
	}
	return {
		sourceEditionId: values.sourceEditionId ?? "",
		parts: CLONE_PARTS.filter((part) => values[partField(part)] === "on"),
		roomMap,
		expectedContentVersion: values.expectedContentVersion,
		pastTasks,
		acceptedFacts: Object.entries(values)
			.filter(([name, value]) => name.startsWith("fact.") && value === "on")
			.map(([name]) => name.slice("fact.".length)),
		acceptAllFacts: values[ACCEPT_ALL_FIELD] === "all",
	};
}

/**
 * The wizard form fields that carry a validated request's choices (the preview page's hidden
 * forms); the previewed version is the preview's to add, and the accepted facts are its checkboxes.
 */
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
