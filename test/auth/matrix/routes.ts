/**
 * The route table of the authorization matrix: one row per route of the app ("METHOD path", as
 * Hono lists it, a parameter's pattern left out). A row names the route's scope (which gives the
 * targets it is tried at and who may know the resource exists) and who is allowed; path parameters
 * are filled from the target by name (src: expectations.ts `pathOf`), so most rows are one line.
 * How to add one: test/README.md, "The authorization matrix".
 */
import { newId } from "../../../src/lib/ids";
import { STYLESHEET_PATH, themeStylesheetPath } from "../../../src/views/assets";
import {
	COMMITTEE_MANAGERS,
	EDITION_VIEWERS,
	EDITORS,
	EVERYONE_SIGNED_IN,
	INSTITUTION_ADMINS,
	INSTITUTION_MEMBERS,
	NOTE_READERS,
	type Row,
	type Scope,
	TEMPLATE_READERS,
} from "./expectations";
import type { Role, Target } from "./world";

const email = () => `new-${newId().slice(0, 8)}@example.org`;
const fresh = () => `n-${newId().slice(0, 8)}`;
const row = (scope: Scope, allowed: Row["allowed"], more: Omit<Row, "scope" | "allowed"> = {}): Row => ({
	scope,
	allowed,
	...more,
});
/** A route anyone may use, signed out too: `ok` is its status for everyone. */
const open = (ok?: number, more: Omit<Row, "scope" | "allowed" | "ok"> = {}): Row => ({
	scope: "public",
	allowed: "everyone",
	...(ok === undefined ? {} : { ok }),
	...more,
});
const body = (make: (t: Target) => unknown) => ({ body: make });

const STEWARDS: readonly Role[] = ["steward"];
/** Signed in, the sign-up and sign-in forms send you on (303). */
const SIGNED_IN_ELSEWHERE = Object.fromEntries(
	EVERYONE_SIGNED_IN.map((role) => [`${role}@own`, "303"]),
) as Row["except"];
/** A note route that serves a public note signed out: a note that is not public is then unknown (404). */
/**
 * A new version of the series' template from the sibling edition: the own edition's reviewer and
 * mentor see the template (they are on a committee of its series) but may not manage it, which is
 * checked before the edition: 403, not 404.
 */
