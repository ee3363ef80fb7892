/**
 * Tenant resolution for the public subsite: one query turns `/s/{series}/{year}`, or a custom
 * host name, into the series and edition that scope every other query of the request, together
 * with what every page of the subsite shows about its place in the series (its canonical host,
 * the newest edition).
 */
import { and, eq, inArray, max, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database } from "../../db/client";
import { type Edition, editionHosts, editions, type Series, series } from "../../db/schema";
import { PUBLIC_STATUSES } from "../series/series";

export interface Tenant {
	series: Series;
	edition: Edition;
}

/** A tenant as the subsite renders it. */
export interface SiteTenant extends Tenant {
	/** The edition's first custom host name (by name), where its canonical URL lives; null without one. */
	canonicalHost: string | null;
	/** The year of the series' newest public edition (possibly this one); null when none is public. */
	newestYear: number | null;
}

const YEAR = /^\d{4}$/;
const sibling = alias(editions, "sibling");
const hostOf = alias(editionHosts, "host_of");

function siteTenantQuery(db: Database) {
	return db
		.select({
			series,
			edition: editions,
			// Correlated subqueries, so the whole tenant stays one statement.
			canonicalHost: sql<string | null>`(${db
				.select({ hostname: hostOf.hostname })
				.from(hostOf)
				.where(eq(hostOf.editionId, editions.id))
				.orderBy(hostOf.hostname)
				.limit(1)})`,
			newestYear: sql<number | null>`(${db
				.select({ year: max(sibling.year) })
				.from(sibling)
				.where(and(eq(sibling.seriesId, editions.seriesId), inArray(sibling.status, [...PUBLIC_STATUSES])))})`,
		})
		.from(editions)
		.innerJoin(series, eq(series.id, editions.seriesId));
}

/**
 * The edition at `/s/{seriesSlug}/{year}` whatever its status (the page decides who sees a
 * draft), or undefined when unknown or malformed.
 */
export async function resolveEdition(db: Database, seriesSlug: string, year: string): Promise<SiteTenant | undefined> {
	if (!YEAR.test(year)) return undefined;
	return siteTenantQuery(db)
		.where(and(eq(series.slug, seriesSlug), eq(editions.year, Number(year))))
		.get();
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

/**
 * The public edition a custom host name serves (`hostname` lowercased, without port), or
 * undefined: an unknown host, or one mapped to a draft (drafts are previewed on the main host only).
 */
export function resolveEditionByHost(db: Database, hostname: string): Promise<SiteTenant | undefined> {
	return siteTenantQuery(db)
		.innerJoin(editionHosts, eq(editionHosts.editionId, editions.id))
		.where(and(eq(editionHosts.hostname, hostname), inArray(editions.status, [...PUBLIC_STATUSES])))
		.get();
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
