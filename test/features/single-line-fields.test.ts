/**
 * No header injection (issue 11): every single-line text field, through the API and through its
 * console or account form, refuses CRLF, NUL and U+2028 with a 400 naming the field, and nothing of
 * the value is written anywhere. One row per route, field and hostile value; each body is otherwise
 * valid (the last test proves it), so the field's message is the only one.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../src/lib/ids";
import { SINGLE_LINE_MESSAGE } from "../../src/lib/text-input";
import { createTestUser, postForm, sendJson, type TestUser } from "../auth-helpers";

/** What every hostile value carries, so a scan of the whole database finds any of it written. */
const MARKER = "Bcc: x@y";
const HOSTILE = {
	CRLF: `Plain\r\n${MARKER}`,
	NUL: `Plain\u0000${MARKER}`,
	"U+2028": `Plain\u2028${MARKER}`,
} as const;
type Hostile = keyof typeof HOSTILE;

interface World {
	owner: TestUser;
	steward: TestUser;
	chair: TestUser;
	institutionId: string;
	seriesSlug: string;
	foundedSlug: string;
	callId: string;
	editionId: string;
	roomId: string;
	sessionId: string;
	noteId: string;
	templateId: string;
}

let w: World;

beforeAll(async () => {
	const id = newId().slice(0, 8);
	const [owner, steward, chair] = await Promise.all([
		createTestUser("owner"),
		createTestUser("steward"),
		createTestUser("chair"),
	]);
	w = {
		owner,
		steward,
		chair,
		institutionId: `inst-${id}`,
		seriesSlug: `series-${id}`,
		foundedSlug: `founded-${id}`,
		callId: `call-${id}`,
		editionId: `ed-${id}`,
		roomId: `room-${id}`,
		sessionId: "",
		noteId: `note-${id}`,
		templateId: `tpl-${id}`,
	};
	const q = (sql: string, ...args: unknown[]) => env.DB.prepare(sql).bind(...args);
	const seriesId = `s-${id}`;
	await env.DB.batch([
		q(
			"insert into institutions (id, slug, name, country) values (?, ?, 'Institution', 'NL')",
			w.institutionId,
			`i-${id}`,
		),
		q(
			"insert into institution_members (institution_id, user_id, role) values (?, ?, 'owner')",
			w.institutionId,
			owner.id,
		),
		q("insert into series (id, slug, name, short_name) values (?, ?, 'Series', 'SER')", seriesId, w.seriesSlug),
		q("insert into series_stewards (series_id, user_id) values (?, ?)", seriesId, steward.id),
		q(
			"insert into series (id, slug, name, short_name, institution_id) values (?, ?, 'Founded', 'FND', ?)",
			`fs-${id}`,
			w.foundedSlug,
			w.institutionId,
		),
		q(
			"insert into host_calls (id, series_id, for_year, deadline, status) values (?, ?, 2035, '2099-12-31', 'open')",
			w.callId,
			seriesId,
		),
		q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values (?, ?, 2031, 'SER 2031', '2031-05-05', '2031-05-07', 'Europe/Amsterdam', 'draft')",
			w.editionId,
			seriesId,
		),
		q("insert into edition_members (edition_id, user_id, role) values (?, ?, 'chair')", w.editionId, chair.id),
		q("insert into rooms (id, edition_id, name) values (?, ?, 'Hall')", w.roomId, w.editionId),
		q(
			"insert into handover_notes (id, series_id, edition_id, topic, title, author_id) values (?, ?, ?, 'venue_rooms', 'Book the hall early', ?)",
			w.noteId,
			seriesId,
			w.editionId,
			chair.id,
		),
		q("insert into templates (id, name, visibility, series_id) values (?, 'Kit', 'series', ?)", w.templateId, seriesId),
		q(
			"insert into template_versions (id, template_id, version, parts, document, source_edition_id) values (?, ?, 1, '[\"pages\"]', ?, ?)",
			`${w.templateId}-v1`,
			w.templateId,
			JSON.stringify({
				schema: "baton.template/1",
				name: "Kit",
				description: "",
				parts: { pages: [{ slug: "home", title: "Home", body: "", navOrder: 0, published: false }] },
			}),
			w.editionId,
		),
	]);
	const session = await sendJson(
		"POST",
		`/api/v1/editions/${w.editionId}/sessions`,
		{ kind: "plenary", title: "Opening", day: 1, startTime: "09:00", durationMinutes: 30 },
		{ cookie: chair.cookie },
	);
	expect(session.status).toBe(201);
	w.sessionId = (await session.json<{ data: { id: string } }>()).data.id;
});

