/**
 * The one piece of zone arithmetic the timed jobs need beyond src/lib/zoned-time.ts: when a day
 * ends. A due date "on" a day holds until that day ends in the edition's zone, whatever the DST.
 */
import { dateOfDay } from "../lib/dates";
import { zonedInstant } from "../lib/zoned-time";

/**
 * The last millisecond of `isoDate` in `timeZone`.
 *
 * @example endOfDay("2025-03-29", "Europe/Amsterdam") // 2025-03-29T22:59:59.999Z
 */
export function endOfDay(isoDate: string, timeZone: string): Date {
	return new Date(zonedInstant(timeZone, dateOfDay(isoDate, 2), "00:00").getTime() - 1);
}
