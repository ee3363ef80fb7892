/**
 * The single source of table types. Migrations are generated from this file by drizzle-kit
 * (`npm run db:generate`); zod schemas for validation and the API are derived from it.
 *
 * Data contract (see src/README.md): text ids made by the app, so parent and child rows can be
 * written in one batch; edition-scoped rows carry `edition_id`, series-scoped rows `series_id`;
 * times are wall-clock (day index, local HH:MM, duration) resolved in the edition's zone only
 * when rendered.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () =>
	integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** The tenant column of every edition-scoped row: removed with its edition. */
const editionRef = () =>
	text("edition_id")
		.notNull()
		.references(() => editions.id, { onDelete: "cascade" });

/** The column of every series-scoped row: removed with its series. */
const seriesRef = () =>
	text("series_id")
		.notNull()
		.references(() => series.id, { onDelete: "cascade" });

export const SERIES_PARTNER_KINDS = ["society", "journal", "partner"] as const;
export type SeriesPartnerKind = (typeof SERIES_PARTNER_KINDS)[number];
/** A standing partner of a series, shown on every edition's pages. */
export interface SeriesPartner {
	name: string;
	kind: SeriesPartnerKind;
	/** https address of the partner's site, or "". */
	url: string;
	/** https address of its logo, or "". */
	logoUrl: string;
}

/** A recurring symposium, e.g. AINM. */
export const series = sqliteTable("series", {
	id: text("id").primaryKey(),
	slug: text("slug").notNull().unique(),
	name: text("name").notNull(),
	shortName: text("short_name").notNull(),
	description: text("description").notNull().default(""),
	/** Years between editions: AINM is biennial. */
	cadenceYears: integer("cadence_years").notNull().default(2),
	/** The affiliated society, e.g. EANM. */
	society: text("society").notNull().default(""),
	logoUrl: text("logo_url").notNull().default(""),
	/**
	 * Brand colours (`#rrggbb`, or "" for none): every edition still on Baton's default colours shows
	 * these instead, so the series' look travels to each new edition by itself.
	 */
	brandPrimaryColor: text("brand_primary_color").notNull().default(""),
	brandAccentColor: text("brand_accent_color").notNull().default(""),
	/**
	 * The standing partners (the affiliated society, the journal…) as JSON `SeriesPartner[]`: shown on
	 * every edition's pages. Kept on the series row, which every subsite request reads anyway, so
	 * showing them costs no query and a change to them changes the edge cache's key.
	 */
	partners: text("partners", { mode: "json" }).$type<SeriesPartner[]>().notNull().default(sql`'[]'`),
	/** The institution that started the series (checked in logic: a foreign key would rebuild this table). */
	institutionId: text("institution_id"),
	/** A made-up series of the demo seed: every page of it says so, so nobody takes it for a real event. */
	isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
	createdAt: createdAt(),
});

export const EDITION_STATUSES = ["draft", "published", "held", "archived"] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** One instance of a series: the tenant. */
export const editions = sqliteTable(
	"editions",
	{
		id: text("id").primaryKey(),
		seriesId: seriesRef(),
		year: integer("year").notNull(),
		name: text("name").notNull(),
		/** Day 1 of the event, `YYYY-MM-DD` in the edition's zone; every other date follows from it. */
		startDate: text("start_date").notNull(),
		/** The last day, `YYYY-MM-DD`. */
		endDate: text("end_date").notNull(),
		/** IANA zone, e.g. Europe/Amsterdam. */
		timeZone: text("time_zone").notNull(),
		hostName: text("host_name").notNull().default(""),
		venueName: text("venue_name").notNull().default(""),
		venueAddress: text("venue_address").notNull().default(""),
		city: text("city").notNull().default(""),
		/** ISO 3166-1 alpha-2. */
		country: text("country").notNull().default(""),
		heroText: text("hero_text").notNull().default(""),
		/** The hosting institution; checked in logic, not by a foreign key (adding one would rebuild this table). */
		hostInstitutionId: text("host_institution_id"),
		mapUrl: text("map_url").notNull().default(""),
		contactEmail: text("contact_email").notNull().default(""),
		logoUrl: text("logo_url").notNull().default(""),
		/** `#rrggbb` colours of the edition's subsite; contrast is checked when they are saved. */
		primaryColor: text("primary_color").notNull().default("#1f5f8b"),
		accentColor: text("accent_color").notNull().default("#c2410c"),
		/** The edition this one was cloned from, shown to its committee ("you are editing X, cloned from Y"). */
		clonedFromId: text("cloned_from_id"),
		/** draft: committee only; published: public; held: over, public; archived: public and read-only. */
		status: text("status", { enum: EDITION_STATUSES }).notNull().default("draft"),
		/** Bumped by every content write; the edge cache and ETags key on it. */
		contentVersion: integer("content_version").notNull().default(1),
		/** When the committee was sent the organizer debrief (two days after the event), so it goes once. */
		debriefSentAt: integer("debrief_sent_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex("editions_series_year").on(t.seriesId, t.year)],
);

/** A lecture named in someone's honour, given once per edition (e.g. the Willem Vaalburg lecture). */
export const namedLectures = sqliteTable(
	"named_lectures",
	{
		id: text("id").primaryKey(),
		seriesId: seriesRef(),
		slug: text("slug").notNull(),
		name: text("name").notNull(),
		honoree: text("honoree").notNull(),
		description: text("description").notNull().default(""),
	},
	(t) => [uniqueIndex("named_lectures_series_slug").on(t.seriesId, t.slug)],
);

export const tracks = sqliteTable(
	"tracks",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		name: text("name").notNull(),
		/** Who the track is for, e.g. "clinicians". */
		audience: text("audience").notNull().default(""),
		/** `#rrggbb`. */
		color: text("color").notNull().default("#1f5f8b"),
		position: integer("position").notNull().default(0),
	},
	(t) => [index("tracks_edition").on(t.editionId, t.position)],
);

export const rooms = sqliteTable(
	"rooms",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		name: text("name").notNull(),
		capacity: integer("capacity"),
		position: integer("position").notNull().default(0),
	},
	(t) => [index("rooms_edition").on(t.editionId, t.position)],
);

