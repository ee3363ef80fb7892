/**
 * What each role should get from each route at each target, by the data contract (src/README.md
 * "Errors"): signed out → sign-in (303 to /auth/sign-in for pages, 401 for the API); unknown or not
 * visible → 404; visible but not allowed → 403; allowed → the row's status (reads) or anything but
 * a permission answer (writes: a domain rule may still refuse them with 409/422).
 */
import { ORIGIN, postForm, sendJson } from "../../auth-helpers";
import { request } from "../../helpers";
import { ROLES, type Role, type SignedInRole, type Target, type TargetName, type World } from "./world";

/**
 * Who must know a route's resource exists. A route's scope also gives the targets it is tried at.
 * - public: anyone, signed out too (no target); signedIn: anyone signed in (no target)
 * - token: the role's own API token (own) or someone else's (foreign)
 * - site: a published edition's subsite (published), a draft's (draft), a draft's committee preview (preview)
 */
export type Scope =
	| "public"
	| "signedIn"
	| "token"
	| "institution"
	| "series"
	| "proposal"
	| "edition"
	| "note"
	| "template"
	| "site";

export type CaseTarget = TargetName | "published" | "draft" | "preview";

export const TARGETS_OF: Record<Scope, readonly CaseTarget[]> = {
	public: ["own"],
	signedIn: ["own"],
	token: ["own", "foreign"],
	institution: ["own", "foreign"],
	series: ["own", "foreign"],
	proposal: ["own", "foreign"],
	edition: ["own", "sibling", "foreign"],
	note: ["own", "sibling", "foreign"],
	// A series' template; "sibling" would be the same template.
	template: ["own", "foreign"],
	site: ["published", "draft", "preview"],
};

const SIGNED_IN = ROLES.filter((r): r is SignedInRole => r !== "anonymous");
export const EVERYONE_SIGNED_IN: readonly Role[] = SIGNED_IN;
export const INSTITUTION_ADMINS = ["owner", "admin"] as const;
export const INSTITUTION_MEMBERS = ["member", "admin", "owner"] as const;
export const EDITORS = ["chair", "organizer"] as const;
export const COMMITTEE_MANAGERS = ["chair", "steward"] as const;
/** Who sees a draft edition: its committee (an active mentor too) and its series' stewards. */
export const EDITION_VIEWERS = ["steward", "chair", "organizer", "reviewer", "mentor"] as const;
/** A note for future committees: its edition's committee, the stewards, and the series' later committees. */
export const NOTE_READERS = ["steward", "chair", "organizer", "reviewer", "mentor", "otherChair"] as const;
/** A series-library template: the series' stewards and the committees of its editions. */
export const TEMPLATE_READERS = NOTE_READERS;

/** What a role may know exists, per scope: the rest must answer 404, never 403. */
const VISIBLE: Record<Exclude<Scope, "public" | "site">, readonly Role[]> = {
	signedIn: EVERYONE_SIGNED_IN,
	token: [],
	institution: INSTITUTION_MEMBERS,
	// Hosting proposals: the series' stewards and the proposing institution's owners and admins.
	proposal: ["steward", "admin", "owner"],
	// Series are public.
	series: EVERYONE_SIGNED_IN,
	edition: EDITION_VIEWERS,
	note: NOTE_READERS,
	template: TEMPLATE_READERS,
};

/**
 * The role `role` plays at a target, in the terms of the own target (a row's `allowed` list): the
 * chair of the later edition is the sibling edition's chair, the other series' steward the foreign
 * series' steward; the own edition's committee is nobody at the sibling (an earlier committee reads
 * no later notes) and everyone is a stranger to the other series.
 */
export function roleAt(role: Role, target: CaseTarget): Role {
	if (role === "anonymous" || target === "own") return role;
	if (target === "sibling") {
		if (role === "otherChair") return "chair";
		if (["steward", "member", "admin", "owner", "stranger"].includes(role)) return role;
		return "stranger";
	}
	if (target === "foreign") {
		if (role === "foreignChair") return "chair";
		if (role === "foreignSteward") return "steward";
		return "stranger";
	}
	return role;
}

export interface Row {
	scope: Scope;
	/** The roles allowed at the own target, or everyone (signed out too). */
	allowed: readonly Role[] | "everyone";
	/** Status of an allowed read (default 200); for a write, the exact status when one is pinned. */
	ok?: number;
	/** Status for those who may not, when it is not the contract's 401/404/403 (e.g. a form page for all). */
	denied?: number;
	/** The signed-out outcome when it is not the contract's sign-in (e.g. 404 for a draft's notes, which show public notes signed out). */
	signedOut?: string;
	/** Exact outcomes that differ from the rule, keyed "role@target", each with a comment in the table why. */
	except?: Partial<Record<`${Role}@${CaseTarget}`, string>>;
	/** JSON or form body (by the path: /api is JSON). */
	body?: (t: Target, w: World) => unknown;
	/** Path parameters beyond the target's (e.g. a page slug). */
	params?: (t: Target) => Record<string, string>;
	/** Site routes only: false for a route that never serves a committee preview. */
	preview?: false;
	/** A multipart PDF upload. */
	upload?: true;
	/** Query string, e.g. "?token=x". */
	query?: string;
}

export interface Case {
	role: Role;
	target: CaseTarget;
	/** The expected outcome: "ok", a status, or "303 sign-in". */
	expected: string;
}

export const isWrite = (key: string) => !key.startsWith("GET ");
const isPage = (key: string) => !key.split(" ")[1]?.startsWith("/api/");

