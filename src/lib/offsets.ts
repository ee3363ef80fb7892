/**
 * Deadlines are offsets from day 1 (calendar days, negative before the event) plus a local
 * `HH:MM` (src/README.md, "Time"). These helpers order and name them without resolving a zone.
 */

/** Minutes from midnight of day 1, to compare two (offset, time) moments. */
export function offsetMinutes(days: unknown, hhmm: unknown): number {
	const [h, m] = String(hhmm ?? "00:00")
		.split(":")
		.map(Number);
	return Number(days) * 1440 + (h ?? 0) * 60 + (m ?? 0);
}

/** "T−180 d", "day 1", "day 1 + 14 d": how committees talk about deadlines. */
export function offsetLabel(days: unknown): string {
	const n = Number(days);
	if (n === 0) return "day 1";
	return n < 0 ? `T−${-n} d` : `day 1 + ${n} d`;
}