/** A person record of the edition; optionally linked to a user once accounts exist. */
export const speakers = sqliteTable(
	"speakers",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		/** Small per-edition number used in URLs (`speakers/{seq}`). */
		seq: integer("seq").notNull(),
		name: text("name").notNull(),
		affiliation: text("affiliation").notNull().default(""),
		bio: text("bio").notNull().default(""),
		orcid: text("orcid"),
		/** ISO 3166-1 alpha-2, or empty. */
		country: text("country").notNull().default(""),
		photoUrl: text("photo_url").notNull().default(""),
		/** When the speaker agreed to have name, bio and photo published; unpublished until then. */
		consentedAt: integer("consented_at", { mode: "timestamp_ms" }),
		/** Optional link to the speaker's account (checked in logic; see hostInstitutionId for why no FK). */
		userId: text("user_id"),
		/**
		 * The address the committee gave for the speaker's account (lowercased). The link (userId) is
		 * made from it once a verified account has it, at once or when that person signs in or signs
		 * up, so entering it tells the committee nothing about which addresses have accounts.
		 */
		accountEmail: text("account_email"),
		/** Fictional people in demo data are marked, so nobody mistakes them for real speakers. */
		fictional: integer("fictional", { mode: "boolean" }).notNull().default(false),
	},
	(t) => [
		uniqueIndex("speakers_edition_seq").on(t.editionId, t.seq),
		index("speakers_account_email").on(t.accountEmail),
	],
);

/** What a public person of an edition was: one list, in the order the committee page shows the groups. */
export const PERSON_ROLES = ["organizing_committee", "scientific_committee", "advisory", "local_support"] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/**
 * The public people of an edition (its committee page and `{{committee}}`): facts of one edition,
 * never copied to the next. Optionally linked to an account by an address, as speakers are.
 */
export const editionPeople = sqliteTable(
	"edition_people",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		name: text("name").notNull(),
		role: text("role", { enum: PERSON_ROLES }).notNull(),
		affiliation: text("affiliation").notNull().default(""),
		/** Optional link to the person's account (made from accountEmail; see speakers.userId for why no FK). */
		userId: text("user_id"),
		/** The address the committee gave for the person's account (lowercased), as for speakers. */
		accountEmail: text("account_email"),
		position: integer("position").notNull().default(0),
	},
	(t) => [index("edition_people_edition").on(t.editionId, t.role, t.position)],
);

export const SESSION_KINDS = ["plenary", "track", "panel", "named_lecture", "poster", "break", "social"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A block of the program at a wall-clock time on one day of the edition. */
export const sessions = sqliteTable(
	"sessions",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		/** Small per-edition number used in URLs (`program/{seq}`) and as the frab event id. */
		seq: integer("seq").notNull(),
		/** Stable UUID for frab's `guid`; survives edits and moves. */
		guid: text("guid").notNull(),
		kind: text("kind", { enum: SESSION_KINDS }).notNull(),
		title: text("title").notNull(),
		description: text("description").notNull().default(""),
		/** Day index from 1. */
		day: integer("day").notNull(),
		/** Local wall-clock start, `HH:MM`. */
		startTime: text("start_time").notNull(),
		durationMinutes: integer("duration_minutes").notNull(),
		trackId: text("track_id").references(() => tracks.id, { onDelete: "set null" }),
		roomId: text("room_id").references(() => rooms.id, { onDelete: "set null" }),
		namedLectureId: text("named_lecture_id").references(() => namedLectures.id, {
			onDelete: "set null",
		}),
		/**
		 * The revision of the session's calendar event (its iCalendar SEQUENCE): raised in the batch
		 * of every write that changes what the event shows, never otherwise (src/db/event-revisions.ts).
		 */
		revision: integer("revision").notNull().default(0),
	},
	(t) => [
		uniqueIndex("sessions_edition_seq").on(t.editionId, t.seq),
		index("sessions_edition_day").on(t.editionId, t.day, t.startTime),
		index("sessions_named_lecture").on(t.namedLectureId),
	],
);

/** A contribution inside a session (a lecture, a paper, a panel statement). */
export const talks = sqliteTable(
	"talks",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		sessionId: text("session_id")
			.notNull()
			.references(() => sessions.id, { onDelete: "cascade" }),
		position: integer("position").notNull().default(0),
		title: text("title").notNull(),
		abstract: text("abstract").notNull().default(""),
		/** Minutes inside the session; null when the session is a single lecture. */
		durationMinutes: integer("duration_minutes"),
	},
	(t) => [index("talks_session").on(t.sessionId, t.position), index("talks_edition").on(t.editionId)],
);

export const talkSpeakers = sqliteTable(
	"talk_speakers",
	{
		editionId: editionRef(),
		talkId: text("talk_id")
			.notNull()
			.references(() => talks.id, { onDelete: "cascade" }),
		speakerId: text("speaker_id")
			.notNull()
			.references(() => speakers.id, { onDelete: "cascade" }),
		position: integer("position").notNull().default(0),
	},
	(t) => [primaryKey({ columns: [t.talkId, t.speakerId] }), index("talk_speakers_speaker").on(t.speakerId)],
);

// ---------------------------------------------------------------------------------------------
// Accounts, institutions and roles

/** One global account. Emails are stored lowercased and trimmed, so lookups are exact. */
export const users = sqliteTable("users", {
	id: text("id").primaryKey(),
	email: text("email").notNull().unique(),
	emailVerifiedAt: integer("email_verified_at", { mode: "timestamp_ms" }),
	name: text("name").notNull(),
	affiliation: text("affiliation").notNull().default(""),
	/** ISO 3166-1 alpha-2. */
	country: text("country").notNull(),
	/** `scrypt$N$r$p$salt$hash`; null for accounts that only sign in with emailed links. */
	passwordHash: text("password_hash"),
	createdAt: createdAt(),
});

/**
 * Sessions after Lucia's design: the cookie holds `<id>.<secret>`; only SHA-256 of the secret is
 * stored. ("sessions" is the program's table.)
 */
export const authSessions = sqliteTable(
	"auth_sessions",
	{
		id: text("id").primaryKey(),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		secretHash: text("secret_hash").notNull(),
		createdAt: createdAt(),
		/** Refreshed at most hourly; inactivity expiry counts from here. */
		lastVerifiedAt: integer("last_verified_at", { mode: "timestamp_ms" }).notNull(),
	},
	(t) => [index("auth_sessions_user").on(t.userId)],
);

/** `register`: confirms a registration made signed out for an address that has an account (registration/signed-out.ts). */
export const EMAIL_TOKEN_PURPOSES = ["verify_email", "sign_in", "reset_password", "change_email", "register"] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

