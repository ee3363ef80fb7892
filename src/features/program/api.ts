/**
 * The program API: an edition's sessions with their talks, chairs and speakers (ids), and the
 * operations that change them. The same field definitions as the console validate the bodies;
 * PATCH lays the fields sent over the stored ones and validates the whole, so every rule still holds.
 */
import { createRoute, type z } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses, jsonBody } from "../../api/openapi";
import { listResponse, PageQuery, paginate } from "../../api/pagination";
import { EditionIdParam as EditionParam, pathId } from "../../api/params";
import type { Edition } from "../../db/schema";
import { authorizedEdition } from "../../domain/edition-access";
import { dateOfDay } from "../../lib/dates";
import { validationError } from "../../lib/errors";
import {
	createSession,
	createTalk,
	deleteSession,
	deleteTalk,
	findSession,
	findTalk,
	listProgram,
	type ProgramSession,
	type ProgramTalk,
	sessionDataOf,
	talkDataOf,
	updateSession,
	updateTalk,
} from "./program";
import { SessionInput, SessionJson, TalkInput, TalkJson } from "./schemas";

const SessionParam = EditionParam.extend({ sessionId: pathId("sessionId") });
const TalkParam = EditionParam.extend({ talkId: pathId("talkId") });

const SessionBody = SessionInput.openapi("SessionInput");
const TalkBody = TalkInput.openapi("TalkInput");
// A PATCH sends any of the fields; they are checked again as a whole once laid over the stored values.
const SessionPatch = SessionInput.partial().openapi("SessionPatch");
const TalkPatch = TalkInput.partial().openapi("TalkPatch");

const tags = ["Program"];

const talkJson = (talk: ProgramTalk): z.infer<typeof TalkJson> => ({
	id: talk.id,
	sessionId: talk.sessionId,
	position: talk.position,
	title: talk.title,
	abstract: talk.abstract,
	durationMinutes: talk.durationMinutes,
	speakerIds: talk.speakerIds,
});

const sessionJson = (edition: Edition, session: ProgramSession): z.infer<typeof SessionJson> => ({
	id: session.id,
	seq: session.seq,
	guid: session.guid,
	...sessionDataOf(session),
	date: dateOfDay(edition.startDate, session.day),
	talks: session.talks.map(talkJson),
});

/** Parses a whole input, answering 400 with field messages like the request validator does. */
function parseWhole<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
	const parsed = schema.safeParse(data);
	if (!parsed.success) throw validationError(parsed.error);
	return parsed.data;
}

const routes = {
	list: createRoute({
		method: "get",
		path: "/editions/{id}/sessions",
		operationId: "listSessions",
		tags,
		summary: "List the program: sessions by day and start time, with their talks",
		request: { params: EditionParam, query: PageQuery },
		responses: { 200: listResponse("The sessions.", SessionJson), ...errorResponses(400, 401, 404) },
	}),
	create: createRoute({
		method: "post",
		path: "/editions/{id}/sessions",
		operationId: "createSession",
		tags,
		summary: "Add a session",
		request: { params: EditionParam, ...jsonBody(SessionBody) },
		responses: { 201: dataResponse("The new session.", SessionJson), ...errorResponses(400, 401, 403, 404, 422) },
	}),
	get: createRoute({
		method: "get",
		path: "/editions/{id}/sessions/{sessionId}",
		operationId: "getSession",
		tags,
		summary: "Get a session with its talks",
		request: { params: SessionParam },
		responses: { 200: dataResponse("The session.", SessionJson), ...errorResponses(401, 404) },
	}),
	update: createRoute({
		method: "patch",
		path: "/editions/{id}/sessions/{sessionId}",
		operationId: "updateSession",
		tags,
		summary: "Change a session (only the fields sent; chairIds replaces the whole list)",
		request: { params: SessionParam, ...jsonBody(SessionPatch) },
		responses: { 200: dataResponse("The session.", SessionJson), ...errorResponses(400, 401, 403, 404, 422) },
	}),
	remove: createRoute({
		method: "delete",
		path: "/editions/{id}/sessions/{sessionId}",
		operationId: "deleteSession",
		tags,
		summary: "Remove a session and its talks",
		request: { params: SessionParam },
		responses: { 204: { description: "Removed." }, ...errorResponses(401, 403, 404) },
	}),
	createTalk: createRoute({
		method: "post",
		path: "/editions/{id}/sessions/{sessionId}/talks",
		operationId: "createTalk",
		tags,
		summary: "Add a talk to a session",
		request: { params: SessionParam, ...jsonBody(TalkBody) },
		responses: { 201: dataResponse("The new talk.", TalkJson), ...errorResponses(400, 401, 403, 404, 422) },
	}),
	updateTalk: createRoute({
		method: "patch",
		path: "/editions/{id}/talks/{talkId}",
		operationId: "updateTalk",
		tags,
		summary: "Change a talk (only the fields sent; speakerIds replaces the whole list)",
		request: { params: TalkParam, ...jsonBody(TalkPatch) },
		responses: { 200: dataResponse("The talk.", TalkJson), ...errorResponses(400, 401, 403, 404, 422) },
	}),
	removeTalk: createRoute({
		method: "delete",
		path: "/editions/{id}/talks/{talkId}",
		operationId: "deleteTalk",
		tags,
		summary: "Remove a talk",
		request: { params: TalkParam },
		responses: { 204: { description: "Removed." }, ...errorResponses(401, 403, 404) },
	}),
};

