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
 * One zod schema per part. Each row is validated by the very fields the console and the API use
 * for that row (../content/collections.ts, ../program/schemas.ts, ../editions/abstract-call.ts),
 * so a template cannot hold what an editor would refuse; the types are the drizzle tables' own
 * (../cloning/edition-parts.ts). Failures name the path of the bad field, e.g.
 * `parts.checklist.3.dueOffsetDays`, as the data contract's `fields`.
 */
import { z } from "zod";
import { CLONE_PARTS, type ClonePart } from "../../domain/edition-parts";
import { type FieldSpec, int, text } from "../../domain/fields";
import { placeholderProblem } from "../../domain/placeholders";
import { AppError, fieldErrors } from "../../lib/errors";
import { multiLine, singleLine } from "../../lib/text-input";
import type { EditionParts, PartDocs } from "../cloning";
import { refKey } from "../cloning";
import { collectionByKey } from "../content";
import { ABSTRACT_CALL_FIELDS, callDateProblems } from "../editions";
import { sessionFields } from "../program";

/** The version of the document format; a later, incompatible format gets a new number. */
export const TEMPLATE_SCHEMA = "baton.template/1";

export interface TemplateDocument {
	schema: typeof TEMPLATE_SCHEMA;
	name: string;
	description: string;
	parts: EditionParts;
}

const MAX_ROWS = 1000;

/** An order field that may be left out: rows without one keep the document's order. */
const order = (name: string) => int(name, "Order", { min: 0, max: 10_000, fallback: null });

/** A local key by which sessions refer to a room or track. */
const localKey = text("key", "Key", { max: 100, hint: "How sessions name it; its name when left out." });

const optionalRef = (label: string) =>
	singleLine({ error: `Give the ${label} as text, or null.` })
		.trim()
		.min(1, `Give the ${label}, or null.`)
		.max(100, "Use at most 100 characters.")
		.nullable()
		.default(null);

/**
 * A row: the named fields of a field list (and the document's own extras), strict, so a typo in
 * a key is an error rather than silently dropped; the collection's cross-field rules apply too.
 */
function rowOf(
	fields: readonly FieldSpec[],
	names: readonly string[],
	extra: Record<string, z.ZodType> = {},
	check?: (row: Record<string, unknown>) => Record<string, string> | null,
) {
	const picked = names.map((name) => {
		const field = fields.find((f) => f.name === name);
		if (!field) throw new Error(`No field ${name}`);
		return [name, field.schema] as const;
	});
	return z.strictObject({ ...Object.fromEntries(picked), ...extra }).superRefine((row, ctx) => {
		for (const [path, message] of Object.entries(check?.(row) ?? {}))
			ctx.addIssue({ code: "custom", path: [path], message });
	});
}

function fieldsOf(collection: string) {
	const def = collectionByKey(collection);
	if (!def) throw new Error(`No collection ${collection}`);
	return def;
}

/** A collection's row, from its own fields and rules, with `position` (or `orderField`) optional. */
function collectionRow(collection: string, names: readonly string[], orderField = "position") {
	const def = fieldsOf(collection);
	return rowOf(def.fields, names, { [orderField]: order(orderField).schema }, def.check);
}

/** Rows of one kind: at most MAX_ROWS, a left-out order becoming the row's place in the list (from 1). */
function rows(row: z.ZodType, orderField: string | null = "position") {
	return z
		.array(row, { error: "Give a list of rows." })
		.max(MAX_ROWS, `At most ${MAX_ROWS} rows.`)
		.transform((list) =>
			orderField === null
				? list
				: (list as Record<string, unknown>[]).map((r, i) => ({ ...r, [orderField]: r[orderField] ?? i + 1 })),
		);
}

/** The named fields' values must be unique within the list; each repeat is reported at its own path. */
function unique(
	list: readonly unknown[],
	keyOf: (row: Record<string, unknown>) => string,
	ctx: z.RefinementCtx,
	path: (i: number) => PropertyKey[],
	what: string,
) {
	const seen = new Set<string>();
	(list as Record<string, unknown>[]).forEach((row, i) => {
		const key = keyOf(row);
		if (seen.has(key)) ctx.addIssue({ code: "custom", path: path(i), message: `Another ${what} has “${key}”.` });
		seen.add(key);
	});
}

// The rules of the call's own editor.
const callRow = rowOf(
	ABSTRACT_CALL_FIELDS,
	ABSTRACT_CALL_FIELDS.map((f) => f.name),
	{},
	callDateProblems,
);

const sessionRow = rowOf(sessionFields, ["kind", "title", "description", "day", "startTime", "durationMinutes"], {
	seq: z
		.number({ error: "Enter a whole number." })
		.int("Enter a whole number.")
		.min(1, "Use 1 or more.")
		.max(100_000, "Use 100000 or less.")
		.optional(),
	room: optionalRef("room's key"),
	track: optionalRef("track's key"),
	namedLecture: optionalRef("named lecture's slug"),
});

