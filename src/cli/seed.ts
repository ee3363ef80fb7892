/**
 * `npm run seed [-- --persist-to DIR]`: loads the demo data into the local D1 that
 * `wrangler dev` uses (or into DIR, wrangler's --persist-to layout). Runs in Node through
 * wrangler's platform proxy: the same local SQLite file, no HTTP endpoint needed.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { getPlatformProxy } from "wrangler";
import { createDatabase } from "../db/client";
import type { Bindings } from "../env";
import { DEMO_PASSWORD } from "./seed/demo-accounts";
import { seedDemo } from "./seed/seed";

const { values } = parseArgs({ options: { "persist-to": { type: "string" } } });
const persistTo = values["persist-to"];

const proxy = await getPlatformProxy<Bindings>({
	// The development environment of wrangler.toml, as `npm run dev` and `npm run db:migrate` use:
	// the same D1 binding and so the same local file (the top level is production).
	environment: "dev",
	// wrangler's --persist-to DIR keeps its state under DIR/v3.
	persist: persistTo ? { path: join(persistTo, "v3") } : true,
	remoteBindings: false,
});
try {
	await seedDemo(createDatabase(proxy.env.DB));
	console.log(
		`Demo data loaded: the AINM series and its 2023 edition (/s/ainm/2023), the made-up demo series dated from today (/s/demo: register on its next edition), and demo accounts steward|chair|organizer|reviewer|mentor|attendee|host@baton.test with the password ${DEMO_PASSWORD} (local only).`,
	);
} finally {
	await proxy.dispose();
}
