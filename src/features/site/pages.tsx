import { type Context, Hono } from "hono";
import { placeholderValues, resolvePlaceholders } from "../../domain/placeholders";
import { findSeriesBySlug } from "../../domain/series";
import type { AppEnv } from "../../env";
import { AppError, notFound } from "../../lib/errors";
import { mainOrigin } from "../../lib/main-origin";
import { editionUrl } from "../../urls";
import { loadPublicAttendees } from "../attendees";
import { AttendeesPage } from "./attendee-views";
import { AbstractsPage, PastEditionsPage, PublishedPageView, SponsorsPage, VenuePage } from "./content-views";
import { loadEditionHome } from "./edition-home";
import { LecturesPage } from "./lecture-views";
import { sectionPageSlug } from "./links";
import { visibleTenant } from "./preview";
import { loadProgram, loadSession } from "./program-data";
import { ProgramPage, SessionPage } from "./program-views";
import {
	loadAbstractCall,
	loadLectures,
	loadOtherEditions,
	loadPublishedPage,
	loadSpeakerPage,
	loadSpeakers,
	loadSponsors,
} from "./site-content";
import { EditionNotFoundPage, type Site, SiteNotFoundPage } from "./site-layout";
import { siteTexts } from "./site-texts";
import { SpeakerPage, SpeakersPage } from "./speaker-views";
import { findTrack } from "./track-filter";
import { EditionHomePage } from "./views";

/**
 * The edition of a subsite request and where its links lead: the one its custom host serves
 * (resolved by the host routing), else the one at `/s/{series}/{year}`. A draft is shown only as a
 * committee preview, asked for with `?preview=1` on the main host (the one case that reads the
 * session); everyone else gets undefined, the 404 of an unknown edition.
 */
export async function siteOf(c: Context<AppEnv>): Promise<Site | undefined> {
	const visible = await visibleTenant(c);
	if (!visible) return undefined;
	const { tenant, onCustomHost, isPublic } = visible;
	// The menu's page titles: {{committee}} is for page bodies, a title names no people.
	const values = placeholderValues(tenant.edition);
	return {
		...tenant,
		pages: tenant.pages.map((page) => ({
			...page,
			title: resolvePlaceholders(page.title, values, missingOf(!isPublic)),
		})),
		links: {
			origin: new URL(c.req.url).origin,
			platformOrigin: onCustomHost ? mainOrigin(c) : "",
			base: onCustomHost ? "" : editionUrl(tenant.series, tenant.edition),
			preview: !isPublic,
		},
	};
}

/** What a value the edition lacks becomes: left as written in a committee preview, left out publicly. */
const missingOf = (preview: boolean) => (preview ? "keep" : "empty");

/** Loads and resolves the site's texts (site-texts.ts) for the request's edition. */
const textsFor = (c: Context<AppEnv>, site: Site, texts: readonly string[]) =>
	siteTexts(c.var.db, site.edition, texts, missingOf(site.links.preview));

type SiteHandler = (c: Context<AppEnv>, site: Site) => Response | Promise<Response>;

/**
 * A subsite page: resolves the site, then renders. Anything the edition does not have (a 404 from
 * the handler) is answered inside the edition's own frame, pointing back to its home and series.
 */
export function sitePage(render: SiteHandler) {
	return async (c: Context<AppEnv>) => {
		const site = await siteOf(c);
		if (!site) {
			const series = await findSeriesBySlug(c.var.db, c.req.param("series") ?? "");
			return c.html(<EditionNotFoundPage series={series} />, 404);
		}
		try {
			return await render(c, site);
		} catch (error) {
			if (error instanceof AppError && error.status === 404) {
				return c.html(<SiteNotFoundPage site={site} message={error.message} />, 404);
			}
			throw error;
		}
	};
}

const SEQ = /^[1-9]\d{0,8}$/;

/** The `seq` path parameter (`program/{seq}`, `speakers/{seq}`), or a 404 naming `what`. */
function seqParam(c: Context<AppEnv>, what: string): number {
	const seq = c.req.param("seq") ?? "";
	if (!SEQ.test(seq)) throw notFound(what);
	return Number(seq);
}

/** The introduction of one of the subsite's own pages: the committee's page for it, when published. */
export async function sectionBody(c: Context<AppEnv>, site: Site, section: Parameters<typeof sectionPageSlug>[1]) {
	const slug = sectionPageSlug(site.pages, section);
	const body = slug ? ((await loadPublishedPage(c.var.db, site.edition.id, slug))?.body ?? "") : "";
	return (await textsFor(c, site, [body])).markdown(body);
}

const E = "/s/:series/:year";

