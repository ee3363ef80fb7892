/**
 * The worlds of the authorization matrix: one user and session per role, and three targets a
 * route can be pointed at — the roles' own edition (and its series and institution), another
 * edition of the same series, and an edition of another series (another institution). Built in one
 * D1 batch; the read-only world once per file, a fresh one for every allowed write.
 */
import { env } from "cloudflare:workers";
import { newSession, SESSION_COOKIE } from "../../../src/auth/sessions";
import { newId } from "../../../src/lib/ids";

export const ROLES = [
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
	/** Chair of the later edition of the same series (2033). */
	"otherChair",
	/** Chair of an edition of another series. */
	"foreignChair",
	/** Steward of another series. */
	"foreignSteward",
] as const;
export type Role = (typeof ROLES)[number];
export type SignedInRole = Exclude<Role, "anonymous">;

/** Where a route is pointed: the roles' own edition, its sibling in the same series, another series. */
export const TARGETS = ["own", "sibling", "foreign"] as const;
export type TargetName = (typeof TARGETS)[number];

/** The ids of one target: everything a route's path or body may name. */
export interface Target {
	institutionId: string;
	/** A member of the institution, steward of the series and organizer of the edition, whom member changes act on. */
	targetUserId: string;
	/** The target user's session cookie. */
	targetUserCookie: string;
	institutionInvitationId: string;
	seriesSlug: string;
	seriesInvitationId: string;
	/** A series founded by the target's institution without editions: its first edition is the institution's to create. */
	foundedSeriesSlug: string;
	lectureId: string;
	callId: string;
	/** The institution's open proposal to the series' call. */
	proposalId: string;
	/** A series-library template with version 1 (a page). */
	templateId: string;
	editionId: string;
	year: number;
	editionInvitationId: string;
	hostname: string;
	/** One item of every content collection, by collection key. */
	items: Record<string, string>;
	sessionId: string;
	talkId: string;
	/** A note for future committees of the edition, linked to its room, with an attachment and a thread. */
	noteId: string;
	attachmentId: string;
	threadId: string;
	/** A confirmed registration of the edition. */
	registrationId: string;
	/** A published edition of the series (2029) with a page, a session and a consented speaker (seq 1 each). */
	publicEditionYear: number;
	publicEditionId: string;
}

export interface World {
	suffix: string;
	userIds: Record<SignedInRole, string>;
	cookies: Record<SignedInRole, string>;
	/** Each role's own live API token id (for the token routes). */
	tokenIds: Record<SignedInRole, string>;
	targets: Record<TargetName, Target>;
}

export const COLLECTIONS = [
	"rooms",
	"tracks",
	"speakers",
	"people",
	"pages",
	"sponsor-tiers",
	"sponsors",
	"ticket-types",
	"registration-fields",
	"review-criteria",
	"survey-questions",
	"checklist",
	"email-texts",
	"organizer-reminders",
] as const;

type Row = Record<string, string | number | null>;
const insert = (table: string, row: Row) => {
	const columns = Object.keys(row);
	return env.DB.prepare(
		`insert into ${table} (${columns.map((c) => `"${c}"`).join(", ")}) values (${columns.map(() => "?").join(", ")})`,
	).bind(...Object.values(row));
};

const FAR_FUTURE = Date.now() + 86_400_000 * 30;