/** Single-use, expiring secrets sent by email (verification, sign-in links, resets, email changes). */
export const emailTokens = sqliteTable(
	"email_tokens",
	{
		id: text("id").primaryKey(),
		purpose: text("purpose", { enum: EMAIL_TOKEN_PURPOSES }).notNull(),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		/** The address the token was sent to (the new address for change_email). */
		email: text("email").notNull(),
		secretHash: text("secret_hash").notNull(),
		expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
		usedAt: integer("used_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
	},
	(t) => [index("email_tokens_user").on(t.userId, t.purpose)],
);

export const institutions = sqliteTable("institutions", {
	id: text("id").primaryKey(),
	slug: text("slug").notNull().unique(),
	name: text("name").notNull(),
	city: text("city").notNull().default(""),
	/** ISO 3166-1 alpha-2. */
	country: text("country").notNull(),
	createdAt: createdAt(),
});

export const INSTITUTION_ROLES = ["owner", "admin", "member"] as const;
export type InstitutionRole = (typeof INSTITUTION_ROLES)[number];

export const institutionMembers = sqliteTable(
	"institution_members",
	{
		institutionId: text("institution_id")
			.notNull()
			.references(() => institutions.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		role: text("role", { enum: INSTITUTION_ROLES }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [primaryKey({ columns: [t.institutionId, t.userId] }), index("institution_members_user").on(t.userId)],
);

export const seriesStewards = sqliteTable(
	"series_stewards",
	{
		seriesId: seriesRef(),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		createdAt: createdAt(),
	},
	(t) => [primaryKey({ columns: [t.seriesId, t.userId] }), index("series_stewards_user").on(t.userId)],
);

export const EDITION_ROLES = ["chair", "organizer", "reviewer", "mentor"] as const;
export type EditionRole = (typeof EDITION_ROLES)[number];

/** An edition's committee. */
export const editionMembers = sqliteTable(
	"edition_members",
	{
		editionId: editionRef(),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		role: text("role", { enum: EDITION_ROLES }).notNull(),
		/** Mentors only: read and comment until this day (`YYYY-MM-DD`, inclusive), set by the chairs. */
		mentorUntil: text("mentor_until"),
		createdAt: createdAt(),
	},
	(t) => [primaryKey({ columns: [t.editionId, t.userId] }), index("edition_members_user").on(t.userId)],
);

export const INVITATION_SCOPES = ["institution", "series", "edition"] as const;
export type InvitationScope = (typeof INVITATION_SCOPES)[number];

/** A single-use, expiring invitation to a role; accepted by a new or an existing user. */
export const invitations = sqliteTable(
	"invitations",
	{
		id: text("id").primaryKey(),
		scope: text("scope", { enum: INVITATION_SCOPES }).notNull(),
		/** The institution, series or edition id, per scope. */
		targetId: text("target_id").notNull(),
		email: text("email").notNull(),
		/** An institution role, "steward", or an edition role, per scope. */
		role: text("role").notNull(),
		mentorUntil: text("mentor_until"),
		secretHash: text("secret_hash").notNull(),
		invitedBy: text("invited_by")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
		acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
		revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
	},
	(t) => [index("invitations_target").on(t.scope, t.targetId)],
);

export const API_TOKEN_ACCESS = ["read", "write"] as const;
export type ApiTokenAccess = (typeof API_TOKEN_ACCESS)[number];

/** Personal API tokens for integrations: shown once, stored hashed, scoped, expiring, revocable. */
export const apiTokens = sqliteTable(
	"api_tokens",
	{
		id: text("id").primaryKey(),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		secretHash: text("secret_hash").notNull(),
		access: text("access", { enum: API_TOKEN_ACCESS }).notNull(),
		/** Exactly one of these two narrows the token to one institution or one edition. */
		institutionId: text("institution_id").references(() => institutions.id, { onDelete: "cascade" }),
		editionId: text("edition_id").references(() => editions.id, { onDelete: "cascade" }),
		expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
		lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
		revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
	},
	(t) => [index("api_tokens_user").on(t.userId)],
);

/**
 * Where a mail is on its way (README, "Mail"): queued (written, on its way or being retried), sent
 * (the provider took it), failed (out of retries: the dead-letter queue gave up), bounced (the
 * provider reported it undeliverable after sending).
 */
export const MAIL_STATES = ["queued", "sent", "failed", "bounced"] as const;
export type MailState = (typeof MAIL_STATES)[number];

/**
 * What a mail is: transactional (a link or a note someone asked for, or a committee's business)
 * or one of the kinds a recipient may stop, which carry List-Unsubscribe headers.
 */
export const MAIL_KINDS = ["transactional", "follower", "announcement", "bulk"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * Every outgoing email, written before delivery (in the batch of the change that causes it) and
 * delivered through the mail queue; its id is the idempotency key sent to providers. New columns
 * default in SQL, not in bound parameters, so batched inserts stay under D1's 100 parameters.
 */
export const outbox = sqliteTable(
	"outbox",
	{
		id: text("id").primaryKey(),
		to: text("to").notNull(),
		subject: text("subject").notNull(),
		text: text("text").notNull(),
		createdAt: createdAt(),
		/** The sent-marker: set once the provider took the mail; the consumer never sends a marked row. */
		sentAt: integer("sent_at", { mode: "timestamp_ms" }),
		/** The last delivery error (or the bounce reason). */
		error: text("error"),
		state: text("state", { enum: MAIL_STATES }).notNull().default(sql`'queued'`),
		/** Delivery attempts that reached the adapter. */
		attempts: integer("attempts").notNull().default(sql`0`),
		/** When the relay or the sweep last handed the row to the queue; null: never (the sweep's work). */
		enqueuedAt: integer("enqueued_at", { mode: "timestamp_ms" }),
		/** Whose committee sees the mail on its Mail page; null for mail of no edition (accounts, follows). */
		editionId: text("edition_id"),
		kind: text("kind", { enum: MAIL_KINDS }).notNull().default(sql`'transactional'`),
		/** The one-click unsubscribe address of the follower, announcement and bulk kinds. */
		unsubscribeUrl: text("unsubscribe_url"),
	},
	(t) => [
		index("outbox_created").on(t.createdAt),
		index("outbox_edition").on(t.editionId, t.createdAt),
		index("outbox_unsent").on(t.state, t.enqueuedAt),
	],
);

/** Fixed-window counters for sign-in, reset and sign-up attempts, keyed per IP and per account. */
export const rateLimits = sqliteTable("rate_limits", {
	key: text("key").primaryKey(),
	windowStart: integer("window_start").notNull(),
	count: integer("count").notNull(),
});

// ---------------------------------------------------------------------------------------------
// Edition content beyond the program: pages, sponsors, and the configuration later work uses

/** Who chairs (moderates) a session: speakers of the edition. */
export const sessionChairs = sqliteTable(
	"session_chairs",
	{
		editionId: editionRef(),
		sessionId: text("session_id")
			.notNull()
			.references(() => sessions.id, { onDelete: "cascade" }),
		speakerId: text("speaker_id")
			.notNull()
			.references(() => speakers.id, { onDelete: "cascade" }),
		position: integer("position").notNull().default(0),
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.speakerId] }), index("session_chairs_speaker").on(t.speakerId)],
);

/** Markdown pages of the edition subsite (`p/{slug}`); the page with slug "home" fills the home page. */
export const pages = sqliteTable(
	"pages",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		slug: text("slug").notNull(),
		title: text("title").notNull(),
		/** Markdown, rendered without raw HTML. */
		body: text("body").notNull().default(""),
		navOrder: integer("nav_order").notNull().default(0),
		published: integer("published", { mode: "boolean" }).notNull().default(false),
	},
	(t) => [uniqueIndex("pages_edition_slug").on(t.editionId, t.slug)],
);

export const sponsorTiers = sqliteTable(
	"sponsor_tiers",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		name: text("name").notNull(),
		position: integer("position").notNull().default(0),
	},
	(t) => [index("sponsor_tiers_edition").on(t.editionId, t.position)],
);