/**
 * One schema per part, each producing exactly the part's document type. The field builders yield
 * untyped values (one FieldSpec type serves every kind of field), so each schema is cast to the
 * part's type, which comes from the drizzle tables; the tests read the parsed documents back exactly.
 */
export const PART_SCHEMAS: { [P in ClonePart]: z.ZodType<PartDocs[P]> } = {
	pages: rows(collectionRow("pages", ["slug", "title", "body", "published"], "navOrder"), "navOrder").superRefine(
		(list, ctx) =>
			unique(
				list,
				(p) => String(p.slug),
				ctx,
				(i) => [i, "slug"],
				"page",
			),
	) as unknown as z.ZodType<PartDocs["pages"]>,
	rooms_tracks: z
		.strictObject({
			tracks: rows(
				rowOf(fieldsOf("tracks").fields, ["name", "audience", "color"], {
					key: localKey.schema,
					position: order("position").schema,
				}),
			).default([]),
			rooms: rows(
				rowOf(fieldsOf("rooms").fields, ["name", "capacity"], {
					key: localKey.schema,
					position: order("position").schema,
				}),
			).default([]),
		})
		.transform(({ tracks, rooms }) => ({
			// A blank key means "by name": drop it, so the document reads as written.
			tracks: (tracks as Record<string, unknown>[]).map(({ key, ...t }) => (key ? { key, ...t } : t)),
			rooms: (rooms as Record<string, unknown>[]).map(({ key, ...r }) => (key ? { key, ...r } : r)),
		}))
		.superRefine((part, ctx) => {
			const named = (r: Record<string, unknown>) => refKey(r as { key?: string; name: string });
			unique(part.tracks, named, ctx, (i) => ["tracks", i, "name"], "track");
			unique(part.rooms, named, ctx, (i) => ["rooms", i, "name"], "room");
		}) as unknown as z.ZodType<PartDocs["rooms_tracks"]>,
	program: rows(sessionRow, null).superRefine((list, ctx) => {
		const numbered = list.flatMap((s, i) => ((s as { seq?: number }).seq === undefined ? [] : [[s, i] as const]));
		const seen = new Set<number>();
		for (const [s, i] of numbered) {
			const seq = (s as { seq: number }).seq;
			if (seen.has(seq))
				ctx.addIssue({ code: "custom", path: [i, "seq"], message: `Another session has number ${seq}.` });
			seen.add(seq);
		}
	}) as unknown as z.ZodType<PartDocs["program"]>,
	registration: z.strictObject({
		fields: rows(collectionRow("registration-fields", ["label", "kind", "required", "options"])).default([]),
		ticketTypes: rows(
			collectionRow("ticket-types", [
				"name",
				"priceCents",
				"currency",
				"salesOpenOffsetDays",
				"salesOpenTime",
				"salesCloseOffsetDays",
				"salesCloseTime",
				"capacity",
			]),
		).default([]),
	}) as unknown as z.ZodType<PartDocs["registration"]>,
	abstract_call: z.strictObject({
		call: callRow.nullable().default(null),
		reviewCriteria: rows(collectionRow("review-criteria", ["label", "scaleMax", "weight"])).default([]),
	}) as unknown as z.ZodType<PartDocs["abstract_call"]>,
	evaluation: rows(collectionRow("survey-questions", ["prompt", "kind", "required"])) as unknown as z.ZodType<
		PartDocs["evaluation"]
	>,
	checklist: rows(collectionRow("checklist", ["title", "ownerRole", "dueOffsetDays"])) as unknown as z.ZodType<
		PartDocs["checklist"]
	>,
	organizer_reminders: rows(
		collectionRow("organizer-reminders", ["subject", "body", "anchor", "offsetDays", "role"]),
	) as unknown as z.ZodType<PartDocs["organizer_reminders"]>,
	sponsor_tiers: rows(collectionRow("sponsor-tiers", ["name"])) as unknown as z.ZodType<PartDocs["sponsor_tiers"]>,
	email_texts: rows(collectionRow("email-texts", ["key", "subject", "body"])).superRefine((list, ctx) =>
		unique(
			list,
			(t) => String(t.key),
			ctx,
			(i) => [i, "key"],
			"email text",
		),
	) as unknown as z.ZodType<PartDocs["email_texts"]>,
};

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

const partsSchema = z
	.strictObject(
		Object.fromEntries(CLONE_PARTS.map((part) => [part, PART_SCHEMAS[part].optional()])) as {
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
export const TemplateDocumentSchema: z.ZodType<TemplateDocument> = z
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
			parts: partsSchema,
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
	) as unknown as z.ZodType<TemplateDocument>;

export type ParsedDocument = { ok: true; document: TemplateDocument } | { ok: false; fields: Record<string, string> };

/**
 * Validates a template document; failures as `{ "parts.checklist.3.dueOffsetDays": "…" }`.
 *
 * @example parseTemplateDocument(JSON.parse(file)) // { ok: true, document }
 */
export function parseTemplateDocument(value: unknown): ParsedDocument {
	const result = TemplateDocumentSchema.safeParse(value);
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
