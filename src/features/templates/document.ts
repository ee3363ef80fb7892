/**
 * The template document: a typed, versioned JSON document of edition parts, the same parts the
 * setup wizard copies (`CLONE_PARTS`).
 *
 *     { "schema": "baton.template/1", "name": "…", "description": "…",
 *       "parts": { "checklist": [{ "title": "Book the venue", "ownerRole": "organizer", "dueOffsetDays": -480 }] } }
 *
 * Rows carry no ids (they are made when a template is applied); a session names its room and
 * track by the room's or track's `key` (or name) and its named lecture by the lecture's slug.
 * Texts may hold the placeholders of ../cloning/placeholders.ts.
 *
 * Each part's schema is its declaration's (../cloning/part-specs.ts): every row is validated by the
 * very fields the console and the API use for that row, so a template cannot hold what an editor
 * would refuse. Failures name the path of the bad field, e.g. `parts.checklist.3.dueOffsetDays`,
 * as the data contract's `fields`.
 */
import { z } from "zod";
import { placeholderProblem } from "../../domain/placeholders";
import { AppError, fieldErrors } from "../../lib/errors";
import { multiLine, singleLine } from "../../lib/text-input";
import { CLONE_PARTS, type ClonePart, type EditionParts, type PartDocs, partSpec, refKey } from "../cloning";

/** The version of the document format; a later, incompatible format gets a new number. */
export const TEMPLATE_SCHEMA = "baton.template/1";

export interface TemplateDocument {
	schema: typeof TEMPLATE_SCHEMA;
	name: string;
	description: string;
	parts: EditionParts;
}

/** A message for a value of the wrong type only: other issues (unknown keys) keep their own. */
const typeError = (message: string) => (issue: { code: string }) =>
	issue.code === "invalid_type" ? message : undefined;

/** Every string of a value with its path, for checks that apply to all texts alike. */
function* strings(value: unknown, path: PropertyKey[] = []): Generator<[string, PropertyKey[]]> {
	if (typeof value === "string") yield [value, path];
	else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
	else if (value !== null && typeof value === "object") {
		for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
	}
}

/** The parts object: each registered part by its declaration's schema. */
const partsSchema = () =>
	z
		.strictObject(
			Object.fromEntries(CLONE_PARTS.map((part) => [part, partSpec(part).schema.optional()])) as {
				[P in ClonePart]: z.ZodOptional<z.ZodType<PartDocs[P]>>;
			},
			{ error: typeError('Give the parts as an object, e.g. { "checklist": [ … ] }.') },
		)
		.superRefine((parts, ctx) => {
			if (Object.values(parts).every((part) => part === undefined)) {
				ctx.addIssue({ code: "custom", message: `Give at least one part: ${CLONE_PARTS.join(", ")}.` });
			}
			// Sessions refer to the rooms and tracks of the same document.
			const program = parts.program ?? [];
			const rooms = new Set((parts.rooms_tracks?.rooms ?? []).map(refKey));
			const tracks = new Set((parts.rooms_tracks?.tracks ?? []).map(refKey));
			program.forEach((session, i) => {
				if (session.room !== null && !rooms.has(session.room)) {
					ctx.addIssue({
						code: "custom",
						path: ["program", i, "room"],
						message: `No room “${session.room}” in rooms_tracks.rooms.`,
					});
				}
				if (session.track !== null && !tracks.has(session.track)) {
					ctx.addIssue({
						code: "custom",
						path: ["program", i, "track"],
						message: `No track “${session.track}” in rooms_tracks.tracks.`,
					});
				}
			});
		});

/** The whole document. Its texts may hold only known placeholders. */
const documentSchema = (parts: ReturnType<typeof partsSchema>) =>
	z
		.strictObject(
			{
				schema: z.literal(TEMPLATE_SCHEMA, { error: `Use "${TEMPLATE_SCHEMA}".` }),
				name: singleLine({ error: "Give the template a name." })
					.trim()
					.min(1, "Give the template a name.")
					.max(100, "Use at most 100 characters."),
				description: multiLine({ error: "Describe the template in text." })
					.trim()
					.max(2000, "Use at most 2000 characters.")
					.default(""),
				parts,
			},
			{ error: typeError("Send a template document: an object.") },
		)
		.superRefine(
			(document, ctx) => {
				for (const [value, path] of strings(document?.parts, ["parts"])) {
					const problem = placeholderProblem(value);
					if (problem) ctx.addIssue({ code: "custom", path, message: problem });
				}
			},
			// Every text is checked even when other fields failed, so one round of fixes is enough.
			{ when: () => true },
		);

// Built once per set of parts: the registry changes only when a test adds a part.
let built: { parts: string; schema: ReturnType<typeof documentSchema> } | undefined;

/** The whole document's schema, for the parts registered now. */
export function templateDocumentSchema() {
	const parts = CLONE_PARTS.join();
	if (built?.parts !== parts) built = { parts, schema: documentSchema(partsSchema()) };
	return built.schema;
}

export type ParsedDocument = { ok: true; document: TemplateDocument } | { ok: false; fields: Record<string, string> };

/**
 * Validates a template document; failures as `{ "parts.checklist.3.dueOffsetDays": "…" }`.
 *
 * @example parseTemplateDocument(JSON.parse(file)) // { ok: true, document }
 */
export function parseTemplateDocument(value: unknown): ParsedDocument {
	const result = templateDocumentSchema().safeParse(value);
	return result.success ? { ok: true, document: result.data } : { ok: false, fields: fieldErrors(result.error) };
}

/** The 400 of a document that failed validation, with the path of each bad field. */
export const invalidDocument = (fields: Record<string, string>) =>
	new AppError(400, "invalid_template", "The template document is not valid.", fields);

/** The parts a document holds, in the wizard's order. */
export const partsOf = (document: Pick<TemplateDocument, "parts">): ClonePart[] =>
	CLONE_PARTS.filter((part) => document.parts[part] !== undefined);

/** The document with only `parts` (the others dropped). */
export function withParts(document: TemplateDocument, parts: readonly ClonePart[]): TemplateDocument {
	const kept: EditionParts = {};
	for (const part of parts) {
		if (document.parts[part] !== undefined) (kept as Record<string, unknown>)[part] = document.parts[part];
	}
	return { ...document, parts: kept };
}