export const sponsors = sqliteTable(
	"sponsors",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		tierId: text("tier_id").references(() => sponsorTiers.id, { onDelete: "set null" }),
		name: text("name").notNull(),
		logoUrl: text("logo_url").notNull().default(""),
		url: text("url").notNull().default(""),
		position: integer("position").notNull().default(0),
	},
	(t) => [index("sponsors_edition").on(t.editionId, t.position)],
);

// Every date of an edition other than its days is an offset from day 1 (calendar days, may be
// negative) plus a local `HH:MM`, resolved in the edition's zone only when shown: a clone that
// moves day 1 moves them all, across DST and zones, with nothing to fix up.

/** A ticket's coarse availability: "few_left" at 5 seats left or 10% of its capacity, whichever is more. */
export const TICKET_AVAILABILITIES = ["available", "few_left", "sold_out"] as const;
export type TicketAvailability = (typeof TICKET_AVAILABILITIES)[number];

export const ticketTypes = sqliteTable(
	"ticket_types",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		name: text("name").notNull(),
		/** Minor units (cents), so prices add up exactly. */
		priceCents: integer("price_cents").notNull().default(0),
		/** ISO 4217. */
		currency: text("currency").notNull().default("EUR"),
		/** Sale window as offsets from day 1 (see the note above). */
		salesOpenOffsetDays: integer("sales_open_offset_days").notNull(),
		salesOpenTime: text("sales_open_time").notNull().default("09:00"),
		salesCloseOffsetDays: integer("sales_close_offset_days").notNull(),
		salesCloseTime: text("sales_close_time").notNull().default("23:59"),
		capacity: integer("capacity"),
		/** What the ticket includes ("all sessions, lunches and the symposium dinner"), shown beside its price. */
		includes: text("includes").notNull().default(""),
		position: integer("position").notNull().default(0),
		/**
		 * The coarse state cached pages and JSON-LD show (README, "Registration"): recomputed by the
		 * statement after every seat change, and the edition's content version bumped only when it
		 * changes, so a single registration leaves the edge cache alone.
		 */
		availability: text("availability", { enum: TICKET_AVAILABILITIES }).notNull().default("available"),
	},
	(t) => [index("ticket_types_edition").on(t.editionId, t.position)],
);

/**
 * The registration rules of an edition beside its ticket types (one row per edition; none means
 * no edition-wide limit and no cut-offs). Policies travel with a clone; nothing personal does.
 */
export const registrationPolicies = sqliteTable("registration_policies", {
	editionId: text("edition_id")
		.primaryKey()
		.references(() => editions.id, { onDelete: "cascade" }),
	/** Seats of the whole edition across ticket types (the venue's size); null: only per-ticket limits. */
	capacity: integer("capacity"),
	/** The cancellation and refund policy as attendees read it (Markdown). */
	cancellationPolicy: text("cancellation_policy").notNull().default(""),
	/** Until when an attendee may cancel themselves: an offset from day 1 plus a local time; null: until day 1. */
	cancelUntilOffsetDays: integer("cancel_until_offset_days"),
	cancelUntilTime: text("cancel_until_time").notNull().default("23:59"),
	/** Until when an attendee may edit their answers; null: until day 1. */
	editUntilOffsetDays: integer("edit_until_offset_days"),
	editUntilTime: text("edit_until_time").notNull().default("23:59"),
	/** How long a seat of a paid ticket is held for payment before it goes back on sale. */
	holdHours: integer("hold_hours").notNull().default(72),
	/** How long a waiting-list offer stays open. */
	offerHours: integer("offer_hours").notNull().default(48),
	/** Does the subsite list its confirmed attendees (only those who consented: `registrations.list_consent`)? */
	publicAttendeeList: integer("public_attendee_list", { mode: "boolean" }).notNull().default(false),
});

/** Who the audience is, as the registration form asks and the statistics count. */
export const AUDIENCE_ROLES = ["clinician", "physicist", "engineer", "student", "industry", "other"] as const;
export type AudienceRole = (typeof AUDIENCE_ROLES)[number];

/**
 * held: a seat kept until paid or until the emailed link is used (`expires_at`); confirmed: a seat;
 * waitlisted: in line (sign-up order: `created_at`, then `id`); offered: a freed seat kept for them
 * until `expires_at`; cancelled: no seat. An expired hold or offer takes no seat even before the
 * scheduler moves it on: every seat count decides expiry itself.
 */
