/**
 * The signed-in person's registrations across editions, for the console's front page: an attendee
 * gets their My pages, never an empty organizer console.
 */
import { and, desc, eq, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { editions, type RegistrationStatus, registrations, series } from "../../db/schema";

export interface MyRegistration {
	editionName: string;
	seriesSlug: string;
	year: number;
	status: RegistrationStatus;
	/** Day 1 of the edition, `YYYY-MM-DD`. */
	startDate: string;
}

/** Registrations of `userId` not cancelled, the edition starting latest first. */
export function myRegistrations(db: Database, userId: string): Promise<MyRegistration[]> {
	return db
		.select({
			editionName: editions.name,
			seriesSlug: series.slug,
			year: editions.year,
			status: registrations.status,
			startDate: editions.startDate,
		})
		.from(registrations)
		.innerJoin(editions, eq(editions.id, registrations.editionId))
		.innerJoin(series, eq(series.id, editions.seriesId))
		.where(and(eq(registrations.userId, userId), ne(registrations.status, "cancelled")))
		.orderBy(desc(editions.startDate), desc(registrations.id))
		.all();
}
