/**
 * The edition's console home as a committee finds its way from it: the template library in the
 * console's navigation, "Apply a template" and "Publish a template" for those who may, the series'
 * handover notes beside the dossier; and a number of D1 statements that does not grow with what
 * the series holds (no query per note, template or task).
 */

import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../../src/auth/sessions";
import { newId } from "../../../src/lib/ids";
import { createTestUser, getAs, type TestUser } from "../../auth-helpers";
import { addCommitteeMember } from "../../fixtures";
import { queryCount, seed, testDb } from "../../helpers";
import { AINM_2023, createEdition } from "../cloning/helpers";
import { insertNote } from "../handover/helpers";

const NEXT = "dashboard-ainm-2027";
const content = (editionId: string) => `/console/editions/${editionId}/content`;

let chair: string;
let reviewer: TestUser;

beforeAll(async () => {
	await seed();
	chair = `${SESSION_COOKIE}=${await createSession(testDb(), "seed-user-chair")}`;
	reviewer = await createTestUser("reviewer");
	await createEdition({ id: NEXT, year: 2027, start: "2027-10-04", end: "2027-10-06" });
	await env.DB.prepare("insert into edition_members (edition_id, user_id, role) values (?, 'seed-user-chair', 'chair')")
		.bind(NEXT)
		.run();
	await addCommitteeMember({ editionId: NEXT, user: reviewer, role: "reviewer" });
});

describe("the edition's console home", () => {
	it("links the template library, applying and publishing a template, and the series' handover notes", async () => {
		const res = await getAs(content(NEXT), chair);
		const html = await res.text();

		expect(res.status).toBe(200);
		expect(html).toContain('<a href="/console/templates">Templates</a>');
		expect(html).toContain(`<a href="/console/editions/${NEXT}/setup?start=template">Apply a template</a>`);
		expect(html).toContain(`<a href="/console/editions/${NEXT}/publish-template">Publish a template</a>`);
		expect(html).toContain('<a href="/console/series/ainm/handover">search every AINM handover note</a>');
	});

	it("offers a reviewer neither applying nor publishing", async () => {
		const html = await (await getAs(content(NEXT), reviewer.cookie)).text();

		expect(html).toContain('<a href="/console/templates">Templates</a>');
		expect(html).not.toContain("Apply a template");
		expect(html).not.toContain("Publish a template");
	});

	it("opens the setup wizard with a template chosen from “Apply a template”", async () => {
		const html = await (await getAs(`/console/editions/${NEXT}/setup?start=template`, chair)).text();

		expect(html).toMatch(/<input id="start-template" type="radio" name="start" value="template" checked=""/);
		expect(html).toMatch(/<input id="start-previous" type="radio" name="start" value="previous" aria-describedby/);
	});

	it("takes the same number of D1 statements however many notes, tasks and template uses there are", async () => {
		const before = queryCount(await getAs(content(NEXT), chair));
		const statements = [];
		for (let i = 0; i < 20; i++) {
			await insertNote({ seriesId: "seed-series-ainm", editionId: AINM_2023, title: `Dashboard note ${i}` });
			statements.push(
				env.DB.prepare("insert into checklist_tasks (id, edition_id, title, due_offset_days) values (?, ?, ?, ?)").bind(
					newId(),
					NEXT,
					`Dashboard task ${i}`,
					-i,
				),
				env.DB.prepare(
					"insert into template_uses (id, edition_id, template_id, version, parts) values (?, ?, 'builtin:biennial-academic-symposium', 1, '[\"checklist\"]')",
				).bind(newId(), NEXT),
			);
		}
		await env.DB.batch(statements);

		const after = await getAs(content(NEXT), chair);

		expect(after.status).toBe(200);
		expect(await after.text()).toContain("unread");
		expect(queryCount(after)).toBe(before);
		// The facts' batch of five and the registration figures' one (issue 19) among them; none per note, task or use.
		expect(before).toBe(12);
	});
});
