/**
 * Validation and API shapes of series, their editions and named lectures. Output shapes derive from
 * the drizzle schema; inputs are declared once as fields (../content/fields.ts), so the console
 * form, the JSON API, its OpenAPI description and the messages share one definition.
 */
import { z } from "@hono/zod-openapi";
import { createSelectSchema } from "drizzle-zod";
import { pathId, SeriesSlugParam, SLUG_PATTERN } from "../../api/params";
import { editions, namedLectures, SERIES_PARTNER_KINDS, type SeriesPartner, series } from "../../db/schema";
import { type FieldSpec, type FieldsData, int, objectOf, ref, text, textarea, url } from "../../domain/fields";
import { singleLine } from "../../lib/text-input";

/** Addresses the console uses below /console/series/ for its own pages. */
const RESERVED_SERIES_SLUGS: ReadonlySet<string> = new Set(["new"]);

export const SeriesSchema = createSelectSchema(series)
	.omit({ createdAt: true })
	.extend({ url: z.string().openapi({ example: "/s/ainm" }) })
	.openapi("Series");

export const EditionSchema = createSelectSchema(editions)
	.omit({ createdAt: true, contentVersion: true, seriesId: true })
	.extend({ url: z.string().openapi({ example: "/s/ainm/2023" }) })
	.openapi("Edition");

export const NamedLectureSchema = createSelectSchema(namedLectures).omit({ seriesId: true }).openapi("NamedLecture");

const slugField: FieldSpec<"slug", string> = (() => {
	const base = text("slug", "Short address", {
		required: true,
		max: 40,
		hint: "Lowercase letters, digits and hyphens; the series page lives at /s/ followed by this. It cannot change later.",
	});
	const schema = base.schema.pipe(
		z
			.string()
			.min(2, "Use at least 2 characters.")
			.regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens, e.g. ainm.")
			.refine((slug) => !RESERVED_SERIES_SLUGS.has(slug), "This address is reserved: choose another."),
	);
	return { ...base, schema };
})();

/** A brand colour: `#rrggbb`, or blank for none (the editions keep Baton's colours). */
const brandColor = <const N extends string>(name: N, label: string): FieldSpec<N, string> => {
	const base = text(name, label, { max: 7, hint: "Like #1f5f8b; leave empty for Baton's colours." });
	const schema = base.schema.pipe(
		z
			.string()
			.regex(/^(#[0-9a-fA-F]{6})?$/, "Use a colour like #1f5f8b, or leave it empty.")
			.transform((v) => v.toLowerCase()),
	);
	return { ...base, schema };
};

const webAddress = singleLine()
	.trim()
	.max(2000, "Use at most 2000 characters.")
	.regex(/^(https?:\/\/[^\s]+)?$/, "Enter a web address starting with https://, or leave it empty.");

export const SeriesPartnerSchema = z
	.strictObject({
		name: singleLine().trim().min(1, "Give the partner's name.").max(200, "Use at most 200 characters."),
		kind: z.enum(SERIES_PARTNER_KINDS, { error: `Use one of: ${SERIES_PARTNER_KINDS.join(", ")}.` }),
		url: webAddress.default(""),
		logoUrl: webAddress.default(""),
	})
	.openapi("SeriesPartner");

/** A partner as a line of the console's form: "society | EANM | https://www.eanm.org/ | https://…/logo.svg". */
const partnerLine = (p: SeriesPartner) => [p.kind, p.name, p.url, p.logoUrl].join(" | ").replace(/[ |]+$/, "");

/** One line of the form as a partner (invalid parts are left for the schema to name). */
function partnerOfLine(line: string): Record<string, string> {
	const [kind = "", name = "", url = "", logoUrl = ""] = line.split("|").map((part) => part.trim());
	return { kind, name, url, logoUrl };
}

/**
 * The standing partners: a list of objects in the API, one line per partner in the console's form
 * ("kind | name | address | logo address"), at most 20.
 */
const partnersField: FieldSpec<"partners", SeriesPartner[]> = {
	name: "partners",
	label: "Standing partners",
	kind: "lines",
	required: false,
	hint: `One per line: kind (${SERIES_PARTNER_KINDS.join(", ")}) | name | web address | logo address, e.g. society | EANM | https://www.eanm.org/. Shown on every edition's pages.`,
	format: (value) => (Array.isArray(value) ? (value as SeriesPartner[]).map(partnerLine).join("\n") : ""),
	schema: z.preprocess(
		(v) =>
			typeof v === "string"
				? v
						.split(/\r\n|\r|\n/)
						.map((line) => line.trim())
						.filter(Boolean)
						.map(partnerOfLine)
				: v === undefined || v === null
					? []
					: v,
		z.array(SeriesPartnerSchema).max(20, "List at most 20 partners."),
	) as unknown as z.ZodType<SeriesPartner[]>,
};

/** What stewards may change about a series (the slug is its stable address and stays). */
export const SERIES_FIELDS = [
	text("name", "Name", { required: true, max: 200, hint: "The full name, e.g. Artificial Intelligence in Medicine." }),
	text("shortName", "Short name", {
		required: true,
		max: 30,
		hint: "e.g. AINM: editions are named by the short name and the year.",
	}),
	textarea("description", "Description", { max: 5000 }),
	int("cadenceYears", "Years between editions", { min: 1, max: 10, fallback: 2, hint: "2 for a biennial series." }),
	text("society", "Affiliated society", { max: 200, hint: "e.g. EANM" }),
	url("logoUrl", "Logo address"),
	brandColor("brandPrimaryColor", "Brand colour (main)"),
	brandColor("brandAccentColor", "Brand colour (accent)"),
	partnersField,
];

/** A series is started by an institution: the one chosen here must be one its creator administers. */
export const CREATE_SERIES_FIELDS = [
	ref("institutionId", "Founding institution", "institutions", {
		required: true,
		hint: "An institution you own or administer. You become the series' first steward.",
	}),
	slugField,
	...SERIES_FIELDS,
];

export const CreateSeriesSchema = objectOf(CREATE_SERIES_FIELDS).openapi("CreateSeries");
export const SeriesDetailsSchema = objectOf(SERIES_FIELDS).openapi("SeriesDetails");

export type SeriesDetails = FieldsData<typeof SERIES_FIELDS>;
export type CreateSeriesInput = FieldsData<typeof CREATE_SERIES_FIELDS>;

/** Named lectures: the slug is made from the honoree when the lecture is added, and stays. */
export const NAMED_LECTURE_FIELDS = [
	text("name", "Name", { required: true, max: 200, hint: "e.g. Willem Vaalburg lecture" }),
	text("honoree", "In honour of", { required: true, max: 200 }),
	textarea("description", "Description", { max: 2000 }),
];

export const NamedLectureInputSchema = objectOf(NAMED_LECTURE_FIELDS).openapi("NamedLectureInput");

export type NamedLectureInput = FieldsData<typeof NAMED_LECTURE_FIELDS>;

export const LectureParams = SeriesSlugParam.extend({ lectureId: pathId("lectureId") });
