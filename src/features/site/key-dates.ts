/**
 * The dates a visitor plans by: when the call for abstracts opens and closes, when decisions come,
 * when ticket sales open and close. Stored as offsets from day 1 (src/README.md, "Time"); resolved
 * here, in the edition's zone, only to be shown.
 */
import type { abstractCalls, ticketTypes } from "../../db/schema";
import { resolveOffset, type ZonedEdition } from "../../lib/zoned-time";

export interface KeyDate {
	label: string;
	at: Date;
	/** Shown as a day only: the deadline has no time of day. */
	dayOnly: boolean;
}

type Call = Pick<
	typeof abstractCalls.$inferSelect,
	"opensOffsetDays" | "opensTime" | "closesOffsetDays" | "closesTime" | "decisionsOffsetDays"
>;
type TicketWindow = Pick<
	typeof ticketTypes.$inferSelect,
	"name" | "salesOpenOffsetDays" | "salesOpenTime" | "salesCloseOffsetDays" | "salesCloseTime"
>;

/**
 * The key dates of an edition, in time order. Registration opens with the first ticket on sale and
 * closes with the last; a ticket whose sale ends before that (an early-bird rate) has a date of its own.
 */
export function keyDates(edition: ZonedEdition, call: Call | null, tickets: readonly TicketWindow[]): KeyDate[] {
	const dates: KeyDate[] = [];
	const at = (offsetDays: number, time: string) => resolveOffset(edition, offsetDays, time);
	if (call) {
		dates.push(
			{ label: "Call for abstracts opens", at: at(call.opensOffsetDays, call.opensTime), dayOnly: false },
			{ label: "Abstract submission deadline", at: at(call.closesOffsetDays, call.closesTime), dayOnly: false },
		);
		if (call.decisionsOffsetDays !== null) {
			dates.push({ label: "Decisions on abstracts", at: at(call.decisionsOffsetDays, "12:00"), dayOnly: true });
		}
	}
	const windows = tickets.map((t) => ({
		name: t.name,
		opens: at(t.salesOpenOffsetDays, t.salesOpenTime),
		closes: at(t.salesCloseOffsetDays, t.salesCloseTime),
	}));
	if (windows.length > 0) {
		const first = Math.min(...windows.map((w) => w.opens.getTime()));
		const last = Math.max(...windows.map((w) => w.closes.getTime()));
		dates.push({ label: "Registration opens", at: new Date(first), dayOnly: false });
		for (const w of windows) {
			if (w.closes.getTime() < last) dates.push({ label: `${w.name} rate ends`, at: w.closes, dayOnly: false });
		}
		dates.push({ label: "Registration closes", at: new Date(last), dayOnly: false });
	}
	return dates.sort((a, b) => a.at.getTime() - b.at.getTime());
}
