/**
 * Public routes of following a series, on the main host only: the form post, "check your inbox",
 * and the confirmation and unsubscribe links. Mail scanners open links, so a GET only shows a
 * button; the POST acts. The unsubscribe POST also takes a bare POST with the token in the query
 * (RFC 8058 one-click, as a mail client sends it). Nothing here may be cached: the answers carry
 * secrets or depend on one.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { Series } from "../../db/schema";
import { findSeriesBySlug } from "../../domain/series";
import type { AppEnv } from "../../env";
import { AppError, notFound } from "../../lib/errors";
import { scheduleDelivery } from "../../lib/mailer";
import { mainOrigin } from "../../lib/main-origin";
import { followPath, followSentPath } from "../../urls";
import { handleFormPost } from "../../views/form-flow";
import { ConfirmLinkPage, clientIp, EmailSchema, LinkProblemPage } from "../accounts";
import {
	checkFollowToken,
	confirmFollower,
	confirmFollowPath,
	followSeries,
	throttleFollow,
	unfollowPath,
	unfollowSeries,
} from "./followers";
import { FollowMessagePage, FollowPage, FollowSentPage } from "./views";

type Ctx = Context<AppEnv>;

const FollowSchema = z.object({ email: EmailSchema });

/** Not cacheable, and only on the main host: a custom host serves an edition's subsite, nothing else. */
const publicFlow: MiddlewareHandler<AppEnv> = async (c, next) => {
	if (new URL(c.req.url).hostname !== c.env.MAIN_HOST) throw notFound();
	await next();
	c.header("Cache-Control", "no-store");
};

async function seriesOf(c: Ctx): Promise<Series> {
	const found = await findSeriesBySlug(c.var.db, c.req.param("series") ?? "");
	if (!found) throw notFound("This series");
	return found;
}

/** The token of a link: in the query (as mailed, and as a one-click POST sends it) or a posted field. */
async function tokenOf(c: Ctx): Promise<string> {
	const fromQuery = c.req.query("token");
	if (fromQuery) return fromQuery;
	const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
	return typeof body.token === "string" ? body.token : "";
}

const LINK_PROBLEM =
	"This link does not work: it is incomplete, or a newer mail replaced it. Enter your address again and we mail you a new one.";

function linkProblemPage(c: Ctx, series: Series) {
	return c.html(
		<LinkProblemPage message={LINK_PROBLEM} retry={{ href: followPath(series), label: "Ask for a new link" }} />,
		404,
	);
}

/** Runs a step that redeems a link; a link that does not prove anything becomes a page saying how to get a new one. */
async function orLinkProblem(c: Ctx, series: Series, step: () => Promise<Response>) {
	try {
		return await step();
	} catch (error) {
		if (!(error instanceof AppError) || error.code !== "invalid_token") throw error;
		return linkProblemPage(c, series);
	}
}

const UNFOLLOW_PATH = /^\/s\/[^/]+\/unfollow\/?$/;

/**
 * The one-click unsubscribe POST (RFC 8058): mail providers send it from their servers, without
 * an Origin header, so the app's Origin check must let it through. That is safe: the request
 * carries its own credential (the token in the URL), never an ambient one, and whoever knows the
 * token can unsubscribe with it anyway.
 */
export const isOneClickUnsubscribe = (c: Context) =>
	c.req.method === "POST" && UNFOLLOW_PATH.test(c.req.path) && Boolean(c.req.query("token"));

export const followingPages = new Hono<AppEnv>()
	.use("/s/:series/follow", publicFlow)
	.use("/s/:series/follow/*", publicFlow)
	.use("/s/:series/unfollow", publicFlow)
	.get("/s/:series/follow", async (c) => c.html(<FollowPage series={await seriesOf(c)} />))
	.post("/s/:series/follow", async (c) => {
		const series = await seriesOf(c);
		return handleFormPost(c, {
			schema: FollowSchema,
			rerender: (state, status) => c.html(<FollowPage series={series} state={state} />, status),
			act: async ({ email }) => {
				await throttleFollow(c.var.db, { ip: clientIp(c), email });
				const { mailId } = await followSeries(c.var.db, { series, email, origin: mainOrigin(c) });
				scheduleDelivery(c, [mailId]);
				return c.redirect(followSentPath(series), 303);
			},
		});
	})
	.get("/s/:series/follow/sent", async (c) => c.html(<FollowSentPage series={await seriesOf(c)} />))
	.get("/s/:series/follow/confirm", async (c) => {
		const series = await seriesOf(c);
		const token = c.req.query("token") ?? "";
		const check = await checkFollowToken(c.var.db, { seriesId: series.id, token, purpose: "confirm" });
		if (check.state !== "valid") return linkProblemPage(c, series);
		if (check.follower.confirmedAt) {
			return c.html(
				<FollowMessagePage
					series={series}
					title={`You follow ${series.shortName}`}
					message={`This address is confirmed: it gets news about ${series.name}.`}
				/>,
			);
		}
		return c.html(
			<ConfirmLinkPage
				title={`Follow ${series.name}?`}
				text={`Press the button to get an email when a new edition of ${series.name} is announced, when its call for abstracts opens and when its registration opens.`}
				action={confirmFollowPath(series, token)}
				token={token}
				button={`Yes, follow ${series.shortName}`}
			/>,
		);
	})
	.post("/s/:series/follow/confirm", async (c) => {
		const series = await seriesOf(c);
		const token = await tokenOf(c);
		return orLinkProblem(c, series, async () => {
			await confirmFollower(c.var.db, { seriesId: series.id, token });
			return c.html(
				<FollowMessagePage
					series={series}
					title={`You follow ${series.shortName}`}
					message={`Thank you: we will email you when there is news about ${series.name}. Every email has a link to stop.`}
				/>,
			);
		});
	})
	.get("/s/:series/unfollow", async (c) => {
		const series = await seriesOf(c);
		const token = c.req.query("token") ?? "";
		const check = await checkFollowToken(c.var.db, { seriesId: series.id, token, purpose: "unfollow" });
		if (check.state === "invalid") return linkProblemPage(c, series);
		if (check.state === "gone") return unfollowedPage(c, series);
		return c.html(
			<ConfirmLinkPage
				title={`Stop following ${series.name}?`}
				text={`Press the button and ${check.follower.email} gets no more news about ${series.name}.`}
				action={unfollowPath(series, token)}
				token={token}
				button={`Stop following ${series.shortName}`}
			/>,
		);
	})
	.post("/s/:series/unfollow", async (c) => {
		const series = await seriesOf(c);
		const token = await tokenOf(c);
		return orLinkProblem(c, series, async () => {
			await unfollowSeries(c.var.db, { seriesId: series.id, token });
			return unfollowedPage(c, series);
		});
	});

function unfollowedPage(c: Ctx, series: Series) {
	return c.html(
		<FollowMessagePage
			series={series}
			title={`You no longer follow ${series.shortName}`}
			message={`This address gets no more news about ${series.name}. You can follow again at any time on the series page.`}
		/>,
	);
}
