/**
 * Field builders for edition content: each field yields the zod schema that validates it (for
 * posted forms, whose values are strings, and for JSON bodies alike) and what the console needs to
 * render it. One definition serves the form, the API, its OpenAPI description and the messages.
 */
import { z } from "@hono/zod-openapi";
import { COUNTRY_OPTIONS, isCountryCode } from "../lib/countries";
import { isIsoDate } from "../lib/dates";
import { hasUnsafeMarkup } from "../lib/markdown-input";
import { multiLine, singleLine } from "../lib/text-input";
import { isTimeZone, TIME_ZONE_NAMES, zoneLabel } from "../lib/time-zones";

export type Option<V extends string = string> = { value: V; label: string };

export type FieldKind =
	| "text"
	| "textarea"
	| "markdown"
	| "number"
	| "money"
	| "color"
	| "email"
	| "url"
	| "time"
	| "date"
	| "select"
	| "checkbox"
	| "lines";

/**
 * A field named `N` whose schema outputs `V` (after blank optional values became their defaults):
 * objectOf() maps a list of fields to the object type they validate, so the data a form or JSON
 * body was parsed into is typed from the same declaration that validates it.
 */
export interface FieldSpec<N extends string = string, V = unknown> {
	name: N;
	label: string;
	kind: FieldKind;
	required: boolean;
	hint?: string;
	/** Static choices of a select. */
	options?: readonly Option[];
	/** A select whose choices are the rows of another collection of the same edition. */
	ref?: string;
	/** A list field (see refList): how many selects its form shows. */
	slots?: number;
	/** How a stored value is written in its form control, when not as formValue() writes it (a list of records). */
	format?: (value: unknown) => string;
	schema: z.ZodType<V>;
}

interface Common {
	required?: boolean;
	hint?: string;
}

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** A required option makes a field's value non-null; an optional one without a fallback may be null. */
type NullUnlessRequired<O, V> = O extends { required: true } ? V : V | null;

/**
 * A required field gets a "required" message; an optional one becomes its default when blank.
 * `V` is what the caller declares the field produces: `inner`'s output when required, else that or
 * `fallback` (the builders' signatures pin which, e.g. NullUnlessRequired for a null fallback).
 */
function finish<N extends string, V>(
	name: N,
	label: string,
	kind: FieldKind,
	inner: z.ZodType,
	{ required = false, hint }: Common,
	fallback: unknown,
	extra: Partial<Pick<FieldSpec, "options" | "ref" | "slots">> = {},
): FieldSpec<N, V> {
	const schema = required
		? z
				.preprocess(blankToUndefined, inner.optional())
				.refine((v) => v !== undefined, `${label} is required.`)
				// zod 4 skips an optional-out schema, refine and all, when its key is absent from an
				// object: this (identity) transform ends the optional-out, so a JSON body that leaves a
				// required field out gets the same "… is required." as a form that leaves it blank.
				.transform((v) => v)
		: z.preprocess(blankToUndefined, inner.optional()).transform((v) => (v === undefined ? fallback : v));
	// The one place where the type is declared rather than inferred: which of inner's output and the
	// fallback a field yields depends on `required`, a value; the builders below state the result.
	return { name, label, kind, required, hint, schema: schema as z.ZodType<V>, ...extra };
}

/** One line of text: line breaks and control characters are refused (they could reach a mail header). */
export function text<const N extends string>(
	name: N,
	label: string,
	opts: Common & { max?: number } = {},
): FieldSpec<N, string> {
	const max = opts.max ?? 200;
	return finish(name, label, "text", singleLine().trim().max(max, `Use at most ${max} characters.`), opts, "");
}

/** Several lines of plain text, stored with LF line breaks. */
export function textarea<const N extends string>(
	name: N,
	label: string,
	opts: Common & { max?: number } = {},
): FieldSpec<N, string> {
	const max = opts.max ?? 5000;
	return finish(name, label, "textarea", multiLine().max(max, `Use at most ${max} characters.`), opts, "");
}

/** Markdown rendered without raw HTML; HTML that would be dangerous is refused outright, with a message. */
export function markdown<const N extends string>(
	name: N,
	label: string,
	opts: Common & { max?: number } = {},
): FieldSpec<N, string> {
	const max = opts.max ?? 50_000;
	const inner = multiLine()
		.max(max, `Use at most ${max} characters.`)
		.refine((v) => !hasUnsafeMarkup(v), "Use Markdown only: scripts, raw HTML and javascript: links are not allowed.");
	return finish(name, label, "markdown", inner, opts, "");
}

/** Accepts "12" from a form as well as 12 from JSON. */
const numeric = (inner: z.ZodNumber) =>
	z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : v), inner);

type IntOpts = Common & { min: number; max: number; fallback?: number | null };

