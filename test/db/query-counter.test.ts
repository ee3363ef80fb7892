import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countQueries } from "../../src/db/query-counter";

describe("countQueries", () => {
	it("counts each executed statement once, however it is run", async () => {
		const { db, counter } = countQueries(env.DB);
		await db.prepare("select 1").first();
		await db.prepare("select ?").bind(2).all();
		await db.prepare("select ?").bind(3).raw();
		expect(counter.count).toBe(3);
	});

	it("counts a batch by its statements and still runs it as one atomic batch", async () => {
		const { db, counter } = countQueries(env.DB);
		await db.exec("create table if not exists counted (n integer primary key)");
		const before = counter.count;
		await expect(
			db.batch([
				db.prepare("insert into counted (n) values (?)").bind(1),
				db.prepare("insert into counted (n) values (?)").bind(1),
			]),
		).rejects.toThrow(/UNIQUE/);
		expect(counter.count - before).toBe(2);
		// The first insert was rolled back with the failing second one.
		const rows = await env.DB.prepare("select count(*) as n from counted").first<{ n: number }>();
		expect(rows?.n).toBe(0);
		// Test files share their worker's database: leave no table the schema does not have.
		await env.DB.exec("drop table counted");
	});

	it("does not count preparing or binding a statement that never runs", () => {
		const { db, counter } = countQueries(env.DB);
		db.prepare("select 1").bind();
		expect(counter.count).toBe(0);
	});
});
