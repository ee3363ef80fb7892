/**
 * The API's operations as its OpenAPI document lists them, with what it takes to call each in a
 * world (./world.ts): the body schema (the document's, or for the few bodies the document leaves
 * open, the schema the route validates with), the values the document cannot say (ids of the
 * world, choices checked by a refinement, dates that fit the edition) and the path's parameters.
 */
import { env } from "cloudflare:workers";
import fc from "fast-check";
import {
	CHECKLIST_STATUSES,
	EDITION_ROLES,
	FORM_FIELD_KINDS,
	PERSON_ROLES,
	REMINDER_ANCHORS,
	SESSION_KINDS,
	SURVEY_QUESTION_KINDS,
} from "../../src/db/schema";
import { sendJson } from "../auth-helpers";
import { request } from "../helpers";
import { arbitraryOf, type Components, isUndescribed, type JsonSchema, resolve } from "./schema-arbitrary";
import type { World } from "./world";

export interface Operation {
	id: string;
	method: string;
	/** The path as the document writes it, `/api/v1/editions/{id}/rooms/{itemId}`. */
	path: string;
	params: string[];
	/** The JSON body's schema (resolved), or undefined without a JSON body. */
	body?: JsonSchema;
	/** The body is multipart (a file upload). */
	multipart: boolean;
}

interface Document {
	paths: Record<
		string,
		Record<
			string,
			{
				operationId: string;
				parameters?: ({ $ref: string } | { name: string; in: string })[];
				requestBody?: { content: Record<string, { schema: JsonSchema }> };
			}
		>
	>;
	components: { schemas: Components; parameters: Record<string, { name: string; in: string }> };
}

export let components: Components = {};

const str = (maxLength: number, extra: JsonSchema = {}): JsonSchema => ({ type: "string", maxLength, ...extra });

/** `schema` with every key optional (a PATCH sends only the fields it changes). */
const partial = (schema: JsonSchema, without: string[] = []): JsonSchema => ({
	...schema,
	properties: Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([name]) => !without.includes(name))),
	required: [],
});

/**
 * Bodies the document leaves open (`{ type: object }`): the routes validate them against the
 * stored row merged with the patch. Each maps to the schema it is checked with; a new open body
 * that is not here fails the test that lists the operations.
 */
const UNDESCRIBED: Record<string, (schemaOf: (id: string) => JsonSchema) => JsonSchema> = {
	updateSeries: (of) => partial(of("createSeries"), ["institutionId", "slug"]),
	updateNamedLecture: (of) => partial(of("createNamedLecture")),
	updateHandoverNote: (of) => partial(of("createHandoverNote")),
	// src/features/editions/settings.ts: SETTINGS_FIELDS
	updateEditionSettings: () => ({
		type: "object",
		properties: {
			name: str(120, { minLength: 1 }),
			startDate: { type: "string", format: "date" },
			endDate: { type: "string", format: "date" },
			timeZone: { type: "string" },
			hostName: str(200),
			venueName: str(200),
			venueAddress: str(300),
			city: str(100),
			country: { type: ["string", "null"] },
			mapUrl: str(2000, { type: ["string", "null"], pattern: "^https?:\\/\\/[^\\s]+$" }),
			contactEmail: { type: ["string", "null"], format: "email", maxLength: 254 },
			logoUrl: str(2000, { type: ["string", "null"], pattern: "^https?:\\/\\/[^\\s]+$" }),
			primaryColor: { type: ["string", "null"], pattern: "^#[0-9a-fA-F]{6}$" },
			accentColor: { type: ["string", "null"], pattern: "^#[0-9a-fA-F]{6}$" },
			heroText: str(1000, { type: ["string", "null"] }),
		},
		required: ["name", "startDate", "endDate", "timeZone"],
	}),
	// Each content collection's PATCH: its create body, every field optional.
	...Object.fromEntries(
		[
			"Room",
			"Track",
			"Speaker",
			"Page",
			"SponsorTier",
			"Sponsor",
			"TicketType",
			"RegistrationQuestion",
			"ReviewCriterion",
			"EvaluationQuestion",
			"ChecklistTask",
			"EmailText",
			"OrganizerReminder",
			"Person",
		].map((name) => [`update${name}`, (of: (id: string) => JsonSchema) => partial(of(`create${name}`))]),
	),
};

