/**
 * Hostile-but-legal text is stored as sent and shown escaped (issue 16): markup, SQL and FTS syntax
 * in a name or title, written through the API with an otherwise generated valid body (the same
 * generator as ./api-bodies.test.ts), comes back unchanged in the answer and appears on the console
 * page that lists it as text, never as markup.
 */
import { describe, expect, it } from "vitest";
import { getAs, sendJson } from "../auth-helpers";
import { loadOperations, resolvePath, sampleBody, useOperations } from "./operations";
import { LEGAL_HOSTILE_TEXT } from "./schema-arbitrary";
import { createWorld, type World } from "./world";

const operations = await loadOperations();
useOperations(operations);

const C = (w: World) => `/console/editions/${w.editionId}`;

/** Operations whose text field is shown on a console page: the field and the page. */
const SHOWN: [operationId: string, field: string, page: (w: World, id: string) => string][] = [
	["createRoom", "name", (w) => `${C(w)}/rooms`],
	["createTrack", "name", (w) => `${C(w)}/tracks`],
	["createSpeaker", "name", (w) => `${C(w)}/speakers`],
	["createPage", "title", (w) => `${C(w)}/pages`],
	["createSponsorTier", "name", (w) => `${C(w)}/sponsor-tiers`],
	["createSponsor", "name", (w) => `${C(w)}/sponsors`],
	["createTicketType", "name", (w) => `${C(w)}/ticket-types`],
	["createRegistrationQuestion", "label", (w) => `${C(w)}/registration-fields`],
	["createReviewCriterion", "label", (w) => `${C(w)}/review-criteria`],
	["createEvaluationQuestion", "prompt", (w) => `${C(w)}/survey-questions`],
	["createChecklistTask", "title", (w) => `${C(w)}/checklist`],
	["createEmailText", "subject", (w) => `${C(w)}/email-texts`],
	["createOrganizerReminder", "subject", (w) => `${C(w)}/organizer-reminders`],
	["createSession", "title", (w) => `${C(w)}/program`],
	["updateEditionSettings", "name", (w) => `${C(w)}/settings`],
	["createHandoverNote", "title", (_w, id) => `/console/notes/${id}`],
	["updateInstitution", "name", (w) => `/console/institutions/${w.institutionId}`],
	["updateSeries", "name", (w) => `/console/series/${w.seriesSlug}`],
	["createNamedLecture", "name", (w) => `/console/series/${w.seriesSlug}/lectures`],
];

const escapeHtml = (text: string) =>
	text
		.replaceAll("&", "&amp;")
		.replaceAll("<", "&lt;")
		.replaceAll(">", "&gt;")
		.replaceAll('"', "&quot;")
		.replaceAll("'", "&#39;");

const ROWS = SHOWN.flatMap(([id, field, page]) =>
	(["markup", "sql", "fts"] as const).map((kind) => ({ name: `${id} ${field} with ${kind}`, id, field, page, kind })),
);

describe("legal hostile text: stored as sent, shown as text", () => {
	it.each(ROWS)("$name", async ({ id, field, page, kind }) => {
		const op = operations.find((o) => o.id === id);
		if (!op) throw new Error(`the document has no ${id}`);
		const w = await createWorld();
		// A marker of this row, so the page check cannot pass on another row's value.
		const value = `${LEGAL_HOSTILE_TEXT[kind].slice(0, 60)} ${kind}-${w.editionId}`;
		const body = { ...(await sampleBody(op, w, 7)), [field]: value };

		const res = await sendJson(op.method, await resolvePath(w, op), body, { cookie: w.actor.cookie });

		const text = await res.text();
		expect(res.ok, `${res.status} ${text}`).toBe(true);
		const data = (JSON.parse(text) as { data: Record<string, unknown> }).data;
		expect(data[field]).toBe(value);
		const html = await (await getAs(page(w, String(data.id)), w.actor.cookie)).text();
		// As hono/jsx escapes text: the value's markup never reaches the page as markup.
		expect(html).toContain(escapeHtml(value));
		expect(html).not.toContain("<script>alert");
		expect(html).not.toContain("<img src=x");
	});
});
