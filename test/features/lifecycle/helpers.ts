/**
 * Arrange helpers for the host-name and lifecycle tests: editions in a chosen status with a chair,
 * organizer and steward, ready to publish unless told otherwise, and reads of their status and
 * content version for "nothing changed" checks.
 */
import { env, exports } from "cloudflare:workers";
import type { EditionStatus, HostState } from "../../../src/db/schema";
import { newId } from "../../../src/lib/ids";
import { createTestUser, type TestUser } from "../../auth-helpers";

export type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string> } };

export interface TestEdition {
	id: string;
	seriesId: string;
	seriesSlug: string;
	year: number;
	chair: TestUser;
	organizer: TestUser;
	steward: TestUser;
}

let nextYear = 2041;

/**
 * An edition of a series of its own (so sibling editions of other tests stay apart), 3 days from
 * 2031-05-05, with a venue, a city and a published home page: everything publishing checks.
 */
export async function createLifecycleEdition(
	status: EditionStatus = "draft",
	{ ready = true, seriesId }: { ready?: boolean; seriesId?: string } = {},
): Promise<TestEdition> {
	const [chair, organizer, steward] = await Promise.all([
		createTestUser("chair"),
		createTestUser("organizer"),
		createTestUser("steward"),
	]);
	const id = `ed-${newId().slice(0, 8)}`;
	const year = nextYear++;
	const q = (sql: string, ...args: unknown[]) => env.DB.prepare(sql).bind(...args);
	const ownSeries = seriesId === undefined;
	const series = seriesId ?? `s-${id}`;
	const seriesSlug = ownSeries ? `series-${id}` : ((await seriesSlugOf(series)) ?? "");
	await env.DB.batch([
		...(ownSeries
			? [q("insert into series (id, slug, name, short_name) values (?, ?, 'Test series', 'TST')", series, seriesSlug)]
			: []),
		q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, venue_name, city, status) values (?, ?, ?, ?, '2031-05-05', '2031-05-07', 'Europe/Amsterdam', ?, ?, ?)",
			id,
			series,
			year,
			`TST ${year}`,
			ready ? "Martini Plaza" : "",
			ready ? "Groningen" : "",
			status,
		),
		...(ready
			? [
					q(
						"insert into pages (id, edition_id, slug, title, body, published) values (?, ?, 'home', 'Welcome', 'Hello.', 1)",
						`page-${id}`,
						id,
					),
				]
			: []),
		q("insert into edition_members (edition_id, user_id, role) values (?, ?, 'chair')", id, chair.id),
		q("insert into edition_members (edition_id, user_id, role) values (?, ?, 'organizer')", id, organizer.id),
		q("insert into series_stewards (series_id, user_id) values (?, ?)", series, steward.id),
	]);
	return { id, seriesId: series, seriesSlug, year, chair, organizer, steward };
}

async function seriesSlugOf(seriesId: string) {
	return (await env.DB.prepare("select slug from series where id = ?").bind(seriesId).first<{ slug: string }>())?.slug;
}

/** The status and content version of an edition, as stored. */
export const editionState = (id: string) =>
	env.DB.prepare("select status, content_version as version from editions where id = ?")
		.bind(id)
		.first<{ status: EditionStatus; version: number }>();

/**
 * Maps a host name to an edition directly in D1 as a verified name, as if its committee had
 * proven control (the API and the verification are tested on their own); `state` for others.
 */
export const mapHost = (hostname: string, editionId: string, state: HostState = "verified") =>
	env.DB.prepare(
		"insert into edition_hosts (hostname, edition_id, state, verification_token, verification_records, verified_at) values (?, ?, ?, ?, ?, ?)",
	)
		.bind(
			hostname,
			editionId,
			state,
			`token-${hostname}`,
			JSON.stringify([{ type: "TXT", name: `_baton-verify.${hostname}`, value: `baton-verify=token-${hostname}` }]),
			state === "verified" ? Date.now() : null,
		)
		.run();

/** A request to any host, through the real Worker entry: the URL names the Host. */
export const requestUrl = (url: string, init?: RequestInit) =>
	exports.default.fetch(new Request(url, { redirect: "manual", ...init }));