const NEW_VERSION_AT_SIBLING: Row["except"] = { "reviewer@sibling": "403", "mentor@sibling": "403" };
const PUBLIC_NOTE_ROUTE = { signedOut: "404" };
const PROPOSAL = (t: Target) => ({
	institutionId: t.institutionId,
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
/** A well-formed stale-fact hit key that names no hit. */
const NO_HIT = "pages:none:body:0123456789abcdef";
/** A registration by hand of the target's edition (its ticket type). */
const MANUAL_REGISTRATION = (t: Target) => ({
	name: "Dee Example",
	country: "NL",
	role: "physicist",
	ticketTypeId: t.items["ticket-types"] ?? "",
	note: "Invited speaker",
});
/** The target's registration as the edit form sends it back, with a new affiliation. */
const REGISTRATION_EDIT = (t: Target) => ({
	name: "Cy Example",
	affiliation: "Example Hospital",
	country: "NL",
	role: "physicist",
	ticketTypeId: t.items["ticket-types"] ?? "",
	status: "confirmed",
});
const SESSION_FORM = { kind: "plenary", title: "Opening", day: "1", startTime: "09:00", durationMinutes: "30" };

/** A valid new item of each content collection (API JSON). */
const COLLECTION_BODIES: Record<string, Record<string, unknown>> = {
	rooms: { name: "Room C" },
	tracks: { name: "Basic science" },
	speakers: { name: "Grace Example" },
	people: { name: "Grace Example", role: "scientific_committee" },
	pages: { title: "Venue", slug: "venue-info", body: "By train." },
	"sponsor-tiers": { name: "Silver" },
	sponsors: { name: "Beta" },
	"ticket-types": { name: "Student", salesOpenOffsetDays: -100, salesCloseOffsetDays: -1 },
	"registration-fields": { label: "Shirt size", kind: "text" },
	"review-criteria": { label: "Clarity" },
	"survey-questions": { prompt: "The venue?", kind: "text" },
	checklist: { title: "Order badges", dueOffsetDays: -30 },
	"email-texts": { key: "reminder", subject: "Soon" },
	"organizer-reminders": { subject: "A week to go", anchor: "event_start", offsetDays: -7, role: "chair" },
};

/** The four API routes of each content collection: read by the edition's viewers, written by its editors. */
const collectionRows = Object.fromEntries(
	Object.entries(COLLECTION_BODIES).flatMap(([key, item]) => [
		[`GET /api/v1/editions/:id/${key}`, row("edition", EDITION_VIEWERS)],
		[
			`POST /api/v1/editions/:id/${key}`,
			row(
				"edition",
				EDITORS,
				body(() => item),
			),
		],
		[
			`PATCH /api/v1/editions/:id/${key}/:itemId`,
			row(
				"edition",
				EDITORS,
				body(() => item),
			),
		],
		[`DELETE /api/v1/editions/:id/${key}/:itemId`, row("edition", EDITORS)],
	]),
);

const lifecycleRows = Object.fromEntries(
	["publish", "unpublish", "hold", "archive"].flatMap((action) => [
		[`POST /api/v1/editions/:id/${action}`, row("edition", COMMITTEE_MANAGERS)],
		[`POST /console/editions/:id/${action}`, row("edition", COMMITTEE_MANAGERS)],
	]),
);

const proposalRows = Object.fromEntries(
	(["/api/v1/proposals/:id", "/console/proposals/:id"] as const).flatMap((path) => [
		[`POST ${path}/withdraw`, row("proposal", INSTITUTION_ADMINS)],
		[
			`POST ${path}/accept`,
			row(
				"proposal",
				STEWARDS,
				body(() => ({ note: "Welcome." })),
			),
		],
		[
			`POST ${path}/decline`,
			row(
				"proposal",
				STEWARDS,
				body(() => ({ note: "Sorry." })),
			),
		],
	]),
);

export const ROWS: Record<string, Row> = {
	// Static assets, platform home, series pages and following a series: anyone.
	[`GET ${STYLESHEET_PATH}`]: open(200),
	"GET /assets/:file": open(200, { params: () => ({ file: themeStylesheetPath("#00567a", "#b45309").slice(8) }) }),
	"GET /": open(200),
	"GET /s/:series": open(200),
	"GET /s/:series/follow": open(200),
	"POST /s/:series/follow": open(undefined, { body: () => ({ email: email() }) }),
	"GET /s/:series/follow/sent": open(200),
	"GET /s/:series/follow/confirm": open(404, { query: "?token=nope" }),
	"POST /s/:series/follow/confirm": open(404, { query: "?token=nope" }),
	"GET /s/:series/unfollow": open(404, { query: "?token=nope" }),
	"POST /s/:series/unfollow": open(404, { query: "?token=nope" }),

	// The subsite and its feeds: a published edition for everyone, a draft for nobody but its committee's preview.
	"GET /s/:series/:year/schedule.xml": row("site", "everyone"),
	"GET /s/:series/:year/schedule.json": row("site", "everyone"),
	"GET /s/:series/:year/calendar.ics": row("site", "everyone"),
	"GET /s/:series/:year/program/:seq/calendar.ics": row("site", "everyone"),
	"GET /s/:series/:year": row("site", "everyone"),
	"GET /s/:series/:year/program": row("site", "everyone"),
	"GET /s/:series/:year/program/:seq": row("site", "everyone"),
	"GET /s/:series/:year/speakers": row("site", "everyone"),
	"GET /s/:series/:year/speakers/:seq": row("site", "everyone"),
	"GET /s/:series/:year/lectures": row("site", "everyone"),
	"GET /s/:series/:year/venue": row("site", "everyone"),
	"GET /s/:series/:year/sponsors": row("site", "everyone"),
	"GET /s/:series/:year/past": row("site", "everyone"),
	"GET /s/:series/:year/register": row("site", "everyone"),
	// The attendee's pages read the session: signed out, My page and its posts send to sign-in and back.
	// They never serve a committee preview (a draft takes no registrations).
	// Registering works signed out too (by emailed link, with the email field; ignored signed in).
	"POST /s/:series/:year/register": row("site", "everyone", {
		preview: false,
		// The matrix's ticket is on sale only in 2029: the sale window refuses it (422) for everyone.
		body: (t) => ({
			ticketTypeId: `ticket-${t.publicEditionId}`,
			name: "A Person",
			country: "NL",
			role: "other",
			email: "matrix-registrant@example.org",
		}),
	}),
	// The emailed registration link (its token is its credential): a bad token is a 400 for anyone.
	"GET /s/:series/:year/register/confirm": row("site", "everyone", { ok: 400, preview: false, query: "?token=nope" }),
	"POST /s/:series/:year/register/confirm": row("site", "everyone", {
		ok: 400,
		preview: false,
		body: () => ({ token: "nope" }),
	}),
	"GET /s/:series/:year/me": row("site", "everyone", {
		preview: false,
		except: { "anonymous@published": "303 sign-in" },
	}),
	"POST /s/:series/:year/me": row("site", "everyone", {
		preview: false,
		except: { "anonymous@published": "303 sign-in" },
	}),
	"POST /s/:series/:year/me/cancel": row("site", "everyone", {
		preview: false,
		except: { "anonymous@published": "303 sign-in" },
	}),
	"POST /s/:series/:year/me/accept": row("site", "everyone", {
		preview: false,
		except: { "anonymous@published": "303 sign-in" },
	}),
	"GET /s/:series/:year/abstracts": row("site", "everyone"),
	"GET /s/:series/:year/p/:slug": row("site", "everyone", { params: () => ({ slug: "travel" }) }),
	// Any other path below an edition: the edition's own 404 page, for everyone.
	"GET /s/:series/:year/*": row("site", "everyone", { ok: 404, preview: false }),

	// Accounts: the forms and links of /auth are for anyone (a link's token is its credential).
	"GET /auth/sign-up": open(200, { except: SIGNED_IN_ELSEWHERE }),
	"POST /auth/sign-up": open(undefined, {
		body: () => ({ name: "New Person", email: email(), password: "a long enough passphrase 42", country: "NL" }),
	}),
	"GET /auth/sign-up/sent": open(200),
	"GET /auth/verify": open(400, { query: "?token=nope" }),
	"POST /auth/verify": open(undefined, { body: () => ({ token: "nope" }) }),
	"GET /auth/sign-in": open(200, { except: SIGNED_IN_ELSEWHERE }),
	// A wrong password: 401 for everyone, signed in or not.
	"POST /auth/sign-in": open(401, { body: () => ({ email: email(), password: "wrong password" }) }),
	"GET /auth/sign-in/link": open(200),
	"POST /auth/sign-in/link": open(undefined, { body: () => ({ email: email() }) }),
	"GET /auth/sign-in/link/sent": open(200),
	"GET /auth/sign-in/link/confirm": open(400, { query: "?token=nope" }),
	"POST /auth/sign-in/link/confirm": open(undefined, { body: () => ({ token: "nope" }) }),
	"POST /auth/sign-out": open(),
	"POST /auth/sign-out-everywhere": open(),
	"GET /auth/reset": open(200),
	"POST /auth/reset": open(undefined, { body: () => ({ email: email() }) }),
	"GET /auth/reset/sent": open(200),
	"GET /auth/reset/confirm": open(400, { query: "?token=nope" }),
	"POST /auth/reset/confirm": open(undefined, {
		body: () => ({ token: "nope", password: "a long enough passphrase 42" }),
	}),
	"GET /auth/change-email/confirm": open(400, { query: "?token=nope" }),
	"POST /auth/change-email/confirm": open(undefined, { body: () => ({ token: "nope" }) }),
	"GET /auth/invitations/:token": open(404, { params: () => ({ token: "nope" }) }),
	// An unknown invitation: 404 for everyone signed in; accepting needs signing in first.
	"POST /auth/invitations/:token": open(404, {
		params: () => ({ token: "nope" }),
		except: { "anonymous@own": "303 sign-in" },
	}),
	"POST /api/v1/auth/sign-in/link": open(undefined, { body: () => ({ email: email() }) }),
	"POST /api/v1/auth/reset": open(undefined, { body: () => ({ email: email() }) }),

	// The signed-in user's own account and tokens.
	"GET /console/account": row("signedIn", EVERYONE_SIGNED_IN),
	"POST /console/account/profile": row(
		"signedIn",
		EVERYONE_SIGNED_IN,
		body(() => ({ name: "Renamed", country: "NL" })),
	),
	"POST /console/account/email": row(
		"signedIn",
		EVERYONE_SIGNED_IN,
		body(() => ({ email: email(), password: "x" })),
	),
	"POST /console/account/password": row(
		"signedIn",
		EVERYONE_SIGNED_IN,
		body(() => ({ currentPassword: "x", newPassword: "a long enough passphrase 42" })),
	),
	"POST /console/account/verify": row("signedIn", EVERYONE_SIGNED_IN),
	"GET /console/account/tokens/new": row("signedIn", EVERYONE_SIGNED_IN),
	"POST /console/account/tokens": row(
		"signedIn",
		EVERYONE_SIGNED_IN,
		body(() => ({ name: "CI", access: "read", expiresInDays: "30" })),
	),
	"POST /console/account/tokens/:id/revoke": row("token", EVERYONE_SIGNED_IN),
	"GET /api/v1/me": row("signedIn", EVERYONE_SIGNED_IN),
	"PATCH /api/v1/me": row(
		"signedIn",
		EVERYONE_SIGNED_IN,
		body(() => ({ name: "Renamed" })),
	),
	"GET /api/v1/me/tokens": row("signedIn", EVERYONE_SIGNED_IN),
	"GET /api/v1/me/registrations": row("signedIn", EVERYONE_SIGNED_IN),
	// Registering needs a public edition; the world's editions are drafts, so no one may (403 for
	// those who see the draft, 404 for the others). A published edition: test/features/registration.
	"POST /api/v1/editions/:id/registrations": row(
		"edition",
		[],
		body(() => ({ ticketTypeId: "none", name: "A Person", country: "NL", role: "other" })),
	),
	"DELETE /api/v1/me/tokens/:id": row("token", EVERYONE_SIGNED_IN),
	// An unknown invitation token: 404 for everyone signed in.
	"POST /api/v1/invitations/accept": row("signedIn", EVERYONE_SIGNED_IN, { ok: 404, body: () => ({ token: "nope" }) }),

	// The console's home and lists of one's own.
	"GET /console": row("signedIn", EVERYONE_SIGNED_IN),
	"GET /console/institutions": row("signedIn", EVERYONE_SIGNED_IN),
	"GET /console/templates": row("signedIn", EVERYONE_SIGNED_IN),
	"GET /api/v1/institutions": row("signedIn", EVERYONE_SIGNED_IN),
	"GET /api/v1/templates": row("signedIn", EVERYONE_SIGNED_IN),
	"POST /api/v1/templates/validate": row(
		"signedIn",
		EVERYONE_SIGNED_IN,
		body(() => ({ schema: "baton.template/1", name: "Kit", description: "", parts: {} })),
	),

	// Institutions: started by anyone signed in; seen by members; run by owners and admins.
	"POST /api/v1/institutions": row(
		"signedIn",
		EVERYONE_SIGNED_IN,
		body(() => ({ name: "New institute", slug: fresh(), city: "Pisa", country: "IT" })),
	),
	"POST /console/institutions": row(
		"signedIn",
		EVERYONE_SIGNED_IN,
		body(() => ({ name: "New institute", slug: fresh(), city: "Pisa", country: "IT" })),
	),
	"GET /console/institutions/:id": row("institution", INSTITUTION_MEMBERS),
	"GET /api/v1/institutions/:id": row("institution", INSTITUTION_MEMBERS),
	"GET /api/v1/institutions/:id/members": row("institution", INSTITUTION_MEMBERS),
	"GET /api/v1/institutions/:id/invitations": row("institution", INSTITUTION_ADMINS),
	"GET /console/institutions/:id/members/:userId": row("institution", INSTITUTION_ADMINS),
	"PATCH /api/v1/institutions/:id": row(
		"institution",
		INSTITUTION_ADMINS,
		body(() => ({ name: "Renamed" })),
	),
	"POST /console/institutions/:id": row(
		"institution",
		INSTITUTION_ADMINS,
		body(() => ({ name: "Renamed", city: "Groningen", country: "NL" })),
	),
	"PATCH /api/v1/institutions/:id/members/:userId": row(
		"institution",
		INSTITUTION_ADMINS,
		body(() => ({ role: "admin" })),
	),
	"POST /console/institutions/:id/members/:userId": row(
		"institution",
		INSTITUTION_ADMINS,
		body(() => ({ role: "admin" })),
	),
	"DELETE /api/v1/institutions/:id/members/:userId": row("institution", INSTITUTION_ADMINS),
	"POST /console/institutions/:id/members/:userId/remove": row("institution", INSTITUTION_ADMINS),
	"POST /api/v1/institutions/:id/invitations": row(
		"institution",
		INSTITUTION_ADMINS,
		body(() => ({ email: email(), role: "member" })),
	),
	"POST /console/institutions/:id/invitations": row(
		"institution",
		INSTITUTION_ADMINS,
		body(() => ({ email: email(), role: "member" })),
	),
	"DELETE /api/v1/institutions/:id/invitations/:invitationId": row("institution", INSTITUTION_ADMINS),
	"POST /console/institutions/:id/invitations/:invitationId/revoke": row("institution", INSTITUTION_ADMINS),
	"POST /api/v1/institutions/:id/leave": row("institution", INSTITUTION_MEMBERS),
	"POST /console/institutions/:id/leave": row("institution", INSTITUTION_MEMBERS),
	"POST /api/v1/institutions/:id/transfer": row(
		"institution",
		["owner"],
		body((t) => ({ userId: t.targetUserId })),
	),
	"POST /console/institutions/:id/transfer": row(
		"institution",
		["owner"],
		body((t) => ({ userId: t.targetUserId })),
	),

	// Series: public to read; started by an institution's owners and admins; run by its stewards.
	"GET /api/v1/series": open(200),
	"GET /api/v1/series/:slug": open(200),
	"GET /api/v1/series/:slug/editions": open(200),
	"GET /api/v1/series/:slug/lectures": open(200),
	"POST /api/v1/series": row(
		"institution",
		INSTITUTION_ADMINS,
		body((t) => ({ institutionId: t.institutionId, slug: fresh(), name: "A new series", shortName: "NEW" })),
	),
	"GET /console/series/new": row("signedIn", EVERYONE_SIGNED_IN),
	"POST /console/series/new": row(
		"institution",
		INSTITUTION_ADMINS,
		body((t) => ({ institutionId: t.institutionId, slug: fresh(), name: "A new series", shortName: "NEW" })),
	),
	"GET /console/series/:slug": row("series", STEWARDS),
	"PATCH /api/v1/series/:slug": row(
		"series",
		STEWARDS,
		body(() => ({ society: "EANM" })),
	),
	"POST /console/series/:slug": row(
		"series",
		STEWARDS,
		body(() => ({ name: "Series", shortName: "SER", cadenceYears: "2", society: "EANM" })),
	),
	"GET /console/series/:slug/lectures": row("series", STEWARDS),
	"GET /console/series/:slug/lectures/:lectureId": row("series", STEWARDS),
	"POST /api/v1/series/:slug/lectures": row(
		"series",
		STEWARDS,
		body(() => ({ name: "Another lecture", honoree: "Another Honoree" })),
	),
	"POST /console/series/:slug/lectures": row(
		"series",
		STEWARDS,
		body(() => ({ name: "Another lecture", honoree: "Another Honoree" })),
	),
	"PATCH /api/v1/series/:slug/lectures/:lectureId": row(
		"series",
		STEWARDS,
		body(() => ({ description: "Changed." })),
	),
	"POST /console/series/:slug/lectures/:lectureId": row(
		"series",
		STEWARDS,
		body(() => ({ name: "Honoree lecture", honoree: "Honoree", description: "Changed." })),
	),
	"GET /console/series/:slug/stewards": row("series", STEWARDS),
	"GET /api/v1/series/:slug/stewards": row("series", STEWARDS),
	"GET /api/v1/series/:slug/invitations": row("series", STEWARDS),
	"GET /api/v1/series/:slug/followers": row("series", STEWARDS),
	"POST /api/v1/series/:slug/stewards": row(
		"series",
		STEWARDS,
		body(() => ({ email: email() })),
	),
	"POST /console/series/:slug/stewards": row(
		"series",
		STEWARDS,
		body(() => ({ email: email() })),
	),
	"DELETE /api/v1/series/:slug/stewards/:userId": row("series", STEWARDS),
	"POST /console/series/:slug/stewards/:userId/remove": row("series", STEWARDS),
	"DELETE /api/v1/series/:slug/invitations/:invitationId": row("series", STEWARDS),
	"POST /console/series/:slug/invitations/:invitationId/revoke": row("series", STEWARDS),

	// Calls for hosts (stewards; the series already has an open call, so a new one meets the
	// one-open-call rule: 422) and proposals (an institution's owners and admins; the world's
	// institution has an open proposal already: 409).
	"GET /api/v1/series/:slug/calls": open(200),
	"GET /console/series/:slug/calls": row("series", STEWARDS),
	"GET /console/series/:slug/calls/:callId": row("series", STEWARDS),
	"POST /api/v1/series/:slug/calls": row(
		"series",
		STEWARDS,
		body(() => ({ forYear: 2037, deadline: "2036-12-31" })),
	),
	"POST /console/series/:slug/calls": row(
		"series",
		STEWARDS,
		body(() => ({ forYear: "2037", deadline: "2036-12-31" })),
	),
	"PATCH /api/v1/series/:slug/calls/:callId": row(
		"series",
		STEWARDS,
		body(() => ({ status: "closed" })),
	),
	"POST /console/series/:slug/calls/:callId": row(
		"series",
		STEWARDS,
		body(() => ({ deadline: "2034-11-30", requirements: "A hall." })),
	),
	"POST /console/series/:slug/calls/:callId/close": row("series", STEWARDS),
	"GET /api/v1/series/:slug/calls/:callId/proposals": row("series", STEWARDS),
	"GET /console/series/:slug/calls/:callId/propose": row("signedIn", EVERYONE_SIGNED_IN),
	"POST /api/v1/series/:slug/calls/:callId/proposals": row("institution", INSTITUTION_ADMINS, body(PROPOSAL)),
	"POST /console/series/:slug/calls/:callId/propose": row(
		"institution",
		INSTITUTION_ADMINS,
		body((t) => ({ ...PROPOSAL(t), expectedParticipants: "" })),
	),
	"GET /api/v1/proposals/:id": row("proposal", ["steward", "admin", "owner"]),
	"GET /console/proposals/:id": row("proposal", ["steward", "admin", "owner"]),
	...proposalRows,
	// The first edition of a series founded by the target's institution, hosted there.
	"GET /console/series/:slug/editions/new": row("signedIn", EVERYONE_SIGNED_IN),
	"POST /api/v1/series/:slug/editions": row("institution", INSTITUTION_ADMINS, {
		params: (t) => ({ slug: t.foundedSeriesSlug }),
		body: (t) => ({ hostInstitutionId: t.institutionId, ...FIRST_EDITION }),
	}),
	"POST /console/series/:slug/editions/new": row("institution", INSTITUTION_ADMINS, {
		params: (t) => ({ slug: t.foundedSeriesSlug }),
		body: (t) => ({ hostInstitutionId: t.institutionId, ...FIRST_EDITION, year: "2035" }),
	}),

	// An edition's committee: seen by its viewers, changed by its chairs and the series' stewards.
	"GET /console/editions/:id/committee": row("edition", EDITION_VIEWERS),
	"GET /api/v1/editions/:id/members": row("edition", EDITION_VIEWERS),
	"GET /api/v1/editions/:id/invitations": row("edition", COMMITTEE_MANAGERS),
	"GET /console/editions/:id/committee/:userId": row("edition", COMMITTEE_MANAGERS),
	"POST /api/v1/editions/:id/invitations": row(
		"edition",
		COMMITTEE_MANAGERS,
		body(() => ({ email: email(), role: "organizer" })),
	),
	"POST /console/editions/:id/invitations": row(
		"edition",
		COMMITTEE_MANAGERS,
		body(() => ({ email: email(), role: "organizer" })),
	),
	"DELETE /api/v1/editions/:id/invitations/:invitationId": row("edition", COMMITTEE_MANAGERS),
	"POST /console/editions/:id/invitations/:invitationId/revoke": row("edition", COMMITTEE_MANAGERS),
	"PATCH /api/v1/editions/:id/members/:userId": row(
		"edition",
		COMMITTEE_MANAGERS,
		body(() => ({ role: "reviewer" })),
	),
	"POST /console/editions/:id/committee/:userId": row(
		"edition",
		COMMITTEE_MANAGERS,
		body(() => ({ role: "reviewer", mentorUntil: "" })),
	),
	"DELETE /api/v1/editions/:id/members/:userId": row("edition", COMMITTEE_MANAGERS),
	"POST /console/editions/:id/committee/:userId/remove": row("edition", COMMITTEE_MANAGERS),

	// An edition's settings and content: seen by its viewers, written by its chairs and organizers.
	// A redirect to the edition's content page, which decides (the id is only echoed).
	"GET /console/editions/:id": row("edition", "everyone", { ok: 303 }),
	"GET /api/v1/editions/:id": row("edition", EDITION_VIEWERS),
	// An edition's mail log: chairs and organizers only (who was mailed what is not for every viewer).
	"GET /console/editions/:id/mail": row("edition", EDITORS),
	"GET /api/v1/editions/:id/mail": row("edition", EDITORS),
	// Audit logs: an edition's for its chairs, an institution's for its owners, a series' for its stewards;
	// the CSV exports follow their pages.
	"GET /console/editions/:id/audit": row("edition", ["chair"]),
	"GET /console/editions/:id/audit.csv": row("edition", ["chair"]),
	"GET /api/v1/editions/:id/audit": row("edition", ["chair"]),
	"GET /console/institutions/:id/audit": row("institution", ["owner"]),
	"GET /console/institutions/:id/audit.csv": row("institution", ["owner"]),
	"GET /api/v1/institutions/:id/audit": row("institution", ["owner"]),
	"GET /console/series/:slug/audit": row("series", STEWARDS),
	"GET /console/series/:slug/audit.csv": row("series", STEWARDS),
	"GET /api/v1/series/:slug/audit": row("series", STEWARDS),
	// Registrations (src/features/attendees): attendees' personal data, for chairs and organizers only
	// (registration.view / registration.manage); the policy is edition configuration (read by the
	// committee, changed by its editors).
	"GET /console/editions/:id/registration-policy": row("edition", EDITION_VIEWERS),
	"POST /console/editions/:id/registration-policy": row(
		"edition",
		EDITORS,
		body(() => ({ capacity: "200", holdHours: "72", offerHours: "48" })),
	),
	"GET /api/v1/editions/:id/registration-policy": row("edition", EDITION_VIEWERS),
	"PUT /api/v1/editions/:id/registration-policy": row(
		"edition",
		EDITORS,
		body(() => ({ capacity: 200, cancellationPolicy: "Full refund until a month before." })),
	),
	"GET /console/editions/:id/registrations": row("edition", EDITORS),
	"GET /console/editions/:id/registrations.csv": row("edition", EDITORS),
	"GET /console/editions/:id/registrations/statistics": row("edition", EDITORS),
	"GET /console/editions/:id/registrations/new": row("edition", EDITORS),
	"POST /console/editions/:id/registrations/new": row(
		"edition",
		EDITORS,
		body((t) => ({ ...MANUAL_REGISTRATION(t), email: email() })),
	),
	"GET /console/editions/:id/registrations/mail": row("edition", EDITORS),
	"POST /console/editions/:id/registrations/mail": row(
		"edition",
		EDITORS,
		body(() => ({ subject: "Venue change", body: "We moved to Hall B." })),
	),
	"GET /console/editions/:id/registrations/:registrationId": row("edition", EDITORS),
	"POST /console/editions/:id/registrations/:registrationId": row(
		"edition",
		EDITORS,
		body((t) => ({ ...REGISTRATION_EDIT(t) })),
	),
	"GET /api/v1/editions/:id/registrations": row("edition", EDITORS),
	"POST /api/v1/editions/:id/manual-registrations": row(
		"edition",
		EDITORS,
		body((t) => ({ ...MANUAL_REGISTRATION(t), email: email() })),
	),
	"GET /api/v1/editions/:id/registrations/:registrationId": row("edition", EDITORS),
	"PATCH /api/v1/editions/:id/registrations/:registrationId": row(
		"edition",
		EDITORS,
		body(() => ({ affiliation: "Example Hospital" })),
	),
	"POST /api/v1/editions/:id/registration-mail": row(
		"edition",
		EDITORS,
		body(() => ({ subject: "Venue change", body: "We moved to Hall B." })),
	),
	"GET /api/v1/editions/:id/registration-statistics": row("edition", EDITORS),
	// The public attendee list exists only when the committee turns it on: off in the world, so 404 for all.
	"GET /s/:series/:year/attendees": open(404),
	// The mail provider's bounce webhook: no session, a shared secret; tests configure none, so 404 for all.
	"POST /api/v1/mail/bounces": open(404, { body: () => ({ type: "bounce", id: "nope" }) }),
	"GET /console/editions/:id/settings": row("edition", EDITION_VIEWERS),
	"GET /console/editions/:id/content": row("edition", EDITION_VIEWERS),
	"PATCH /api/v1/editions/:id": row(
		"edition",
		EDITORS,
		body(() => ({ city: "Utrecht" })),
	),
	"POST /console/editions/:id/settings": row(
		"edition",
		EDITORS,
		body((t) => ({
			name: `SER ${t.year}`,
			startDate: `${t.year}-05-05`,
			endDate: `${t.year}-05-07`,
			timeZone: "Europe/Amsterdam",
		})),
	),
	"GET /console/editions/:id/abstract-call": row("edition", EDITION_VIEWERS),
	"GET /api/v1/editions/:id/abstract-call": row("edition", EDITION_VIEWERS),
	"PUT /api/v1/editions/:id/abstract-call": row(
		"edition",
		EDITORS,
		body(() => ({ opensOffsetDays: -200, closesOffsetDays: -100 })),
	),
	"POST /console/editions/:id/abstract-call": row(
		"edition",
		EDITORS,
		body(() => ({ opensOffsetDays: "-200", closesOffsetDays: "-100" })),
	),
	...collectionRows,
	// The console's generic collection pages, shown with rooms.
	"GET /console/editions/:id/:collection": row("edition", EDITION_VIEWERS),
	"GET /console/editions/:id/:collection/:itemId": row("edition", EDITORS),
	"POST /console/editions/:id/:collection": row(
		"edition",
		EDITORS,
		body(() => ({ name: "Room D" })),
	),
	"POST /console/editions/:id/:collection/:itemId": row(
		"edition",
		EDITORS,
		body(() => ({ name: "Hall", capacity: "80", position: "0" })),
	),
	"POST /console/editions/:id/:collection/:itemId/delete": row("edition", EDITORS),
	"GET /console/editions/:id/checklist": row("edition", EDITION_VIEWERS),
	"GET /console/editions/:id/checklist/suggestions": row("edition", EDITION_VIEWERS),
	"POST /console/editions/:id/checklist/suggestions": row(
		"edition",
		EDITORS,
		body(() => ({ "add.publish-the-program": "on" })),
	),
	"GET /console/editions/:id/organizer-reminders": row("edition", EDITION_VIEWERS),
	"GET /console/editions/:id/debrief": row("edition", EDITION_VIEWERS),
	// The edition is still ahead, so an allowed debrief meets "not open yet" (422).
	"POST /console/editions/:id/debrief": row(
		"edition",
		EDITORS,
		body(() => ({ venue: "The plenary hall was too small." })),
	),
	"GET /api/v1/editions/:id/facts": row("edition", EDITION_VIEWERS),

	// The program.
	"GET /console/editions/:id/program": row("edition", EDITION_VIEWERS),
	"GET /api/v1/editions/:id/sessions": row("edition", EDITION_VIEWERS),
	"GET /console/editions/:id/program/:sessionId": row("edition", EDITION_VIEWERS),
	"GET /api/v1/editions/:id/sessions/:sessionId": row("edition", EDITION_VIEWERS),
	"GET /console/editions/:id/program/:sessionId/talks/:talkId": row("edition", EDITORS),
	"POST /api/v1/editions/:id/sessions": row(
		"edition",
		EDITORS,
		body(() => ({ kind: "plenary", title: "Opening", day: 1, startTime: "09:00", durationMinutes: 30 })),
	),
	"POST /console/editions/:id/program": row(
		"edition",
		EDITORS,
		body(() => SESSION_FORM),
	),
	"PATCH /api/v1/editions/:id/sessions/:sessionId": row(
		"edition",
		EDITORS,
		body(() => ({ title: "Welcome" })),
	),
	"POST /console/editions/:id/program/:sessionId": row(
		"edition",
		EDITORS,
		body(() => ({ ...SESSION_FORM, title: "Welcome" })),
	),
	"DELETE /api/v1/editions/:id/sessions/:sessionId": row("edition", EDITORS),
	"POST /console/editions/:id/program/:sessionId/delete": row("edition", EDITORS),
	"POST /api/v1/editions/:id/sessions/:sessionId/talks": row(
		"edition",
		EDITORS,
		body(() => ({ title: "Keynote" })),
	),
	"POST /console/editions/:id/program/:sessionId/talks": row(
		"edition",
		EDITORS,
		body(() => ({ title: "Keynote" })),
	),
	"PATCH /api/v1/editions/:id/talks/:talkId": row(
		"edition",
		EDITORS,
		body(() => ({ title: "Keynote" })),
	),
	"POST /console/editions/:id/program/:sessionId/talks/:talkId": row(
		"edition",
		EDITORS,
		body(() => ({ title: "Keynote" })),
	),
	"DELETE /api/v1/editions/:id/talks/:talkId": row("edition", EDITORS),
	"POST /console/editions/:id/program/:sessionId/talks/:talkId/delete": row("edition", EDITORS),

	// Custom host names and the lifecycle: chairs and the series' stewards. The edition is a bare
	// draft, so an allowed publish meets the go-live checks (422) and the others the lifecycle order.
	"GET /console/editions/:id/hosts": row("edition", EDITION_VIEWERS),
	"GET /api/v1/editions/:id/hosts": row("edition", EDITION_VIEWERS),
	"POST /api/v1/editions/:id/hosts": row(
		"edition",
		COMMITTEE_MANAGERS,
		body(() => ({ hostname: `${fresh()}.example.org` })),
	),
	"POST /console/editions/:id/hosts": row(
		"edition",
		COMMITTEE_MANAGERS,
		body(() => ({ hostname: `${fresh()}.example.org` })),
	),
	"DELETE /api/v1/editions/:id/hosts/:hostname": row("edition", COMMITTEE_MANAGERS),
	"POST /console/editions/:id/hosts/:hostname/remove": row("edition", COMMITTEE_MANAGERS),
	"POST /api/v1/editions/:id/hosts/:hostname/check": row("edition", COMMITTEE_MANAGERS),
	"POST /console/editions/:id/hosts/:hostname/check": row("edition", COMMITTEE_MANAGERS),
	"GET /console/editions/:id/status": row("edition", EDITION_VIEWERS),
	"GET /api/v1/editions/:id/go-live-checks": row("edition", EDITION_VIEWERS),
	"GET /console/editions/:id/publish": row("edition", COMMITTEE_MANAGERS),
	...lifecycleRows,
	// Marks "right as it is" on the go-live guard's stale-fact hits: those who edit the texts. The
	// bare draft has no hit, so an allowed mark meets 422 and an undo of no mark changes nothing.
	"POST /api/v1/editions/:id/fact-acceptances": row(
		"edition",
		EDITORS,
		body(() => ({ hitKey: NO_HIT })),
	),
	"DELETE /api/v1/editions/:id/fact-acceptances/:hitKey": row("edition", EDITORS, {
		params: () => ({ hitKey: NO_HIT }),
	}),
	"POST /console/editions/:id/fact-acceptances": row(
		"edition",
		EDITORS,
		body(() => ({ hitKey: NO_HIT })),
	),
	"POST /console/editions/:id/fact-acceptances/undo": row(
		"edition",
		EDITORS,
		body(() => ({ hitKey: NO_HIT })),
	),

	// Setting up an edition from another (the published source is readable by all) or a template.
	"GET /console/editions/:id/setup": row("edition", EDITORS),
	// The edition's own dates (unchanged: nothing written) and a blank start.
	"POST /console/editions/:id/setup/start": row(
		"edition",
		EDITORS,
		body((t) => ({
			start: "blank",
			startDate: `${t.year}-05-05`,
			endDate: `${t.year}-05-07`,
			timeZone: "Europe/Amsterdam",
		})),
	),
	"POST /console/editions/:id/setup/preview": row(
		"edition",
		EDITORS,
		body((t) => ({ sourceEditionId: t.publicEditionId, "part.pages": "on" })),
	),
	"POST /console/editions/:id/setup/apply": row(
		"edition",
		EDITORS,
		body((t) => ({ sourceEditionId: t.publicEditionId, "part.pages": "on" })),
	),
	// "Mark reviewed" of a copied text: a row without an open mark is answered as done (303).
	"POST /console/editions/:id/copied-texts/reviewed": row("edition", EDITORS),
	"POST /console/editions/:id/copied-texts/:table/:rowId/reviewed": row("edition", EDITORS, {
		params: () => ({ table: "pages", rowId: "no-such-page" }),
	}),
	"POST /api/v1/editions/:id/clone": row(
		"edition",
		EDITORS,
		body((t) => ({ sourceEditionId: t.publicEditionId, parts: ["pages"] })),
	),
	"POST /console/editions/:id/setup/template/preview": row(
		"edition",
		EDITORS,
		body((t) => ({ template: t.templateId, version: "1" })),
	),
	"POST /console/editions/:id/setup/template/apply": row(
		"edition",
		EDITORS,
		body((t) => ({ template: t.templateId, version: "1", "part.pages": "on" })),
	),
	"POST /api/v1/editions/:id/apply-template": row(
		"edition",
		EDITORS,
		body((t) => ({ template: t.templateId, parts: ["pages"] })),
	),

	// Templates: a series' library is read by its stewards and committees; published from an edition
	// by its editors; a new version or a fork also needs the template.
	"GET /console/templates/:ref": row("template", TEMPLATE_READERS),
	"GET /api/v1/templates/:ref": row("template", TEMPLATE_READERS),
	"GET /console/templates/:ref/versions/:version": row("template", TEMPLATE_READERS),
	"GET /api/v1/templates/:ref/versions/:version": row("template", TEMPLATE_READERS),
	"GET /console/editions/:id/publish-template": row("edition", EDITORS),
	"POST /api/v1/editions/:id/templates": row(
		"edition",
		EDITORS,
		body(() => ({ name: "Our rooms", parts: ["rooms_tracks"] })),
	),
	"POST /console/editions/:id/publish-template": row(
		"edition",
		EDITORS,
		body(() => ({ name: "Our rooms", "part.rooms_tracks": "on" })),
	),
	"POST /api/v1/templates/:ref/versions": row("edition", EDITORS, {
		body: (t) => ({ editionId: t.editionId, parts: ["rooms_tracks"], changelog: "Rooms added." }),
		except: NEW_VERSION_AT_SIBLING,
	}),
	"POST /console/templates/:ref/versions": row("edition", EDITORS, {
		body: (t) => ({ editionId: t.editionId, "part.rooms_tracks": "on", changelog: "Rooms added." }),
		except: NEW_VERSION_AT_SIBLING,
	}),
	"POST /api/v1/templates/:ref/fork": row(
		"edition",
		EDITORS,
		body((t) => ({ editionId: t.editionId })),
	),
	"POST /console/templates/:ref/fork": row(
		"edition",
		EDITORS,
		body((t) => ({ editionId: t.editionId })),
	),

	// Handover notes: written by the edition's chairs and organizers; read, and asked about, by its
	// committee, the stewards and the series' later committees.
	"GET /console/editions/:id/handover": row("edition", EDITION_VIEWERS),
	"GET /console/editions/:id/handover/notes": row("edition", EDITION_VIEWERS),
	// Readable signed out for public notes (token optional): a draft edition is then unknown (404). The
	// later committee reads the notes left for it.
	"GET /api/v1/editions/:id/handover-notes": row("edition", NOTE_READERS, { signedOut: "404" }),
	"GET /api/v1/editions/:id/handover-dossier": row("edition", EDITION_VIEWERS),
	"GET /console/series/:slug/handover": row("series", EVERYONE_SIGNED_IN),
	// Public notes for everyone, signed out too.
	"GET /api/v1/series/:slug/handover-notes": row("series", EVERYONE_SIGNED_IN, { signedOut: "200" }),
	"POST /api/v1/editions/:id/handover-notes": row(
		"edition",
		EDITORS,
		body(() => ({ topic: "contacts", title: "Call the caterer" })),
	),
	"POST /console/editions/:id/handover/notes": row(
		"edition",
		EDITORS,
		body(() => ({ topic: "contacts", title: "Call the caterer", body: "", tags: "", visibility: "" })),
	),
	"GET /console/notes/:noteId": row("note", NOTE_READERS),
	"GET /api/v1/handover-notes/:noteId": row("note", NOTE_READERS, PUBLIC_NOTE_ROUTE),
	"GET /api/v1/handover-notes/:noteId/links": row("note", NOTE_READERS, PUBLIC_NOTE_ROUTE),
	"GET /api/v1/handover-notes/:noteId/attachments": row("note", NOTE_READERS, PUBLIC_NOTE_ROUTE),
	"GET /api/v1/handover-notes/:noteId/attachments/:attachmentId": row("note", NOTE_READERS, PUBLIC_NOTE_ROUTE),
	"GET /console/notes/:noteId/attachments/:attachmentId": row("note", NOTE_READERS),
	"GET /api/v1/handover-notes/:noteId/threads": row("note", NOTE_READERS),
	"GET /console/notes/:noteId/edit": row("note", EDITORS),
	"PATCH /api/v1/handover-notes/:noteId": row(
		"note",
		EDITORS,
		body(() => ({ title: "Book the hall very early" })),
	),
	"POST /console/notes/:noteId/edit": row(
		"note",
		EDITORS,
		body(() => ({ topic: "venue_rooms", title: "Book the hall very early", body: "", tags: "", visibility: "" })),
	),
	"DELETE /api/v1/handover-notes/:noteId": row("note", EDITORS),
	"POST /console/notes/:noteId/delete": row("note", EDITORS),
	"POST /api/v1/handover-notes/:noteId/read": row("note", NOTE_READERS),
	"POST /api/v1/handover-notes/:noteId/links": row(
		"note",
		EDITORS,
		body(() => ({ subjectKind: "deadline", subjectId: "abstract_call.closes" })),
	),
	"DELETE /api/v1/handover-notes/:noteId/links/:subjectKind/:subjectId": row("note", EDITORS),
	"POST /console/notes/:noteId/links": row(
		"note",
		EDITORS,
		body(() => ({ subject: "deadline:abstract_call.opens" })),
	),
	"POST /console/notes/:noteId/links/remove": row(
		"note",
		EDITORS,
		body((t) => ({ subject: `room:${t.items.rooms}` })),
	),
	"POST /api/v1/handover-notes/:noteId/attachments": row("note", EDITORS, { upload: true }),
	"POST /console/notes/:noteId/attachments": row("note", EDITORS, { upload: true }),
	"DELETE /api/v1/handover-notes/:noteId/attachments/:attachmentId": row("note", EDITORS),
	"POST /console/notes/:noteId/attachments/:attachmentId/delete": row("note", EDITORS),
	"POST /api/v1/handover-notes/:noteId/threads": row(
		"note",
		NOTE_READERS,
		body(() => ({ body: "Which hall?" })),
	),
	"POST /console/notes/:noteId/questions": row(
		"note",
		NOTE_READERS,
		body(() => ({ body: "Which hall?" })),
	),
	"POST /api/v1/handover-notes/:noteId/threads/:threadId/messages": row(
		"note",
		NOTE_READERS,
		body(() => ({ body: "The big one." })),
	),
	"POST /console/notes/:noteId/questions/:threadId": row(
		"note",
		NOTE_READERS,
		body(() => ({ body: "The big one." })),
	),

	// The API's description; development-only pages (404 outside development, for everyone).
	"GET /api/openapi.json": open(200),
	"GET /dev/outbox": open(404),
	"GET /dev/dns": open(404),
	"POST /dev/dns": open(404, { body: () => ({ name: "x.example.org", value: "y" }) }),
};
