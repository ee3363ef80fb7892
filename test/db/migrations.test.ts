import { env } from "cloudflare:workers";
import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../src/db/schema";

describe("migrations", () => {
	it("apply every generated migration to an empty D1 and record each once", async () => {
		const applied = await env.DB.prepare("select name from d1_migrations order by id").all<{ name: string }>();
		expect(applied.results.map((r) => r.name)).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
	});

	it("create exactly the tables of the drizzle schema", async () => {
		const expected = Object.values(schema)
			.filter((value) => is(value, SQLiteTable))
			.map((table) => getTableName(table));
		const tables = await env.DB.prepare(
			"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name != 'd1_migrations'",
		).all<{ name: string }>();
		// The hand-written search migration adds one FTS5 table (and the shadow tables FTS5 keeps).
		const fts = tables.results.map((r) => r.name).filter((name) => name.startsWith("handover_notes_fts"));
		expect(fts).toContain("handover_notes_fts");
		const drizzleTables = tables.results.map((r) => r.name).filter((name) => !fts.includes(name));
		expect(drizzleTables.sort()).toEqual(expected.sort());
		expect(expected).toContain("editions");
	});

	it("keep the handover search index in step with the notes (insert, update, delete)", async () => {
		await env.DB.batch([
			env.DB.prepare(
				"insert into series (id, slug, name, short_name) values ('s-fts', 'fts-demo', 'Search series', 'SS')",
			),
			env.DB.prepare(
				"insert into editions (id, series_id, year, name, start_date, end_date, time_zone) values ('e-fts', 's-fts', 2025, 'DS 2025', '2025-05-01', '2025-05-02', 'UTC')",
			),
			env.DB.prepare(
				"insert into handover_notes (id, series_id, edition_id, topic, title, body) values ('n1', 's-fts', 'e-fts', 'registration_badges', 'Student tickets', 'The student ticket sold out in a week.')",
			),
		]);
		const search = (term: string) =>
			env.DB.prepare("select note_id from handover_notes_fts where handover_notes_fts match ?")
				.bind(term)
				.all<{ note_id: string }>()
				.then((r) => r.results.map((row) => row.note_id));
		expect(await search("sold")).toEqual(["n1"]);
		await env.DB.prepare("update handover_notes set body = 'Badges were printed on site.' where id = 'n1'").run();
		expect(await search("sold")).toEqual([]);
		expect(await search("badges")).toEqual(["n1"]);
		await env.DB.prepare("delete from handover_notes where id = 'n1'").run();
		expect(await search("badges")).toEqual([]);
	});

	it("enforce one edition per series and year", async () => {
		await env.DB.batch([
			env.DB.prepare("insert into series (id, slug, name, short_name) values ('s1', 'demo', 'Demo series', 'DS')"),
			env.DB.prepare(
				"insert into editions (id, series_id, year, name, start_date, end_date, time_zone) values ('e1', 's1', 2025, 'DS 2025', '2025-05-01', '2025-05-02', 'UTC')",
			),
		]);
		await expect(
			env.DB.prepare(
				"insert into editions (id, series_id, year, name, start_date, end_date, time_zone) values ('e2', 's1', 2025, 'Copy', '2025-05-01', '2025-05-02', 'UTC')",
			).run(),
		).rejects.toThrow(/UNIQUE/);
	});
});
