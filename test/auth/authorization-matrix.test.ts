/**
 * The authorization matrix: every state-changing route × every role, asserting allowed or denied
 * with the data contract's status (401 signed out, 404 for what the role may not know exists,
 * 403 for what it knows but may not change).
 *
 * Each case runs in a world of its own (fresh users for every role, a fresh institution, series,
 * draft edition and second edition), so an allowed call that changes data or grants a role
 * (creating an institution makes its creator an owner) cannot influence the next case.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { newSession, SESSION_COOKIE } from "../../src/auth/sessions";
import { newId } from "../../src/lib/ids";
import { postForm, sendJson } from "../auth-helpers";

const ROLES = [
	"anonymous",
	"stranger",
	"member",
	"admin",
	"owner",
	"steward",
	"chair",
	"organizer",
	"reviewer",
	"mentor",
	"otherChair",
] as const;
type Role = (typeof ROLES)[number];

interface World {
	/** The session cookie of each role's user. */
	cookies: Record<Exclude<Role, "anonymous">, string>;
	institutionId: string;
	seriesSlug: string;
	editionId: string;
	/** A second member of each body, whom the member-changing routes act on. */
	targetId: string;
	invitationId: string;
	editionInvitationId: string;
	roomId: string;
}

type Scope = "platform" | "institution" | "series" | "edition";

interface RouteCase {
	name: string;
	scope: Scope;
	allowed: readonly Role[];
	send: (world: World, cookie: string | undefined) => Promise<Response>;
}

/** Builds a fresh world in one batch: a user and a session per role, and each user's role in it. */
async function createWorld(): Promise<World> {
	const id = newId().slice(0, 8);
	const q = (sql: string, ...args: unknown[]) => env.DB.prepare(sql).bind(...args);
	const users = {} as Record<Exclude<Role, "anonymous"> | "target", { id: string }>;
	const cookies = {} as World["cookies"];
	const userStatements: D1PreparedStatement[] = [];
	for (const role of [...ROLES.filter((r) => r !== "anonymous"), "target"] as const) {
		const userId = `${role}-${id}`;
		users[role] = { id: userId };
		const { token, row } = await newSession(userId);
		if (role !== "target") cookies[role] = `${SESSION_COOKIE}=${token}`;
		userStatements.push(
			q(
				"insert into users (id, email, name, country, email_verified_at) values (?, ?, ?, 'NL', ?)",
				userId,
				`${userId}@example.org`,
				role,
				Date.now(),
			),
			q(
				"insert into auth_sessions (id, user_id, secret_hash, last_verified_at) values (?, ?, ?, ?)",
				row.id,
				userId,
				row.secretHash,
				Date.now(),
			),
		);
	}
	const target = users.target;
	const w: World = {
		cookies,
		institutionId: `inst-${id}`,
		seriesSlug: `series-${id}`,
		editionId: `ed-${id}`,
		targetId: target.id,
		invitationId: `inv-${id}`,
		editionInvitationId: `einv-${id}`,
		roomId: `room-${id}`,
	};
	const seriesId = `s-${id}`;
	const otherEdition = `ed2-${id}`;
	const inviter = users.owner.id;
	const farFuture = Date.now() + 86_400_000;
	await env.DB.batch([
		...userStatements,
		q(
			"insert into institutions (id, slug, name, country) values (?, ?, 'Institution', 'NL')",
			w.institutionId,
			`i-${id}`,
		),
		q(
			"insert into institution_members (institution_id, user_id, role) values (?, ?, 'owner')",
			w.institutionId,
			users.owner.id,
		),
		q(
			"insert into institution_members (institution_id, user_id, role) values (?, ?, 'admin')",
			w.institutionId,
			users.admin.id,
		),
		q(
			"insert into institution_members (institution_id, user_id, role) values (?, ?, 'member')",
			w.institutionId,
			users.member.id,
		),
		q(
			"insert into institution_members (institution_id, user_id, role) values (?, ?, 'member')",
			w.institutionId,
			target.id,
		),
		q("insert into series (id, slug, name, short_name) values (?, ?, 'Series', 'SER')", seriesId, w.seriesSlug),
		q("insert into series_stewards (series_id, user_id) values (?, ?)", seriesId, users.steward.id),
		q("insert into series_stewards (series_id, user_id) values (?, ?)", seriesId, target.id),
		q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values (?, ?, 2031, 'SER 2031', '2031-05-05', '2031-05-07', 'Europe/Amsterdam', 'draft')",
			w.editionId,
			seriesId,
		),
		q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values (?, ?, 2033, 'SER 2033', '2033-05-02', '2033-05-04', 'Europe/Amsterdam', 'draft')",
			otherEdition,
			seriesId,
		),
		...(["chair", "organizer", "reviewer"] as const).map((role) =>
			q("insert into edition_members (edition_id, user_id, role) values (?, ?, ?)", w.editionId, users[role].id, role),
		),
		q(
			"insert into edition_members (edition_id, user_id, role, mentor_until) values (?, ?, 'mentor', '2099-12-31')",
			w.editionId,
			users.mentor.id,
		),
		q("insert into edition_members (edition_id, user_id, role) values (?, ?, 'organizer')", w.editionId, target.id),
		q(
			"insert into edition_members (edition_id, user_id, role) values (?, ?, 'chair')",
			otherEdition,
			users.otherChair.id,
		),
		q(
			"insert into invitations (id, scope, target_id, email, role, secret_hash, invited_by, expires_at) values (?, 'institution', ?, ?, 'member', 'x', ?, ?)",
			w.invitationId,
			w.institutionId,
			`invitee-${id}@example.org`,
			inviter,
			farFuture,
		),
		q(
			"insert into invitations (id, scope, target_id, email, role, secret_hash, invited_by, expires_at) values (?, 'edition', ?, ?, 'reviewer', 'x', ?, ?)",
			w.editionInvitationId,
			w.editionId,
			`e-invitee-${id}@example.org`,
			inviter,
			farFuture,
		),
		q("insert into rooms (id, edition_id, name) values (?, ?, 'Hall')", w.roomId, w.editionId),
	]);
	return w;
}

