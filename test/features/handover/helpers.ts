/**
 * Arrange helpers of the handover tests: a world of one series with three editions (2021, 2023,
 * 2025), another series, a committee member per role and edition, and notes of every visibility,
 * written straight into D1 (fresh ids per call, since storage is shared by the tests of a file).
 */
import { env } from "cloudflare:workers";
import type { NoteVisibility } from "../../../src/db/schema";
import { newId } from "../../../src/lib/ids";
import { createTestUser, ORIGIN, type TestUser } from "../../auth-helpers";
import { request } from "../../helpers";

const q = (sql: string, ...args: unknown[]) => env.DB.prepare(sql).bind(...args);

export async function rows<T = Record<string, unknown>>(sql: string, ...args: unknown[]): Promise<T[]> {
	return (await q(sql, ...args).all<T>()).results;
}

/** Everyone in the world: the committees of 2021, 2023 and 2025, a steward, another series' chair, a stranger. */
export const WORLD_PEOPLE = [
	"chair21",
	"chair23",
	"organizer23",
	"reviewer23",
	"chair25",
	"reviewer25",
	"mentor25",
	"expiredMentor25",
	"steward",
	"otherChair",
	"stranger",
] as const;
export type WorldPerson = (typeof WORLD_PEOPLE)[number];

export interface World {
	seriesId: string;
	seriesSlug: string;
	/** Editions of the series by year. */
	editions: { 2021: string; 2023: string; 2025: string };
	otherSeriesId: string;
	otherSeriesSlug: string;
	otherEdition: string;
	users: Record<WorldPerson, TestUser>;
}

/** Builds a fresh world: two series, the editions, a user (with a session) per role. */
export async function createWorld(): Promise<World> {
	const id = newId().slice(0, 8);
	const w = {
		seriesId: `hs-${id}`,
		seriesSlug: `handover-${id}`,
		editions: { 2021: `h21-${id}`, 2023: `h23-${id}`, 2025: `h25-${id}` },
		otherSeriesId: `hso-${id}`,
		otherSeriesSlug: `other-${id}`,
		otherEdition: `ho25-${id}`,
	};
	const users = {} as World["users"];
	for (const name of WORLD_PEOPLE) users[name] = await createTestUser(name);
	const edition = (editionId: string, seriesId: string, year: number, status = "published") =>
		q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values (?, ?, ?, ?, ?, ?, 'Europe/Amsterdam', ?)",
			editionId,
			seriesId,
			year,
			`HS ${year}`,
			`${year}-10-09`,
			`${year}-10-11`,
			status,
		);
	const member = (editionId: string, user: TestUser, role: string, mentorUntil: string | null = null) =>
		q(
			"insert into edition_members (edition_id, user_id, role, mentor_until) values (?, ?, ?, ?)",
			editionId,
			user.id,
			role,
			mentorUntil,
		);
	await env.DB.batch([
		q(
			"insert into series (id, slug, name, short_name) values (?, ?, 'Handover Series', 'HS')",
			w.seriesId,
			w.seriesSlug,
		),
		q(
			"insert into series (id, slug, name, short_name) values (?, ?, 'Other Series', 'OS')",
			w.otherSeriesId,
			w.otherSeriesSlug,
		),
		edition(w.editions[2021], w.seriesId, 2021, "archived"),
		edition(w.editions[2023], w.seriesId, 2023, "held"),
		edition(w.editions[2025], w.seriesId, 2025, "draft"),
		edition(w.otherEdition, w.otherSeriesId, 2025, "draft"),
		member(w.editions[2021], users.chair21, "chair"),
		member(w.editions[2023], users.chair23, "chair"),
		member(w.editions[2023], users.organizer23, "organizer"),
		member(w.editions[2023], users.reviewer23, "reviewer"),
		member(w.editions[2025], users.chair25, "chair"),
		member(w.editions[2025], users.reviewer25, "reviewer"),
		member(w.editions[2025], users.mentor25, "mentor", "2099-12-31"),
		member(w.editions[2025], users.expiredMentor25, "mentor", "2020-01-01"),
		member(w.otherEdition, users.otherChair, "chair"),
		q("insert into series_stewards (series_id, user_id) values (?, ?)", w.seriesId, users.steward.id),
	]);
	return { ...w, users };
}

export interface NoteRow {
	id?: string;
	seriesId: string;
	editionId: string;
	title: string;
	body?: string;
	topic?: string;
	tags?: string[];
	visibility?: NoteVisibility;
	authorId?: string | null;
}

/** A note written straight into D1; returns its id. */
export async function insertNote(row: NoteRow): Promise<string> {
	const id = row.id ?? `note-${newId()}`;
	await q(
		"insert into handover_notes (id, series_id, edition_id, topic, title, body, tags, visibility, author_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		id,
		row.seriesId,
		row.editionId,
		row.topic ?? "lessons_learned",
		row.title,
		row.body ?? "",
		JSON.stringify(row.tags ?? []),
		row.visibility ?? "future_committees",
		row.authorId ?? null,
	).run();
	return id;
}

/** The three notes of 2023 (one per visibility, by its organizer) and one of 2025 for future committees. */
export async function insertWorldNotes(w: World) {
	const by23 = { seriesId: w.seriesId, editionId: w.editions[2023], authorId: w.users.organizer23.id };
	return {
		private23: await insertNote({
			...by23,
			title: "Draft: venue contract",
			body: "Penalty clause unclear",
			visibility: "private",
			topic: "venue_rooms",
		}),
		future23: await insertNote({
			...by23,
			title: "Student ticket sold out in a week",
			body: "Open more student places early",
			visibility: "future_committees",
			topic: "registration_badges",
			tags: ["students", "tickets"],
		}),
		public23: await insertNote({
			...by23,
			title: "Catering for 250",
			body: "Vegetarian lunches for everyone worked",
			visibility: "public",
			topic: "catering_social",
		}),
		future25: await insertNote({
			seriesId: w.seriesId,
			editionId: w.editions[2025],
			authorId: w.users.chair25.id,
			title: "Hybrid streaming costs",
			body: "Budget the streaming crew",
			topic: "budget_finance",
		}),
	};
}

/** Outbox rows to an address: subject and text, oldest first. */
export const outboxTo = (email: string) =>
	rows<{ subject: string; text: string }>(
		'select subject, text from outbox where "to" = ? order by created_at, rowid',
		email,
	);

/** Every outbox recipient of mails whose subject mentions `title`, sorted. */
export const recipientsOf = async (title: string) =>
	(await rows<{ to: string }>('select "to" from outbox where subject like ? order by "to"', `%${title}%`)).map(
		(r) => r.to,
	);

/** Posts a file as the multipart field `file`, with a session, as the console's form or an integration does. */
export function upload(
	path: string,
	file: File,
	cookie?: string,
	fields: Record<string, string> = {},
): Promise<Response> {
	const body = new FormData();
	body.append("file", file);
	for (const [name, value] of Object.entries(fields)) body.append(name, value);
	return request(path, {
		method: "POST",
		headers: { Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) },
		body,
		redirect: "manual",
	});
}