/** The talk as stored after a write, with its speakers. */
const talkAfterWrite = async (db: Parameters<typeof findTalk>[0], editionId: string, talkId: string) =>
	talkJson((await findTalk(db, editionId, talkId)).talk);

export const programApi = createApiRouter()
	.openapi(routes.list, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view", c.req.valid("param").id);
		const sessions = await listProgram(c.var.db, edition.id);
		const { items, page } = paginate(sessions, c.req.valid("query"), (session) => session.id);
		return c.json({ data: items.map((session) => sessionJson(edition, session)), page }, 200);
	})
	.openapi(routes.create, async (c) => {
		const body = c.req.valid("json");
		const { edition } = await authorizedEdition(c, "edition.update", c.req.valid("param").id);
		const id = await createSession(c.var.db, edition, body);
		return c.json({ data: sessionJson(edition, await findSession(c.var.db, edition.id, id)) }, 201);
	})
	.openapi(routes.get, async (c) => {
		const { id, sessionId } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.view", id);
		return c.json({ data: sessionJson(edition, await findSession(c.var.db, edition.id, sessionId)) }, 200);
	})
	.openapi(routes.update, async (c) => {
		const { id, sessionId } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.update", id);
		const stored = await findSession(c.var.db, edition.id, sessionId);
		const data = parseWhole(SessionInput, { ...sessionDataOf(stored), ...c.req.valid("json") });
		await updateSession(c.var.db, edition, sessionId, data);
		return c.json({ data: sessionJson(edition, await findSession(c.var.db, edition.id, sessionId)) }, 200);
	})
	.openapi(routes.remove, async (c) => {
		const { id, sessionId } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.update", id);
		await deleteSession(c.var.db, edition.id, sessionId);
		return c.body(null, 204);
	})
	.openapi(routes.createTalk, async (c) => {
		const { id, sessionId } = c.req.valid("param");
		const body = c.req.valid("json");
		const { edition } = await authorizedEdition(c, "edition.update", id);
		const talkId = await createTalk(c.var.db, edition.id, sessionId, body);
		return c.json({ data: await talkAfterWrite(c.var.db, edition.id, talkId) }, 201);
	})
	.openapi(routes.updateTalk, async (c) => {
		const { id, talkId } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.update", id);
		const stored = await findTalk(c.var.db, edition.id, talkId);
		const data = parseWhole(TalkInput, { ...talkDataOf(stored.talk), ...c.req.valid("json") });
		await updateTalk(c.var.db, edition.id, talkId, data);
		return c.json({ data: await talkAfterWrite(c.var.db, edition.id, talkId) }, 200);
	})
	.openapi(routes.removeTalk, async (c) => {
		const { id, talkId } = c.req.valid("param");
		const { edition } = await authorizedEdition(c, "edition.update", id);
		await deleteTalk(c.var.db, edition.id, talkId);
		return c.body(null, 204);
	});
