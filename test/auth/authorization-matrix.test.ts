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
import { ORIGIN, postForm, sendJson } from "../auth-helpers";
import { request } from "../helpers";

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
	/** A named lecture of the series. */
	lectureId: string;
	/** The series' open call for hosts (for 2035), and the world institution's open proposal to it. */
	callId: string;
	proposalId: string;
	/** A series founded by the world's institution, without editions yet: its first edition is theirs to create. */
	foundedSeriesSlug: string;
	/** A custom host name of the edition, which the unmapping routes remove. */
	hostname: string;
	/** A published edition of the same series with a page: the source the clone routes copy from. */
	sourceEditionId: string;
	/**
	 * A handover note of the edition for future committees (so the chair of the later 2033 edition
	 * reads it too), attached to the room, with an attachment and a question thread.
	 */
	noteId: string;
	attachmentId: string;
	threadId: string;
	/** A template in the series' library (version 1 holds a page), visible to the series' committees and stewards. */
	templateId: string;
}

type Scope = "platform" | "institution" | "series" | "edition" | "proposal" | "note";

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
		lectureId: `lec-${id}`,
		callId: `call-${id}`,
		proposalId: `prop-${id}`,
		foundedSeriesSlug: `founded-${id}`,
		hostname: `host-${id}.example.org`,
		sourceEditionId: `src-${id}`,
		noteId: `note-${id}`,
		attachmentId: `att-${id}`,
		threadId: `thread-${id}`,
		templateId: `tpl-${id}`,
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
		q(
			"insert into named_lectures (id, series_id, slug, name, honoree) values (?, ?, 'honoree', 'Honoree lecture', 'Honoree')",
			w.lectureId,
			seriesId,
		),
		q(
			"insert into host_calls (id, series_id, for_year, deadline, status) values (?, ?, 2035, '2034-12-31', 'open')",
			w.callId,
			seriesId,
		),
		q(
			"insert into host_proposals (id, call_id, series_id, institution_id, submitted_by, city, country, start_date, end_date, time_zone) values (?, ?, ?, ?, ?, 'Pisa', 'IT', '2035-05-07', '2035-05-09', 'Europe/Rome')",
			w.proposalId,
			w.callId,
			seriesId,
			w.institutionId,
			users.owner.id,
		),
		q(
			"insert into series (id, slug, name, short_name, institution_id) values (?, ?, 'Founded', 'FND', ?)",
			`fs-${id}`,
			w.foundedSeriesSlug,
			w.institutionId,
		),
		q("insert into edition_hosts (hostname, edition_id) values (?, ?)", w.hostname, w.editionId),
		q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values (?, ?, 2029, 'SER 2029', '2029-05-07', '2029-05-09', 'Europe/Amsterdam', 'published')",
			w.sourceEditionId,
			seriesId,
		),
		q(
			"insert into pages (id, edition_id, slug, title, body) values (?, ?, 'home', 'Welcome to {{edition.name}}', '')",
			`page-${id}`,
			w.sourceEditionId,
		),
		q(
			"insert into handover_notes (id, series_id, edition_id, topic, title, author_id) values (?, ?, ?, 'venue_rooms', 'Book the hall early', ?)",
			w.noteId,
			seriesId,
			w.editionId,
			users.chair.id,
		),
		q(
			"insert into handover_note_links (note_id, edition_id, subject_kind, subject_id) values (?, ?, 'room', ?)",
			w.noteId,
			w.editionId,
			w.roomId,
		),
		q(
			"insert into handover_attachments (id, note_id, series_id, object_key, filename, content_type, size_bytes) values (?, ?, ?, ?, 'plan.pdf', 'application/pdf', 9)",
			w.attachmentId,
			w.noteId,
			seriesId,
			`handover/${seriesId}/${w.noteId}/${w.attachmentId}`,
		),
		q(
			"insert into note_threads (id, note_id, series_id, asked_by) values (?, ?, ?, ?)",
			w.threadId,
			w.noteId,
			seriesId,
			users.otherChair.id,
		),
		q(
			"insert into note_messages (id, thread_id, author_id, body) values (?, ?, ?, 'How early?')",
			`msg-${id}`,
			w.threadId,
			users.otherChair.id,
		),
		q(
			"insert into templates (id, name, visibility, series_id) values (?, 'World kit', 'series', ?)",
			w.templateId,
			seriesId,
		),
		q(
			"insert into template_versions (id, template_id, version, parts, document, source_edition_id) values (?, ?, 1, '[\"pages\"]', ?, ?)",
			`${w.templateId}-v1`,
			w.templateId,
			JSON.stringify({
				schema: "baton.template/1",
				name: "World kit",
				description: "",
				parts: { pages: [{ slug: "home", title: "Home", body: "", navOrder: 0, published: false }] },
			}),
			w.sourceEditionId,
		),
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
/** A multipart upload of a small PDF, as the note page's form and integrations send it. */
const upload = (path: (w: World) => string) => (w: World, cookie?: string) => {
	const body = new FormData();
	body.append("file", new File(["%PDF-1.7\n%%EOF\n"], "plan.pdf", { type: "application/pdf" }));
	return request(path(w), {
		method: "POST",
		headers: { Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) },
		body,
		redirect: "manual",
	});
};

