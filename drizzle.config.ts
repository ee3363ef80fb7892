import { defineConfig } from "drizzle-kit";

// Migrations are generated from src/db/schema.ts into migrations/, where wrangler applies them
// (`wrangler d1 migrations apply`) to local and remote D1; read each one before committing it.
export default defineConfig({
	dialect: "sqlite",
	schema: "./src/db/schema.ts",
	out: "./migrations",
});
