/**
 * What you previewed is what you apply, for templates: the wizard's preview carries the edition's
 * content version in its Apply form and the API's dry run answers it; when the edition changes
 * after the preview, applying with that version is refused (409) with the way back to a fresh
 * preview, and nothing is written (no rows replaced, no use recorded). The current version applies.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { writeEditionContent } from "../../../src/db/content-version";
import { checklistTasks } from "../../../src/db/schema";
import { newId } from "../../../src/lib/ids";
import { createTestUser, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember } from "../../fixtures";
import { formHtml, hiddenFields, request, testDb } from "../../helpers";
import { contentVersion, createEdition, rowCounts, rowsOf } from "../cloning/helpers";
import { seedWithTemplates } from "./helpers";

const WIZARD_EDITION = "stale-tpl-wizard-2047";
const API_EDITION = "stale-tpl-api-2049";
const AINM_TEMPLATE = "seed-template-ainm-symposium";
const setup = `/console/editions/${WIZARD_EDITION}/setup`;

let chair: TestUser;

/** Someone else's edit of the edition: a checklist task written as every content write is. */
async function addTaskMeanwhile(editionId: string) {
	const db = testDb();
	await writeEditionContent(db, editionId, [
		db.insert(checklistTasks).values({ id: newId(), editionId, title: "Added meanwhile", dueOffsetDays: -10 }),
	]);
}

const uses = (editionId: string) => rowsOf("select version, parts from template_uses where edition_id = ?", editionId);
const tasks = (editionId: string) =>
	rowsOf("select title from checklist_tasks where edition_id = ? order by title", editionId);

const STALE = (name: string) =>
	`${name} changed since you previewed it (another clone or an edit): look at the preview again.`;

beforeAll(async () => {
	await seedWithTemplates();
	chair = await createTestUser("chair");
	for (const [id, year, start, end] of [
		[WIZARD_EDITION, 2047, "2047-10-07", "2047-10-09"],
		[API_EDITION, 2049, "2049-10-04", "2049-10-06"],
	] as const) {
		await createEdition({ id, year, start, end });
		await addCommitteeMember({ editionId: id, user: chair, role: "chair" });
	}
});

describe("the template wizard after someone changed the edition since the preview", () => {
	const chosen = { template: AINM_TEMPLATE, version: "1", "part.checklist": "on" };

	it("refuses the apply with 409 and the way back to the preview, writes nothing, then applies a fresh preview", async () => {
		const previewed = await contentVersion(WIZARD_EDITION);
		const preview = await postForm(`${setup}/template/preview`, chosen, chair.cookie);
		expect(preview.status).toBe(200);
		const fields = hiddenFields(await preview.text(), `${setup}/template/apply`);
		expect(fields).toEqual({ ...chosen, expectedContentVersion: String(previewed) });

		await addTaskMeanwhile(WIZARD_EDITION);
		const counts = await rowCounts(WIZARD_EDITION);
		const changed = await contentVersion(WIZARD_EDITION);
		expect(changed).toBe(previewed + 1);

		const refused = await postForm(`${setup}/template/apply`, fields, chair.cookie);

		expect(refused.status).toBe(409);
		const page = await refused.text();
		const message = STALE("AINM 2047");
		expect(page).toContain(`<li><a href="#field-expectedContentVersion">${message}</a></li>`);
		// The parts step again, inside its form (which posts to the preview) with the choices kept.
		const form = formHtml(page, `${setup}/template/preview`);
		expect(form).toContain(
			`<p class="field-error" id="field-expectedContentVersion" tabindex="-1">${message}</p><button type="submit">Look at the preview again</button>`,
		);
		expect(form).toMatch(/<input id="field-part.checklist" type="checkbox" name="part.checklist" checked=""/);
		expect(hiddenFields(page, `${setup}/template/preview`)).toEqual({ template: AINM_TEMPLATE, version: "1" });
		// Nothing written: the task added meanwhile is still the only one, and no use is recorded.
		expect(await rowCounts(WIZARD_EDITION)).toEqual(counts);
		expect(await tasks(WIZARD_EDITION)).toEqual([{ title: "Added meanwhile" }]);
		expect(await uses(WIZARD_EDITION)).toEqual([]);
		expect(await contentVersion(WIZARD_EDITION)).toBe(changed);

		// "Look at the preview again": the preview now lists the task added meanwhile among what is replaced.
		const again = await postForm(`${setup}/template/preview`, chosen, chair.cookie);
		expect(again.status).toBe(200);
		const againHtml = await again.text();
		expect(againHtml.replace(/\s+/g, " ")).toContain("<p>Now:</p><ul><li>Added meanwhile</li></ul>");
		const fresh = hiddenFields(againHtml, `${setup}/template/apply`);
		expect(fresh).toEqual({ ...chosen, expectedContentVersion: String(changed) });

		const applied = await postForm(`${setup}/template/apply`, fresh, chair.cookie);

		expect(applied.status).toBe(303);
		expect(applied.headers.get("Location")).toBe(`/console/editions/${WIZARD_EDITION}/content?notice=template_applied`);
		expect(await uses(WIZARD_EDITION)).toEqual([{ version: 1, parts: '["checklist"]' }]);
		expect(await tasks(WIZARD_EDITION)).not.toContainEqual({ title: "Added meanwhile" });
		expect(await contentVersion(WIZARD_EDITION)).toBe(changed + 1);
	});
});