export const REGISTRATION_STATUSES = ["held", "confirmed", "waitlisted", "offered", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** How a registration came in: by the attendee, or by the committee on someone's behalf. */
export const REGISTRATION_SOURCES = ["self", "committee"] as const;

/** An attendee's registration for an edition: one per person (email) and edition. */
export const registrations = sqliteTable(
	"registrations",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		ticketTypeId: text("ticket_type_id")
			.notNull()
			.references(() => ticketTypes.id, { onDelete: "restrict" }),
		/** The attendee's account; null until an emailed link made or proved it. */
		userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
		/** Lower-cased; the key of "one registration per person and edition". */
		email: text("email").notNull(),
		name: text("name").notNull(),
		affiliation: text("affiliation").notNull().default(""),
		/** ISO 3166-1 alpha-2. */
		country: text("country").notNull(),
		role: text("role", { enum: AUDIENCE_ROLES }).notNull(),
		/** Answers to the edition's registration fields, by field id. */
		answers: text("answers", { mode: "json" }).$type<Record<string, string | boolean>>().notNull().default(sql`'{}'`),
		status: text("status", { enum: REGISTRATION_STATUSES }).notNull(),
		/** When a hold or an offer lapses (held, offered); null otherwise. */
		expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
		/** The ticket's price when registered, in minor units, and its currency: later price edits don't change it. */
		priceCents: integer("price_cents").notNull().default(0),
		currency: text("currency").notNull().default("EUR"),
		source: text("source", { enum: REGISTRATION_SOURCES }).notNull().default("self"),
		/** The committee's note on a manual registration ("invited speaker, complimentary"). */
		note: text("note").notNull().default(""),
		/** May the public attendee list name them? */
		listConsent: integer("list_consent", { mode: "boolean" }).notNull().default(false),
		/** The client's key of the request that made it: a retry gets the same answer. */
		idempotencyKey: text("idempotency_key"),
		confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
		cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
		updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
	},
	(t) => [
		uniqueIndex("registrations_edition_email").on(t.editionId, t.email),
		uniqueIndex("registrations_edition_idempotency").on(t.editionId, t.idempotencyKey),
		index("registrations_seats").on(t.editionId, t.ticketTypeId, t.status),
		index("registrations_edition_status").on(t.editionId, t.status, t.createdAt),
		index("registrations_user").on(t.userId),
	],
);

/**
 * A registration asked for signed out by an address that has no account yet: the form's answers,
 * kept until the emailed link (`<id>.<secret>`, only SHA-256 of the secret stored) is used; the
 * link then creates the account and registers it. Nothing else is written before that.
 */
export const pendingRegistrations = sqliteTable("pending_registrations", {
	id: text("id").primaryKey(),
	editionId: editionRef(),
	/** Lower-cased. */
	email: text("email").notNull(),
	secretHash: text("secret_hash").notNull(),
	/** The checked form: ticketTypeId, name, affiliation, country, role, answers, listConsent. */
	form: text("form", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
	expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
	usedAt: integer("used_at", { mode: "timestamp_ms" }),
	createdAt: createdAt(),
});

export const FORM_FIELD_KINDS = ["text", "textarea", "email", "select", "checkbox", "country"] as const;
export type FormFieldKind = (typeof FORM_FIELD_KINDS)[number];

/** Questions of the registration form beyond name and email. */
export const registrationFields = sqliteTable(
	"registration_fields",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		label: text("label").notNull(),
		kind: text("kind", { enum: FORM_FIELD_KINDS }).notNull(),
		required: integer("required", { mode: "boolean" }).notNull().default(false),
		/** Choices of a select field, as a JSON array of strings. */
		options: text("options", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
		position: integer("position").notNull().default(0),
	},
	(t) => [index("registration_fields_edition").on(t.editionId, t.position)],
);

/** The call for abstracts of an edition (one per edition). */
export const abstractCalls = sqliteTable("abstract_calls", {
	editionId: text("edition_id")
		.primaryKey()
		.references(() => editions.id, { onDelete: "cascade" }),
	opensOffsetDays: integer("opens_offset_days").notNull(),
	opensTime: text("opens_time").notNull().default("09:00"),
	closesOffsetDays: integer("closes_offset_days").notNull(),
	closesTime: text("closes_time").notNull().default("23:59"),
	decisionsOffsetDays: integer("decisions_offset_days"),
	/** JSON arrays of strings. */
	topics: text("topics", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
	presentationTypes: text("presentation_types", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
	wordLimit: integer("word_limit").notNull().default(300),
	/** e.g. a journal special issue that publishes selected abstracts. */
	specialIssue: text("special_issue").notNull().default(""),
});

export const reviewCriteria = sqliteTable(
	"review_criteria",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		label: text("label").notNull(),
		/** Scores run from 1 to this. */
		scaleMax: integer("scale_max").notNull().default(5),
		weight: integer("weight").notNull().default(1),
		position: integer("position").notNull().default(0),
	},
	(t) => [index("review_criteria_edition").on(t.editionId, t.position)],
);

export const SURVEY_QUESTION_KINDS = ["likert", "text"] as const;

export const surveyQuestions = sqliteTable(
	"survey_questions",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		prompt: text("prompt").notNull(),
		kind: text("kind", { enum: SURVEY_QUESTION_KINDS }).notNull(),
		required: integer("required", { mode: "boolean" }).notNull().default(false),
		position: integer("position").notNull().default(0),
	},
	(t) => [index("survey_questions_edition").on(t.editionId, t.position)],
);

export const CHECKLIST_STATUSES = ["open", "done", "skipped"] as const;

/** The organizing timeline: tasks due relative to the event start ("T−12 months: confirm venue"). */
export const checklistTasks = sqliteTable(
	"checklist_tasks",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		title: text("title").notNull(),
		/** The edition role that owns the task. */
		ownerRole: text("owner_role", { enum: EDITION_ROLES }).notNull().default("organizer"),
		dueOffsetDays: integer("due_offset_days").notNull(),
		status: text("status", { enum: CHECKLIST_STATUSES }).notNull().default("open"),
		/** When it was really done, for the next committee's "2023 did this at T−9 months". */
		doneAt: integer("done_at", { mode: "timestamp_ms" }),
		/** When the owners were reminded that it is due, so each task is reminded once. */
		reminderSentAt: integer("reminder_sent_at", { mode: "timestamp_ms" }),
		position: integer("position").notNull().default(0),
	},
	(t) => [index("checklist_tasks_edition").on(t.editionId, t.dueOffsetDays)],
);

// ---------------------------------------------------------------------------------------------
// The next edition: calls for hosts, proposals, custom host names, followers

export const HOST_CALL_STATUSES = ["open", "closed"] as const;

/** Stewards invite institutions to host the next edition. */
export const hostCalls = sqliteTable(
	"host_calls",
	{
		id: text("id").primaryKey(),
		seriesId: seriesRef(),
		/** The year of the edition the call is for. */
		forYear: integer("for_year").notNull(),
		/** Last day to propose, `YYYY-MM-DD`. */
		deadline: text("deadline").notNull(),
		/** What a proposal must contain (markdown). */
		requirements: text("requirements").notNull().default(""),
		status: text("status", { enum: HOST_CALL_STATUSES }).notNull().default("open"),
		createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: createdAt(),
	},
	(t) => [index("host_calls_series").on(t.seriesId, t.status)],
);