const INSTITUTION_ADMINS = ["owner", "admin"] as const;
const EDITORS = ["chair", "organizer"] as const;
const COMMITTEE_MANAGERS = ["chair", "steward"] as const;
const EVERYONE_SIGNED_IN = ROLES.filter((r) => r !== "anonymous");
const NOTE_READERS = ["steward", "chair", "organizer", "reviewer", "mentor", "otherChair"] as const;
const PROPOSAL = (w: World) => ({
	institutionId: w.institutionId,
	city: "Pisa",
	country: "IT",
	startDate: "2035-05-14",
	endDate: "2035-05-16",
	timeZone: "Europe/Rome",
	motivation: "We would host it well.",
});
const FIRST_EDITION = {
	year: 2035,
	startDate: "2035-05-07",
	endDate: "2035-05-09",
	timeZone: "Europe/Rome",
	city: "Pisa",
	country: "IT",
};

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
	// A series is started for an institution: authorized on that institution.
	{
		name: "POST /api/v1/series",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: api(
			"POST",
			() => "/api/v1/series",
			(w) => ({
				institutionId: w.institutionId,
				slug: `n-${newId().slice(0, 8)}`,
				name: "A new series",
				shortName: "NEW",
			}),
		),
	},
	{
		name: "POST /console/series/new",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: form(
			() => "/console/series/new",
			(w) => ({
				institutionId: w.institutionId,
				slug: `n-${newId().slice(0, 8)}`,
				name: "A new series",
				shortName: "NEW",
			}),
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
	// Series details, named lectures and calls for hosts: stewards
	{
		name: "PATCH /api/v1/series/{slug}",
		scope: "series",
		allowed: ["steward"],
		send: api(
			"PATCH",
			(w) => `/api/v1/series/${w.seriesSlug}`,
			() => ({ society: "EANM" }),
		),
	},
	{
		name: "POST /console/series/:slug",
		scope: "series",
		allowed: ["steward"],
		send: form(
			(w) => `/console/series/${w.seriesSlug}`,
			() => ({ name: "Series", shortName: "SER", cadenceYears: "2", society: "EANM" }),
		),
	},
	{
		name: "POST /api/v1/series/{slug}/lectures",
		scope: "series",
		allowed: ["steward"],
		send: api(
			"POST",
			(w) => `/api/v1/series/${w.seriesSlug}/lectures`,
			() => ({ name: "Another lecture", honoree: "Another Honoree" }),
		),
	},
	{
		name: "PATCH /api/v1/series/{slug}/lectures/{lectureId}",
		scope: "series",
		allowed: ["steward"],
		send: api(
			"PATCH",
			(w) => `/api/v1/series/${w.seriesSlug}/lectures/${w.lectureId}`,
			() => ({ description: "Changed." }),
		),
	},
	{
		name: "POST /console/series/:slug/lectures",
		scope: "series",
		allowed: ["steward"],
		send: form(
			(w) => `/console/series/${w.seriesSlug}/lectures`,
			() => ({ name: "Another lecture", honoree: "Another Honoree" }),
		),
	},
	{
		name: "POST /console/series/:slug/lectures/:lectureId",
		scope: "series",
		allowed: ["steward"],
		send: form(
			(w) => `/console/series/${w.seriesSlug}/lectures/${w.lectureId}`,
			() => ({ name: "Honoree lecture", honoree: "Honoree", description: "Changed." }),
		),
	},
	// The world's series already has an open call, so an allowed opening meets the one-open-call rule (422).
	{
		name: "POST /api/v1/series/{slug}/calls",
		scope: "series",
		allowed: ["steward"],
		send: api(
			"POST",
			(w) => `/api/v1/series/${w.seriesSlug}/calls`,
			() => ({ forYear: 2037, deadline: "2036-12-31" }),
		),
	},
	{
		name: "POST /console/series/:slug/calls",
		scope: "series",
		allowed: ["steward"],
		send: form(
			(w) => `/console/series/${w.seriesSlug}/calls`,
			() => ({ forYear: "2037", deadline: "2036-12-31" }),
		),
	},
	{
		name: "PATCH /api/v1/series/{slug}/calls/{callId}",
		scope: "series",
		allowed: ["steward"],
		send: api(
			"PATCH",
			(w) => `/api/v1/series/${w.seriesSlug}/calls/${w.callId}`,
			() => ({ status: "closed" }),
		),
	},
	{
		name: "POST /console/series/:slug/calls/:callId",
		scope: "series",
		allowed: ["steward"],
		send: form(
			(w) => `/console/series/${w.seriesSlug}/calls/${w.callId}`,
			() => ({ deadline: "2034-11-30", requirements: "A hall." }),
		),
	},
	{
		name: "POST /console/series/:slug/calls/:callId/close",
		scope: "series",
		allowed: ["steward"],
		send: form((w) => `/console/series/${w.seriesSlug}/calls/${w.callId}/close`),
	},
	// Proposing to host: for the institution's owners and admins. The world's institution has an open
	// proposal already, so an allowed one meets the one-proposal-per-call rule (409).
	{
		name: "POST /api/v1/series/{slug}/calls/{callId}/proposals",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: api(
			"POST",
			(w) => `/api/v1/series/${w.seriesSlug}/calls/${w.callId}/proposals`,
			(w) => PROPOSAL(w),
		),
	},
	{
		name: "POST /console/series/:slug/calls/:callId/propose",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: form(
			(w) => `/console/series/${w.seriesSlug}/calls/${w.callId}/propose`,
			(w) => ({ ...PROPOSAL(w), expectedParticipants: "" }),
		),
	},
	// A proposal is known to the series' stewards and the proposing institution's owners and admins.
	...(["api", "console"] as const).flatMap((via): RouteCase[] => {
		const send = (action: string, body: Record<string, string>) =>
			via === "api"
				? api(
						"POST",
						(w) => `/api/v1/proposals/${w.proposalId}/${action}`,
						() => body,
					)
				: form(
						(w) => `/console/proposals/${w.proposalId}/${action}`,
						() => body,
					);
		const path = via === "api" ? "/api/v1/proposals/{id}" : "/console/proposals/:id";
		return [
			{ name: `POST ${path}/withdraw`, scope: "proposal", allowed: INSTITUTION_ADMINS, send: send("withdraw", {}) },
			{
				name: `POST ${path}/accept`,
				scope: "proposal",
				allowed: ["steward"],
				send: send("accept", { note: "Welcome." }),
			},
			{
				name: `POST ${path}/decline`,
				scope: "proposal",
				allowed: ["steward"],
				send: send("decline", { note: "Sorry." }),
			},
		];
	}),
	// The first edition of a series founded by the world's institution, hosted there.
	{
		name: "POST /api/v1/series/{slug}/editions",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: api(
			"POST",
			(w) => `/api/v1/series/${w.foundedSeriesSlug}/editions`,
			(w) => ({ hostInstitutionId: w.institutionId, ...FIRST_EDITION }),
		),
	},
	{
		name: "POST /console/series/:slug/editions/new",
		scope: "institution",
		allowed: INSTITUTION_ADMINS,
		send: form(
			(w) => `/console/series/${w.foundedSeriesSlug}/editions/new`,
			(w) => ({ hostInstitutionId: w.institutionId, ...FIRST_EDITION, year: "2035" }),
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
			}),
		),
	},
	// Setting up an edition from a previous one (the source is public: readable by every role)
	{
		name: "POST /api/v1/editions/{id}/clone",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"POST",
			(w) => `/api/v1/editions/${w.editionId}/clone`,
			(w) => ({ sourceEditionId: w.sourceEditionId, parts: ["pages"] }),
		),
	},
	{
		name: "POST /console/editions/:id/setup/apply",
		scope: "edition",
		allowed: EDITORS,
		send: form(
			(w) => `/console/editions/${w.editionId}/setup/apply`,
			(w) => ({ sourceEditionId: w.sourceEditionId, "part.pages": "on" }),
		),
	},
	// Templates: published from an edition and applied to one by its editors. A new version or a fork
	// also needs the template (visible to the series' committees and stewards; a new version only
	// for its chairs, organizers and stewards), and is then decided on the edition like a publish.
	{
		name: "POST /api/v1/editions/{id}/templates",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"POST",
			(w) => `/api/v1/editions/${w.editionId}/templates`,
			() => ({ name: "Our rooms", parts: ["rooms_tracks"] }),
		),
	},
	{
		name: "POST /console/editions/:id/publish-template",
		scope: "edition",
		allowed: EDITORS,
		send: form(
			(w) => `/console/editions/${w.editionId}/publish-template`,
			() => ({ name: "Our rooms", "part.rooms_tracks": "on" }),
		),
	},
	{
		name: "POST /api/v1/templates/{ref}/versions",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"POST",
			(w) => `/api/v1/templates/${w.templateId}/versions`,
			(w) => ({ editionId: w.editionId, parts: ["rooms_tracks"], changelog: "Rooms added." }),
		),
	},
	{
		name: "POST /console/templates/:ref/versions",
		scope: "edition",
		allowed: EDITORS,
		send: form(
			(w) => `/console/templates/${w.templateId}/versions`,
			(w) => ({ editionId: w.editionId, "part.rooms_tracks": "on", changelog: "Rooms added." }),
		),
	},
	{
		name: "POST /api/v1/templates/{ref}/fork",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"POST",
			(w) => `/api/v1/templates/${w.templateId}/fork`,
			(w) => ({ editionId: w.editionId }),
		),
	},
	{
		name: "POST /console/templates/:ref/fork",
		scope: "edition",
		allowed: EDITORS,
		send: form(
			(w) => `/console/templates/${w.templateId}/fork`,
			(w) => ({ editionId: w.editionId }),
		),
	},
	{
		name: "POST /api/v1/editions/{id}/apply-template",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"POST",
			(w) => `/api/v1/editions/${w.editionId}/apply-template`,
			(w) => ({ template: w.templateId, parts: ["pages"] }),
		),
	},
	{
		name: "POST /console/editions/:id/setup/template/apply",
		scope: "edition",
		allowed: EDITORS,
		send: form(
			(w) => `/console/editions/${w.editionId}/setup/template/apply`,
			(w) => ({ template: w.templateId, version: "1", "part.pages": "on" }),
		),
	},
	// Organizer reminders, the suggested checklist and the debrief: the committee's editors. The
	// world's edition is still ahead, so an allowed debrief meets "not open yet" (422).
	{
		name: "POST /api/v1/editions/{id}/organizer-reminders",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"POST",
			(w) => `/api/v1/editions/${w.editionId}/organizer-reminders`,
			() => ({ subject: "A week to go", anchor: "event_start", offsetDays: -7, role: "chair" }),
		),
	},
	{
		name: "POST /console/editions/:id/organizer-reminders",
		scope: "edition",
		allowed: EDITORS,
		send: form(
			(w) => `/console/editions/${w.editionId}/organizer-reminders`,
			() => ({ subject: "A week to go", anchor: "event_start", offsetDays: "-7", role: "chair" }),
		),
	},
	{
		name: "POST /console/editions/:id/checklist/suggestions",
		scope: "edition",
		allowed: EDITORS,
		send: form(
			(w) => `/console/editions/${w.editionId}/checklist/suggestions`,
			() => ({ "add.publish-the-program": "on" }),
		),
	},
	{
		name: "POST /console/editions/:id/debrief",
		scope: "edition",
		allowed: EDITORS,
		send: form(
			(w) => `/console/editions/${w.editionId}/debrief`,
			() => ({ venue: "The plenary hall was too small." }),
		),
	},
	// Custom host names and the lifecycle: chairs and the series' stewards. The world's edition is a
	// bare draft, so an allowed publish meets the go-live checks (422) and the other actions the
	// lifecycle order (422): both past authorization.
	{
		name: "POST /api/v1/editions/{id}/hosts",
		scope: "edition",
		allowed: COMMITTEE_MANAGERS,
		send: api(
			"POST",
			(w) => `/api/v1/editions/${w.editionId}/hosts`,
			() => ({ hostname: `new-${newId().slice(0, 8)}.example.org` }),
		),
	},
	{
		name: "DELETE /api/v1/editions/{id}/hosts/{hostname}",
		scope: "edition",
		allowed: COMMITTEE_MANAGERS,
		send: api("DELETE", (w) => `/api/v1/editions/${w.editionId}/hosts/${w.hostname}`),
	},
	{
		name: "POST /console/editions/:id/hosts",
		scope: "edition",
		allowed: COMMITTEE_MANAGERS,
		send: form(
			(w) => `/console/editions/${w.editionId}/hosts`,
			() => ({ hostname: `new-${newId().slice(0, 8)}.example.org` }),
		),
	},
	{
		name: "POST /console/editions/:id/hosts/:hostname/remove",
		scope: "edition",
		allowed: COMMITTEE_MANAGERS,
		send: form((w) => `/console/editions/${w.editionId}/hosts/${w.hostname}/remove`),
	},
	{
		name: "POST /api/v1/editions/{id}/hosts/{hostname}/check",
		scope: "edition",
		allowed: COMMITTEE_MANAGERS,
		send: api("POST", (w) => `/api/v1/editions/${w.editionId}/hosts/${w.hostname}/check`),
	},
	{
		name: "POST /console/editions/:id/hosts/:hostname/check",
		scope: "edition",
		allowed: COMMITTEE_MANAGERS,
		send: form((w) => `/console/editions/${w.editionId}/hosts/${w.hostname}/check`),
	},
	...(["publish", "unpublish", "hold", "archive"] as const).flatMap((action): RouteCase[] => [
		{
			name: `POST /api/v1/editions/{id}/${action}`,
			scope: "edition",
			allowed: COMMITTEE_MANAGERS,
			send: api("POST", (w) => `/api/v1/editions/${w.editionId}/${action}`),
		},
		{
			name: `POST /console/editions/:id/${action}`,
			scope: "edition",
			allowed: COMMITTEE_MANAGERS,
			send: form((w) => `/console/editions/${w.editionId}/${action}`),
		},
	]),
	// Handover notes: written by the edition's chairs and organizers; read, and asked about, by its
	// committee, the stewards and the later committees of the series (the chair of 2033 here).
	{
		name: "POST /api/v1/editions/{id}/handover-notes",
		scope: "edition",
		allowed: EDITORS,
		send: api(
			"POST",
			(w) => `/api/v1/editions/${w.editionId}/handover-notes`,
			() => ({ topic: "contacts", title: "Call the caterer" }),
		),
	},
	{
		name: "POST /console/editions/:id/handover/notes",
		scope: "edition",
		allowed: EDITORS,
		send: form(
			(w) => `/console/editions/${w.editionId}/handover/notes`,
			() => ({ topic: "contacts", title: "Call the caterer", body: "", tags: "", visibility: "" }),
		),
	},
	{
		name: "PATCH /api/v1/handover-notes/{noteId}",
		scope: "note",
		allowed: EDITORS,
		send: api(
			"PATCH",
			(w) => `/api/v1/handover-notes/${w.noteId}`,
			() => ({ title: "Book the hall very early" }),
		),
	},
	{
		name: "POST /console/notes/:noteId/edit",
		scope: "note",
		allowed: EDITORS,
		send: form(
			(w) => `/console/notes/${w.noteId}/edit`,
			() => ({ topic: "venue_rooms", title: "Book the hall very early", body: "", tags: "", visibility: "" }),
		),
	},
	{
		name: "DELETE /api/v1/handover-notes/{noteId}",
		scope: "note",
		allowed: EDITORS,
		send: api("DELETE", (w) => `/api/v1/handover-notes/${w.noteId}`),
	},
	{
		name: "POST /console/notes/:noteId/delete",
		scope: "note",
		allowed: EDITORS,
		send: form((w) => `/console/notes/${w.noteId}/delete`),
	},
	{
		name: "POST /api/v1/handover-notes/{noteId}/read",
		scope: "note",
		allowed: NOTE_READERS,
		send: api("POST", (w) => `/api/v1/handover-notes/${w.noteId}/read`),
	},
	{
		name: "POST /api/v1/handover-notes/{noteId}/links",
		scope: "note",
		allowed: EDITORS,
		send: api(
			"POST",
			(w) => `/api/v1/handover-notes/${w.noteId}/links`,
			() => ({ subjectKind: "deadline", subjectId: "abstract_call.closes" }),
		),
	},
	{
		name: "DELETE /api/v1/handover-notes/{noteId}/links/{subjectKind}/{subjectId}",
		scope: "note",
		allowed: EDITORS,
		send: api("DELETE", (w) => `/api/v1/handover-notes/${w.noteId}/links/room/${w.roomId}`),
	},
	{
		name: "POST /console/notes/:noteId/links",
		scope: "note",
		allowed: EDITORS,
		send: form(
			(w) => `/console/notes/${w.noteId}/links`,
			() => ({ subject: "deadline:abstract_call.opens" }),
		),
	},
	{
		name: "POST /console/notes/:noteId/links/remove",
		scope: "note",
		allowed: EDITORS,
		send: form(
			(w) => `/console/notes/${w.noteId}/links/remove`,
			(w) => ({ subject: `room:${w.roomId}` }),
		),
	},
	{
		name: "POST /api/v1/handover-notes/{noteId}/attachments",
		scope: "note",
		allowed: EDITORS,
		send: upload((w) => `/api/v1/handover-notes/${w.noteId}/attachments`),
	},
	{
		name: "POST /console/notes/:noteId/attachments",
		scope: "note",
		allowed: EDITORS,
		send: upload((w) => `/console/notes/${w.noteId}/attachments`),
	},
	{
		name: "DELETE /api/v1/handover-notes/{noteId}/attachments/{attachmentId}",
		scope: "note",
		allowed: EDITORS,
		send: api("DELETE", (w) => `/api/v1/handover-notes/${w.noteId}/attachments/${w.attachmentId}`),
	},
	{
		name: "POST /console/notes/:noteId/attachments/:attachmentId/delete",
		scope: "note",
		allowed: EDITORS,
		send: form((w) => `/console/notes/${w.noteId}/attachments/${w.attachmentId}/delete`),
	},
	{
		name: "POST /api/v1/handover-notes/{noteId}/threads",
		scope: "note",
		allowed: NOTE_READERS,
		send: api(
			"POST",
			(w) => `/api/v1/handover-notes/${w.noteId}/threads`,
			() => ({ body: "Which hall?" }),
		),
	},
	{
		name: "POST /api/v1/handover-notes/{noteId}/threads/{threadId}/messages",
		scope: "note",
		allowed: NOTE_READERS,
		send: api(
			"POST",
			(w) => `/api/v1/handover-notes/${w.noteId}/threads/${w.threadId}/messages`,
			() => ({ body: "The big one." }),
		),
	},
	{
		name: "POST /console/notes/:noteId/questions",
		scope: "note",
		allowed: NOTE_READERS,
		send: form(
			(w) => `/console/notes/${w.noteId}/questions`,
			() => ({ body: "Which hall?" }),
		),
	},
	{
		name: "POST /console/notes/:noteId/questions/:threadId",
		scope: "note",
		allowed: NOTE_READERS,
		send: form(
			(w) => `/console/notes/${w.noteId}/questions/${w.threadId}`,
			() => ({ body: "The big one." }),
		),
	},
];

/** What a role may know exists, per scope: the rest must answer 404, never 403. */
const VISIBLE: Record<Scope, readonly Role[]> = {
	platform: EVERYONE_SIGNED_IN,
	institution: ["member", "admin", "owner"],
	// Hosting proposals: the series' stewards and the proposing institution's owners and admins.
	proposal: ["steward", "admin", "owner"],
	// Series are public.
	series: EVERYONE_SIGNED_IN,
	// The edition is a draft: its committee (an active mentor too) and its series' stewards see it.
	edition: ["steward", "chair", "organizer", "reviewer", "mentor"],
	// A handover note for future committees: its edition's committee, the stewards, and the chair of
	// the series' later edition.
	note: NOTE_READERS,
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