/** Reads the operations from the document the app serves (a route added tomorrow is in it). */
export async function loadOperations(): Promise<Operation[]> {
	const res = await request("/api/openapi.json");
	const doc = await res.json<Document>();
	components = doc.components.schemas;
	const operations: Operation[] = [];
	for (const [path, byMethod] of Object.entries(doc.paths))
		for (const [method, op] of Object.entries(byMethod)) {
			const content = op.requestBody?.content ?? {};
			const json = content["application/json"]?.schema;
			operations.push({
				id: op.operationId,
				method: method.toUpperCase(),
				path,
				params: (op.parameters ?? [])
					.map((p) => ("$ref" in p ? doc.components.parameters[p.$ref.split("/").pop() ?? ""] : p))
					.filter((p) => p?.in === "path")
					.map((p) => p?.name ?? ""),
				body: json ? resolve(json, components) : undefined,
				multipart: "multipart/form-data" in content,
			});
		}
	const schemaOf = (id: string) => {
		const body = operations.find((op) => op.id === id)?.body;
		if (!body) throw new Error(`no body schema for ${id}`);
		return body;
	};
	for (const op of operations)
		if (op.body && isUndescribed(op.body) && UNDESCRIBED[op.id]) op.body = UNDESCRIBED[op.id]?.(schemaOf);
	return operations;
}

/** The operations whose JSON body the document leaves open and no entry of UNDESCRIBED covers. */
export const ungenerable = (operations: Operation[]) =>
	operations.filter((op) => op.body && isUndescribed(op.body)).map((op) => op.id);

type Body = Record<string, unknown>;
let counter = 0;
/** A number no other call in this file has had: unique slugs, addresses, years. */
const next = () => ++counter;

const email = () => `hostile-${next()}-${Date.now() % 1e6}@example.org`;
const slug = (prefix: string) => `${prefix}-${next()}-${Date.now() % 1e6}`;
/** A session slot no other in the world takes: one of 90 half hours over the edition's three days. */
const slot = () => {
	const n = next();
	const minutes = 6 * 60 + (Math.floor(n / 3) % 30) * 30;
	const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
	return { day: 1 + (n % 3), startTime: time, durationMinutes: 25 };
};
const mentorOnly = (b: Body) => ({ mentorUntil: b.role === "mentor" ? "2031-12-31" : undefined });

/**
 * What the document cannot say about a valid body of an operation: ids of the world, choices a
 * refinement checks, dates within the edition, unique slugs. Laid over the generated body;
 * `undefined` leaves a key out (a reference to a row this world lacks).
 */
