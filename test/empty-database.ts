import { env } from "cloudflare:workers";

/**
 * Empties every table in one batch, as a fresh database would be: every test file starts here
 * (setup/apply-migrations.ts), and a file whose checks read the whole database (the matrix's
 * digest) starts each world here so the digest reads one world, not every world made before it.
 * FTS5 shadow tables follow their virtual table (and the notes' triggers); the foreign-key check
 * waits for the end of the batch, so the order of the deletes does not matter.
 */
export async function emptyDatabase(): Promise<void> {
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
}
