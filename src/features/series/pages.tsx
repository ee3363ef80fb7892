import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { seriesConsolePages } from "./console-pages";
import { listSeriesDirectory } from "./series";
import { loadSeriesPage } from "./series-page";
import { DirectoryPage, SeriesPage } from "./views";

/** Public pages (the platform directory and each series page) and the series' console pages. */
export const seriesPages = new Hono<AppEnv>()
	.get("/", async (c) => c.html(<DirectoryPage directory={await listSeriesDirectory(c.var.db)} />))
	.get("/s/:series", async (c) => {
		const data = await loadSeriesPage(c.var.db, c.req.param("series"));
		if (!data) throw notFound("This series");
		return c.html(<SeriesPage data={data} now={new Date()} />);
	})
	.route("/", seriesConsolePages);