/** A whole number: null when left blank, unless required or given a number as fallback. */
export function int<const N extends string, const O extends IntOpts>(
	name: N,
	label: string,
	opts: O,
): FieldSpec<N, O extends { fallback: number } ? number : NullUnlessRequired<O, number>> {
	const inner = numeric(
		z
			.number({ error: "Enter a whole number." })
			.int("Enter a whole number.")
			.min(opts.min, `Use ${opts.min} or more.`)
			.max(opts.max, `Use ${opts.max} or less.`),
	);
	return finish(name, label, "number", inner, opts, opts.fallback ?? null);
}

/** An amount in major units ("450" or "450.50") stored in cents. */
export function money<const N extends string>(name: N, label: string, opts: Common = {}): FieldSpec<N, number> {
	const inner = z.preprocess(
		(v) =>
			typeof v === "string" && /^\d{1,7}([.,]\d{1,2})?$/.test(v.trim())
				? Math.round(Number(v.trim().replace(",", ".")) * 100)
				: v,
		z
			.number({ error: "Enter an amount such as 450 or 450.50." })
			.int("Enter an amount such as 450 or 450.50.")
			.min(0, "Use 0 or more."),
	);
	return finish(name, label, "money", inner, opts, 0);
}

export function color<const N extends string>(
	name: N,
	label: string,
	opts: Common & { fallback: string },
): FieldSpec<N, string> {
	const inner = z
		.string()
		.regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #1f5f8b.")
		.transform((v) => v.toLowerCase());
	return finish(name, label, "color", inner, opts, opts.fallback);
}

export function email<const N extends string>(name: N, label: string, opts: Common = {}): FieldSpec<N, string> {
	const inner = singleLine()
		.trim()
		.max(254, "Use at most 254 characters.")
		.pipe(z.email("Enter an email address like name@example.org."));
	return finish(name, label, "email", inner, opts, "");
}

export function url<const N extends string>(name: N, label: string, opts: Common = {}): FieldSpec<N, string> {
	const inner = singleLine()
		.trim()
		.max(2000, "Use at most 2000 characters.")
		.regex(/^https?:\/\/[^\s]+$/, "Enter a web address starting with https://.");
	return finish(name, label, "url", inner, opts, "");
}

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export function time<const N extends string>(
	name: N,
	label: string,
	opts: Common & { fallback?: string } = {},
): FieldSpec<N, string> {
	return finish(
		name,
		label,
		"time",
		z.string().regex(TIME_PATTERN, "Use 24-hour time like 09:30."),
		opts,
		opts.fallback ?? "",
	);
}

/** One of `options`: the value type is the union of their values (e.g. a session's kind). */
export function select<const N extends string, V extends string>(
	name: N,
	label: string,
	options: readonly Option<V>[],
	opts: Common & { fallback?: NoInfer<V> } = {},
): FieldSpec<N, V> {
	const values: readonly string[] = options.map((o) => o.value);
	const inner = z.string().refine((v) => values.includes(v), "Choose one of the options.");
	return finish(name, label, "select", inner, opts, opts.fallback ?? values[0], { options });
}

export function country<const N extends string>(name: N, label: string, opts: Common = {}): FieldSpec<N, string> {
	const inner = z.string().refine(isCountryCode, "Choose a country.");
	return finish(name, label, "select", inner, opts, "", { options: [{ value: "", label: "—" }, ...COUNTRY_OPTIONS] });
}

/** The id of a row of another collection of the edition (checked to belong to it when saved). */
export function ref<const N extends string, const O extends Common = Common>(
	name: N,
	label: string,
	collection: string,
	opts: O = {} as O,
): FieldSpec<N, NullUnlessRequired<O, string>> {
	return finish(name, label, "select", singleLine().max(64), opts, null, { ref: collection });
}

/** A checkbox: posted as "on" when ticked and absent when not; JSON sends true or false. */
export function checkbox<const N extends string>(
	name: N,
	label: string,
	opts: { hint?: string } = {},
): FieldSpec<N, boolean> {
	const schema = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
	return { name, label, kind: "checkbox", required: false, hint: opts.hint, schema };
}

/** A list of short strings: one per line in a form (any line break), an array in JSON; each one a single line. */
export function lines<const N extends string>(
	name: N,
	label: string,
	opts: Common & { maxItems?: number; maxLength?: number } = {},
): FieldSpec<N, string[]> {
	const maxItems = opts.maxItems ?? 50;
	const maxLength = opts.maxLength ?? 200;
	const inner = z.preprocess(
		(v) =>
			typeof v === "string"
				? v
						.split(/\r\n|\r|\n/)
						.map((line) => line.trim())
						.filter(Boolean)
				: v,
		z
			.array(singleLine().trim().min(1).max(maxLength, `Keep each line under ${maxLength} characters.`))
			.max(maxItems, `At most ${maxItems} lines.`),
	);
	return finish(name, label, "lines", inner, opts, []);
}

/** The zod shape of a list of fields: each field's name to its schema. */
export type ShapeOf<F extends readonly FieldSpec[]> = { [S in F[number] as S["name"]]: S["schema"] };

