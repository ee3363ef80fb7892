/**
 * The waiting list's timed job: holds and offers that lapsed are cancelled (a lapsed offer goes
 * to the next person, it is not put back in line), and every free seat someone in line could take
 * is offered, with its mail. Seat counts never wait for this job (they decide expiry themselves);
 * it only moves the line on and mails.
 */
import { and, eq, inArray } from "drizzle-orm";
import { editions, registrations, series, ticketTypes } from "../../db/schema";
import type { ScheduledJob } from "../../jobs/job";
import { forEachIsolated } from "../../jobs/job";
import { loadRegistrationConfig } from "./config";
import { offerMail } from "./mails";
import { lapseExpired, offerFreedSeats } from "./seats";

export const waitingListJob: ScheduledJob = {
	name: "waiting-list",
	run: async ({ db, now, origin }) => {
		const lapsedIn = await lapseExpired(db, now);
		// Every edition with someone in line (the offer statement itself decides whether a seat is free).
		const waiting = await db
			.selectDistinct({ editionId: registrations.editionId })
			.from(registrations)
			.innerJoin(editions, eq(editions.id, registrations.editionId))
			.where(and(eq(registrations.status, "waitlisted"), eq(editions.status, "published")))
			.all();
		const editionIds = [...new Set([...lapsedIn, ...waiting.map((w) => w.editionId)])];
		const found =
			editionIds.length === 0
				? []
				: await db
						.select({ edition: editions, series })
						.from(editions)
						.innerJoin(series, eq(series.id, editions.seriesId))
						.where(inArray(editions.id, editionIds))
						.all();
		const mailIds: string[] = [];
		let offers = 0;
		await forEachIsolated(
			"waiting-list",
			found,
			(item) => ({ editionId: item.edition.id }),
			async ({ edition, series: s }) => {
				const { policy } = await loadRegistrationConfig(db, edition.id);
				const names = new Map(
					(
						await db
							.select({ id: ticketTypes.id, name: ticketTypes.name })
							.from(ticketTypes)
							.where(eq(ticketTypes.editionId, edition.id))
							.all()
					).map((t) => [t.id, t.name]),
				);
				const result = await offerFreedSeats(db, edition.id, policy, now, (next, expiresAt) =>
					offerMail(
						{ edition, series: s, origin, to: next.email, ticketName: names.get(next.ticketTypeId) ?? "" },
						expiresAt,
					),
				);
				offers += result.offered.length;
				mailIds.push(...result.mailIds);
			},
		);
		return { mailIds, counts: { lapsed: lapsedIn.length, offers } };
	},
};