const api = (method: string, path: (w: World) => string, body?: (w: World) => unknown) => (w: World, cookie?: string) =>
	sendJson(method, path(w), body?.(w), cookie ? { cookie } : {});
const form =
	(path: (w: World) => string, fields: (w: World) => Record<string, string> = () => ({})) =>
	(w: World, cookie?: string) =>
		postForm(path(w), fields(w), cookie);
const email = () => `new-${newId().slice(0, 8)}@example.org`;

const INSTITUTION_ADMINS = ["owner", "admin"] as const;
const EDITORS = ["chair", "organizer"] as const;
const COMMITTEE_MANAGERS = ["chair", "steward"] as const;
const EVERYONE_SIGNED_IN = ROLES.filter((r) => r !== "anonymous");

const ROUTES: RouteCase[] = [
	// Platform
	{
		name: "POST /api/v1/institutions",
		scope: "platform",
		allowed: EVERYONE_SIGNED_IN,
		send: api(
			"POST",
			() => "/api/v1/institutions",
			() => ({ name: "New institute", slug: `n-${newId().slice(0, 8)}`, city: "Pisa", country: "IT" }),
		),
	},
	{
		name: "POST /console/institutions",
		scope: "platform",
		allowed: EVERYONE_SIGNED_IN,
		send: form(
			() => "/console/institutions",
			() => ({ name: "New institute", slug: `n-${newId().slice(0, 8)}`, city: "Pisa", country: "IT" }),
		),
	},
	{
		name: "POST /api/v1/series",
		scope: "platform",
		allowed: INSTITUTION_ADMINS,
		send: api(
			"POST",
			() => "/api/v1/series",
			() => ({ slug: `n-${newId().slice(0, 8)}`, name: "A new series", shortName: "NEW" }),
		),
	},
	// Institution
	{
		name: "PATCH /api/v1/institutions/{id}",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: api(
			"PATCH",
			(w) => `/api/v1/institutions/${w.institutionId}`,
			() => ({ name: "Renamed" }),
		),
	},
	{
		name: "POST /console/institutions/:id",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: form(
			(w) => `/console/institutions/${w.institutionId}`,
			() => ({ name: "Renamed", city: "Groningen", country: "NL" }),
		),
	},
	{
		name: "PATCH /api/v1/institutions/{id}/members/{userId}",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: api(
			"PATCH",
			(w) => `/api/v1/institutions/${w.institutionId}/members/${w.targetId}`,
			() => ({ role: "admin" }),
		),
	},
	{
		name: "DELETE /api/v1/institutions/{id}/members/{userId}",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: api("DELETE", (w) => `/api/v1/institutions/${w.institutionId}/members/${w.targetId}`),
	},
	{
		name: "POST /api/v1/institutions/{id}/invitations",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: api(
			"POST",
			(w) => `/api/v1/institutions/${w.institutionId}/invitations`,
			() => ({ email: email(), role: "member" }),
		),
	},
	{
		name: "POST /console/institutions/:id/invitations",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: form(
			(w) => `/console/institutions/${w.institutionId}/invitations`,
			() => ({ email: email(), role: "member" }),
		),
	},
	{
		name: "DELETE /api/v1/institutions/{id}/invitations/{invitationId}",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: api("DELETE", (w) => `/api/v1/institutions/${w.institutionId}/invitations/${w.invitationId}`),
	},
	{
		name: "POST /api/v1/institutions/{id}/leave",
		scope: "institution",
		allowed: ["member", "admin", "owner"],
		send: api("POST", (w) => `/api/v1/institutions/${w.institutionId}/leave`),
	},
	{
		name: "POST /api/v1/institutions/{id}/transfer",
		scope: "institution",
		allowed: ["owner"],
		send: api(
			"POST",
			(w) => `/api/v1/institutions/${w.institutionId}/transfer`,
			(w) => ({ userId: w.targetId }),
		),
	},
	{
		name: "POST /console/institutions/:id/transfer",
		scope: "institution",
		allowed: ["owner"],
		send: form(
			(w) => `/console/institutions/${w.institutionId}/transfer`,
			(w) => ({ userId: w.targetId }),
		),
	},
	// Series
	{
		name: "POST /api/v1/series/{slug}/stewards",
		scope: "series",
		allowed: ["steward"],
		send: api(
			"POST",
			(w) => `/api/v1/series/${w.seriesSlug}/stewards`,
			() => ({ email: email() }),
		),
	},
	{
		name: "DELETE /api/v1/series/{slug}/stewards/{userId}",
		scope: "series",
		allowed: ["steward"],
		send: api("DELETE", (w) => `/api/v1/series/${w.seriesSlug}/stewards/${w.targetId}`),
	},
	{
		name: "POST /console/series/:slug/stewards",
		scope: "series",
		allowed: ["steward"],
		send: form(
			(w) => `/console/series/${w.seriesSlug}/stewards`,
			() => ({ email: email() }),
		),
	},
	// Edition committee
	{
		name: "POST /api/v1/editions/{id}/invitations",
		scope: "edition",
		allowed: COMMITTEE_MANAGERS,
		send: api(
			"POST",
			(w) => `/api/v1/editions/${w.editionId}/invitations`,
			() => ({ email: email(), role: "organizer" }),
		),
	},
	{
		name: "POST /console/editions/:id/invitations",
		scope: "edition",
		allowed: COMMITTEE_MANAGERS,
		send: form(
			(w) => `/console/editions/${w.editionId}/invitations`,
			() => ({ email: email(), role: "organizer" }),
		),
	},
	{
		name: "DELETE /api/v1/editions/{id}/invitations/{invitationId}",
		scope: "edition",
		allowed: COMMITTEE_MANAGERS,
		send: api("DELETE", (w) => `/api/v1/editions/${w.editionId}/invitations/${w.editionInvitationId}`),
	},
	{
		name: "PATCH /api/v1/editions/{id}/members/{userId}",
		scope: "edition",
		allowed: COMMITTEE_MANAGERS,
		send: api(
			"PATCH",
			(w) => `/api/v1/editions/${w.editionId}/members/${w.targetId}`,
			() => ({ role: "reviewer" }),
		),
	},
	{
		name: "DELETE /api/v1/editions/{id}/members/{userId}",
		scope: "edition",
		allowed: COMMITTEE_MANAGERS,
		send: api("DELETE", (w) => `/api/v1/editions/${w.editionId}/members/${w.targetId}`),
	},
	// Edition content
	{
		name: "PATCH /api/v1/editions/{id}",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"PATCH",
			(w) => `/api/v1/editions/${w.editionId}`,
			() => ({ city: "Utrecht" }),
		),
	},
	{
		name: "POST /api/v1/editions/{id}/rooms",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"POST",
			(w) => `/api/v1/editions/${w.editionId}/rooms`,
			() => ({ name: "Room C" }),
		),
	},
	{
		name: "PATCH /api/v1/editions/{id}/rooms/{itemId}",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"PATCH",
			(w) => `/api/v1/editions/${w.editionId}/rooms/${w.roomId}`,
			() => ({ capacity: 80 }),
		),
	},
	{
		name: "DELETE /api/v1/editions/{id}/rooms/{itemId}",
		scope: "edition",
		allowed: EDITORS,
		send: api("DELETE", (w) => `/api/v1/editions/${w.editionId}/rooms/${w.roomId}`),
	},
	{
		name: "POST /api/v1/editions/{id}/pages",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"POST",
			(w) => `/api/v1/editions/${w.editionId}/pages`,
			() => ({ title: "Travel", slug: "travel", body: "By train." }),
		),
	},
	{
		name: "POST /api/v1/editions/{id}/speakers",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"POST",
			(w) => `/api/v1/editions/${w.editionId}/speakers`,
			() => ({ name: "Ada Example" }),
		),
	},
	{
		name: "POST /api/v1/editions/{id}/sessions",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"POST",
			(w) => `/api/v1/editions/${w.editionId}/sessions`,
			() => ({ kind: "plenary", title: "Opening", day: 1, startTime: "09:00", durationMinutes: 30 }),
		),
	},
	{
		name: "POST /console/editions/:id/program",
		scope: "edition",
		allowed: EDITORS,
		send: form(
			(w) => `/console/editions/${w.editionId}/program`,
			() => ({ kind: "plenary", title: "Opening", day: "1", startTime: "09:00", durationMinutes: "30" }),
		),
	},
	{
		name: "PUT /api/v1/editions/{id}/abstract-call",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"PUT",
			(w) => `/api/v1/editions/${w.editionId}/abstract-call`,
			() => ({ opensOffsetDays: -200, closesOffsetDays: -100 }),
		),
	},
	{
		name: "POST /console/editions/:id/rooms",
		scope: "edition",
		allowed: EDITORS,
		send: form(
			(w) => `/console/editions/${w.editionId}/rooms`,
			() => ({ name: "Room D" }),
		),
	},
	{
		name: "POST /console/editions/:id/rooms/:itemId/delete",
		scope: "edition",
		allowed: EDITORS,
		send: form((w) => `/console/editions/${w.editionId}/rooms/${w.roomId}/delete`),
	},
	{
		name: "POST /console/editions/:id/settings",
		scope: "edition",
		allowed: EDITORS,
		send: form(
			(w) => `/console/editions/${w.editionId}/settings`,
			() => ({
				name: "SER 2031",
				startDate: "2031-05-05",
				endDate: "2031-05-07",
				timeZone: "Europe/Amsterdam",
				status: "draft",
			}),
		),
	},
];