export const PROPOSAL_STATUSES = ["submitted", "accepted", "declined", "withdrawn"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** An institution's offer to host the edition a call is for. */
export const hostProposals = sqliteTable(
	"host_proposals",
	{
		id: text("id").primaryKey(),
		callId: text("call_id")
			.notNull()
			.references(() => hostCalls.id, { onDelete: "cascade" }),
		seriesId: seriesRef(),
		institutionId: text("institution_id")
			.notNull()
			.references(() => institutions.id, { onDelete: "cascade" }),
		submittedBy: text("submitted_by")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		city: text("city").notNull(),
		/** ISO 3166-1 alpha-2. */
		country: text("country").notNull(),
		venue: text("venue").notNull().default(""),
		startDate: text("start_date").notNull(),
		endDate: text("end_date").notNull(),
		timeZone: text("time_zone").notNull(),
		expectedParticipants: integer("expected_participants"),
		team: text("team").notNull().default(""),
		motivation: text("motivation").notNull().default(""),
		budget: text("budget").notNull().default(""),
		status: text("status", { enum: PROPOSAL_STATUSES }).notNull().default("submitted"),
		decisionNote: text("decision_note").notNull().default(""),
		decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
		/** The edition created when the proposal was accepted. */
		editionId: text("edition_id").references(() => editions.id, { onDelete: "set null" }),
		createdAt: createdAt(),
	},
	(t) => [index("host_proposals_call").on(t.callId), index("host_proposals_institution").on(t.institutionId)],
);

/**
 * Where a custom host name stands (src/features/hostnames/verification.ts): pending (mapped, control
 * not proven: serves nothing), verified (serves), failing (verified, but the last daily checks
 * failed: still serves), held (unmapped: answers a "moved" page for 30 days, then is freed) and
 * legacy (mapped before proof was required: serves until its grace deadline).
 */
export const HOST_STATES = ["pending", "verified", "failing", "held", "legacy"] as const;
export type HostState = (typeof HOST_STATES)[number];

/** A DNS record a committee creates to prove control of a host name (JSON in the host rows). */
export interface VerificationRecord {
	type: "TXT" | "CNAME";
	name: string;
	value: string;
}

/** A custom host name serving one edition's subsite at `/`: its one holder, whatever its state. */
export const editionHosts = sqliteTable(
	"edition_hosts",
	{
		/** Lowercased, without port. */
		hostname: text("hostname").primaryKey(),
		editionId: editionRef(),
		createdAt: createdAt(),
		// The default is for rows that existed before proof of control was required: adding the
		// column grandfathers them; the app always writes a state of its own.
		state: text("state", { enum: HOST_STATES }).notNull().default("legacy"),
		/** The random value of the `baton-verify=…` TXT record that proves control for this mapping. */
		verificationToken: text("verification_token").notNull().default(""),
		/** What the committee must create in DNS (the adapter's records), as JSON. */
		verificationRecords: text("verification_records", { mode: "json" })
			.$type<VerificationRecord[]>()
			.notNull()
			.default(sql`'[]'`),
		lastCheckedAt: integer("last_checked_at", { mode: "timestamp_ms" }),
		/** Why the last check did not confirm control; null after a confirming check. */
		lastCheckError: text("last_check_error"),
		/** Consecutive failed checks of a verified name. */
		failures: integer("failures").notNull().default(0),
		verifiedAt: integer("verified_at", { mode: "timestamp_ms" }),
		/** A held name answers the "moved" page until then, and is then freed. */
		heldUntil: integer("held_until", { mode: "timestamp_ms" }),
		/** A legacy mapping serves until then (set, with a mail, by the first scheduler run). */
		graceUntil: integer("grace_until", { mode: "timestamp_ms" }),
	},
	(t) => [index("edition_hosts_edition").on(t.editionId)],
);

/**
 * Another edition's request for a host name that is held or mapped already: it serves nothing
 * until a fresh proof of control with its own token, which ends the holder's mapping.
 */
export const hostClaims = sqliteTable(
	"host_claims",
	{
		hostname: text("hostname").notNull(),
		editionId: editionRef(),
		verificationToken: text("verification_token").notNull(),
		verificationRecords: text("verification_records", { mode: "json" })
			.$type<VerificationRecord[]>()
			.notNull()
			.default(sql`'[]'`),
		lastCheckedAt: integer("last_checked_at", { mode: "timestamp_ms" }),
		lastCheckError: text("last_check_error"),
		createdAt: createdAt(),
	},
	(t) => [primaryKey({ columns: [t.hostname, t.editionId] }), index("host_claims_edition").on(t.editionId)],
);

/** People who asked to hear about a series' next edition (double opt-in, one-click unsubscribe). */
export const seriesFollowers = sqliteTable(
	"series_followers",
	{
		id: text("id").primaryKey(),
		seriesId: seriesRef(),
		email: text("email").notNull(),
		/** SHA-256 of the secret in the confirmation and unsubscribe links. */
		secretHash: text("secret_hash").notNull(),
		confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex("series_followers_series_email").on(t.seriesId, t.email)],
);

export const ANNOUNCEMENT_KINDS = ["edition_announced", "registration_open", "abstracts_open"] as const;

/** Announcements already sent to a series' followers, so each goes out once. */
export const seriesAnnouncements = sqliteTable(
	"series_announcements",
	{
		editionId: editionRef(),
		kind: text("kind", { enum: ANNOUNCEMENT_KINDS }).notNull(),
		sentAt: integer("sent_at", { mode: "timestamp_ms" }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.editionId, t.kind] })],
);

// ---------------------------------------------------------------------------------------------
// What one committee passes to the next: email texts, templates, handover notes, reminders

/** The texts of the emails an edition sends (confirmations, calls), with placeholders. */
export const emailTexts = sqliteTable(
	"email_texts",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		/** What the mail is for, e.g. `registration-confirmation`; one text per key and edition. */
		key: text("key").notNull(),
		subject: text("subject").notNull(),
		/** Markdown with placeholders such as `{{edition.name}}`. */
		body: text("body").notNull().default(""),
		position: integer("position").notNull().default(0),
	},
	(t) => [uniqueIndex("email_texts_edition_key").on(t.editionId, t.key)],
);

export const TEMPLATE_VISIBILITIES = ["series", "institution", "public"] as const;
export type TemplateVisibility = (typeof TEMPLATE_VISIBILITIES)[number];

