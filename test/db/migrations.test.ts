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
		expect(tables.results.map((r) => r.name).sort()).toEqual(expected.sort());
		expect(expected).toContain("editions");
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