const FILL: Record<string, (w: World, body: Body) => Body | Promise<Body>> = {
	createSeries: (w) => ({ institutionId: w.institutionId, slug: slug("series") }),
	createEdition: (w, b) => ({
		hostInstitutionId: w.institutionId,
		startDate: `${b.year}-05-07`,
		endDate: `${b.year}-05-09`,
	}),
	// A current stale-fact hit: a page of the edition naming the previous edition's year (SER 2029).
	acceptStaleFact: async (w) => {
		await env.DB.prepare(
			"insert or ignore into pages (id, edition_id, slug, title, body, published) values (?, ?, 'history', 'History', 'Since 2029.', 1)",
		)
			.bind(`history-${w.editionId}`, w.editionId)
			.run();
		const res = await sendJson("GET", `/api/v1/editions/${w.editionId}/go-live-checks`, undefined, {
			cookie: w.actor.cookie,
		});
		const { data } = await res.json<{ data: { staleFacts: { key: string }[] } }>();
		return { hitKey: data.staleFacts[0]?.key };
	},
	requestSignInLink: () => ({ email: email() }),
	requestPasswordReset: () => ({ email: email() }),
	createInstitution: () => ({ slug: slug("inst") }),
	inviteInstitutionMember: () => ({ email: email() }),
	transferInstitution: (w) => ({ userId: w.bystander.id }),
	inviteSeriesSteward: () => ({ email: email() }),
	inviteEditionMember: (_w, b) => ({ email: email(), ...mentorOnly(b) }),
	updateEditionMember: (_w, b) => mentorOnly(b),
	// A main colour must carry white text (a contrast rule the document cannot say).
	updateEditionSettings: (w) => ({ startDate: w.startDate, endDate: w.endDate, primaryColor: "#1f5f8b" }),
	putAbstractCall: () => ({ opensOffsetDays: -200, closesOffsetDays: -100, decisionsOffsetDays: -50 }),
	createSpeaker: () => ({ orcid: "0000-0002-1825-0097", accountEmail: email() }),
	updateSpeaker: () => ({ orcid: "0000-0002-1825-0097", accountEmail: email() }),
	createPerson: () => ({ accountEmail: email() }),
	updatePerson: () => ({ accountEmail: email() }),
	createPage: () => ({ slug: slug("page") }),
	updatePage: () => ({ slug: slug("page") }),
	createSponsor: () => ({ tierId: undefined }),
	updateSponsor: () => ({ tierId: undefined }),
	createTicketType: () => ({ salesOpenOffsetDays: -100, salesCloseOffsetDays: -1 }),
	updateTicketType: () => ({ salesOpenOffsetDays: -100, salesCloseOffsetDays: -1 }),
	createRegistrationQuestion: () => ({ options: undefined }),
	updateRegistrationQuestion: () => ({ options: undefined }),
	createEmailText: () => ({ key: slug("text") }),
	updateEmailText: () => ({ key: slug("text") }),
	createSession: () => ({
		...slot(),
		roomId: undefined,
		trackId: undefined,
		namedLectureId: undefined,
		chairIds: undefined,
	}),
	updateSession: () => ({
		...slot(),
		roomId: undefined,
		trackId: undefined,
		namedLectureId: undefined,
		chairIds: undefined,
	}),
	createTalk: () => ({ speakerIds: undefined, durationMinutes: 10 }),
	updateTalk: () => ({ speakerIds: undefined, durationMinutes: 10 }),
	// A series has one open call at a time: the world's (which proposals go to) is closed first.
	openHostCall: async (w, b) => {
		await env.DB.prepare("update host_calls set status = 'closed' where id = ?").bind(w.callId).run();
		return { deadline: `${b.forYear}-01-31` };
	},
	updateHostCall: () => ({ deadline: "2035-01-31" }),
	submitHostProposal: (w) => ({
		institutionId: w.institutionId,
		startDate: "2035-05-14",
		endDate: "2035-05-16",
	}),
	addEditionHost: () => ({ hostname: `${slug("h")}.example.org` }),
	// The world's edition holds a page, the previous one a room: what a template or a clone takes.
	cloneEdition: (w) => ({
		sourceEditionId: w.previousEditionId,
		parts: ["rooms_tracks"],
		roomMap: {},
		expectedContentVersion: undefined,
		acceptedFacts: [],
		acceptAllFacts: false,
	}),
	validateTemplate: () => ({
		parts: { pages: [{ slug: "home", title: "Home", body: "", navOrder: 0, published: false }] },
	}),
	publishTemplate: () => ({ parts: ["pages"] }),
	publishTemplateVersion: (w) => ({ editionId: w.editionId, parts: ["pages"] }),
	forkTemplate: (w) => ({ editionId: w.editionId, version: undefined }),
	applyTemplate: () => ({
		template: "builtin:biennial-academic-symposium",
		version: undefined,
		expectedContentVersion: undefined,
	}),
	// A registration by hand needs a ticket type of the edition and an address not yet registered.
	createManualRegistration: async (w) => ({
		email: email(),
		ticketTypeId: await pathValue(w, "/editions/{id}/ticket-types/{itemId}", "itemId"),
		answers: undefined,
	}),
	updateRegistration: async (w) => ({
		ticketTypeId: await pathValue(w, "/editions/{id}/ticket-types/{itemId}", "itemId"),
		status: "confirmed",
		answers: undefined,
	}),
	// Somebody to mail: the world's registration; the count is left to the server.
	sendRegistrationMail: async (w) => {
		await pathValue(w, "/editions/{id}/registrations/{registrationId}", "registrationId");
		return { expectedRecipients: undefined };
	},
	addHandoverNoteLink: async (w) => ({
		subjectKind: "room",
		subjectId: await pathValue(w, "/editions/{id}/rooms/{itemId}", "itemId"),
	}),
};

