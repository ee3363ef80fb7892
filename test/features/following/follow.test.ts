/**
 * Following a series through HTTP, as a visitor does: the form on the series page, the mailed
 * confirmation (GET shows a button, POST confirms), one-click unsubscribe, no enumeration, rate
 * limits, CSRF and the main host only.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../../src/auth/secrets";
import { FOLLOW_LIMITS } from "../../../src/features/following/followers";
import { mailsTo } from "../../auth-helpers";
import { request } from "../../helpers";
import { freshEmail } from "../invitations/helpers";
import {
	createFollowableSeries,
	followersOf,
	freshIp,
	mailedLinks,
	newestLink,
	outboxCount,
	postFollow,
} from "./helpers";

const post = (path: string, init: RequestInit = {}) => request(path, { method: "POST", redirect: "manual", ...init });
const postButton = (path: string) =>
	post(path, {
		headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
		body: "",
	});

describe("the series page", () => {
	it("shows a follow form that posts an email address to /s/{series}/follow", async () => {
		const s = await createFollowableSeries("page");
		const html = await (await request(`/s/${s.slug}`)).text();
		expect(html).toContain(`<form method="post" action="/s/${s.slug}/follow">`);
		expect(html).toContain('<label for="field-email">Your email address');
		expect(html).toContain('type="email"');
		expect(html).toContain(`Follow ${s.shortName}</button>`);
	});
});

describe("following with double opt-in", () => {
	it("stores an unconfirmed row, mails a confirmation link and confirms only on POST", async () => {
		const s = await createFollowableSeries("optin");
		const email = freshEmail("reader");

		const res = await postFollow(s.slug, `  ${email.toUpperCase()} `);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/s/${s.slug}/follow/sent`);
		expect(res.headers.get("Cache-Control")).toBe("no-store");
		const [row] = await followersOf(s.id);
		expect(row).toMatchObject({ email, confirmed_at: null });
		const mails = await mailsTo(email);
		expect(mails.map((m) => m.subject)).toEqual([`Confirm that you want news about ${s.shortName}`]);
		const link = await newestLink(email, `/s/${s.slug}/follow/confirm`);
		const token = decodeURIComponent(new URL(link, "http://localhost").searchParams.get("token") ?? "");
		const [id, secret] = token.split(".");
		expect(id).toBe(row?.id);
		expect(row?.secret_hash).toBe(await sha256Hex(secret ?? ""));

		// A mail scanner opening the link confirms nothing: the page only offers a button.
		const page = await request(link);
		expect(page.status).toBe(200);
		expect(page.headers.get("Cache-Control")).toBe("no-store");
		const html = await page.text();
		expect(html).toContain(`<form method="post" action="/s/${s.slug}/follow/confirm?token=`);
		expect(html).toContain(`Yes, follow ${s.shortName}`);
		expect((await followersOf(s.id))[0]?.confirmed_at).toBeNull();

		const confirmed = await postButton(link);

		expect(confirmed.status).toBe(200);
		expect(await confirmed.text()).toContain(`You follow ${s.shortName}`);
		const after = await followersOf(s.id);
		expect(after).toHaveLength(1);
		expect(after[0]?.confirmed_at).toEqual(expect.any(Number));
		// Confirming twice changes nothing.
		const again = await postButton(link);
		expect(again.status).toBe(200);
		expect((await followersOf(s.id))[0]?.confirmed_at).toBe(after[0]?.confirmed_at);
	});

	it("re-sends the confirmation to an unconfirmed address; only the newest link works", async () => {
		const s = await createFollowableSeries("resend");
		const email = freshEmail("twice");
		await postFollow(s.slug, email);
		const first = await newestLink(email, `/s/${s.slug}/follow/confirm`);

		await postFollow(s.slug, email);

		const links = await mailedLinks(email, `/s/${s.slug}/follow/confirm`);
		expect(links).toHaveLength(2);
		expect(await followersOf(s.id)).toHaveLength(1);
		const stale = await postButton(first);
		expect(stale.status).toBe(404);
		expect(await stale.text()).toContain("This link cannot be used");
		expect((await followersOf(s.id))[0]?.confirmed_at).toBeNull();
		expect((await postButton(links[1] ?? "")).status).toBe(200);
		expect((await followersOf(s.id))[0]?.confirmed_at).toEqual(expect.any(Number));
	});

	it("answers exactly alike whether the address follows already or not", async () => {
		const s = await createFollowableSeries("enum");
		const known = freshEmail("known");
		await postFollow(s.slug, known);
		await postButton(await newestLink(known, `/s/${s.slug}/follow/confirm`));
		const unknown = freshEmail("unknown");

		const a = await postFollow(s.slug, known);
		const b = await postFollow(s.slug, unknown);

		expect([a.status, a.headers.get("Location")]).toEqual([b.status, b.headers.get("Location")]);
		expect(await a.text()).toBe(await b.text());
		// The follower learns the difference by mail, which only the address's owner reads.
		expect((await mailsTo(known)).map((m) => m.subject)).toEqual([
			`Confirm that you want news about ${s.shortName}`,
			`You already follow ${s.shortName}`,
		]);
		expect((await mailsTo(unknown)).map((m) => m.subject)).toEqual([`Confirm that you want news about ${s.shortName}`]);
		// Re-following leaves the confirmed row confirmed.
		expect((await followersOf(s.id)).find((r) => r.email === known)?.confirmed_at).toEqual(expect.any(Number));
	});

	it("refuses a malformed address with a message beside the field, writing nothing", async () => {
		const s = await createFollowableSeries("bad");
		const before = await outboxCount();

		const res = await postFollow(s.slug, "not-an-address");

		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('id="field-email-error"');
		expect(html).toContain("Enter an email address like name@example.org.");
		expect(await followersOf(s.id)).toEqual([]);
		expect(await outboxCount()).toBe(before);
	});

	it("refuses a form posted from another site (CSRF), writing nothing", async () => {
		const s = await createFollowableSeries("csrf");
		const res = await post(`/s/${s.slug}/follow`, {
			headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
			body: new URLSearchParams({ email: freshEmail("victim") }).toString(),
		});
		expect(res.status).toBe(403);
		expect(await followersOf(s.id)).toEqual([]);
	});

	it("answers 404 for an unknown series", async () => {
		expect((await postFollow("no-such-series", freshEmail("x"))).status).toBe(404);
	});

	it("lives on the main host only: a custom host answers 404", async () => {
		const s = await createFollowableSeries("host");
		const res = await request(`http://ainm2031.example.org/s/${s.slug}/follow`);
		expect(res.status).toBe(404);
	});
});

describe("rate limits", () => {
	it("refuses the request past the per-IP limit with 429, writing and mailing nothing", async () => {
		const s = await createFollowableSeries("ip");
		const ip = freshIp();
		for (let i = 0; i < FOLLOW_LIMITS.perIp.limit; i++) {
			expect((await postFollow(s.slug, freshEmail(`ip${i}`), ip)).status).toBe(303);
		}
		const before = await outboxCount();
		const email = freshEmail("one-too-many");

		const res = await postFollow(s.slug, email, ip);

		expect(res.status).toBe(429);
		expect(await res.text()).toContain("Too many requests from your network.");
		expect((await followersOf(s.id)).map((r) => r.email)).not.toContain(email);
		expect(await outboxCount()).toBe(before);
		// Another network is not affected.
		expect((await postFollow(s.slug, email)).status).toBe(303);
	});

	it("refuses more than a few mails to one address, from any network", async () => {
		const s = await createFollowableSeries("addr");
		const email = freshEmail("flooded");
		for (let i = 0; i < FOLLOW_LIMITS.perAddress.limit; i++) {
			expect((await postFollow(s.slug, email)).status).toBe(303);
		}

		const res = await postFollow(s.slug, email);

		expect(res.status).toBe(429);
		expect(await mailsTo(email)).toHaveLength(FOLLOW_LIMITS.perAddress.limit);
	});
});

describe("unfollowing", () => {
	/** A confirmed follower of a fresh series and the unsubscribe link of its "already follow" mail. */
	async function confirmedFollower(label: string) {
		const s = await createFollowableSeries(label);
		const email = freshEmail(label);
		await postFollow(s.slug, email);
		await postButton(await newestLink(email, `/s/${s.slug}/follow/confirm`));
		await postFollow(s.slug, email);
		return { s, email, link: await newestLink(email, `/s/${s.slug}/unfollow`) };
	}

	it("shows a button on GET and removes the row on POST", async () => {
		const { s, email, link } = await confirmedFollower("unf");

		const page = await request(link);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`<form method="post" action="/s/${s.slug}/unfollow?token=`);
		expect(html).toContain(email);
		expect(await followersOf(s.id)).toHaveLength(1);

		const res = await postButton(link);

		expect(res.status).toBe(200);
		expect(res.headers.get("Cache-Control")).toBe("no-store");
		expect(await res.text()).toContain(`You no longer follow ${s.shortName}`);
		expect(await followersOf(s.id)).toEqual([]);
	});

	it("takes a one-click POST from a mail provider (RFC 8058: no Origin, token in the query), and a second one", async () => {
		const { s, link } = await confirmedFollower("oneclick");

		const res = await post(link, {
			headers: { "Content-Type": "application/x-www-form-urlencoded" },
			body: "List-Unsubscribe=One-Click",
		});

		expect(res.status).toBe(200);
		expect(await followersOf(s.id)).toEqual([]);
		expect((await post(link)).status).toBe(200);
	});

	it("refuses a forged token and keeps the follower", async () => {
		const { s, link } = await confirmedFollower("forged");
		const token = new URL(link, "http://localhost").searchParams.get("token") ?? "";
		const forged = `${token.split(".")[0]}.${"0".repeat(64)}`;

		const res = await post(`/s/${s.slug}/unfollow?token=${forged}`);

		expect(res.status).toBe(404);
		expect(await followersOf(s.id)).toHaveLength(1);
	});

	it("does not accept another series' link", async () => {
		const { s, link } = await confirmedFollower("own");
		const other = await createFollowableSeries("other");

		const res = await post(link.replace(`/s/${s.slug}/`, `/s/${other.slug}/`));

		// The token names no follower of the other series: nothing to remove there, and this one stays.
		expect(res.status).toBe(200);
		expect(await followersOf(s.id)).toHaveLength(1);
	});

	it("keeps an unsubscribe link working after the address asks to follow again", async () => {
		const { s, email, link } = await confirmedFollower("stable");
		await postFollow(s.slug, email);

		expect((await post(link)).status).toBe(200);
		expect(await followersOf(s.id)).toEqual([]);
	});
});

describe("stored state", () => {
	it("keeps only the hash of the mailed secret", async () => {
		const s = await createFollowableSeries("hash");
		const email = freshEmail("hash");
		await postFollow(s.slug, email);
		const link = await newestLink(email, `/s/${s.slug}/follow/confirm`);
		const secret = decodeURIComponent(link.split("token=")[1] ?? "").split(".")[1] ?? "";
		const { results } = await env.DB.prepare("select * from series_followers where series_id = ?")
			.bind(s.id)
			.all<Record<string, unknown>>();
		expect(JSON.stringify(results)).not.toContain(secret);
	});
});
