/**
 * Building blocks of the parts' template schemas (./part-specs.ts). Each row is validated by the
 * very fields the console and the API use for that row (the content collections, the program's
 * session fields, the call for abstracts' editor), so a template cannot hold what an editor would
 * refuse. Failures name the path of the bad field, e.g. `3.dueOffsetDays` within the part.
 */
import { z } from "zod";
import { type FieldSpec, int, text } from "../../domain/fields";
import { singleLine } from "../../lib/text-input";
import { collectionByKey } from "../content";

export const MAX_ROWS = 1000;

/** An order field that may be left out: rows without one keep the document's order. */
export const order = (name: string) => int(name, "Order", { min: 0, max: 10_000, fallback: null });

/** A local key by which sessions refer to a room or track. */
export const localKey = text("key", "Key", { max: 100, hint: "How sessions name it; its name when left out." });

export const optionalRef = (label: string) =>
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
export function rowOf(
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

export function fieldsOf(collection: string) {
	const def = collectionByKey(collection);
	if (!def) throw new Error(`No collection ${collection}`);
	return def;
}

/** A collection's row, from its own fields and rules, with `position` (or `orderField`) optional. */
export function collectionRow(collection: string, names: readonly string[], orderField = "position") {
	const def = fieldsOf(collection);
	return rowOf(def.fields, names, { [orderField]: order(orderField).schema }, def.check);
}

/** Rows of one kind: at most MAX_ROWS, a left-out order becoming the row's place in the list (from 1). */
export function rows(row: z.ZodType, orderField: string | null = "position") {
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
export function unique(
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