/** The rows of one edition's committee and content; `k` makes its ids unique. */
function editionRows(k: string, e: { id: string; seriesId: string; year: number; status: string; name: string }) {
	return [
		insert("editions", {
			id: e.id,
			series_id: e.seriesId,
			year: e.year,
			name: e.name,
			start_date: `${e.year}-05-05`,
			end_date: `${e.year}-05-07`,
			time_zone: "Europe/Amsterdam",
			status: e.status,
		}),
		insert("rooms", { id: `room-${k}`, edition_id: e.id, name: "Hall" }),
		insert("tracks", { id: `track-${k}`, edition_id: e.id, name: "Clinical" }),
		insert("speakers", { id: `spk-${k}`, edition_id: e.id, seq: 1, name: "Ada Example", consented_at: Date.now() }),
		insert("edition_people", { id: `person-${k}`, edition_id: e.id, name: "Bo Example", role: "advisory" }),
		insert("pages", { id: `page-${k}`, edition_id: e.id, slug: "travel", title: "Travel", published: 1 }),
		insert("sponsor_tiers", { id: `tier-${k}`, edition_id: e.id, name: "Gold" }),
		insert("sponsors", { id: `sponsor-${k}`, edition_id: e.id, tier_id: `tier-${k}`, name: "Acme" }),
		insert("ticket_types", {
			id: `ticket-${k}`,
			edition_id: e.id,
			name: "Regular",
			sales_open_offset_days: -100,
			sales_close_offset_days: -1,
		}),
		insert("registration_fields", { id: `field-${k}`, edition_id: e.id, label: "Diet", kind: "text" }),
		// The registration holds a ticket type of its own: the collection's item stays deletable.
		insert("ticket_types", {
			id: `ticket-reg-${k}`,
			edition_id: e.id,
			name: "Registered",
			sales_open_offset_days: -100,
			sales_close_offset_days: -1,
		}),
		insert("registrations", {
			id: `reg-${k}`,
			edition_id: e.id,
			ticket_type_id: `ticket-reg-${k}`,
			email: `reg-${k}@example.org`,
			name: "Cy Example",
			country: "NL",
			role: "physicist",
			status: "confirmed",
		}),
		insert("review_criteria", { id: `crit-${k}`, edition_id: e.id, label: "Novelty" }),
		insert("survey_questions", { id: `q-${k}`, edition_id: e.id, prompt: "How was it?", kind: "text" }),
		insert("checklist_tasks", { id: `task-${k}`, edition_id: e.id, title: "Book the hall", due_offset_days: -300 }),
		insert("email_texts", { id: `mail-${k}`, edition_id: e.id, key: "welcome", subject: "Welcome" }),
		insert("organizer_reminders", {
			id: `rem-${k}`,
			edition_id: e.id,
			anchor: "event_start",
			offset_days: -7,
			subject: "A week to go",
		}),
		insert("sessions", {
			id: `sess-${k}`,
			edition_id: e.id,
			seq: 1,
			guid: newId(),
			kind: "plenary",
			title: "Opening",
			day: 1,
			start_time: "09:00",
			duration_minutes: 60,
			room_id: `room-${k}`,
		}),
		insert("talks", { id: `talk-${k}`, edition_id: e.id, session_id: `sess-${k}`, title: "Welcome" }),
		insert("talk_speakers", { edition_id: e.id, talk_id: `talk-${k}`, speaker_id: `spk-${k}` }),
	];
}

const itemsOf = (k: string): Record<string, string> => ({
	rooms: `room-${k}`,
	tracks: `track-${k}`,
	speakers: `spk-${k}`,
	people: `person-${k}`,
	pages: `page-${k}`,
	"sponsor-tiers": `tier-${k}`,
	sponsors: `sponsor-${k}`,
	"ticket-types": `ticket-${k}`,
	"registration-fields": `field-${k}`,
	"review-criteria": `crit-${k}`,
	"survey-questions": `q-${k}`,
	checklist: `task-${k}`,
	"email-texts": `mail-${k}`,
	"organizer-reminders": `rem-${k}`,
});

/**
 * A note of an edition for future committees, with a room link, an attachment and a question
 * thread. The attachment's R2 object is added to `uploads`: stored alongside the world's batch
 * rather than one after another before it.
 */
