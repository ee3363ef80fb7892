import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

/** Builds the drizzle client every feature function receives. */
export function createDatabase(d1: D1Database) {
	return drizzle(d1, { schema });
}

export type Database = ReturnType<typeof createDatabase>;
