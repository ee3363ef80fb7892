/**
 * The guard that makes a timed job's mark-and-mail batch all-or-nothing against a second run: it
 * fails the whole batch (nothing of it lands) unless its condition holds when the batch runs.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { batchOnce, doneMeanwhile, stillUndone } from "../../src/jobs/once";
import { outboxInserts } from "../../src/lib/mailer";
import { mailsTo } from "../auth-helpers";
import { freshEmail } from "../features/invitations/helpers";
import { testDb } from "../helpers";

describe("stillUndone", () => {
	it("lets the batch land while the work is undone", async () => {
		const db = testDb();
		const to = freshEmail("undone");
		const [mail] = outboxInserts(db, [{ to, subject: "Once", text: "Body" }]).statements;
		if (!mail) throw new Error("no statement");

		await db.batch([stillUndone(db, sql`1 = 1`), mail]);

		expect((await mailsTo(to)).map((m) => m.subject)).toEqual(["Once"]);
	});

	it("fails the whole batch, recognisably, once another run did the work", async () => {
		const db = testDb();
		const to = freshEmail("done");
		const [mail] = outboxInserts(db, [{ to, subject: "Twice", text: "Body" }]).statements;
		if (!mail) throw new Error("no statement");

		const error = await db.batch([mail, stillUndone(db, sql`1 = 0`)]).catch((e: unknown) => e);

		expect(doneMeanwhile(error)).toBe(true);
		expect(await mailsTo(to)).toEqual([]);
		expect(doneMeanwhile(new Error("UNIQUE constraint failed: outbox.id"))).toBe(false);
	});
});

describe("batchOnce", () => {
	it("says whether the batch was written: yes while undone, no (and nothing written) once done", async () => {
		const db = testDb();
		const [first, second] = [freshEmail("once-a"), freshEmail("once-b")];
		const mail = (to: string) => outboxInserts(db, [{ to, subject: "Once", text: "Body" }]).statements;

		const written = await batchOnce(db, [stillUndone(db, sql`1 = 1`), ...mail(first)]);
		const again = await batchOnce(db, [stillUndone(db, sql`1 = 0`), ...mail(second)]);

		expect([written, again]).toEqual([true, false]);
		expect(await mailsTo(first)).toHaveLength(1);
		expect(await mailsTo(second)).toEqual([]);
	});

	it("throws any other failure", async () => {
		const db = testDb();
		const [mail] = outboxInserts(db, [{ to: freshEmail("dup"), subject: "Dup", text: "Body" }]).statements;
		if (!mail) throw new Error("no statement");

		await expect(batchOnce(db, [stillUndone(db, sql`1 = 1`), mail, mail])).rejects.toThrow(/UNIQUE/);
	});
});