type Who = "owner" | "steward" | "chair";
type Body = Record<string, unknown>;

/** A route that takes single-line fields: a body that is valid as it is, and the fields to spoil. */
interface RouteSpec {
	via: "api" | "form";
	method: string;
	/** The path, with the world's ids. */
	path: (x: World) => string;
	as: Who;
	body: (x: World) => Body;
	/** Field names as the error names them (and as the body holds them). */
	fields: readonly string[];
	/** Where a value goes inside the body, when not at the field's own name (lists, prefixed forms). */
	put?: (body: Body, field: string, value: string) => Body;
	/** The name in the form's `field-<name>-error`, when it is not the field's. */
	formName?: (field: string) => string;
}

type Extra = Partial<Pick<RouteSpec, "put" | "formName">>;

function api(
	method: string,
	path: RouteSpec["path"],
	as: Who,
	body: RouteSpec["body"],
	fields: string[],
	extra: Extra = {},
) {
	return { via: "api", method, path, as, body, fields, ...extra } satisfies RouteSpec;
}

function form(path: RouteSpec["path"], as: Who, body: RouteSpec["body"], fields: string[], extra: Extra = {}) {
	return { via: "form", method: "POST", path, as, body, fields, ...extra } satisfies RouteSpec;
}

const unique = () => newId().slice(0, 8);
const E = (x: World) => `/api/v1/editions/${x.editionId}`;
const C = (x: World) => `/console/editions/${x.editionId}`;
const inList = (body: Body, field: string, value: string) => ({ ...body, [field]: [value] });

/** Form values are strings (a list one item per line). */
const asForm = (body: Body): Record<string, string> =>
	Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.join("\n") : String(v)]));

/** Each content collection: a valid new row, and its single-line fields. */
const COLLECTION_ROWS: [key: string, body: () => Body, fields: string[]][] = [
	["rooms", () => ({ name: "Room B" }), ["name"]],
	["tracks", () => ({ name: "Physics", audience: "Physicists" }), ["name", "audience"]],
	[
		"speakers",
		() => ({ name: "Ada Example", affiliation: "UMCG", orcid: "0000-0002-1825-0097" }),
		["name", "affiliation", "orcid"],
	],
	["pages", () => ({ title: "Travel", slug: `travel-${unique()}`, body: "By train." }), ["title", "slug"]],
	["sponsor-tiers", () => ({ name: "Gold" }), ["name"]],
	["sponsors", () => ({ name: "Acme" }), ["name"]],
	["ticket-types", () => ({ name: "Regular", salesOpenOffsetDays: -100, salesCloseOffsetDays: -1 }), ["name"]],
	["registration-fields", () => ({ label: "Dietary needs", kind: "text" }), ["label"]],
	["review-criteria", () => ({ label: "Originality" }), ["label"]],
	["survey-questions", () => ({ prompt: "How was it?", kind: "text" }), ["prompt"]],
	["checklist", () => ({ title: "Book the hall", dueOffsetDays: -100 }), ["title"]],
	["email-texts", () => ({ key: `welcome-${unique()}`, subject: "Welcome", body: "Hello." }), ["key", "subject"]],
	[
		"organizer-reminders",
		() => ({ subject: "A week to go", anchor: "event_start", offsetDays: -7, role: "chair" }),
		["subject"],
	],
];

const proposal = (x: World) => ({
	institutionId: x.institutionId,
	city: "Pisa",
	country: "IT",
	venue: "Palazzo",
	startDate: "2035-05-14",
	endDate: "2035-05-16",
	timeZone: "Europe/Rome",
	motivation: "We would host it well.",
});
const firstEdition = (x: World) => ({
	hostInstitutionId: x.institutionId,
	year: 2035,
	startDate: "2035-05-07",
	endDate: "2035-05-09",
	timeZone: "Europe/Rome",
	city: "Pisa",
	country: "IT",
	venueName: "Palazzo",
});
const settings = () => ({
	name: "SER 2031",
	startDate: "2031-05-05",
	endDate: "2031-05-07",
	timeZone: "Europe/Amsterdam",
	hostName: "UMCG",
	venueName: "Hall",
	venueAddress: "Street 1",
	city: "Groningen",
});
const SETTINGS = ["name", "hostName", "venueName", "venueAddress", "city"];
const abstractCall = () => ({
	opensOffsetDays: -200,
	closesOffsetDays: -100,
	topics: ["Imaging"],
	presentationTypes: ["Oral"],
	specialIssue: "EJNMMI",
});
const series = (x: World) => ({
	institutionId: x.institutionId,
	slug: `n-${unique()}`,
	name: "A series",
	shortName: "NEW",
	society: "EANM",
});
const institution = () => ({ name: "New institute", slug: `n-${unique()}`, city: "Pisa", country: "IT" });
const note = () => ({ topic: "contacts", title: "Call the caterer", body: "", tags: "food", visibility: "" });

