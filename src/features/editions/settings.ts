/**
 * An edition's settings: names, dates, zone, venue, host, looks and contact. Declared as fields
 * once (validation, form and API), written through writeEditionContent like all content. The
 * status is not a setting: it changes only through the lifecycle actions (src/features/lifecycle),
 * so publishing always runs the go-live checks.
 */
import { eq, max } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../../db/client";
import { writeEditionContent } from "../../db/content-version";
import { changesAny, reviseEditionEvents } from "../../db/event-revisions";
import { type Edition, editions, sessions } from "../../db/schema";
import {
	color,
	country,
	date,
	email,
	type FieldSpec,
	objectOf,
	text,
	textarea,
	timeZone,
	url,
} from "../../domain/fields";
import { dayCount } from "../../lib/dates";
import { AppError } from "../../lib/errors";

/** An edition lasts at most this many days: longer is almost certainly a typo in a date. */
export const MAX_EDITION_DAYS = 14;

/** The settings that place an edition in time: also what the setup wizard asks first. */
export const DATE_FIELDS = [
	date("startDate", "First day", { required: true }),
	date("endDate", "Last day", { required: true }),
	timeZone("timeZone", "Time zone", { required: true, hint: "Program times are local times in this zone." }),
] as const;
export const datesSchema = objectOf(DATE_FIELDS);
export type EditionDates = z.infer<typeof datesSchema>;

export const SETTINGS_FIELDS: FieldSpec[] = [
	text("name", "Name", { required: true, max: 120, hint: "e.g. AINM 2025" }),
	...DATE_FIELDS,
	text("hostName", "Host institution", { max: 200 }),
	text("venueName", "Venue", { max: 200 }),
	text("venueAddress", "Venue address", { max: 300 }),
	text("city", "City", { max: 100 }),
	country("country", "Country"),
	url("mapUrl", "Map link"),
	email("contactEmail", "Contact email"),
	url("logoUrl", "Logo address"),
	color("primaryColor", "Main colour", { fallback: "#1f5f8b", hint: "Used behind white text: choose a dark colour." }),
	color("accentColor", "Accent colour", { fallback: "#c2410c" }),
	textarea("heroText", "Introduction on the home page", { max: 1000 }),
];

export const settingsSchema = objectOf(SETTINGS_FIELDS);
export type SettingsData = Record<string, unknown>;

/** The settings of an edition as field values. */
export function settingsOf(edition: Edition): SettingsData {
	return Object.fromEntries(SETTINGS_FIELDS.map((f) => [f.name, edition[f.name as keyof Edition]]));
}

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** Contrast ratio of a colour against white text. */
export const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

function checkSettings(data: SettingsData): void {
	const fields: Record<string, string> = {};
	const start = String(data.startDate);
	const end = String(data.endDate);
	if (end < start) fields.endDate = "The last day cannot come before the first day.";
	else if (dayCount(start, end) > MAX_EDITION_DAYS)
		fields.endDate = `An edition lasts at most ${MAX_EDITION_DAYS} days.`;
	if (contrastWithWhite(String(data.primaryColor)) < 4.5) {
		fields.primaryColor = "White text on this colour is hard to read (contrast below 4.5:1). Choose a darker colour.";
	}
	if (Object.keys(fields).length > 0)
		throw new AppError(422, "invalid_settings", "Some settings do not fit together.", fields);
}

/** The settings every calendar event of the program shows: where it is, and when (day 1 and the zone). */
const EVENT_SETTINGS = ["venueName", "venueAddress", "city", "startDate", "timeZone"] as const;

/** Saves the settings; the edition's days may shrink only if no session sits on a removed day. */
export async function updateSettings(db: Database, edition: Edition, data: SettingsData): Promise<Edition> {
	checkSettings(data);
	const days = dayCount(String(data.startDate), String(data.endDate));
	const lastUsed = await db
		.select({ day: max(sessions.day) })
		.from(sessions)
		.where(eq(sessions.editionId, edition.id))
		.get();
	if (lastUsed?.day && lastUsed.day > days) {
		throw new AppError(422, "invalid_settings", "The program uses a day these dates remove.", {
			endDate: `The program has sessions on day ${lastUsed.day}; keep at least ${lastUsed.day} days or move them first.`,
		});
	}
	await writeEditionContent(db, edition.id, [
		...(changesAny(edition, data as Partial<Edition>, EVENT_SETTINGS) ? [reviseEditionEvents(db, edition.id)] : []),
		db
			.update(editions)
			.set(data as Partial<Edition>)
			.where(eq(editions.id, edition.id)),
	]);
	const updated = await db.select().from(editions).where(eq(editions.id, edition.id)).get();
	if (!updated) throw new AppError(404, "not_found", "This edition does not exist.");
	return updated;
}

/**
 * Saves only the edition's dates and zone, through the same checks and write as the settings
 * form (one audited content write); unchanged dates write nothing, so no version bump or entry.
 */
export async function updateDates(db: Database, edition: Edition, dates: EditionDates): Promise<Edition> {
	const unchanged = DATE_FIELDS.every(({ name }) => edition[name] === dates[name]);
	if (unchanged) return edition;
	return updateSettings(db, edition, { ...settingsOf(edition), ...dates });
}
