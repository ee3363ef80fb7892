/**
 * Tenant resolution for the public subsite: one query turns `/s/{series}/{year}`, or a custom
 * host name, into the series and edition that scope every other query of the request, together
 * with what every page of the subsite shows about its place in the series (its canonical host,
 * the newest edition) and in its own navigation (its published pages).
 */
import { and, eq, gt, inArray, isNull, max, or, type SQL, sql } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Database } from "../../db/client";
import {
	type Edition,
	editionHosts,
	editions,
	type HostState,
	namedLectures,
	pages,
	type Series,
	series,
} from "../../db/schema";
import { PUBLIC_STATUSES } from "../../domain/series";
import { type JsonRow, jsonRows, parseJsonRows } from "./json-rows";

export interface Tenant {
	series: Series;
	edition: Edition;
}

const navColumns = { slug: pages.slug, title: pages.title, navOrder: pages.navOrder };

/** A published page of the edition, as its navigation lists it. */
export type SitePage = JsonRow<typeof navColumns>;

/** A tenant as the subsite renders it. */
export interface SiteTenant extends Tenant {
	/** The edition's first serving custom host name (by name), where its canonical URL lives; null without one. */
	canonicalHost: string | null;
	/** The year of the series' newest public edition (possibly this one); null when none is public. */
	newestYear: number | null;
	/** The edition's published pages by nav order, then title ("home" among them when published). */
	pages: SitePage[];
	/**
	 * What the subsite shows of the rest of its series, condensed for the edge cache's key
	 * (edge-cache.ts): every edition's status and content version (past editions, the history of
	 * named lectures) and the named lectures themselves, which no content version covers.
	 */
	seriesVersion: string;
}

/**
 * Does a host name in `state` serve its edition's site at `now`? Verified names do, and so do
 * failing ones (still verified, their last checks failed) and legacy ones until their grace
 * deadline (none set yet: the first scheduler run after the change sets it). Pending and held
 * names never do. hostServesSql is the same rule for a query.
 */
export function hostServes(host: { state: HostState; graceUntil: Date | null }, now: Date): boolean {
	if (host.state === "verified" || host.state === "failing") return true;
	return host.state === "legacy" && (host.graceUntil === null || host.graceUntil > now);
}

/** hostServes for a query on `edition_hosts` (or an alias of it). */
export function hostServesSql(hosts: { state: SQLiteColumn; graceUntil: SQLiteColumn }, now: Date): SQL {
	return or(
		inArray(hosts.state, ["verified", "failing"]),
		and(eq(hosts.state, "legacy"), or(isNull(hosts.graceUntil), gt(hosts.graceUntil, now))),
	) as SQL;
}

/** A held name answers the "moved" page until its hold ends. */
export const hostHeld = (host: { state: HostState; heldUntil: Date | null }, now: Date) =>
	host.state === "held" && host.heldUntil !== null && host.heldUntil > now;

const YEAR = /^\d{4}$/;
const lectureColumns = {
	id: namedLectures.id,
	slug: namedLectures.slug,
	name: namedLectures.name,
	honoree: namedLectures.honoree,
	description: namedLectures.description,
};
const sibling = alias(editions, "sibling");
const hostOf = alias(editionHosts, "host_of");

/** Columns of the host row a host lookup adds to the tenant's one statement. */
const hostColumns = {
	hostState: editionHosts.state,
	hostGraceUntil: editionHosts.graceUntil,
	hostHeldUntil: editionHosts.heldUntil,
};

function siteTenantQuery<Extra extends Partial<typeof hostColumns>>(
	db: Database,
	now: Date,
	extra: Extra = {} as Extra,
) {
	return db
		.select({
			...extra,
			series,
			edition: editions,
			// Correlated subqueries, so the whole tenant stays one statement.
			canonicalHost: sql<string | null>`(${db
				.select({ hostname: hostOf.hostname })
				.from(hostOf)
				.where(and(eq(hostOf.editionId, editions.id), hostServesSql(hostOf, now)))
				.orderBy(hostOf.hostname)
				.limit(1)})`,
			newestYear: sql<number | null>`(${db
				.select({ year: max(sibling.year) })
				.from(sibling)
				.where(and(eq(sibling.seriesId, editions.seriesId), inArray(sibling.status, [...PUBLIC_STATUSES])))})`,
			// Every page of the subsite shows them in its navigation: as JSON, so they cost no statement of their own.
			pages: jsonRows(pages, navColumns, and(eq(pages.editionId, editions.id), eq(pages.published, true))),
			seriesVersion: sql<string>`(${db
				.select({
					editions: sql`json_group_array(json_array(${sibling.id}, ${sibling.status}, ${sibling.contentVersion}))`,
				})
				.from(sibling)
				.where(
					eq(sibling.seriesId, editions.seriesId),
				)}) || ${jsonRows(namedLectures, lectureColumns, eq(namedLectures.seriesId, editions.seriesId))}`,
		})
		.from(editions)
		.innerJoin(series, eq(series.id, editions.seriesId));
}