const ROUTES: RouteSpec[] = [
	// Accounts
	form(
		() => "/auth/sign-up",
		"owner",
		() => ({ email: `new-${unique()}@example.org`, name: "Ada", affiliation: "UMCG", country: "NL" }),
		["email", "name", "affiliation"],
	),
	api(
		"PATCH",
		() => "/api/v1/me",
		"owner",
		() => ({ name: "Ada", affiliation: "UMCG" }),
		["name", "affiliation"],
	),
	form(
		() => "/console/account/profile",
		"owner",
		() => ({ name: "Ada", affiliation: "UMCG", country: "NL" }),
		["name", "affiliation"],
	),
	form(
		() => "/console/account/email",
		"owner",
		() => ({ email: `new-${unique()}@example.org` }),
		["email"],
	),
	form(
		() => "/console/account/tokens",
		"owner",
		(x) => ({ name: "Sync", access: "read", scope: `institution:${x.institutionId}`, expiresInDays: "30" }),
		["name"],
	),
	api(
		"POST",
		() => "/api/v1/auth/sign-in/link",
		"owner",
		() => ({ email: `someone-${unique()}@example.org` }),
		["email"],
	),
	// Institutions
	api("POST", () => "/api/v1/institutions", "owner", institution, ["name", "slug", "city"]),
	form(() => "/console/institutions", "owner", institution, ["name", "slug", "city"]),
	api(
		"PATCH",
		(x) => `/api/v1/institutions/${x.institutionId}`,
		"owner",
		() => ({ name: "Renamed", city: "Pisa" }),
		["name", "city"],
	),
	form(
		(x) => `/console/institutions/${x.institutionId}`,
		"owner",
		() => ({ name: "Renamed", city: "Pisa", country: "NL" }),
		["name", "city"],
	),
	api(
		"POST",
		(x) => `/api/v1/institutions/${x.institutionId}/invitations`,
		"owner",
		() => ({ email: `i-${unique()}@example.org`, role: "member" }),
		["email"],
	),
	form(
		(x) => `/console/institutions/${x.institutionId}/invitations`,
		"owner",
		() => ({ email: `i-${unique()}@example.org`, role: "member" }),
		["email"],
	),
	// Series, named lectures, stewards
	api("POST", () => "/api/v1/series", "owner", series, ["slug", "name", "shortName", "society"]),
	form(() => "/console/series/new", "owner", series, ["slug", "name", "shortName", "society"]),
	api(
		"PATCH",
		(x) => `/api/v1/series/${x.seriesSlug}`,
		"steward",
		() => ({ name: "Series", shortName: "SER", society: "EANM" }),
		["name", "shortName", "society"],
	),
	form(
		(x) => `/console/series/${x.seriesSlug}`,
		"steward",
		() => ({ name: "Series", shortName: "SER", cadenceYears: "2", society: "EANM" }),
		["name", "shortName", "society"],
	),
	api(
		"POST",
		(x) => `/api/v1/series/${x.seriesSlug}/lectures`,
		"steward",
		() => ({ name: "A lecture", honoree: "Someone" }),
		["name", "honoree"],
	),
	form(
		(x) => `/console/series/${x.seriesSlug}/lectures`,
		"steward",
		() => ({ name: "A lecture", honoree: "Someone" }),
		["name", "honoree"],
	),
	api(
		"POST",
		(x) => `/api/v1/series/${x.seriesSlug}/stewards`,
		"steward",
		() => ({ email: `s-${unique()}@example.org` }),
		["email"],
	),
	form(
		(x) => `/console/series/${x.seriesSlug}/stewards`,
		"steward",
		() => ({ email: `s-${unique()}@example.org` }),
		["email"],
	),
	// Hosting: proposals and first editions
	api("POST", (x) => `/api/v1/series/${x.seriesSlug}/calls/${x.callId}/proposals`, "owner", proposal, [
		"city",
		"venue",
	]),
	form((x) => `/console/series/${x.seriesSlug}/calls/${x.callId}/propose`, "owner", proposal, ["city", "venue"]),
	api("POST", (x) => `/api/v1/series/${x.foundedSlug}/editions`, "owner", firstEdition, ["city", "venueName"]),
	form((x) => `/console/series/${x.foundedSlug}/editions/new`, "owner", firstEdition, ["city", "venueName"]),
	// Editions: committee, settings, call for abstracts
	api(
		"POST",
		(x) => `${E(x)}/invitations`,
		"chair",
		() => ({ email: `c-${unique()}@example.org`, role: "organizer" }),
		["email"],
	),
	form(
		(x) => `${C(x)}/invitations`,
		"chair",
		() => ({ email: `c-${unique()}@example.org`, role: "organizer" }),
		["email"],
	),
	api("PATCH", E, "chair", settings, SETTINGS),
	form((x) => `${C(x)}/settings`, "chair", settings, SETTINGS),
	api("PUT", (x) => `${E(x)}/abstract-call`, "chair", abstractCall, ["specialIssue"]),
	api("PUT", (x) => `${E(x)}/abstract-call`, "chair", abstractCall, ["topics"], { put: inList }),
	// A form's list is one item per line, so a line break there only splits it.
	form((x) => `${C(x)}/abstract-call`, "chair", abstractCall, ["specialIssue"]),
	// Content collections
	...COLLECTION_ROWS.flatMap(([key, body, fields]) => [
		api("POST", (x) => `${E(x)}/${key}`, "chair", body, fields),
		form((x) => `${C(x)}/${key}`, "chair", body, fields),
	]),
	api(
		"PATCH",
		(x) => `${E(x)}/rooms/${x.roomId}`,
		"chair",
		() => ({ name: "Hall" }),
		["name"],
	),
	api(
		"POST",
		(x) => `${E(x)}/registration-fields`,
		"chair",
		() => ({ label: "Meal", kind: "select", options: ["Fish", "Veg"] }),
		["options"],
		{ put: (b, _field, value) => ({ ...b, options: ["Fish", value] }) },
	),
	// Program
	api(
		"POST",
		(x) => `${E(x)}/sessions`,
		"chair",
		() => ({ kind: "plenary", title: "Opening", day: 1, startTime: "10:00", durationMinutes: 30 }),
		["title"],
	),
	form(
		(x) => `${C(x)}/program`,
		"chair",
		() => ({ kind: "plenary", title: "Opening", day: "1", startTime: "10:00", durationMinutes: "30" }),
		["title"],
	),
	api(
		"POST",
		(x) => `${E(x)}/sessions/${x.sessionId}/talks`,
		"chair",
		() => ({ title: "A talk" }),
		["title"],
	),
	form(
		(x) => `${C(x)}/program/${x.sessionId}/talks`,
		"chair",
		() => ({ "talk-title": "A talk" }),
		["title"],
		{
			put: (b, field, value) => ({ ...b, [`talk-${field}`]: value }),
			formName: (field) => `talk-${field}`,
		},
	),
	// Handover notes
	api(
		"POST",
		(x) => `${E(x)}/handover-notes`,
		"chair",
		() => ({ topic: "contacts", title: "Call the caterer", tags: ["food"] }),
		["title"],
	),
	api(
		"POST",
		(x) => `${E(x)}/handover-notes`,
		"chair",
		() => ({ topic: "contacts", title: "Call the caterer", tags: ["food"] }),
		["tags"],
		{ put: inList },
	),
	form((x) => `${C(x)}/handover/notes`, "chair", note, ["title", "tags"]),
	api(
		"PATCH",
		(x) => `/api/v1/handover-notes/${x.noteId}`,
		"chair",
		() => ({ title: "Book it early" }),
		["title"],
	),
	form(
		(x) => `/console/notes/${x.noteId}/edit`,
		"chair",
		() => ({ ...note(), topic: "venue_rooms", title: "Book it early" }),
		["title", "tags"],
	),
	api(
		"POST",
		(x) => `/api/v1/handover-notes/${x.noteId}/links`,
		"chair",
		(x) => ({ subjectKind: "room", subjectId: x.roomId }),
		["subjectId"],
	),
	// Templates
	api(
		"POST",
		(x) => `${E(x)}/templates`,
		"chair",
		() => ({ name: "Our rooms", parts: ["rooms_tracks"] }),
		["name"],
	),
	form(
		(x) => `${C(x)}/publish-template`,
		"chair",
		() => ({ name: "Our rooms", "part.rooms_tracks": "on" }),
		["name"],
	),
	api(
		"POST",
		(x) => `/api/v1/templates/${x.templateId}/versions`,
		"chair",
		(x) => ({ editionId: x.editionId, parts: ["rooms_tracks"], changelog: "Rooms.", name: "Kit" }),
		["changelog", "name"],
	),
	form(
		(x) => `/console/templates/${x.templateId}/versions`,
		"chair",
		(x) => ({ editionId: x.editionId, "part.rooms_tracks": "on", changelog: "Rooms." }),
		["changelog"],
	),
	api(
		"POST",
		(x) => `/api/v1/templates/${x.templateId}/fork`,
		"chair",
		(x) => ({ editionId: x.editionId, name: "Forked" }),
		["name"],
	),
	form(
		(x) => `/console/templates/${x.templateId}/fork`,
		"chair",
		(x) => ({ editionId: x.editionId, name: "Forked" }),
		["name"],
	),
];

