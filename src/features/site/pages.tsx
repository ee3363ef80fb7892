import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { loadEditionHome } from "./edition-home";
import { resolvePublicEdition } from "./tenant";
import { EditionHomePage } from "./views";

/** The public edition subsite under `/s/{series}/{year}`. */
export const sitePages = new Hono<AppEnv>().get("/s/:series/:year", async (c) => {
	const tenant = await resolvePublicEdition(c.var.db, c.req.param("series"), c.req.param("year"));
	if (!tenant) throw notFound("This edition");
	const home = await loadEditionHome(c.var.db, tenant.edition);
	return c.html(<EditionHomePage {...tenant} home={home} />);
});
