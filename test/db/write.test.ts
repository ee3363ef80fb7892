import { env } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/client";
import { failedWith, writeEditionContent } from "../../src/db/content-version";
import { auditEntries, institutions, rooms, series, sessions } from "../../src/db/schema";
import { actAs, anonymiseAuditEntries, commit } from "../../src/db/write";
import { guardWrites } from "../../src/db/write-guard";
import { newId } from "../../src/lib/ids";
import { insertEdition } from "../fixtures";
import { testDb } from "../helpers";

const entriesOf = (targetId: string) =>
	testDb().select().from(auditEntries).where(eq(auditEntries.targetId, targetId)).orderBy(auditEntries.action);

async function seriesWithEdition() {
	const institutionId = newId();
	const seriesId = newId();
	await testDb()
		.insert(institutions)
		.values({ id: institutionId, slug: `i-${institutionId}`, name: "UMCG", country: "NL" });
	await testDb()
		.insert(series)
		.values({ id: seriesId, slug: `s-${seriesId}`, name: "Series", shortName: "S", institutionId });
	const edition = await insertEdition({
		seriesId,
		year: 2031,
		startDate: "2031-10-06",
		endDate: "2031-10-08",
		hostInstitutionId: institutionId,
	});
	return { institutionId, seriesId, edition };
}

describe("commit", () => {
	it("writes the change and its entry in one batch, as the bound actor, with the changed fields only", async () => {
		const { institutionId } = await seriesWithEdition();
		const db = actAs(createDatabase(env.DB), { kind: "account", id: "acct-1" });
		const before = { name: "UMCG", city: "" };
		const after = { name: "UMC Groningen", city: "" };

		const [[updated]] = await commit(
			db,
			[{ action: "institution.institution.updated", id: institutionId, institutionId, before, after }],
			[db.update(institutions).set(after).where(eq(institutions.id, institutionId)).returning()],
		);

		expect(updated?.name).toBe("UMC Groningen");
		const [entry] = await entriesOf(institutionId);
		expect(entry).toMatchObject({
			actorId: "acct-1",
			actorKind: "account",
			institutionId,
			editionId: null,
			action: "institution.institution.updated",
			targetType: "institution.institution",
			summary: '{"before":{"name":"UMCG"},"after":{"name":"UMC Groningen"}}',
		});
	});

	it("files an edition's entry under its series and host institution too, and names a system actor", async () => {
		const { institutionId, seriesId, edition } = await seriesWithEdition();
		const db = actAs(createDatabase(env.DB), { kind: "system", name: "job:test" });
		const room = { id: newId(), editionId: edition.id, name: "Aula" };

		await writeEditionContent(
			db,
			edition.id,
			[db.insert(rooms).values(room)],
			[{ action: "content.item.created", id: room.id, after: { name: "Aula" } }],
		);

		const [entry] = await entriesOf(room.id);
		expect(entry).toMatchObject({
			actorId: null,
			actorKind: "job:test",
			editionId: edition.id,
			seriesId,
			institutionId,
		});
	});

	it("writes no entry for a guarded write that changed nothing", async () => {
		const { edition } = await seriesWithEdition();
		const db = createDatabase(env.DB);
		const missing = newId();

		const [rows] = await commit(
			db,
			[{ action: "program.session.deleted", id: missing, editionId: edition.id, of: 0 }],
			[db.delete(sessions).where(eq(sessions.id, missing)).returning()],
		);

		expect(rows).toEqual([]);
		expect(await entriesOf(missing)).toEqual([]);

		const session = {
			id: newId(),
			editionId: edition.id,
			seq: 1,
			guid: newId(),
			kind: "plenary" as const,
			title: "Opening",
			day: 1,
			startTime: "09:00",
			durationMinutes: 30,
		};
		await testDb()
			.insert(sessions)
			.values(session as typeof sessions.$inferInsert);
		await commit(
			db,
			[{ action: "program.session.deleted", id: session.id, editionId: edition.id, of: 0 }],
			[db.delete(sessions).where(eq(sessions.id, session.id)).returning()],
		);
		expect((await entriesOf(session.id)).map((e) => e.action)).toEqual(["program.session.deleted"]);
	});

	it("refuses a write that is not operational without a change, and writes nothing", async () => {
		const { institutionId } = await seriesWithEdition();
		const db = createDatabase(env.DB);

		await expect(
			commit(db, [], [db.update(institutions).set({ name: "X" }).where(eq(institutions.id, institutionId))]),
		).rejects.toThrow("write to institutions (name) without an audit entry");
		const [row] = await testDb().select().from(institutions).where(eq(institutions.id, institutionId));
		expect(row?.name).toBe("UMCG");
	});
});

