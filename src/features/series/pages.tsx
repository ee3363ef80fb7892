import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { findSeriesWithEditions, listSeriesDirectory } from "./series";
import { DirectoryPage, SeriesPage } from "./views";

/** Public pages: the platform directory and each series page. */
export const seriesPages = new Hono<AppEnv>()
	.get("/", async (c) => c.html(<DirectoryPage directory={await listSeriesDirectory(c.var.db)} />))
	.get("/s/:series", async (c) => {
		const found = await findSeriesWithEditions(c.var.db, c.req.param("series"));
		if (!found) throw notFound("This series");
		return c.html(<SeriesPage {...found} />);
	});
