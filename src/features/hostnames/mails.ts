/**
 * What Baton mails an edition's chairs about its host names: the first failed daily check, the
 * loss of the verified state, a takeover by another edition, and the grace period of a mapping
 * made before proof of control was required. Plain text; links point to the main host.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { editionMembers, editions, series, users, type VerificationRecord } from "../../db/schema";
import type { MailMessage } from "../../lib/mailer";
import { editionUrl, hostsConsoleUrl } from "../../urls";

/** An edition as the host-name mails name it, with the chairs they go to. */
export interface HostMailEdition {
	id: string;
	name: string;
	seriesSlug: string;
	year: number;
	chairs: { name: string; email: string }[];
}

/** The edition and its chairs, for the mails about its host names (one statement). */
export async function hostMailEdition(db: Database, editionId: string): Promise<HostMailEdition | undefined> {
	const rows = await db
		.select({
			name: editions.name,
			year: editions.year,
			seriesSlug: series.slug,
			chairName: users.name,
			chairEmail: users.email,
		})
		.from(editions)
		.innerJoin(series, eq(series.id, editions.seriesId))
		.leftJoin(editionMembers, and(eq(editionMembers.editionId, editions.id), eq(editionMembers.role, "chair")))
		.leftJoin(users, eq(users.id, editionMembers.userId))
		.where(eq(editions.id, editionId))
		.orderBy(users.email);
	const first = rows[0];
	if (!first) return undefined;
	const chairs = rows.flatMap((r) => (r.chairEmail ? [{ name: r.chairName ?? "", email: r.chairEmail }] : []));
	return { id: editionId, name: first.name, seriesSlug: first.seriesSlug, year: first.year, chairs };
}

/** The records as lines of a mail: type, name and value. */
export const recordLines = (records: readonly VerificationRecord[]) =>
	records.map((r) => `  ${r.type}  ${r.name}  ${r.value}`).join("\n");

const siteUrl = (edition: HostMailEdition, origin: string) =>
	`${origin}${editionUrl({ slug: edition.seriesSlug }, edition)}`;
const consoleUrl = (edition: HostMailEdition, origin: string) => `${origin}${hostsConsoleUrl(edition.id)}`;
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

const toChairs = (edition: HostMailEdition, subject: string, body: (name: string) => string): MailMessage[] =>
	edition.chairs.map((chair) => ({
		to: chair.email,
		subject,
		text: `Hello ${chair.name},\n\n${body(chair.name)}\n\n— Baton`,
		editionId: edition.id,
	}));

export function firstFailureMails(
	edition: HostMailEdition,
	host: { hostname: string; reason: string; records: readonly VerificationRecord[] },
	maxFailures: number,
	origin: string,
): MailMessage[] {
	return toChairs(
		edition,
		`${host.hostname}: Baton could not confirm the host name of ${edition.name}`,
		() =>
			`the daily check of ${host.hostname}, the host name of ${edition.name}, failed: ${host.reason}\n\nThe site is still served there, but after ${maxFailures} failed checks in a row it stops. Keep this DNS record in place:\n\n${recordLines(host.records)}\n\nCheck it again once it is fixed: ${consoleUrl(edition, origin)}`,
	);
}

export function unverifiedMails(
	edition: HostMailEdition,
	host: { hostname: string; reason: string; records: readonly VerificationRecord[] },
	maxFailures: number,
	origin: string,
): MailMessage[] {
	return toChairs(
		edition,
		`${host.hostname} stopped serving ${edition.name}`,
		() =>
			`${maxFailures} checks in a row could not confirm ${host.hostname}, the host name of ${edition.name} (the last: ${host.reason}), so it no longer serves the site. The site stays at ${siteUrl(edition, origin)}.\n\nTo serve it at ${host.hostname} again, create this DNS record and press "Check now": ${consoleUrl(edition, origin)}\n\n${recordLines(host.records)}`,
	);
}

export function takeoverMails(edition: HostMailEdition, hostname: string, origin: string): MailMessage[] {
	return toChairs(
		edition,
		`${hostname} no longer serves ${edition.name}`,
		() =>
			`another edition on Baton proved control of ${hostname}: it created the DNS record that only whoever controls the name can create. ${hostname} now serves that edition's site, no longer ${edition.name}'s. ${edition.name} stays at ${siteUrl(edition, origin)}.\n\nIf you did not expect this, whoever runs the DNS of ${hostname} has given it to someone else. Your host names: ${consoleUrl(edition, origin)}`,
	);
}

export function graceMails(
	edition: HostMailEdition,
	host: { hostname: string; graceUntil: Date; records: readonly VerificationRecord[] },
	origin: string,
): MailMessage[] {
	const record = host.records.length
		? `Create this DNS record at the name's DNS provider:\n\n${recordLines(host.records)}\n\nthen`
		: "The record to create is on the host names page:";
	return toChairs(
		edition,
		`${host.hostname}: confirm the host name of ${edition.name} by ${utcDay(host.graceUntil)}`,
		() =>
			`Baton now serves a site at a host name only once it is proven that whoever mapped the name controls it. ${host.hostname} was mapped to ${edition.name} before that, so it keeps serving the site until ${utcDay(host.graceUntil)} and then stops unless it is verified. ${record} press "Check now" on ${consoleUrl(edition, origin)} (Baton also checks daily).`,
	);
}