/** What a list of fields validates to, e.g. `FieldsData<typeof talkFields>`. */
export type FieldsData<F extends readonly FieldSpec[]> = { [S in F[number] as S["name"]]: z.output<S["schema"]> };

/**
 * The zod object of a set of fields: strict, so unknown fields are an error and not silently
 * dropped. Typed by the fields, so `z.infer` of it is FieldsData of them.
 */
export function objectOf<const F extends readonly FieldSpec[]>(fields: F) {
	const shape: Record<string, z.ZodType> = Object.fromEntries(fields.map((f) => [f.name, f.schema]));
	return z.strictObject(shape as ShapeOf<F>);
}

/** How a stored value is shown in its form field. */
export function formValue(field: FieldSpec, value: unknown): string {
	if (value === null || value === undefined) return "";
	if (field.format) return field.format(value);
	if (field.kind === "money" && typeof value === "number") return (value / 100).toFixed(2);
	if (field.kind === "lines" && Array.isArray(value)) return value.join("\n");
	if (field.kind === "checkbox") return value ? "on" : "";
	return String(value);
}

export function date<const N extends string>(name: N, label: string, opts: Common = {}): FieldSpec<N, string> {
	const inner = z.string().refine(isIsoDate, "Enter a date like 2025-10-06.");
	return finish(name, label, "date", inner, opts, "");
}

/** Every offered zone by its canonical name (Asia/Kolkata, UTC), after a blank choice that is never a zone. */
export const TIME_ZONE_OPTIONS: readonly Option[] = [
	{ value: "", label: "Choose a time zone" },
	...TIME_ZONE_NAMES.map((zone) => ({ value: zone, label: zoneLabel(zone) })),
];

/**
 * An IANA time zone. The form starts blank unless the page suggests a zone (see
 * views/time-zone-select.tsx): a required zone is chosen, never silently the first of the list.
 */
export function timeZone<const N extends string>(name: N, label: string, opts: Common = {}): FieldSpec<N, string> {
	const inner = z.string().refine(isTimeZone, "Choose one of the options.");
	return finish(name, label, "select", inner, opts, "UTC", { options: TIME_ZONE_OPTIONS });
}

// ---------------------------------------------------------------------------------------------
// Ordered lists of references (a talk's speakers, a session's chairs)

/**
 * An ordered list of rows of another collection of the edition (e.g. a talk's speakers, first
 * author first): an array of ids in JSON. A form without JavaScript cannot post an ordered list
 * under one name (and a posted form keeps one value per name), so a form shows `slots` selects
 * named `speakerIds.1`, `speakerIds.2`, … and formObjectOf gathers them in order. The kind stays
 * "select" so that ContentField, which renders it as one select, still posts a valid one-item list.
 *
 * @example refList("speakerIds", "Speakers", "speakers", { slots: 4, max: 20 })
 */
export function refList<const N extends string>(
	name: N,
	label: string,
	collection: string,
	opts: Common & { slots?: number; max?: number } = {},
): FieldSpec<N, string[]> {
	const max = opts.max ?? 20;
	const inner = z.preprocess(
		(v) => (typeof v === "string" ? [v] : v),
		z
			.array(z.string().min(1, "Choose an entry of the list.").max(64), { error: "Send a list of ids." })
			.max(max, `Choose at most ${max}.`)
			// Listing someone twice is a slip, and the link tables allow each pair once.
			.refine((ids) => new Set(ids).size === ids.length, "Choose each one only once."),
	);
	return finish(name, label, "select", inner, opts, [], { ref: collection, slots: opts.slots ?? 3 });
}

/** The form name of slot `n` (from 1) of a list field. */
export const slotName = (field: Pick<FieldSpec, "name">, n: number) => `${field.name}.${n}`;

const SLOT = /^(.+)\.(\d{1,3})$/;

/**
 * objectOf for posted forms: the slots of list fields (`speakerIds.1`, `speakerIds.2`, …) become
 * one list, in slot order, without the blank ones; everything else is validated as objectOf does.
 */
export function formObjectOf<const F extends readonly FieldSpec[]>(fields: F) {
	const lists = new Set(fields.filter((f) => f.slots !== undefined).map((f) => f.name));
	return z.preprocess((posted) => {
		if (typeof posted !== "object" || posted === null) return posted;
		const values: Record<string, unknown> = {};
		const slots = new Map<string, [number, unknown][]>();
		for (const [key, value] of Object.entries(posted)) {
			const slot = SLOT.exec(key);
			if (slot?.[1] && lists.has(slot[1])) {
				slots.set(slot[1], [...(slots.get(slot[1]) ?? []), [Number(slot[2]), value]]);
			} else {
				values[key] = value;
			}
		}
		for (const [name, entries] of slots) {
			values[name] = entries
				.sort((a, b) => a[0] - b[0])
				.map(([, value]) => value)
				.filter((value) => value !== "");
		}
		return values;
	}, objectOf(fields));
}