/** Choices a refinement checks (the document says only "string"), by field name and operation. */
function choice(opId: string, field: string): fc.Arbitrary<unknown> | undefined {
	if (field === "country") return fc.constantFrom("NL", "IT", "DE");
	if (field === "timeZone") return fc.constantFrom("Europe/Amsterdam", "Europe/Rome", "America/New_York");
	if (field === "currency") return fc.constantFrom("EUR", "USD");
	if (field === "topic") return fc.constantFrom("contacts", "venue_rooms");
	if (field === "role" && /^(create|createManual|update)Registration$/.test(opId))
		return fc.constantFrom("clinician", "physicist", "student");
	if (field === "visibility" && /HandoverNote/.test(opId))
		return fc.constantFrom("private", "future_committees", "public");
	if (field === "kind" && /Session/.test(opId))
		return fc.constantFrom(...SESSION_KINDS.filter((k) => k !== "named_lecture"));
	if (field === "kind" && /RegistrationQuestion/.test(opId))
		return fc.constantFrom(...FORM_FIELD_KINDS.filter((k) => k !== "select"));
	if (field === "kind" && /EvaluationQuestion/.test(opId)) return fc.constantFrom(...SURVEY_QUESTION_KINDS);
	if (field === "ownerRole") return fc.constantFrom(...EDITION_ROLES);
	if (field === "status" && /ChecklistTask/.test(opId)) return fc.constantFrom(...CHECKLIST_STATUSES);
	if (field === "anchor") return fc.constantFrom(...REMINDER_ANCHORS);
	if (field === "role" && /Person/.test(opId)) return fc.constantFrom(...PERSON_ROLES);
	if (field === "brandPrimaryColor" || field === "brandAccentColor") return fc.constantFrom("#1f5f8b", "#b45309", "");
	if (field === "role" && /OrganizerReminder/.test(opId)) return fc.constantFrom("chair", "organizer");
	return undefined;
}

/** Valid bodies of `op` in world `w`: the schema's, with the choices and the world's values filled in. */
export function bodyArbitrary(op: Operation, w: World): fc.Arbitrary<Promise<Body>> {
	const schema = op.body ?? { type: "object" };
	const fields = Object.fromEntries(
		Object.entries(schema.properties ?? {}).map(([name, property]) => [
			name,
			choice(op.id, name) ?? arbitraryOf(property, components),
		]),
	);
	const required = (schema.required ?? []).filter((name) => name in fields);
	return fc.record(fields, { requiredKeys: required }).map(async (body) => {
		const filled = { ...body, ...(await FILL[op.id]?.(w, body)) };
		// Only the keys the generated body holds, or the schema requires, or a fill adds with a value.
		return Object.fromEntries(Object.entries(filled).filter(([, value]) => value !== undefined));
	});
}

/** One valid body, the same for the same seed. */
export const sampleBody = (op: Operation, w: World, seed: number) =>
	fc.sample(bodyArbitrary(op, w), { seed, numRuns: 1 })[0] as Promise<Body>;

let allOperations: Operation[] = [];
export const useOperations = (operations: Operation[]) => {
	allOperations = operations;
};

const created = new WeakMap<World, Map<string, string>>();