type TenantRow = Omit<SiteTenant, "pages"> & { pages: string };

function siteTenantOf(row: TenantRow | undefined): SiteTenant | undefined {
	if (!row) return undefined;
	const sitePages = parseJsonRows(navColumns, row.pages).sort(
		(a, b) => a.navOrder - b.navOrder || a.title.localeCompare(b.title),
	);
	return { ...row, pages: sitePages };
}

/**
 * The edition at `/s/{seriesSlug}/{year}` whatever its status (the page decides who sees a
 * draft), or undefined when unknown or malformed.
 */
export async function resolveEdition(db: Database, seriesSlug: string, year: string): Promise<SiteTenant | undefined> {
	if (!YEAR.test(year)) return undefined;
	return siteTenantOf(
		await siteTenantQuery(db, new Date())
			.where(and(eq(series.slug, seriesSlug), eq(editions.year, Number(year))))
			.get(),
	);
}

/** The public edition at `/s/{seriesSlug}/{year}`, or undefined (unknown, malformed or a draft). */
export async function resolvePublicEdition(
	db: Database,
	seriesSlug: string,
	year: string,
): Promise<SiteTenant | undefined> {
	const tenant = await resolveEdition(db, seriesSlug, year);
	return tenant && PUBLIC_STATUSES.includes(tenant.edition.status) ? tenant : undefined;
}

/** A custom host name's edition and what the name does at the moment of the lookup. */
export interface HostSite {
	tenant: SiteTenant;
	/** It serves the edition's site (hostServes). */
	serving: boolean;
	/** It was unmapped and answers the "moved" page (hostHeld). */
	held: boolean;
}

/**
 * The public edition a custom host name (`hostname` lowercased, without port) belongs to, with
 * whether the name serves it or is held for it, in one statement; undefined for an unknown host
 * or one of a draft (drafts are previewed on the main host only).
 */
export async function resolveHostSite(db: Database, hostname: string, now = new Date()): Promise<HostSite | undefined> {
	const row = await siteTenantQuery(db, now, hostColumns)
		.innerJoin(editionHosts, eq(editionHosts.editionId, editions.id))
		.where(and(eq(editionHosts.hostname, hostname), inArray(editions.status, [...PUBLIC_STATUSES])))
		.get();
	if (!row) return undefined;
	const { hostState: state, hostGraceUntil: graceUntil, hostHeldUntil: heldUntil, ...tenantRow } = row;
	const tenant = siteTenantOf(tenantRow);
	if (!tenant) return undefined;
	return { tenant, serving: hostServes({ state, graceUntil }, now), held: hostHeld({ state, heldUntil }, now) };
}

// A request the host routing rewrote carries its tenant here, keyed by the rewritten Request
// object itself: nothing a client sends can forge it, and the subsite needs no second lookup.
const customHostTenants = new WeakMap<Request, SiteTenant>();

/** Marks `request` as the rewrite of a custom-host request for `tenant`. */
export function markCustomHostRequest(request: Request, tenant: SiteTenant): void {
	customHostTenants.set(request, tenant);
}

/** The tenant of a request that arrived on a custom host name, or undefined on the main host. */
export function customHostTenant(request: Request): SiteTenant | undefined {
	return customHostTenants.get(request);
}

// The tenant of a main-host subsite request, looked up once: the edge cache needs it for its key
// before the page does, and the page then reuses it instead of sending the statement again.
const requestTenants = new WeakMap<Request, Promise<SiteTenant | undefined>>();

/**
 * The edition a subsite request is for, whatever its status: its custom host's, else the one at
 * `/s/{seriesSlug}/{year}` (the request's own path parameters), resolved once per request.
 *
 * @example const tenant = await requestTenant(c.var.db, c.req.raw, c.req.param("series"), c.req.param("year"));
 */
export function requestTenant(
	db: Database,
	request: Request,
	seriesSlug = "",
	year = "",
): Promise<SiteTenant | undefined> {
	const onCustomHost = customHostTenant(request);
	if (onCustomHost) return Promise.resolve(onCustomHost);
	let tenant = requestTenants.get(request);
	if (!tenant) {
		tenant = resolveEdition(db, seriesSlug, year);
		requestTenants.set(request, tenant);
	}
	return tenant;
}
