/**
 * What the audit log says about edition content: a program session and a content item each leave an
 * entry naming what changed (action, target, the changed fields), by the account that changed it.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember, insertEdition } from "../../fixtures";
import { createFollowableSeries } from "../following/helpers";

let editionId = "";
let chair: TestUser;

interface Entry {
	action: string;
	actor_id: string | null;
	target_type: string;
	edition_id: string | null;
	series_id: string | null;
	summary: string;
}

const entriesOf = async (targetId: string) =>
	(
		await env.DB.prepare(
			"select action, actor_id, target_type, edition_id, series_id, summary from audit_entries where target_id = ? order by at, rowid",
		)
			.bind(targetId)
			.all<Entry>()
	).results.map((e) => ({ ...e, summary: JSON.parse(e.summary) as unknown }));

beforeAll(async () => {
	const series = await createFollowableSeries("audit-content");
	editionId = (await insertEdition({ seriesId: series.id, year: 2044, startDate: "2044-05-02", endDate: "2044-05-03" }))
		.id;
	chair = await createTestUser("audit-content-chair");
	await addCommitteeMember({ editionId, user: chair, role: "chair" });
});

describe("edition content in the audit log", () => {
	it("records a room created, renamed and removed, each with its collection and changed fields", async () => {
		const path = `/api/v1/editions/${editionId}/rooms`;
		const created = await sendJson("POST", path, { name: "Hall A" }, { cookie: chair.cookie });
		expect(created.status).toBe(201);
		const { data } = await created.json<{ data: { id: string } }>();
		expect((await sendJson("PATCH", `${path}/${data.id}`, { name: "Aula" }, { cookie: chair.cookie })).status).toBe(
			200,
		);
		expect((await sendJson("DELETE", `${path}/${data.id}`, undefined, { cookie: chair.cookie })).status).toBe(204);

		const entries = await entriesOf(data.id);
		expect(entries.map((e) => [e.action, e.actor_id, e.target_type, e.edition_id])).toEqual([
			["content.item.created", chair.id, "content.item", editionId],
			["content.item.updated", chair.id, "content.item", editionId],
			["content.item.deleted", chair.id, "content.item", editionId],
		]);
		expect(entries[0]?.summary).toMatchObject({ after: { collection: "rooms", name: "Hall A" } });
		expect(entries[1]?.summary).toEqual({ before: { name: "Hall A" }, after: { collection: "rooms", name: "Aula" } });
		expect(entries[2]?.summary).toMatchObject({ before: { collection: "rooms", name: "Aula" } });
	});

	it("records a session created and retitled, with only the changed field in the update", async () => {
		const path = `/api/v1/editions/${editionId}/sessions`;
		const body = { kind: "plenary", title: "Opening", day: 1, startTime: "09:00", durationMinutes: 30 };
		const created = await sendJson("POST", path, body, { cookie: chair.cookie });
		expect(created.status).toBe(201);
		const { data } = await created.json<{ data: { id: string } }>();
		const retitled = await sendJson("PATCH", `${path}/${data.id}`, { title: "Welcome" }, { cookie: chair.cookie });
		expect(retitled.status).toBe(200);

		const entries = await entriesOf(data.id);
		expect(entries.map((e) => e.action)).toEqual(["program.session.created", "program.session.updated"]);
		expect(entries[0]?.summary).toMatchObject({ after: { title: "Opening", day: 1, startTime: "09:00" } });
		expect(entries[1]?.summary).toEqual({ before: { title: "Opening" }, after: { title: "Welcome" } });
	});
});