/**
 * The public edition subsite under `/s/{series}/{year}` (and at `/` of its custom hosts). Its
 * pages never read the session (previews aside), so one copy serves everyone (edge-cache.ts).
 */
export const sitePages = new Hono<AppEnv>()
	.get(
		E,
		sitePage(async (c, site) => {
			const home = await loadEditionHome(c.var.db, site.edition);
			const { heroText } = site.edition;
			const texts = await textsFor(c, site, [home.body, heroText]);
			return c.html(
				<EditionHomePage
					site={site}
					home={{ ...home, body: texts.markdown(home.body) }}
					hero={{ markdown: texts.markdown(heroText), plain: texts.plain(heroText) }}
				/>,
			);
		}),
	)
	.get(
		`${E}/program`,
		sitePage(async (c, site) => {
			const program = await loadProgram(c.var.db, site.edition, missingOf(site.links.preview));
			const param = c.req.query("track");
			const track = param === undefined ? undefined : findTrack(program.tracks, param);
			if (param !== undefined && !track) throw notFound("This track");
			return c.html(<ProgramPage site={site} program={program} track={track} />);
		}),
	)
	.get(
		`${E}/program/:seq`,
		sitePage(async (c, site) => {
			const session = await loadSession(
				c.var.db,
				site.edition,
				seqParam(c, "This session"),
				missingOf(site.links.preview),
			);
			if (!session) throw notFound("This session");
			return c.html(<SessionPage site={site} session={session} />);
		}),
	)
	.get(
		`${E}/speakers`,
		sitePage(async (c, site) =>
			c.html(<SpeakersPage site={site} speakers={await loadSpeakers(c.var.db, site.edition.id)} />),
		),
	)
	.get(
		`${E}/speakers/:seq`,
		sitePage(async (c, site) => {
			const page = await loadSpeakerPage(
				c.var.db,
				site.edition,
				seqParam(c, "This speaker"),
				missingOf(site.links.preview),
			);
			if (!page) throw notFound("This speaker");
			return c.html(<SpeakerPage site={site} page={page} />);
		}),
	)
	.get(
		`${E}/lectures`,
		sitePage(async (c, site) => {
			const [lectures, body] = await Promise.all([loadLectures(c.var.db, site), sectionBody(c, site, "lectures")]);
			return c.html(<LecturesPage site={site} lectures={lectures} body={body} />);
		}),
	)
	.get(
		`${E}/venue`,
		sitePage(async (c, site) => c.html(<VenuePage site={site} body={await sectionBody(c, site, "venue")} />)),
	)
	.get(
		`${E}/sponsors`,
		sitePage(async (c, site) =>
			c.html(<SponsorsPage site={site} tiers={await loadSponsors(c.var.db, site.edition.id)} />),
		),
	)
	.get(
		`${E}/past`,
		sitePage(async (c, site) =>
			c.html(<PastEditionsPage site={site} editions={await loadOtherEditions(c.var.db, site.edition)} />),
		),
	)
	// `${E}/register` is the registration feature's (it reads the session and is never cached).
	.get(
		`${E}/attendees`,
		sitePage(async (c, site) => {
			const attendees = await loadPublicAttendees(c.var.db, site.edition.id);
			if (!attendees) throw notFound("This edition's attendee list");
			// Registrations do not change the content version the edge copy is keyed on: never kept there.
			c.header("Cache-Control", "private, no-cache");
			return c.html(<AttendeesPage site={site} attendees={attendees} />);
		}),
	)
	.get(
		`${E}/abstracts`,
		sitePage(async (c, site) => {
			const [call, body] = await Promise.all([
				loadAbstractCall(c.var.db, site.edition.id),
				sectionBody(c, site, "abstracts"),
			]);
			return c.html(<AbstractsPage site={site} call={call} body={body} />);
		}),
	)
	.get(
		`${E}/p/:slug`,
		sitePage(async (c, site) => {
			const page = await loadPublishedPage(c.var.db, site.edition.id, c.req.param("slug") ?? "");
			if (!page) throw notFound();
			const texts = await textsFor(c, site, [page.title, page.body]);
			return c.html(
				<PublishedPageView
					site={site}
					page={{ ...page, title: texts.plain(page.title), body: texts.markdown(page.body) }}
				/>,
			);
		}),
	);

/**
 * Any other path below an edition: the edition's own 404 page. Mounted after every router that
 * serves paths below an edition (the feeds too), so it only answers what none of them does.
 */
export const siteFallbackPages = new Hono<AppEnv>().get(
	`${E}/*`,
	sitePage(() => {
		throw notFound();
	}),
);