function noteRows(
	k: string,
	t: { seriesId: string; editionId: string; authorId: string; askerId: string },
	uploads: Promise<unknown>[],
) {
	const objectKey = `handover/${t.seriesId}/note-${k}/att-${k}`;
	uploads.push(env.FILES.put(objectKey, "%PDF-1.7\n%%EOF\n", { httpMetadata: { contentType: "application/pdf" } }));
	return [
		insert("handover_notes", {
			id: `note-${k}`,
			series_id: t.seriesId,
			edition_id: t.editionId,
			topic: "venue_rooms",
			title: "Book the hall early",
			author_id: t.authorId,
		}),
		insert("handover_note_links", {
			note_id: `note-${k}`,
			edition_id: t.editionId,
			subject_kind: "room",
			subject_id: `room-${k}`,
		}),
		insert("handover_attachments", {
			id: `att-${k}`,
			note_id: `note-${k}`,
			series_id: t.seriesId,
			object_key: objectKey,
			filename: "plan.pdf",
			content_type: "application/pdf",
			size_bytes: 15,
		}),
		insert("note_threads", { id: `thread-${k}`, note_id: `note-${k}`, series_id: t.seriesId, asked_by: t.askerId }),
		insert("note_messages", { id: `msg-${k}`, thread_id: `thread-${k}`, author_id: t.askerId, body: "How early?" }),
	];
}

/**
 * Builds a world in one batch. Own target: institution I (owner, admin, member), series A
 * (steward), draft edition A 2031 (chair, organizer, reviewer, mentor). Sibling: draft A 2033
 * (otherChair). Foreign: institution J, series B (foreignSteward), draft B 2031 (foreignChair).
 * Each target also has a target user holding a role in each of its bodies, and its own content.
 */