/** What a role may know exists, per scope: the rest must answer 404, never 403. */
const VISIBLE: Record<Scope, readonly Role[]> = {
	platform: EVERYONE_SIGNED_IN,
	institution: ["member", "admin", "owner"],
	// Series are public.
	series: EVERYONE_SIGNED_IN,
	// The edition is a draft: its committee (an active mentor too) and its series' stewards see it.
	edition: ["steward", "chair", "organizer", "reviewer", "mentor"],
};

function expectDenied(res: Response, route: RouteCase, role: Role) {
	const isPage = route.name.includes(" /console/");
	if (role === "anonymous") {
		if (isPage) {
			expect(res.status).toBe(303);
			expect(res.headers.get("Location")).toMatch(/^\/auth\/sign-in\?next=/);
		} else {
			expect(res.status).toBe(401);
		}
		return;
	}
	expect(res.status).toBe(VISIBLE[route.scope].includes(role) ? 403 : 404);
}

function expectAllowed(res: Response) {
	// Authorized: the request reached the feature. A domain rule may still refuse it (409/422),
	// which is not a permission answer.
	expect([401, 403, 404]).not.toContain(res.status);
	expect(res.headers.get("Location") ?? "").not.toMatch(/^\/auth\/sign-in/);
	expect(res.status).toBeLessThan(500);
}

describe.each(ROUTES)("$name", (route) => {
	it.each(ROLES.map((role) => ({ role, allowed: route.allowed.includes(role) })))(
		"$role → allowed: $allowed",
		async ({ role, allowed }) => {
			const world = await createWorld();
			const res = await route.send(world, role === "anonymous" ? undefined : world.cookies[role]);
			if (allowed) expectAllowed(res);
			else expectDenied(res, route, role);
		},
	);
});
