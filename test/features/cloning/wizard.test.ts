/**
 * The setup wizard and the clone API through the real Worker: a chair of a new AINM 2025 (not on
 * the 2023 committee) clones the public AINM 2023 with the console's forms as a browser posts
 * them, sees every date old beside new before anything is written, and lands on the edition's
 * page that says where it came from. Then the refusals and who may do what.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { dateOfDay } from "../../../src/lib/dates";
import { resolveSessionStart, wallClock } from "../../../src/lib/zoned-time";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember } from "../../fixtures";
import { hiddenFields, request } from "../../helpers";
import { createApiToken } from "../invitations/helpers";
import { seedWithTemplates } from "../templates/helpers";
import { AINM_2023, contentVersion, createEdition, editionSnapshot, rowCounts, rowsOf } from "./helpers";

const TARGET = "wizard-ainm-2025";
const setup = (id = TARGET) => `/console/editions/${id}/setup`;
const ALL_PARTS_FORM = {
	"part.pages": "on",
	"part.rooms_tracks": "on",
	"part.program": "on",
	"part.registration": "on",
	"part.abstract_call": "on",
	"part.evaluation": "on",
	"part.checklist": "on",
	"part.sponsor_tiers": "on",
	"part.email_texts": "on",
};

let chair: TestUser;
let reviewer: TestUser;
let outsider: TestUser;

const text = async (res: Response) => {
	const body = await res.text();
	return body.replace(/\s+/g, " ");
};

beforeAll(async () => {
	await seedWithTemplates();
	[chair, reviewer, outsider] = await Promise.all([
		createTestUser("chair"),
		createTestUser("reviewer"),
		createTestUser("outsider"),
	]);
	await createEdition({
		id: TARGET,
		year: 2025,
		start: "2025-10-06",
		end: "2025-10-08",
		city: "Lisbon",
		hostName: "Example University",
	});
	await addCommitteeMember({ editionId: TARGET, user: chair, role: "chair" });
	await addCommitteeMember({ editionId: TARGET, user: reviewer, role: "reviewer" });
});

describe("the setup wizard", () => {
	it("walks a chair from the edition's page through start, parts and preview to the applied clone", async () => {
		const sourceBefore = await editionSnapshot(AINM_2023);
		const countsBefore = await rowCounts(TARGET);

		// The edition's page offers the wizard.
		const content = await text(await getAs(`/console/editions/${TARGET}/content`, chair.cookie));
		expect(content).toContain(`<a href="${setup()}">Set up from a previous edition</a>`);
		expect(content).not.toContain("cloned from");

		// Step 1: the newest public edition before 2025 is preselected; templates are the other start
		// (test/features/templates/wizard.test.ts walks that one).
		const start = await text(await getAs(setup(), chair.cookie));
		expect(start).toContain(`<option value="${AINM_2023}" selected="">AINM 2023 (archived)</option>`);
		expect(start).toMatch(/<input id="start-template" type="radio" name="start" value="template" aria-describedby/);

		// Step 2 (a GET form): every part ticked, one name field per room of 2023.
		const parts = await text(await getAs(`${setup()}?start=previous&sourceEditionId=${AINM_2023}`, chair.cookie));
		for (const name of Object.keys(ALL_PARTS_FORM)) {
			expect(parts).toMatch(new RegExp(`<input id="field-${name}" type="checkbox" name="${name}" checked=""`));
		}
		expect(parts).toContain('<label for="field-roomMap.seed-2023-room-plenary">Plenary hall becomes');

		// Step 3: the preview, with every date old beside new, and nothing written.
		const chosen = {
			sourceEditionId: AINM_2023,
			...ALL_PARTS_FORM,
			"roomMap.seed-2023-room-plenary": "Hall A",
			"roomMap.seed-2023-room-a": "Hall B",
			"roomMap.seed-2023-room-b": "",
			"roomMap.seed-2023-room-foyer": "",
		};
		const previewResponse = await postForm(`${setup()}/preview`, chosen, chair.cookie);
		expect(previewResponse.status).toBe(200);
		const previewHtml = await previewResponse.text();
		const preview = previewHtml.replace(/\s+/g, " ");
		expect(preview).toContain("Nothing has been written yet.");
		expect(preview).toContain(
			"Day 1 moves from Monday 9 October 2023 (Europe/Amsterdam) to Monday 6 October 2025 (Europe/Amsterdam): 728 days later.",
		);
		expect(preview).toContain(
			'<th scope="row">Participant: sales open</th><td><time datetime="2023-02-11T08:00:00.000Z">Saturday 11 February 2023, 09:00 (UTC+01:00)</time></td><td><time datetime="2025-02-08T08:00:00.000Z">Saturday 8 February 2025, 09:00 (UTC+01:00)</time></td>',
		);
		expect(preview).toContain("<td>Plenary hall</td><td>Hall A</td>");
		expect(await rowCounts(TARGET)).toEqual(countsBefore);
		for (const page of [start, parts, preview]) expect(page.match(/<h1[ >]/g)).toHaveLength(1);

		// "Change the choices" goes back to step 2 with the choices made.
		const back = hiddenFields(previewHtml, setup(), "get");
		const again = await text(await getAs(`${setup()}?${new URLSearchParams(back)}`, chair.cookie));
		expect(again).toMatch(/<input id="field-part.checklist" type="checkbox" name="part.checklist" checked=""/);
		expect(again).toMatch(/name="roomMap.seed-2023-room-plenary"[^>]*value="Hall A"/);

		// Apply: the preview's hidden form carries the choices and the version of AINM 2025 it showed.
		const fields = hiddenFields(previewHtml, `${setup()}/apply`);
		expect(fields).toEqual({
			sourceEditionId: AINM_2023,
			...ALL_PARTS_FORM,
			"roomMap.seed-2023-room-plenary": "Hall A",
			"roomMap.seed-2023-room-a": "Hall B",
			expectedContentVersion: String(await contentVersion(TARGET)),
		});
		const applied = await postForm(`${setup()}/apply`, fields, chair.cookie);
		expect(applied.status).toBe(303);
		expect(applied.headers.get("Location")).toBe(`/console/editions/${TARGET}/content?notice=cloned`);

		// The edition's page says what happened and where the edition came from.
		const after = await text(await getAs(applied.headers.get("Location") ?? "", chair.cookie));
		expect(after).toContain("Copied from the previous edition. Check the texts and dates before you publish.");
		expect(after).toContain("You are editing AINM 2025, cloned from AINM 2023.");

		// The program came over slot for slot; rooms renamed; people, talks and sponsors stayed behind.
		const [sourceSessions, targetSessions] = await Promise.all([
			rowsOf(
				"select seq, kind, title, day, start_time, duration_minutes from sessions where edition_id = ? order by seq",
				AINM_2023,
			),
			rowsOf(
				"select seq, kind, title, day, start_time, duration_minutes from sessions where edition_id = ? order by seq",
				TARGET,
			),
		]);
		// Named-lecture slots take the new edition's year ("Anne Paans lecture 2025"); every other title is kept.
		const retitled = (r: Record<string, unknown>) => ({
			...r,
			title: String(r.title).replace(/ lecture 2023$/, " lecture 2025"),
		});
		expect(targetSessions).toEqual(sourceSessions.map(retitled));
		expect(await rowsOf("select name from rooms where edition_id = ? order by position", TARGET)).toEqual([
			{ name: "Hall A" },
			{ name: "Hall B" },
			{ name: "Room B" },
			{ name: "Foyer" },
		]);
		const counts = await rowCounts(TARGET);
		expect([counts.talks, counts.talk_speakers, counts.session_chairs, counts.speakers, counts.sponsors]).toEqual([
			0, 0, 0, 0, 0,
		]);
		// Only the committee this test made: nobody of 2023's committee came along.
		expect(
			await rowsOf("select user_id, role from edition_members where edition_id = ? order by role", TARGET),
		).toEqual([
			{ user_id: chair.id, role: "chair" },
			{ user_id: reviewer.id, role: "reviewer" },
		]);

		// Every session starts at the same local time on the same day of the event: 728 days later.
		for (const session of targetSessions) {
			const day = Number(session.day);
			const time = String(session.start_time);
			const before = wallClock(
				resolveSessionStart({ startDate: "2023-10-09", timeZone: "Europe/Amsterdam" }, day, time),
				"Europe/Amsterdam",
			);
			const now = wallClock(
				resolveSessionStart({ startDate: "2025-10-06", timeZone: "Europe/Amsterdam" }, day, time),
				"Europe/Amsterdam",
			);
			expect(now).toEqual({ date: dateOfDay(before.date, 729), time });
		}
		expect(await editionSnapshot(AINM_2023)).toEqual(sourceBefore);
	});

	it("starting blank writes nothing and says so", async () => {
		await createEdition({ id: "wizard-blank", year: 2027, start: "2027-10-04", end: "2027-10-06" });
		await addCommitteeMember({ editionId: "wizard-blank", user: chair, role: "chair" });
		const version = await contentVersion("wizard-blank");

		const res = await getAs(`${setup("wizard-blank")}?start=blank`, chair.cookie);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/console/editions/wizard-blank/content?notice=setup_blank");
		expect(await contentVersion("wizard-blank")).toBe(version);
		expect(Object.values(await rowCounts("wizard-blank")).reduce((a, b) => a + b)).toBe(1);
	});

	it("shows the parts again with the reason when nothing is chosen or a rule refuses the choice", async () => {
		const filled = "wizard-filled";
		await createEdition({ id: filled, year: 2037, start: "2037-10-05", end: "2037-10-07" });
		await addCommitteeMember({ editionId: filled, user: chair, role: "chair" });
		const { env } = await import("cloudflare:workers");
		await env.DB.prepare("insert into sponsor_tiers (id, edition_id, name) values ('wizard-tier', ?, 'Gold')")
			.bind(filled)
			.run();
		const before = await editionSnapshot(filled);

		const none = await postForm(`${setup(filled)}/preview`, { sourceEditionId: AINM_2023 }, chair.cookie);
		expect(none.status).toBe(400);
		expect(await text(none)).toContain(
			'<p class="field-error" id="field-parts-error">Choose at least one part to copy.</p>',
		);

		// A part the edition already has content in is offered disabled, and refused when posted anyway.
		const parts = await text(await getAs(`${setup(filled)}?start=previous&sourceEditionId=${AINM_2023}`, chair.cookie));
		expect(parts).toMatch(/<input id="field-part.sponsor_tiers" type="checkbox" name="part.sponsor_tiers" disabled=""/);
		expect(parts).toContain("AINM 2037 already has this part; a clone only fills empty parts.");
		expect(parts).toMatch(/<input id="field-part.pages" type="checkbox" name="part.pages" checked=""/);
		const refused = await postForm(
			`${setup(filled)}/apply`,
			{ sourceEditionId: AINM_2023, "part.pages": "on", "part.sponsor_tiers": "on" },
			chair.cookie,
		);
		expect(refused.status).toBe(422);
		expect(await text(refused)).toContain(
			"AINM 2037 already has content in “Sponsor tiers”: a clone only fills empty parts, so leave it out or empty it first.",
		);
		const program = await postForm(
			`${setup(filled)}/preview`,
			{ sourceEditionId: AINM_2023, "part.program": "on" },
			chair.cookie,
		);
		expect(program.status).toBe(422);
		expect(await text(program)).toContain(
			"The program skeleton places sessions in rooms and tracks: copy the tracks and rooms too.",
		);
		const itself = await postForm(
			`${setup(filled)}/preview`,
			{ sourceEditionId: filled, "part.pages": "on" },
			chair.cookie,
		);
		expect(itself.status).toBe(422);
		expect(await text(itself)).toContain(
			'<p class="field-error" id="field-sourceEditionId" tabindex="-1">An edition cannot be copied into itself.',
		);
		expect(await editionSnapshot(filled)).toEqual(before);
	});
});

describe("who may clone", () => {
	const DRAFT_2027 = "wizard-draft-2027";
	const OTHER_DRAFT = "wizard-other-series-draft";

	beforeAll(async () => {
		await createEdition({ id: DRAFT_2027, year: 2029, start: "2029-10-01", end: "2029-10-03" });
		const { env } = await import("cloudflare:workers");
		await env.DB.prepare(
			"insert into series (id, slug, name, short_name) values ('wizard-other', 'wizard-other', 'Other series', 'OTH')",
		).run();
		await createEdition({
			id: OTHER_DRAFT,
			seriesId: "wizard-other",
			year: 2030,
			start: "2030-05-06",
			end: "2030-05-07",
			name: "OTH 2030",
		});
		await createEdition({ id: "wizard-perm-target", year: 2031, start: "2031-10-06", end: "2031-10-08" });
		await addCommitteeMember({ editionId: "wizard-perm-target", user: chair, role: "chair" });
		await addCommitteeMember({ editionId: "wizard-perm-target", user: reviewer, role: "reviewer" });
	});

	const pagesOnly = (sourceEditionId: string) => ({ sourceEditionId, "part.pages": "on" });

	it("answers a reviewer of the target 403, and anyone outside its committee 404, writing nothing", async () => {
		const before = await rowCounts("wizard-perm-target");
		for (const [user, status] of [
			[reviewer, 403],
			[outsider, 404],
		] as const) {
			expect((await getAs(setup("wizard-perm-target"), user.cookie)).status).toBe(status);
			expect((await postForm(`${setup("wizard-perm-target")}/preview`, pagesOnly(AINM_2023), user.cookie)).status).toBe(
				status,
			);
			expect((await postForm(`${setup("wizard-perm-target")}/apply`, pagesOnly(AINM_2023), user.cookie)).status).toBe(
				status,
			);
			const api = await sendJson(
				"POST",
				"/api/v1/editions/wizard-perm-target/clone",
				{ sourceEditionId: AINM_2023, parts: ["pages"] },
				{ cookie: user.cookie },
			);
			expect(api.status).toBe(status);
		}
		expect(await rowCounts("wizard-perm-target")).toEqual(before);
	});

	it("sends a signed-out visitor to sign in, and answers the API 401", async () => {
		const page = await getAs(setup("wizard-perm-target"));
		expect(page.status).toBe(303);
		expect(page.headers.get("Location")).toBe(`/auth/sign-in?next=${encodeURIComponent(setup("wizard-perm-target"))}`);
		const api = await sendJson("POST", "/api/v1/editions/wizard-perm-target/clone", {
			sourceEditionId: AINM_2023,
			parts: ["pages"],
		});
		expect(api.status).toBe(401);
	});

	it("lets a chair copy from a draft of the series whose committee they are on", async () => {
		const { env } = await import("cloudflare:workers");
		await createEdition({ id: "wizard-own-draft", year: 2041, start: "2041-10-07", end: "2041-10-09" });
		await createEdition({ id: "wizard-own-target", year: 2043, start: "2043-10-05", end: "2043-10-07" });
		await addCommitteeMember({ editionId: "wizard-own-draft", user: chair, role: "organizer" });
		await addCommitteeMember({ editionId: "wizard-own-target", user: chair, role: "chair" });
		await env.DB.prepare(
			"insert into pages (id, edition_id, slug, title) values ('wizard-draft-page', 'wizard-own-draft', 'home', 'Home')",
		).run();

		const res = await sendJson(
			"POST",
			"/api/v1/editions/wizard-own-target/clone",
			{ sourceEditionId: "wizard-own-draft", parts: ["pages"] },
			{ cookie: chair.cookie },
		);

		expect(res.status).toBe(201);
		expect(await rowsOf("select slug, title from pages where edition_id = 'wizard-own-target'")).toEqual([
			{ slug: "home", title: "Home" },
		]);
	});

	it("answers 404 for a draft source the chair may not see, of this series or another", async () => {
		const before = await rowCounts("wizard-perm-target");
		for (const source of [DRAFT_2027, OTHER_DRAFT, "no-such-edition"]) {
			expect(
				(await getAs(`${setup("wizard-perm-target")}?start=previous&sourceEditionId=${source}`, chair.cookie)).status,
			).toBe(404);
			expect((await postForm(`${setup("wizard-perm-target")}/apply`, pagesOnly(source), chair.cookie)).status).toBe(
				404,
			);
			const api = await sendJson(
				"POST",
				"/api/v1/editions/wizard-perm-target/clone",
				{ sourceEditionId: source, parts: ["pages"] },
				{ cookie: chair.cookie },
			);
			expect({ source, status: api.status }).toEqual({ source, status: 404 });
		}
		expect(await rowCounts("wizard-perm-target")).toEqual(before);
	});
});

describe("POST /api/v1/editions/{id}/clone", () => {
	const API_TARGET = "wizard-api-target";
	const url = `/api/v1/editions/${API_TARGET}/clone`;

	beforeAll(async () => {
		await createEdition({ id: API_TARGET, year: 2033, start: "2033-10-03", end: "2033-10-05", city: "Porto" });
		await addCommitteeMember({ editionId: API_TARGET, user: chair, role: "chair" });
	});

	it("previews (200, nothing written), applies (201), then refuses the same parts again (422)", async () => {
		const version = await contentVersion(API_TARGET);
		const body = { sourceEditionId: AINM_2023, parts: ["checklist", "sponsor_tiers"] };

		const preview = await sendJson("POST", url, { ...body, preview: true }, { cookie: chair.cookie });
		expect(preview.status).toBe(200);
		const { data } = await preview.json<{
			data: { gapDays: number; parts: { part: string }[]; deadlines: unknown[] };
		}>();
		expect(data.gapDays).toBe(3647);
		expect(data.parts.map((p) => p.part)).toEqual(["checklist", "sponsor_tiers"]);
		expect(await contentVersion(API_TARGET)).toBe(version);

		const applied = await sendJson("POST", url, body, { cookie: chair.cookie });
		expect(applied.status).toBe(201);
		const tasks = (await rowsOf("select id from checklist_tasks where edition_id = ?", AINM_2023)).length;
		expect(await applied.json()).toEqual({
			data: {
				sourceEditionId: AINM_2023,
				targetEditionId: API_TARGET,
				created: { checklistTasks: tasks, sponsorTiers: 2 },
			},
		});
		expect(await contentVersion(API_TARGET)).toBe(version + 1);

		const again = await sendJson("POST", url, body, { cookie: chair.cookie });
		expect(again.status).toBe(422);
		expect(await again.json()).toMatchObject({
			error: { code: "invalid_clone", fields: { parts: expect.any(String) } },
		});
	});

	it("is described in the OpenAPI document", async () => {
		const doc = await (await request("/api/openapi.json")).json<{
			security: unknown;
			paths: Record<string, { post?: { responses: Record<string, unknown>; security: unknown } }>;
		}>();
		const route = doc.paths["/api/v1/editions/{id}/clone"]?.post;
		expect(Object.keys(route?.responses ?? {}).sort()).toEqual([
			"200",
			"201",
			"400",
			"401",
			"403",
			"404",
			"409",
			"422",
			"429",
		]);
		// The document's token security, which the route does not override.
		expect(route?.security).toBeUndefined();
		expect(doc.security).toEqual([{ apiToken: [] }]);
	});

	it("answers malformed requests 400 with a message per field", async () => {
		const res = await sendJson(
			"POST",
			url,
			{ sourceEditionId: "", parts: ["pages", "speakers"], roomMap: { x: 5 } },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(400);
		const body = await res.json<{ error: { code: string; fields: Record<string, string> } }>();
		expect(body.error.code).toBe("invalid_input");
		expect(body.error.fields).toEqual({
			sourceEditionId: "Choose the edition to copy from.",
			"parts.1": "Choose parts from the list.",
			"roomMap.x": "Give a room name.",
		});
	});

	it("lets a write token scoped to the target copy from a public edition, and not a read-only one", async () => {
		await createEdition({ id: "wizard-token-target", year: 2035, start: "2035-10-01", end: "2035-10-03" });
		await addCommitteeMember({ editionId: "wizard-token-target", user: chair, role: "chair" });
		const tokenUrl = "/api/v1/editions/wizard-token-target/clone";
		const body = { sourceEditionId: AINM_2023, parts: ["evaluation"] };

		const read = await createApiToken(chair.id, { access: "read", editionId: "wizard-token-target" });
		expect((await sendJson("POST", tokenUrl, body, { bearer: read })).status).toBe(403);

		const write = await createApiToken(chair.id, { access: "write", editionId: "wizard-token-target" });
		const res = await sendJson("POST", tokenUrl, body, { bearer: write });
		expect(res.status).toBe(201);
	});
});