/**
 * A published template: a named, versioned snapshot of edition parts. Built-in templates live in
 * the repository (`templates/`), not here.
 */
export const templates = sqliteTable(
	"templates",
	{
		id: text("id").primaryKey(),
		name: text("name").notNull(),
		description: text("description").notNull().default(""),
		/** series: the series' library; institution: the publishing institution only; public: everyone. */
		visibility: text("visibility", { enum: TEMPLATE_VISIBILITIES }).notNull(),
		/** The series whose library holds it (the series of the edition it was published from). */
		seriesId: text("series_id").references(() => series.id, { onDelete: "cascade" }),
		/** The institution that published it (the host of the edition it came from). */
		institutionId: text("institution_id").references(() => institutions.id, { onDelete: "set null" }),
		/** The version this template was forked from, when it is a fork ("builtin:<slug>@<n>" for a built-in). */
		forkedFrom: text("forked_from"),
		createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: createdAt(),
	},
	(t) => [index("templates_series").on(t.seriesId), index("templates_institution").on(t.institutionId)],
);

/** One immutable version of a template: its document and where it came from. */
export const templateVersions = sqliteTable(
	"template_versions",
	{
		id: text("id").primaryKey(),
		templateId: text("template_id")
			.notNull()
			.references(() => templates.id, { onDelete: "cascade" }),
		version: integer("version").notNull(),
		changelog: text("changelog").notNull().default(""),
		/** The parts the document holds, e.g. ["pages", "checklist"]. */
		parts: text("parts", { mode: "json" }).$type<string[]>().notNull(),
		/** The template document (validated by the templates feature's zod schema). */
		document: text("document", { mode: "json" }).$type<unknown>().notNull(),
		/** Provenance: the edition this version was published from. */
		sourceEditionId: text("source_edition_id").references(() => editions.id, { onDelete: "set null" }),
		createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex("template_versions_template_version").on(t.templateId, t.version)],
);

/** Which edition used which template version (built-ins by "builtin:<slug>"), for provenance and diffs. */
export const templateUses = sqliteTable(
	"template_uses",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		/** A templates.id, or "builtin:<slug>" (no foreign key: built-ins are files). */
		templateId: text("template_id").notNull(),
		version: integer("version").notNull(),
		parts: text("parts", { mode: "json" }).$type<string[]>().notNull(),
		appliedBy: text("applied_by").references(() => users.id, { onDelete: "set null" }),
		appliedAt: createdAt(),
	},
	(t) => [index("template_uses_edition").on(t.editionId), index("template_uses_template").on(t.templateId)],
);

export const HANDOVER_TOPICS = [
	"venue_rooms",
	"budget_finance",
	"sponsors_industry",
	"program_speakers",
	"named_lectures",
	"abstracts_review",
	"registration_badges",
	"communication_outreach",
	"catering_social",
	"volunteers_staff",
	"lessons_learned",
	"contacts",
] as const;
export type HandoverTopic = (typeof HANDOVER_TOPICS)[number];

/** future_committees: the series' later committees (default); public: everyone; private: a draft for its own committee. */
export const NOTE_VISIBILITIES = ["future_committees", "public", "private"] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

export const NOTE_SOURCES = ["written", "debrief"] as const;

/** A note by one edition's committee for the next ones. */
export const handoverNotes = sqliteTable(
	"handover_notes",
	{
		id: text("id").primaryKey(),
		seriesId: seriesRef(),
		editionId: editionRef(),
		topic: text("topic", { enum: HANDOVER_TOPICS }).notNull(),
		title: text("title").notNull(),
		/** Markdown, rendered without raw HTML. */
		body: text("body").notNull().default(""),
		tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
		visibility: text("visibility", { enum: NOTE_VISIBILITIES }).notNull().default("future_committees"),
		/** written by hand, or drafted from the organizer debrief. */
		source: text("source", { enum: NOTE_SOURCES }).notNull().default("written"),
		authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
		createdAt: createdAt(),
		updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
	},
	(t) => [index("handover_notes_series").on(t.seriesId, t.visibility), index("handover_notes_edition").on(t.editionId)],
);

export const NOTE_SUBJECT_KINDS = [
	"registration_field",
	"ticket_type",
	"email_text",
	"deadline",
	"checklist_task",
	"track",
	"room",
] as const;
export type NoteSubjectKind = (typeof NOTE_SUBJECT_KINDS)[number];

/**
 * A note attached to the thing it describes in an edition. A clone adds a link for the copied
 * thing in the new edition, so the advice travels with it.
 */
export const handoverNoteLinks = sqliteTable(
	"handover_note_links",
	{
		noteId: text("note_id")
			.notNull()
			.references(() => handoverNotes.id, { onDelete: "cascade" }),
		editionId: editionRef(),
		subjectKind: text("subject_kind", { enum: NOTE_SUBJECT_KINDS }).notNull(),
		/** The row id of the subject, or a deadline's name (e.g. `abstract_call.closes`). */
		subjectId: text("subject_id").notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.noteId, t.editionId, t.subjectKind, t.subjectId] }),
		index("handover_note_links_subject").on(t.editionId, t.subjectKind, t.subjectId),
	],
);

/** A file attached to a note, stored in R2 under `objectKey`. */
export const handoverAttachments = sqliteTable(
	"handover_attachments",
	{
		id: text("id").primaryKey(),
		noteId: text("note_id")
			.notNull()
			.references(() => handoverNotes.id, { onDelete: "cascade" }),
		seriesId: seriesRef(),
		objectKey: text("object_key").notNull(),
		filename: text("filename").notNull(),
		contentType: text("content_type").notNull(),
		sizeBytes: integer("size_bytes").notNull(),
		uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: createdAt(),
	},
	(t) => [index("handover_attachments_note").on(t.noteId)],
);

/** A question about a note, opened by a later committee; its messages notify both sides. */
export const noteThreads = sqliteTable(
	"note_threads",
	{
		id: text("id").primaryKey(),
		noteId: text("note_id")
			.notNull()
			.references(() => handoverNotes.id, { onDelete: "cascade" }),
		seriesId: seriesRef(),
		askedBy: text("asked_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: createdAt(),
	},
	(t) => [index("note_threads_note").on(t.noteId)],
);

export const noteMessages = sqliteTable(
	"note_messages",
	{
		id: text("id").primaryKey(),
		threadId: text("thread_id")
			.notNull()
			.references(() => noteThreads.id, { onDelete: "cascade" }),
		authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
		body: text("body").notNull(),
		createdAt: createdAt(),
	},
	(t) => [index("note_messages_thread").on(t.threadId, t.createdAt)],
);

/** Who has read which note, for the dossier's unread markers. */
export const noteReads = sqliteTable(
	"note_reads",
	{
		noteId: text("note_id")
			.notNull()
			.references(() => handoverNotes.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		readAt: integer("read_at", { mode: "timestamp_ms" }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.noteId, t.userId] })],
);

