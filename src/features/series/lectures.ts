/**
 * Named lectures: series-level honours (e.g. the Willem Vaalburg lecture) that each edition gives
 * once, with its own lecturer and title. Stewards keep the list; editions fill the slots.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type NamedLecture, namedLectures } from "../../db/schema";
import { commit } from "../../db/write";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import type { NamedLectureInput } from "./schemas";

/** A series' named lectures by name; a query, so pages can batch it. */
export const listNamedLectures = (db: Database, seriesId: string) =>
	db.select().from(namedLectures).where(eq(namedLectures.seriesId, seriesId)).orderBy(asc(namedLectures.name));

export const findNamedLecture = (db: Database, seriesId: string, lectureId: string) =>
	db
		.select()
		.from(namedLectures)
		.where(and(eq(namedLectures.seriesId, seriesId), eq(namedLectures.id, lectureId)))
		.get();

/**
 * The slug of a lecture, made from its honoree: "Anne Paans" → "anne-paans", "Łukasz Żółć" →
 * "lukasz-zolc". Letters without a decomposition (ł, ø, ß) are spelled out first.
 */
export function lectureSlug(honoree: string): string {
	const spelled = honoree
		.replace(/[łŁ]/g, "l")
		.replace(/[øØ]/g, "o")
		.replace(/ß/g, "ss")
		.replace(/[æÆ]/g, "ae")
		.normalize("NFKD")
		.replace(/\p{M}/gu, "")
		.toLowerCase();
	const slug = spelled
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "")
		.slice(0, 60)
		.replace(/-+$/, "");
	return slug || "lecture";
}

const honoreeTaken = () =>
	new AppError(409, "lecture_exists", "This series already has a lecture in this person's honour.", {
		honoree: "This series already has a lecture in this person's honour.",
	});

/** Adds a named lecture; a second lecture honouring the same person is a 409. */
export async function createNamedLecture(
	db: Database,
	input: { seriesId: string; lecture: NamedLectureInput },
): Promise<NamedLecture> {
	const id = newId();
	const change = {
		action: "series.lecture.created",
		id,
		seriesId: input.seriesId,
		after: input.lecture,
		of: 0,
	} as const;
	const [[created]] = await commit(
		db,
		[change],
		[
			db
				.insert(namedLectures)
				.values({ id, seriesId: input.seriesId, slug: lectureSlug(input.lecture.honoree), ...input.lecture })
				.onConflictDoNothing()
				.returning(),
		],
	);
	if (!created) throw honoreeTaken();
	return created;
}

/** Changes a lecture's name, honoree or description; its slug stays. */
export async function updateNamedLecture(
	db: Database,
	input: { seriesId: string; lectureId: string; lecture: NamedLectureInput },
): Promise<NamedLecture> {
	const change = {
		action: "series.lecture.updated",
		id: input.lectureId,
		seriesId: input.seriesId,
		after: input.lecture,
		of: 0,
	} as const;
	const [[updated]] = await commit(
		db,
		[change],
		[
			db
				.update(namedLectures)
				.set(input.lecture)
				.where(and(eq(namedLectures.seriesId, input.seriesId), eq(namedLectures.id, input.lectureId)))
				.returning(),
		],
	);
	if (!updated) throw new AppError(404, "not_found", "This named lecture does not exist.");
	return updated;
}

/** The stored lecture as field values. */
export const lectureInputOf = (l: NamedLecture): NamedLectureInput => ({
	name: l.name,
	honoree: l.honoree,
	description: l.description,
});