export async function createWorld(): Promise<World> {
	const x = newId().slice(0, 8);
	const statements: D1PreparedStatement[] = [];
	const uploads: Promise<unknown>[] = [];
	const userIds = {} as World["userIds"];
	const cookies = {} as World["cookies"];
	const tokenIds = {} as World["tokenIds"];
	const addUser = async (id: string, name: string) => {
		const { token, row } = await newSession(id);
		statements.push(
			insert("users", { id, email: `${id}@example.org`, name, country: "NL", email_verified_at: Date.now() }),
			insert("auth_sessions", {
				id: row.id,
				user_id: id,
				secret_hash: row.secretHash,
				last_verified_at: Date.now(),
			}),
			insert("api_tokens", {
				id: `tok-${id}`,
				user_id: id,
				name: "CI",
				secret_hash: `h-${id}`,
				access: "write",
				expires_at: FAR_FUTURE,
			}),
		);
		return `${SESSION_COOKIE}=${token}`;
	};
	for (const role of ROLES) {
		if (role === "anonymous") continue;
		userIds[role] = `${role}-${x}`;
		cookies[role] = await addUser(userIds[role], role);
		tokenIds[role] = `tok-${userIds[role]}`;
	}
	const u = userIds;
	const member = (table: string, row: Row) => statements.push(insert(table, row));

	const target = async (
		name: "own" | "sibling" | "foreign",
		bodies: { institutionId: string; seriesId: string; seriesSlug: string; foundedSeriesSlug: string },
		edition: { year: number },
	): Promise<Target> => {
		const k = `${name}-${x}`;
		const targetUserId = `target-${k}`;
		const targetUserCookie = await addUser(targetUserId, "target");
		const editionId = `ed-${k}`;
		const seriesId = bodies.seriesId;
		return {
			institutionId: bodies.institutionId,
			targetUserId,
			targetUserCookie,
			institutionInvitationId: `iinv-${k}`,
			seriesSlug: bodies.seriesSlug,
			seriesInvitationId: `sinv-${k}`,
			foundedSeriesSlug: bodies.foundedSeriesSlug,
			lectureId: `lec-${seriesId}`,
			callId: `call-${seriesId}`,
			proposalId: `prop-${seriesId}`,
			templateId: `tpl-${seriesId}`,
			editionId,
			year: edition.year,
			editionInvitationId: `einv-${k}`,
			hostname: `host-${k}.example.org`,
			items: itemsOf(k),
			sessionId: `sess-${k}`,
			talkId: `talk-${k}`,
			noteId: `note-${k}`,
			attachmentId: `att-${k}`,
			threadId: `thread-${k}`,
			registrationId: `reg-${k}`,
			publicEditionYear: 2029,
			publicEditionId: `pub-${seriesId}`,
		};
	};

	const inst = { I: `inst-${x}`, J: `instj-${x}` };
	const ser = { A: `sa-${x}`, B: `sb-${x}` };
	const own = await target(
		"own",
		{ institutionId: inst.I, seriesId: ser.A, seriesSlug: `a-${x}`, foundedSeriesSlug: `fa-${x}` },
		{ year: 2031 },
	);
	const sibling = await target(
		"sibling",
		{ institutionId: inst.I, seriesId: ser.A, seriesSlug: `a-${x}`, foundedSeriesSlug: `fa-${x}` },
		{ year: 2033 },
	);
	const foreign = await target(
		"foreign",
		{ institutionId: inst.J, seriesId: ser.B, seriesSlug: `b-${x}`, foundedSeriesSlug: `fb-${x}` },
		{ year: 2031 },
	);

	// Institutions, series and their bodies.
	for (const [id, t, ownerId] of [
		[inst.I, own, u.owner],
		[inst.J, foreign, foreign.targetUserId],
	] as const) {
		member("institutions", { id, slug: id, name: `Institution ${id}`, country: "NL" });
		member("institution_members", { institution_id: id, user_id: ownerId, role: "owner" });
		if (t === foreign) continue;
		member("institution_members", { institution_id: id, user_id: u.admin, role: "admin" });
		member("institution_members", { institution_id: id, user_id: u.member, role: "member" });
		member("institution_members", { institution_id: id, user_id: t.targetUserId, role: "member" });
	}
	for (const [seriesId, t, stewardId, institutionId] of [
		[ser.A, own, u.steward, inst.I],
		[ser.B, foreign, u.foreignSteward, inst.J],
	] as const) {
		member("series", { id: seriesId, slug: t.seriesSlug, name: `Series ${t.seriesSlug}`, short_name: "SER" });
		member("series_stewards", { series_id: seriesId, user_id: stewardId });
		member("series_stewards", { series_id: seriesId, user_id: t.targetUserId });
		member("series", {
			id: `f${seriesId}`,
			slug: t.foundedSeriesSlug,
			name: "Founded",
			short_name: "FND",
			institution_id: institutionId,
		});
		member("named_lectures", {
			id: t.lectureId,
			series_id: seriesId,
			slug: "honoree",
			name: "Honoree lecture",
			honoree: "Honoree",
		});
		member("host_calls", { id: t.callId, series_id: seriesId, for_year: 2035, deadline: "2034-12-31" });
		member("host_proposals", {
			id: t.proposalId,
			call_id: t.callId,
			series_id: seriesId,
			institution_id: institutionId,
			submitted_by: stewardId === u.steward ? u.owner : t.targetUserId,
			city: "Pisa",
			country: "IT",
			start_date: "2035-05-07",
			end_date: "2035-05-09",
			time_zone: "Europe/Rome",
		});
		statements.push(
			...editionRows(`pub-${seriesId}`, {
				id: t.publicEditionId,
				seriesId,
				year: 2029,
				status: "published",
				name: "SER 2029",
			}),
		);
		member("templates", { id: t.templateId, name: "World kit", visibility: "series", series_id: seriesId });
		member("template_versions", {
			id: `${t.templateId}-v1`,
			template_id: t.templateId,
			version: 1,
			parts: '["pages"]',
			document: JSON.stringify({
				schema: "baton.template/1",
				name: "World kit",
				description: "",
				parts: { pages: [{ slug: "home", title: "Home", body: "", navOrder: 0, published: false }] },
			}),
			source_edition_id: t.publicEditionId,
		});
		member("invitations", {
			id: t.institutionInvitationId,
			scope: "institution",
			target_id: institutionId,
			email: `iinvitee-${seriesId}@example.org`,
			role: "member",
			secret_hash: "x",
			invited_by: stewardId === u.steward ? u.owner : t.targetUserId,
			expires_at: FAR_FUTURE,
		});
		member("invitations", {
			id: t.seriesInvitationId,
			scope: "series",
			target_id: seriesId,
			email: `sinvitee-${seriesId}@example.org`,
			role: "steward",
			secret_hash: "x",
			invited_by: stewardId,
			expires_at: FAR_FUTURE,
		});
	}
	// The sibling shares the own target's series and institution.
	sibling.institutionInvitationId = own.institutionInvitationId;
	sibling.seriesInvitationId = own.seriesInvitationId;

	// The three target editions with their committees, content, invitations, host names and notes.
	const committees: [Target, string, [string, string, string | null][]][] = [
		[
			own,
			ser.A,
			[
				[u.chair, "chair", null],
				[u.organizer, "organizer", null],
				[u.reviewer, "reviewer", null],
				[u.mentor, "mentor", "2099-12-31"],
			],
		],
		[sibling, ser.A, [[u.otherChair, "chair", null]]],
		[foreign, ser.B, [[u.foreignChair, "chair", null]]],
	];
	for (const [t, seriesId, roles] of committees) {
		const k = t.editionId.slice(3);
		statements.push(
			...editionRows(k, { id: t.editionId, seriesId, year: t.year, status: "draft", name: `SER ${t.year}` }),
		);
		for (const [userId, role, until] of [...roles, [t.targetUserId, "organizer", null] as const]) {
			member("edition_members", { edition_id: t.editionId, user_id: userId, role, mentor_until: until });
		}
		member("invitations", {
			id: t.editionInvitationId,
			scope: "edition",
			target_id: t.editionId,
			email: `einvitee-${k}@example.org`,
			role: "reviewer",
			secret_hash: "x",
			invited_by: roles[0]?.[0] ?? u.chair,
			expires_at: FAR_FUTURE,
		});
		member("edition_hosts", { hostname: t.hostname, edition_id: t.editionId, state: "pending" });
		// The thread is asked by the later committee (otherChair) in series A, by the target user in B.
		statements.push(
			...noteRows(
				k,
				{
					seriesId,
					editionId: t.editionId,
					authorId: roles[0]?.[0] ?? u.chair,
					askerId: seriesId === ser.A ? u.otherChair : t.targetUserId,
				},
				uploads,
			),
		);
	}
	await Promise.all([env.DB.batch(statements), ...uploads]);
	return { suffix: x, userIds, cookies, tokenIds, targets: { own, sibling, foreign } };
}

/**
 * Every row of every table, as one string: a denied request must leave it unchanged. Rate-limit
 * counters are left out: a refused attempt (a wrong password) is counted on purpose. One batch.
 */
export async function digestDatabase(): Promise<string> {
	const { results } = await env.DB.prepare(
		"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name not like 'd1_%' and name not like '%fts%' and name != 'rate_limits' order by name",
	).all<{ name: string }>();
	const tables = results.map((r) => r.name);
	// The outbox by its messages only: an earlier request's relay stamps `enqueued_at` after its
	// response (waitUntil), which is delivery state, not a write of the request being checked.
	const query = (t: string) =>
		t === "outbox"
			? 'select id, "to", subject, text from outbox order by rowid'
			: `select * from "${t}" order by rowid`;
	const rows = await env.DB.batch(tables.map((t) => env.DB.prepare(query(t))));
	return JSON.stringify(tables.map((t, i) => [t, rows[i]?.results]));
}
