import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

// Runs before every test file. Safe to run again: applyD1Migrations records what it applied in
// the d1_migrations table and skips those, exactly as `wrangler d1 migrations apply` does.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

// Test files share one workerd (and its D1) per test worker rather than paying a fresh runtime
// each: every file starts from empty tables, as a fresh database would give it. FTS5 shadow
// tables follow their virtual table (and the notes' triggers); the foreign-key check waits for
// the end of the batch, so the order of the deletes does not matter.
const { results } = await env.DB.prepare(
	"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name not like 'd1_%' and name not like '%_fts_%'",
).all<{ name: string }>();
// The audit log's append-only triggers refuse the delete: they are dropped and made again from
// their own stored SQL in the same batch (so no copy of them lives here).
const { results: triggers } = await env.DB.prepare(
	"select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_entries'",
).all<{ name: string; sql: string }>();
await env.DB.batch([
	env.DB.prepare("pragma defer_foreign_keys = on"),
	...triggers.map(({ name }) => env.DB.prepare(`drop trigger "${name}"`)),
	...results.map(({ name }) => env.DB.prepare(`delete from "${name}"`)),
	...triggers.map(({ sql }) => env.DB.prepare(sql)),
]);