describe("the audit log", () => {
	it("refuses updates and deletes of its entries", async () => {
		const { institutionId } = await seriesWithEdition();
		const db = createDatabase(env.DB);
		await commit(
			db,
			[{ action: "institution.institution.updated", id: institutionId, institutionId }],
			[db.update(institutions).set({ city: "Groningen" }).where(eq(institutions.id, institutionId))],
		);

		await expect(
			env.DB.prepare("update audit_entries set action = 'x' where target_id = ?").bind(institutionId).run(),
		).rejects.toThrow("append-only");
		await expect(
			env.DB.prepare("delete from audit_entries where target_id = ?").bind(institutionId).run(),
		).rejects.toThrow("append-only");
		expect(await entriesOf(institutionId)).toHaveLength(1);
	});

	it("anonymises one account's entries: personal fields and actor id go, what happened stays", async () => {
		const { institutionId } = await seriesWithEdition();
		const db = actAs(createDatabase(env.DB), { kind: "account", id: "acct-gone" });
		const personal = { accountId: "acct-gone", fields: { name: "Ada Lovelace", email: "ada@example.org" } };
		const other = { accountId: "acct-stays", fields: { name: "Grace Hopper" } };
		await commit(
			db,
			[
				{ action: "institution.member.added", id: "acct-gone", institutionId, personal },
				{ action: "institution.member.added", id: "acct-stays", institutionId, personal: other },
			],
			[db.update(institutions).set({ city: "Groningen" }).where(eq(institutions.id, institutionId))],
		);

		await anonymiseAuditEntries(db, "acct-gone");

		const rows = await testDb()
			.select({ targetId: auditEntries.targetId, actorId: auditEntries.actorId, personal: auditEntries.personal })
			.from(auditEntries)
			.where(eq(auditEntries.institutionId, institutionId))
			.orderBy(auditEntries.targetId);
		expect(rows).toEqual([
			{ targetId: "acct-gone", actorId: null, personal: null },
			{ targetId: "acct-stays", actorId: null, personal: '{"name":"Grace Hopper"}' },
		]);
	});
});

describe("the Worker's guarded D1", () => {
	it("refuses a write sent around the kernel and lets the kernel's and reads through", async () => {
		const { institutionId } = await seriesWithEdition();
		const db = createDatabase(guardWrites(env.DB));

		const refused = (error: unknown) => failedWith(error, "write outside the write kernel");
		await expect(
			db.update(institutions).set({ name: "X" }).where(eq(institutions.id, institutionId)),
		).rejects.toSatisfy(refused);
		await expect(
			db.batch([db.update(institutions).set({ name: "X" }).where(eq(institutions.id, institutionId))]),
		).rejects.toSatisfy(refused);
		await commit(
			db,
			[{ action: "institution.institution.updated", id: institutionId, institutionId }],
			[db.update(institutions).set({ name: "Y" }).where(eq(institutions.id, institutionId))],
		);
		const [row] = await db.select().from(institutions).where(eq(institutions.id, institutionId));
		expect(row?.name).toBe("Y");
		expect(
			await db.select({ n: sql<number>`count(*)` }).from(auditEntries).where(eq(auditEntries.targetId, institutionId)),
		).toEqual([{ n: 1 }]);
	});
});