/** What an organizer reminder counts from: the event's days or one of the edition's deadlines. */
export const REMINDER_ANCHORS = ["event_start", "event_end", "abstracts_open", "abstracts_close"] as const;
export type ReminderAnchor = (typeof REMINDER_ANCHORS)[number];

/** An email to an edition's role holders N days before (negative) or after its anchor, sent once. */
export const organizerReminders = sqliteTable(
	"organizer_reminders",
	{
		id: text("id").primaryKey(),
		editionId: editionRef(),
		anchor: text("anchor", { enum: REMINDER_ANCHORS }).notNull(),
		offsetDays: integer("offset_days").notNull(),
		/** The edition role that receives it. */
		role: text("role", { enum: EDITION_ROLES }).notNull().default("chair"),
		subject: text("subject").notNull(),
		/** Markdown with placeholders. */
		body: text("body").notNull().default(""),
		sentAt: integer("sent_at", { mode: "timestamp_ms" }),
		position: integer("position").notNull().default(0),
	},
	(t) => [index("organizer_reminders_edition").on(t.editionId)],
);

/**
 * The audit log: one row per state change, appended by the write kernel (src/db/write.ts) in the
 * batch of the change itself. Append-only (a trigger refuses UPDATE and DELETE, except the
 * anonymiser's clearing of personal data). No foreign keys: entries outlive what they are about.
 * Personal data (names, addresses) lives only in `personal`, keyed by `personal_account_id`, so
 * deleting an account can clear it from every entry with one UPDATE.
 */
export const auditEntries = sqliteTable(
	"audit_entries",
	{
		id: text("id").primaryKey(),
		at: integer("at", { mode: "timestamp_ms" }).notNull(),
		/** The account that acted; null for a system actor (a job, the seed) or after anonymising. */
		actorId: text("actor_id"),
		/** `account`, or the system actor's name: `seed`, `job:announcements`, … */
		actorKind: text("actor_kind").notNull(),
		editionId: text("edition_id"),
		seriesId: text("series_id"),
		institutionId: text("institution_id"),
		/** A dotted name from AUDIT_ACTIONS (src/db/audit-actions.ts), e.g. `program.session.updated`. */
		action: text("action").notNull(),
		targetType: text("target_type").notNull(),
		targetId: text("target_id").notNull(),
		/** JSON `{"before":{…},"after":{…}}` of the changed fields only, bounded in size. */
		summary: text("summary").notNull().default("{}"),
		/** The account the personal fields belong to. */
		personalAccountId: text("personal_account_id"),
		/** JSON of personal fields (a name, an address); null once anonymised. */
		personal: text("personal"),
	},
	(t) => [
		index("audit_entries_edition").on(t.editionId, t.at),
		index("audit_entries_series").on(t.seriesId, t.at),
		index("audit_entries_institution").on(t.institutionId, t.at),
		index("audit_entries_personal").on(t.personalAccountId),
		index("audit_entries_actor").on(t.actorId),
	],
);

/**
 * A text a clone copied from an earlier edition (a page, a session, an email text, …, any row whose
 * fields may state facts), until someone on the committee reviewed it: "Mark reviewed" in its
 * editor, or saving it there. Written in the clone's batch; the stale-fact guard lists the
 * unreviewed ones. `table_name` is the row's SQL table; `row_id` its id (the edition's id for the
 * call for abstracts, which is keyed by its edition).
 */
export const copiedTexts = sqliteTable(
	"copied_texts",
	{
		editionId: editionRef(),
		tableName: text("table_name").notNull(),
		rowId: text("row_id").notNull(),
		sourceEditionId: text("source_edition_id").references(() => editions.id, { onDelete: "set null" }),
		createdAt: createdAt(),
		reviewedAt: integer("reviewed_at", { mode: "timestamp_ms" }),
		reviewedBy: text("reviewed_by").references(() => users.id, { onDelete: "set null" }),
	},
	(t) => [primaryKey({ columns: [t.editionId, t.tableName, t.rowId] })],
);

/**
 * A stale-fact hit a committee member marked "right as it is" (the go-live guard no longer blocks
 * on it): a true mention of an earlier edition's fact, such as "first held in Groningen in 2023".
 * Keyed by the hit's stable key (the text's identity and the fact's value, never offsets), so an
 * edit elsewhere keeps the mark; removing the mention removes the hit, and the mark then matters no more.
 */
export const factAcceptances = sqliteTable(
	"fact_acceptances",
	{
		editionId: editionRef(),
		/** `<source>:<row id>:<field>:<hash of the value>`, see src/features/lifecycle/stale-facts.ts. */
		hitKey: text("hit_key").notNull(),
		/** The fact's value as the text states it ("Groningen"). */
		value: text("value").notNull(),
		/** Which text, as the guard named it when the mark was made. */
		textLabel: text("text_label").notNull(),
		/** The account that marked it (no foreign key: a mark outlives an account, as the audit log does). */
		acceptedBy: text("accepted_by"),
		acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
	},
	(t) => [primaryKey({ columns: [t.editionId, t.hitKey] })],
);

export type Series = typeof series.$inferSelect;
export type Edition = typeof editions.$inferSelect;
export type EditionPerson = typeof editionPeople.$inferSelect;
export type NamedLecture = typeof namedLectures.$inferSelect;
export type Track = typeof tracks.$inferSelect;
export type Room = typeof rooms.$inferSelect;
export type Speaker = typeof speakers.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Talk = typeof talks.$inferSelect;
export type User = typeof users.$inferSelect;
export type AuthSession = typeof authSessions.$inferSelect;
export type Institution = typeof institutions.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type EmailText = typeof emailTexts.$inferSelect;
export type Template = typeof templates.$inferSelect;
export type TemplateVersion = typeof templateVersions.$inferSelect;
export type HandoverNote = typeof handoverNotes.$inferSelect;
export type OrganizerReminder = typeof organizerReminders.$inferSelect;
export type AuditEntry = typeof auditEntries.$inferSelect;
export type FactAcceptance = typeof factAcceptances.$inferSelect;
export type RegistrationPolicy = typeof registrationPolicies.$inferSelect;
export type Registration = typeof registrations.$inferSelect;
