/**
 * What you previewed is what you apply, for clones: the wizard's preview carries the target's
 * content version in its Apply form and the API's preview answers it; when someone changes the
 * target after the preview, applying with that version is refused (409) with the way back to a
 * fresh preview, and nothing is written. Applying with the current version copies as usual.
 */

import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../../src/db/client";
import { cloneEdition } from "../../../src/features/cloning";
import { newId } from "../../../src/lib/ids";
import { createTestUser, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember } from "../../fixtures";
import { formHtml, hiddenFields, request, seed } from "../../helpers";
import { AINM_2023, contentVersion, createEdition, observedD1, rowCounts, rowsOf } from "./helpers";

const WIZARD_TARGET = "stale-wizard-2041";
const API_TARGET = "stale-api-2043";
const RACE_TARGET = "stale-race-2045";
const setup = `/console/editions/${WIZARD_TARGET}/setup`;

let chair: TestUser;

/** Someone else's edit of the edition through the API: a session added to its program. */
async function addSessionThroughApi(editionId: string) {
	const res = await sendJson(
		"POST",
		`/api/v1/editions/${editionId}/sessions`,
		{ kind: "break", title: "Coffee added meanwhile", day: 1, startTime: "10:30", durationMinutes: 30 },
		{ cookie: chair.cookie },
	);
	expect(res.status).toBe(201);
}

const STALE = (name: string) =>
	`${name} changed since you previewed it (another clone or an edit): look at the preview again.`;

beforeAll(async () => {
	await seed();
	chair = await createTestUser("chair");
	for (const [id, year, start, end] of [
		[WIZARD_TARGET, 2041, "2041-10-07", "2041-10-09"],
		[API_TARGET, 2043, "2043-10-05", "2043-10-07"],
		[RACE_TARGET, 2045, "2045-10-02", "2045-10-04"],
	] as const) {
		await createEdition({ id, year, start, end });
		await addCommitteeMember({ editionId: id, user: chair, role: "chair" });
	}
});

describe("the clone wizard after someone changed the edition since the preview", () => {
	const chosen = { sourceEditionId: AINM_2023, "part.pages": "on", "part.checklist": "on" };

	it("refuses the apply with 409 and the way back to the preview, writes nothing, then applies a fresh preview", async () => {
		const previewed = await contentVersion(WIZARD_TARGET);
		const preview = await postForm(`${setup}/preview`, chosen, chair.cookie);
		expect(preview.status).toBe(200);
		const fields = hiddenFields(await preview.text(), `${setup}/apply`);
		expect(fields).toEqual({ ...chosen, expectedContentVersion: String(previewed) });

		await addSessionThroughApi(WIZARD_TARGET);
		const counts = await rowCounts(WIZARD_TARGET);
		const changed = await contentVersion(WIZARD_TARGET);
		expect(changed).toBe(previewed + 1);

		const refused = await postForm(`${setup}/apply`, fields, chair.cookie);

		expect(refused.status).toBe(409);
		const page = await refused.text();
		const message = STALE("AINM 2041");
		expect(page).toContain(`<li><a href="#field-expectedContentVersion">${message}</a></li>`);
		// The parts step again, inside its form (which posts to the preview) with the choices kept.
		const form = formHtml(page, `${setup}/preview`);
		expect(form).toContain(
			`<p class="field-error" id="field-expectedContentVersion" tabindex="-1">${message}</p><button type="submit">Look at the preview again</button>`,
		);
		expect(form).toMatch(/<input id="field-part.pages" type="checkbox" name="part.pages" checked=""/);
		expect(form).toMatch(/<input id="field-part.checklist" type="checkbox" name="part.checklist" checked=""/);
		expect(await rowCounts(WIZARD_TARGET)).toEqual(counts);
		expect(await contentVersion(WIZARD_TARGET)).toBe(changed);
		expect(await rowsOf("select cloned_from_id from editions where id = ?", WIZARD_TARGET)).toEqual([
			{ cloned_from_id: null },
		]);

		// "Look at the preview again" posts the same choices; that preview carries the current version.
		const again = await postForm(
			`${setup}/preview`,
			{ ...hiddenFields(page, `${setup}/preview`), ...chosen },
			chair.cookie,
		);
		expect(again.status).toBe(200);
		const fresh = hiddenFields(await again.text(), `${setup}/apply`);
		expect(fresh).toEqual({ ...chosen, expectedContentVersion: String(changed) });

		const applied = await postForm(`${setup}/apply`, fresh, chair.cookie);

		expect(applied.status).toBe(303);
		expect(applied.headers.get("Location")).toBe(`/console/editions/${WIZARD_TARGET}/content?notice=cloned`);
		const sourcePages = await rowsOf("select id from pages where edition_id = ?", AINM_2023);
		const sourceTasks = await rowsOf("select id from checklist_tasks where edition_id = ?", AINM_2023);
		expect(await rowCounts(WIZARD_TARGET)).toEqual({
			...counts,
			pages: sourcePages.length,
			checklist_tasks: sourceTasks.length,
		});
		expect(await contentVersion(WIZARD_TARGET)).toBe(changed + 1);
	});

	it("shows the parts again with 400 when the posted version is not a version", async () => {
		const res = await postForm(`${setup}/apply`, { ...chosen, expectedContentVersion: "latest" }, chair.cookie);

		expect(res.status).toBe(400);
		expect(await res.text()).toContain(
			'<li><a href="#field-expectedContentVersion">Look at the preview again.</a></li>',
		);
	});
});