/** Creates a row through the operation `createId` (its path resolved in `w`) and returns its id. */
async function createThrough(w: World, createId: string, extra: Body = {}): Promise<string> {
	const op = allOperations.find((o) => o.id === createId);
	if (!op) throw new Error(`no operation ${createId}`);
	const path = await resolvePath(w, op);
	const res = await sendJson(
		op.method,
		path,
		{ ...(await sampleBody(op, w, 1)), ...extra },
		{ cookie: w.actor.cookie },
	);
	const json = await res.json<{
		data?: { id?: string; thread?: { id: string }; registration?: { id: string } };
	}>();
	const id = json.data?.id ?? json.data?.thread?.id ?? json.data?.registration?.id;
	if (!res.ok || !id) throw new Error(`${createId} answered ${res.status} ${JSON.stringify(json)}`);
	return id;
}

/** The id of a row `name` in `path` stands for, created on first use per world. */
export async function pathValue(w: World, path: string, name: string): Promise<string> {
	const cache = created.get(w) ?? new Map<string, string>();
	created.set(w, cache);
	// One proposal per world: an institution may have one open proposal per call.
	const key = path.includes("/proposals/{id}") ? "proposal" : `${path}#${name}`;
	const known = cache.get(key);
	if (known !== undefined) return known;
	const value = await lookup(w, path, name);
	cache.set(key, value);
	return value;
}

const COLLECTION_CREATE: Record<string, string> = {
	rooms: "createRoom",
	tracks: "createTrack",
	speakers: "createSpeaker",
	pages: "createPage",
	"sponsor-tiers": "createSponsorTier",
	sponsors: "createSponsor",
	"ticket-types": "createTicketType",
	"registration-fields": "createRegistrationQuestion",
	"review-criteria": "createReviewCriterion",
	"survey-questions": "createEvaluationQuestion",
	checklist: "createChecklistTask",
	"email-texts": "createEmailText",
	"organizer-reminders": "createOrganizerReminder",
	people: "createPerson",
};

async function lookup(w: World, path: string, name: string): Promise<string> {
	const collection = /\/editions\/\{id\}\/([a-z-]+)\/\{itemId\}/.exec(path)?.[1];
	switch (name) {
		case "id":
			if (path.includes("/editions/")) return w.editionId;
			if (path.includes("/institutions/")) return w.institutionId;
			if (path.includes("/proposals/")) return createThrough(w, "submitHostProposal");
			return "unknown";
		case "slug":
			return w.seriesSlug;
		case "itemId":
			return createThrough(w, COLLECTION_CREATE[collection ?? ""] ?? "unknown");
		case "userId":
			return w.bystander.id;
		case "lectureId":
			return createThrough(w, "createNamedLecture");
		case "callId":
			return w.callId;
		case "sessionId":
			return createThrough(w, "createSession");
		case "talkId":
			return createThrough(w, "createTalk");
		case "invitationId":
			if (path.includes("/institutions/")) return createThrough(w, "inviteInstitutionMember", { role: "member" });
			if (path.includes("/series/")) return createThrough(w, "inviteSeriesSteward");
			return createThrough(w, "inviteEditionMember", { role: "organizer" });
		case "hostname":
			return "unknown.example.org";
		case "ref":
			return w.templateId;
		case "version":
			return "1";
		case "noteId":
			return w.noteId;
		case "threadId":
			return createThrough(w, "askHandoverNoteQuestion");
		case "subjectKind":
			return "room";
		case "hitKey":
			// A well-formed key of no hit: undoing a mark that is not there answers 204.
			return "pages:unknown:body:0123456789abcdef";
		case "registrationId":
			return createThrough(w, "createManualRegistration");
		default:
			return "unknown";
	}
}

/** `op`'s path with every parameter a row of `w` (created when needed), `override` taking one's place. */
export async function resolvePath(w: World, op: Operation, override?: { name: string; value: string }) {
	let path = op.path;
	for (const name of op.params) {
		const value = override?.name === name ? override.value : encodeURIComponent(await pathValue(w, op.path, name));
		path = path.replace(`{${name}}`, value);
	}
	return path;
}
