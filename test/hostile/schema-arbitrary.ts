/**
 * Test data from the API's own description: fast-check arbitraries for the JSON schemas of the
 * OpenAPI document (`/api/openapi.json`), and the catalogue of hostile values for one field of a
 * schema (issue 16). A route added tomorrow is covered by what its schema says, without a test
 * naming it; what a schema does not say (a choice checked by a refinement, an id of the world) is
 * filled in by the caller.
 */
import fc from "fast-check";

export interface JsonSchema {
	$ref?: string;
	allOf?: JsonSchema[];
	type?: string | string[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	additionalProperties?: boolean | JsonSchema;
	items?: JsonSchema;
	enum?: unknown[];
	format?: string;
	pattern?: string;
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	minItems?: number;
	maxItems?: number;
}

export type Components = Record<string, JsonSchema>;

/** The schema itself: a `$ref` followed, an `allOf` of objects merged into one. */
export function resolve(schema: JsonSchema, components: Components): JsonSchema {
	if (schema.$ref) {
		const target = components[schema.$ref.replace("#/components/schemas/", "")];
		if (!target) throw new Error(`unknown schema ${schema.$ref}`);
		return resolve(target, components);
	}
	if (schema.allOf) {
		const parts = schema.allOf.map((part) => resolve(part, components));
		return {
			type: "object",
			properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
			required: parts.flatMap((part) => part.required ?? []),
		};
	}
	return schema;
}

/** The type a value should have (`["string", "null"]` is a string that may be null). */
export const typeOf = (schema: JsonSchema): string | undefined =>
	Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;

export const nullable = (schema: JsonSchema) => Array.isArray(schema.type) && schema.type.includes("null");

/** An object schema that names no properties: a body the document does not describe. */
export const isUndescribed = (schema: JsonSchema) =>
	typeOf(schema) === "object" && !schema.properties && typeof schema.additionalProperties === "object";

const ALNUM = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"];

/**
 * A plain value of `schema`: within its bounds, its pattern, its format or its enum. Strings are
 * letters and digits (no blanks a trim would eat); lists are short, so a run stays cheap.
 */
export function arbitraryOf(schema: JsonSchema, components: Components): fc.Arbitrary<unknown> {
	const s = resolve(schema, components);
	if (s.enum) return fc.constantFrom(...s.enum);
	switch (typeOf(s)) {
		case "string": {
			if (s.format === "date") return fc.integer({ min: 2031, max: 2039 }).map((year) => `${year}-06-15`);
			if (s.format === "email") return fc.nat().map((n) => `hostile-${n}@example.org`);
			const min = Math.max(s.minLength ?? 0, 1);
			const max = Math.max(min, Math.min(s.maxLength ?? 24, 24));
			if (s.pattern) {
				const pattern = new RegExp(s.pattern);
				return fc.stringMatching(pattern).filter((v) => v.length >= min && v.length <= (s.maxLength ?? 1e9));
			}
			return fc.string({ unit: fc.constantFrom(...ALNUM), minLength: min, maxLength: max });
		}
		case "integer":
		case "number":
			return fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 1000 });
		case "boolean":
			return fc.boolean();
		case "array": {
			const item = arbitraryOf(s.items ?? {}, components);
			const minLength = s.minItems ?? 0;
			const maxLength = Math.max(minLength, Math.min(s.maxItems ?? 3, 3));
			return fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) });
		}
		case "object": {
			if (!s.properties) return fc.constant({});
			const model = Object.fromEntries(
				Object.entries(s.properties).map(([name, property]) => [name, arbitraryOf(property, components)]),
			);
			return fc.record(model, { requiredKeys: (s.required ?? []).filter((name) => name in model) });
		}
		default:
			return fc.constant("plain");
	}
}

/**
 * How a hostile value must be answered: `refuse` is never valid for the field (400/422 naming it,
 * nothing written); `either` may be legal text (markup, SQL, FTS syntax, dots): stored as sent
 * with a 2xx, or refused like an invalid one.
 */
export interface HostileValue {
	label: string;
	value: unknown;
	must: "refuse" | "either";
}

const refuse = (label: string, value: unknown): HostileValue => ({ label, value, must: "refuse" });
const either = (label: string, value: unknown): HostileValue => ({ label, value, must: "either" });