describe("POST /api/v1/editions/{id}/clone with expectedContentVersion", () => {
	const url = `/api/v1/editions/${API_TARGET}/clone`;
	const body = { sourceEditionId: AINM_2023, parts: ["sponsor_tiers"] };

	it("answers the version with the preview, refuses a stale one with 409 writing nothing, applies the current one", async () => {
		const version = await contentVersion(API_TARGET);
		const preview = await sendJson("POST", url, { ...body, preview: true }, { cookie: chair.cookie });
		expect(preview.status).toBe(200);
		const { data } = await preview.json<{ data: { contentVersion: number } }>();
		expect(data.contentVersion).toBe(version);

		await addSessionThroughApi(API_TARGET);
		const counts = await rowCounts(API_TARGET);

		const stale = await sendJson("POST", url, { ...body, expectedContentVersion: version }, { cookie: chair.cookie });

		expect(stale.status).toBe(409);
		const message = STALE("AINM 2043");
		expect(await stale.json()).toEqual({
			error: {
				code: "edition_changed",
				message,
				fields: { expectedContentVersion: message },
				requestId: expect.any(String),
			},
		});
		expect(await rowCounts(API_TARGET)).toEqual(counts);
		expect(await contentVersion(API_TARGET)).toBe(version + 1);

		// A preview ignores the version it is sent: it shows the edition as it is now.
		const again = await sendJson(
			"POST",
			url,
			{ ...body, preview: true, expectedContentVersion: version },
			{ cookie: chair.cookie },
		);
		expect(again.status).toBe(200);
		expect((await again.json<{ data: { contentVersion: number } }>()).data.contentVersion).toBe(version + 1);

		const applied = await sendJson(
			"POST",
			url,
			{ ...body, expectedContentVersion: version + 1 },
			{ cookie: chair.cookie },
		);

		expect(applied.status).toBe(201);
		expect(await applied.json()).toEqual({
			data: { sourceEditionId: AINM_2023, targetEditionId: API_TARGET, created: { sponsorTiers: 2 } },
		});
		expect(await rowCounts(API_TARGET)).toEqual({ ...counts, sponsor_tiers: 2 });
		expect(await contentVersion(API_TARGET)).toBe(version + 2);
	});

	it("answers 400 with the field for a version that is not a positive integer", async () => {
		for (const expectedContentVersion of [0, 1.5, "seven", -3]) {
			const res = await sendJson("POST", url, { ...body, expectedContentVersion }, { cookie: chair.cookie });
			expect(res.status).toBe(400);
			expect(await res.json()).toMatchObject({
				error: { fields: { expectedContentVersion: "Look at the preview again." } },
			});
		}
	});

	it("is described in the OpenAPI document", async () => {
		const doc = await (await request("/api/openapi.json")).json<{
			components: { schemas: Record<string, { properties: Record<string, { type?: string; description?: string }> }> };
		}>();
		// CloneApiRequest is CloneRequest (shared with the wizard's form) and `preview`.
		const field = doc.components.schemas.CloneRequest?.properties.expectedContentVersion;
		expect(field?.type).toBe("integer");
		expect(field?.description).toContain("Applying is refused with 409 (`edition_changed`)");
		expect(doc.components.schemas.ClonePreview?.properties.contentVersion?.type).toBe("integer");
	});
});

describe("a change landing between the apply's checks and its write", () => {
	it("is refused by the write batch itself against the previewed version (409, nothing written)", async () => {
		const version = await contentVersion(RACE_TARGET);
		const before = await rowCounts(RACE_TARGET);
		const observed = observedD1(env.DB, {
			beforeBatch: async () => {
				await env.DB.prepare("insert into sponsor_tiers (id, edition_id, name) values (?, ?, 'Added meanwhile')")
					.bind(newId(), RACE_TARGET)
					.run();
				await env.DB.prepare("update editions set content_version = content_version + 1 where id = ?")
					.bind(RACE_TARGET)
					.run();
			},
		});

		const raced = cloneEdition(createDatabase(observed.db), {
			sourceEditionId: AINM_2023,
			targetEditionId: RACE_TARGET,
			parts: ["pages"],
			expectedContentVersion: version,
		});

		await expect(raced).rejects.toMatchObject({ status: 409, code: "edition_changed", message: STALE("AINM 2045") });
		expect(observed.batches).toHaveLength(1);
		expect(await rowCounts(RACE_TARGET)).toEqual({ ...before, sponsor_tiers: 1 });
		expect(await contentVersion(RACE_TARGET)).toBe(version + 1);
	});
});