/** Every case of a row: each role at each target of its scope, with the expected outcome. */
export function casesOf(key: string, row: Row): Case[] {
	return TARGETS_OF[row.scope].flatMap((target) =>
		ROLES.map((role) => ({ role, target, expected: expectedOutcome(key, row, role, target) })),
	);
}

function expectedOutcome(key: string, row: Row, role: Role, target: CaseTarget): string {
	const exception = row.except?.[`${role}@${target}`];
	if (exception) return exception;
	const allowedStatus = row.ok !== undefined ? String(row.ok) : isWrite(key) ? "ok" : "200";
	if (row.scope === "site") {
		// The subsite never reads the session, except a committee preview of a draft on the main host.
		if (target === "published") return allowedStatus;
		if (target === "preview" && row.preview !== false && (EDITION_VIEWERS as readonly Role[]).includes(role))
			return allowedStatus;
		return "404";
	}
	if (row.allowed === "everyone") return allowedStatus;
	if (role === "anonymous" && row.signedOut) return row.signedOut;
	if (role === "anonymous") return isPage(key) ? "303 sign-in" : "401";
	const as = roleAt(role, target);
	if (row.allowed.includes(as)) return allowedStatus;
	if (row.denied !== undefined) return String(row.denied);
	return row.scope !== "public" && VISIBLE[row.scope].includes(as) ? "403" : "404";
}

/** The outcome of a response in the terms of `expected`. */
export function outcome(res: Response, expected: string): string {
	const location = res.headers.get("Location") ?? "";
	if (res.status === 303 && location.startsWith("/auth/sign-in?next=")) return "303 sign-in";
	if (expected === "ok") {
		// Authorized: the request reached the feature; a domain rule may still refuse it (409/422).
		const denied = [401, 403, 404].includes(res.status) || res.status >= 500;
		return denied ? String(res.status) : "ok";
	}
	return String(res.status);
}

/** The path of a route key at a target: each `:param` from the target (or the row's own params). */
export function pathOf(key: string, row: Row, w: World, t: Target, role: Role, target: CaseTarget): string {
	const [, pattern = ""] = key.split(" ");
	const own = row.params?.(t) ?? {};
	const segments = pattern.split("/");
	const filled: string[] = [];
	for (const segment of segments) {
		const name = segment.slice(1);
		if (segment === "*") filled.push("no-such-page");
		else if (!segment.startsWith(":")) filled.push(segment);
		else filled.push(own[name] ?? paramOf(name, row.scope, pattern, filled.at(-1) ?? "", w, t, role, target));
	}
	return filled.join("/") + (target === "preview" ? "?preview=1" : "") + (row.query ?? "");
}

function paramOf(
	name: string,
	scope: Scope,
	pattern: string,
	previous: string,
	w: World,
	t: Target,
	role: Role,
	target: CaseTarget,
): string {
	switch (name) {
		case "id":
			if (scope === "token")
				return target === "own" && role !== "anonymous" ? w.tokenIds[role] : `tok-${t.targetUserId}`;
			if (pattern.includes("/institutions/")) return t.institutionId;
			if (pattern.includes("/proposals/")) return t.proposalId;
			return t.editionId;
		case "slug":
		case "series":
			return t.seriesSlug;
		case "year":
			return String(target === "published" ? t.publicEditionYear : t.year);
		case "seq":
			return "1";
		case "userId":
			return t.targetUserId;
		case "invitationId":
			if (pattern.includes("/institutions/")) return t.institutionInvitationId;
			if (pattern.includes("/series/")) return t.seriesInvitationId;
			return t.editionInvitationId;
		case "itemId":
			return t.items[previous] ?? `unknown-collection-${previous}`;
		case "collection":
			return "rooms";
		case "ref":
			return t.templateId;
		case "version":
			return "1";
		case "subjectKind":
			return "room";
		case "subjectId":
			return t.items.rooms ?? "";
		case "lectureId":
		case "callId":
		case "hostname":
		case "sessionId":
		case "talkId":
		case "noteId":
		case "attachmentId":
		case "threadId":
		case "registrationId":
			return t[name];
		default:
			throw new Error(`no value for :${name}: give the row params`);
	}
}

/** Sends one case's request the way a browser (pages) or an API client (/api) would. */
export function send(key: string, row: Row, w: World, role: Role, target: CaseTarget): Promise<Response> {
	const [method = "GET"] = key.split(" ");
	const t = w.targets[target === "published" || target === "draft" || target === "preview" ? "own" : target];
	const path = pathOf(key, row, w, t, role, target);
	const cookie = role === "anonymous" ? undefined : w.cookies[role];
	if (row.upload) {
		const body = new FormData();
		body.append("file", new File(["%PDF-1.7\n%%EOF\n"], "plan.pdf", { type: "application/pdf" }));
		return request(path, {
			method,
			headers: { Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) },
			body,
			redirect: "manual",
		});
	}
	if (path.startsWith("/api/")) return sendJson(method, path, row.body?.(t, w), cookie ? { cookie } : {});
	if (method === "POST") return postForm(path, (row.body?.(t, w) ?? {}) as Record<string, string>, cookie);
	return request(path, { method, headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
}

/** The cases whose outcome is not the expected one, as "role@target: expected …, got …" (none when all pass). */
export const mismatches = (cases: readonly Case[], outcomes: readonly string[]) =>
	cases.flatMap((c, i) =>
		outcomes[i] === c.expected ? [] : [`${c.role}@${c.target}: expected ${c.expected}, got ${outcomes[i]}`],
	);