/** The world's ids as the rows' names show them. */
const PLACEHOLDERS = {
	institutionId: "{id}",
	seriesSlug: "{slug}",
	foundedSlug: "{slug}",
	callId: "{callId}",
	editionId: "{id}",
	roomId: "{itemId}",
	sessionId: "{sessionId}",
	noteId: "{noteId}",
	templateId: "{ref}",
} as World;

const ROWS = ROUTES.flatMap((route) =>
	route.fields.flatMap((field) =>
		(Object.keys(HOSTILE) as Hostile[]).map((kind) => ({
			name: `${route.method} ${route.path(PLACEHOLDERS)} ${field} with ${kind}`,
			route,
			field,
			kind,
		})),
	),
);

function send(route: RouteSpec, field: string, value: string): Promise<Response> {
	const base = route.body(w);
	const body = route.put ? route.put(base, field, value) : { ...base, [field]: value };
	const path = route.path(w);
	const cookie = w[route.as].cookie;
	if (route.via === "api") return sendJson(route.method, path, body, { cookie });
	return postForm(path, asForm(body), path.startsWith("/auth/") ? undefined : cookie);
}

describe("single-line fields refuse line breaks and control characters, API and forms", () => {
	it.each(ROWS)("$name", async ({ route, field, kind }) => {
		const res = await send(route, field, HOSTILE[kind]);
		expect(res.status).toBe(400);
		if (route.via === "api") {
			const body = await res.json<{ error: { fields: Record<string, string> } }>();
			// Exactly one field, this one (a list by its item: tags.0, options.1).
			const names = Object.keys(body.error.fields);
			expect(names).toHaveLength(1);
			expect(names[0] === field || names[0]?.startsWith(`${field}.`)).toBe(true);
			expect(Object.values(body.error.fields)).toEqual([SINGLE_LINE_MESSAGE]);
		} else {
			const html = await res.text();
			const name = route.formName?.(field) ?? field;
			// Beside the field; a list's item (tags.0) in the form's summary of errors.
			const beside = `<p class="field-error" id="field-${name}-error">${SINGLE_LINE_MESSAGE}</p>`;
			const listed = `<li><a href="#field-${name}.0">${SINGLE_LINE_MESSAGE}</a></li>`;
			expect(html.includes(beside) || html.includes(listed)).toBe(true);
			expect((html.match(/class="field-error"/g) ?? []).length).toBeLessThanOrEqual(1);
		}
	});

	it("wrote nothing of any refused value anywhere (every table scanned)", async () => {
		const { results: tables } = await env.DB.prepare(
			"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%' and name not like '\\_%' escape '\\'",
		).all<{ name: string }>();
		expect(tables.length).toBeGreaterThan(30);
		const found: string[] = [];
		for (const { name } of tables) {
			const { results } = await env.DB.prepare(`select * from "${name}"`).all();
			if (JSON.stringify(results).includes(MARKER)) found.push(name);
		}
		expect(found).toEqual([]);
	});

	it("passes every route's body with a plain value (so each row above fails on its field alone)", async () => {
		const refused: string[] = [];
		for (const route of ROUTES) {
			for (const field of route.fields) {
				const res = await send(route, field, field === "email" ? `plain-${unique()}@example.org` : "plain");
				// 409 and 422 are rules past validation (a second proposal, an edition that exists).
				if (res.status === 400) refused.push(`${route.method} ${route.path(PLACEHOLDERS)} ${field}`);
			}
		}
		expect(refused).toEqual([]);
	}, 60_000);
});
