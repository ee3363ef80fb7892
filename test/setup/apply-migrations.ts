import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { emptyDatabase } from "../empty-database";

// Runs before every test file. Safe to run again: applyD1Migrations records what it applied in
// the d1_migrations table and skips those, exactly as `wrangler d1 migrations apply` does.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

// Test files share one workerd (and its D1) per test worker rather than paying a fresh runtime
// each: every file starts from empty tables, as a fresh database would give it.
await emptyDatabase();