describe("POST /api/v1/editions/{id}/apply-template with expectedContentVersion", () => {
	const url = `/api/v1/editions/${API_EDITION}/apply-template`;
	const body = { template: AINM_TEMPLATE, version: 1, parts: ["sponsor_tiers"] };

	it("answers the version with the dry run, refuses a stale one with 409 writing nothing, applies the current one", async () => {
		const version = await contentVersion(API_EDITION);
		const dryRun = await sendJson("POST", `${url}?dryRun=1`, body, { cookie: chair.cookie });
		expect(dryRun.status).toBe(200);
		expect((await dryRun.json<{ data: { contentVersion: number } }>()).data.contentVersion).toBe(version);

		await addTaskMeanwhile(API_EDITION);
		const counts = await rowCounts(API_EDITION);

		const stale = await sendJson("POST", url, { ...body, expectedContentVersion: version }, { cookie: chair.cookie });

		expect(stale.status).toBe(409);
		const message = STALE("AINM 2049");
		expect(await stale.json()).toEqual({
			error: {
				code: "edition_changed",
				message,
				fields: { expectedContentVersion: message },
				requestId: expect.any(String),
			},
		});
		expect(await rowCounts(API_EDITION)).toEqual(counts);
		expect(await uses(API_EDITION)).toEqual([]);
		expect(await contentVersion(API_EDITION)).toBe(version + 1);

		const applied = await sendJson(
			"POST",
			url,
			{ ...body, expectedContentVersion: version + 1 },
			{ cookie: chair.cookie },
		);

		expect(applied.status).toBe(201);
		const { data } = await applied.json<{ data: { parts: string[]; removed: Record<string, number> } }>();
		expect(data.parts).toEqual(["sponsor_tiers"]);
		expect(data.removed).toEqual({});
		const created = await rowsOf("select id from sponsor_tiers where edition_id = ?", API_EDITION);
		expect(created.length).toBeGreaterThan(0);
		expect(await rowCounts(API_EDITION)).toEqual({ ...counts, sponsor_tiers: created.length });
		expect(await uses(API_EDITION)).toEqual([{ version: 1, parts: '["sponsor_tiers"]' }]);
		expect(await contentVersion(API_EDITION)).toBe(version + 2);
	});

	it("is described in the OpenAPI document", async () => {
		const doc = await (await request("/api/openapi.json")).json<{
			components: { schemas: Record<string, { properties: Record<string, { type?: string; description?: string }> }> };
		}>();
		const field = doc.components.schemas.ApplyTemplateRequest?.properties.expectedContentVersion;
		expect(field?.type).toBe("integer");
		expect(field?.description).toContain("Applying is refused with 409 (`edition_changed`)");
		expect(doc.components.schemas.TemplatePreview?.properties.contentVersion?.type).toBe("integer");
	});
});