/** Hostile-but-legal text: each must be stored as sent and escaped wherever it is shown. */
export const LEGAL_HOSTILE_TEXT = {
	markup: '<script>alert("x")</script><img src=x onerror=alert(1)>',
	sql: "x'); drop table users; --",
	fts: '"* NEAR(a b) OR title:',
	dots: "../../etc/passwd",
} as const;

/** Names and slugs in a URL: dots, an encoded traversal, NUL, a slash. */
export const TRAVERSAL = ["..", "../x", "..%2F..%2Fx", "%2e%2e%2fx", "a%00b", "a\u0000b", "a/b"] as const;

/** An id of another row (or a secret token): any text may be one, it just names nothing (403/404/422). */
const ID_FIELD = /(Id|Ids|^token|^template)$/;
const DATE_FIELD = /(^|[a-z])(Date|date|deadline|Until)$/;
const SLUG_FIELD = /^(slug|key)$/;

/** The hostile values for the field `name` of schema `schema`: every one the field's kind allows. */
export function hostileValues(name: string, schema: JsonSchema, components: Components): HostileValue[] {
	const s = resolve(schema, components);
	const type = typeOf(s);
	const values: HostileValue[] = [];
	const wrongTypes: [string, unknown][] = [
		["a number", 12345],
		["true", true],
		["an object", { $gt: "" }],
		["a list", ["x"]],
	];
	for (const [label, value] of wrongTypes) {
		if (type === "array" && label === "a list") continue;
		// A whole number field also takes one in a string (forms post "12"), so only other types are wrong.
		if ((type === "integer" || type === "number") && label === "a number") continue;
		// A checkbox takes anything as ticked or not; a plain boolean refuses the rest.
		values.push(type === "boolean" ? either(`wrong type: ${label}`, value) : refuse(`wrong type: ${label}`, value));
	}
	if (!nullable(s)) values.push(refuse("null", null));
	if (type === "string") {
		const control = ID_FIELD.test(name) ? either : refuse;
		values.push(
			control("NUL", "plain\u0000text"),
			control("ESC", "plain\u001b[31mtext"),
			control("C1", "plain\u0085text"),
		);
		if (s.maxLength !== undefined) values.push(refuse("overlong", "x".repeat(s.maxLength + 1)));
		else values.push(either("100 kB", "x".repeat(100_000)));
		if (s.enum) values.push(refuse("unknown choice", "definitely-not-a-choice"));
		if (s.format === "date" || DATE_FIELD.test(name))
			for (const date of ["2031-02-30", "2031-13-01", "99999-01-01", "0000-00-00", "yesterday"])
				values.push(refuse(`out-of-range date ${date}`, date));
		const strict = !ID_FIELD.test(name) && (s.enum || s.pattern || s.format || DATE_FIELD.test(name));
		for (const [label, text] of Object.entries(LEGAL_HOSTILE_TEXT))
			values.push(strict ? refuse(label, text) : either(label, text));
		if (SLUG_FIELD.test(name)) for (const slug of TRAVERSAL) values.push(refuse(`traversal ${slug}`, slug));
	}
	if (type === "integer" || type === "number") {
		values.push(refuse("a fraction", 1.5), refuse("digits in a string with letters", "12abc"));
		values.push(s.maximum !== undefined ? refuse("one over the maximum", s.maximum + 1) : either("huge", 2 ** 53 + 2));
		values.push(s.maximum !== undefined ? refuse("1e300", 1e300) : either("1e300", 1e300));
		values.push(
			s.minimum !== undefined ? refuse("one under the minimum", s.minimum - 1) : either("negative", -(2 ** 31)),
		);
	}
	if (type === "array") {
		const item = resolve(s.items ?? {}, components);
		values.push(
			(ID_FIELD.test(name) ? either : refuse)("an item with NUL", ["plain\u0000text"]),
			refuse("an item of the wrong type", [{ $gt: "" }]),
		);
		if (s.maxItems !== undefined)
			values.push(
				refuse(
					"too many items",
					Array.from({ length: s.maxItems + 1 }, (_, i) => `item-${i}`),
				),
			);
		if (item.enum) values.push(refuse("an unknown choice", ["definitely-not-a-choice"]));
	}
	return values;
}
