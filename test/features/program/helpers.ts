/**
 * Arrange helpers of the program tests: editions and committee members written straight into
 * D1, and a snapshot of an edition's whole program (every row of its four tables plus the content
 * version), so "nothing written" is asserted as exact equality rather than by counting.
 */

import { env } from "cloudflare:workers";
import { type EditionValues, insertEdition } from "../../fixtures";

export const SERIES = "seed-series-ainm";
export const VAALBURG = "seed-lecture-vaalburg";

/** A new edition of the AINM series, empty of content. */
export async function createEdition(
	id: string,
	{ year, start, end, status = "draft" }: { year: number; start: string; end: string; status?: string },
) {
	await insertEdition({
		id,
		seriesId: SERIES,
		year,
		name: `AINM ${year}`,
		startDate: start,
		endDate: end,
		timeZone: "Europe/Rome",
		status: status as EditionValues["status"],
	});
}

const all = async (sql: string, editionId: string) =>
	(await env.DB.prepare(sql).bind(editionId).all<Record<string, unknown>>()).results;

/** Every program row of the edition and its content version. */
export async function programState(editionId: string) {
	const version = await env.DB.prepare("select content_version as v from editions where id = ?")
		.bind(editionId)
		.first<{ v: number }>();
	return {
		version: version?.v,
		sessions: await all("select * from sessions where edition_id = ? order by seq", editionId),
		talks: await all("select * from talks where edition_id = ? order by id", editionId),
		talkSpeakers: await all("select * from talk_speakers where edition_id = ? order by talk_id, position", editionId),
		chairs: await all("select * from session_chairs where edition_id = ? order by session_id, position", editionId),
	};
}

export const contentVersion = async (editionId: string) => (await programState(editionId)).version ?? 0;

/** The value of the option labelled `label` in the select named `name`, as a browser would post it. */
export function optionValue(html: string, name: string, label: string): string {
	const select = new RegExp(`<select[^>]*name="${name.replace(".", "\\.")}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
	if (!select?.[1]) throw new Error(`no select named ${name}`);
	for (const option of select[1].matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)) {
		if (option[2] === label) return option[1] ?? "";
	}
	throw new Error(`no option ${label} in ${name}`);
}

/** Texts as the page escapes them (hono/jsx escapes quotes and ampersands). */
export const escaped = (text: string) =>
	text
		.replaceAll("&", "&amp;")
		.replaceAll('"', "&quot;")
		.replaceAll("<", "&lt;")
		.replaceAll(">", "&gt;")
		.replaceAll("'", "&#39;");
