/**
 * Arrange helpers for the follower and announcement tests: a series of its own, follower rows in a
 * chosen state, follow requests from a chosen network, and the links mailed to an address.
 */
import { env } from "cloudflare:workers";
import { sha256Hex } from "../../../src/auth/secrets";
import { series, seriesFollowers } from "../../../src/db/schema";
import { newId } from "../../../src/lib/ids";
import { mailsTo, ORIGIN } from "../../auth-helpers";
import { request, testDb } from "../../helpers";

/** A series of its own, so no other test's followers or editions are in the way. */
export async function createFollowableSeries(label = "series") {
	const id = newId();
	const slug = `${label}-${id.slice(0, 8)}`;
	await testDb()
		.insert(series)
		.values({ id, slug, name: `The ${label} symposium`, shortName: label.toUpperCase().slice(0, 12) });
	return { id, slug, name: `The ${label} symposium`, shortName: label.toUpperCase().slice(0, 12) };
}

let lastIp = 0;
/** A client address no other request of this file used, so per-IP limits start from zero. */
export const freshIp = () => `192.0.2.${++lastIp}`;

/** Posts the follow form as the series page does, from `ip`. */
export function postFollow(slug: string, email: string, ip = freshIp()) {
	return request(`/s/${slug}/follow`, {
		method: "POST",
		headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, "CF-Connecting-IP": ip },
		body: new URLSearchParams({ email }).toString(),
		redirect: "manual",
	});
}

/** Every link to `path` (e.g. "/s/x/unfollow") mailed to `email`, oldest first, as full paths with the token. */
export async function mailedLinks(email: string, path: string): Promise<string[]> {
	const pattern = new RegExp(`https?://[^/\\s]+(${path.replaceAll("/", "\\/")}\\?token=[^\\s]+)`, "g");
	return (await mailsTo(email)).flatMap((mail) => [...mail.text.matchAll(pattern)].map((m) => m[1] ?? ""));
}

/** The newest link to `path` mailed to `email`. */
export async function newestLink(email: string, path: string): Promise<string> {
	const link = (await mailedLinks(email, path)).at(-1);
	if (!link) throw new Error(`no mail to ${email} with a link to ${path}`);
	return link;
}

export interface FollowerRow {
	id: string;
	email: string;
	secret_hash: string;
	confirmed_at: number | null;
}

export async function followersOf(seriesId: string): Promise<FollowerRow[]> {
	const { results } = await env.DB.prepare(
		"select id, email, secret_hash, confirmed_at from series_followers where series_id = ? order by email",
	)
		.bind(seriesId)
		.all<FollowerRow>();
	return results;
}

/** A follower written directly, confirmed unless told; returns its id. */
export async function addFollower(seriesId: string, email: string, { confirmed = true } = {}) {
	const id = newId();
	await testDb()
		.insert(seriesFollowers)
		.values({
			id,
			seriesId,
			email,
			secretHash: await sha256Hex(newId()),
			confirmedAt: confirmed ? new Date("2030-01-01T00:00:00Z") : null,
		});
	return id;
}

/** Rows in the outbox, for "nothing was mailed" checks. */
export async function outboxCount(): Promise<number> {
	return (await env.DB.prepare("select count(*) as n from outbox").first<{ n: number }>())?.n ?? 0;
}
