/**
 * When a job sends what falls due at a moment of an edition's zone (a reminder, a debrief): at the
 * first run at or after the moment, or a later run within a grace period (the cron missed an hour,
 * the committee had nobody to mail yet), but never after it, when the news would be stale.
 */
const DAY = 86_400_000;

/** Due at `now`: `moment` has come, and not more than `graceDays` ago. */
export function dueWithinGrace(moment: Date | null, now: Date, graceDays: number): boolean {
	return moment !== null && moment <= now && now.getTime() - moment.getTime() <= graceDays * DAY;
}

/**
 * The UTC days (`YYYY-MM-DD`) between which lies the local day of any moment due at `now` within
 * the grace period: a coarse cut for SQL (no zone is more than 14 hours from UTC, so one day more
 * each side) that dueWithinGrace then narrows in the edition's zone.
 */
export function graceDayRange(now: Date, graceDays: number): { first: string; last: string } {
	const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
	return { first: utcDay(now.getTime() - (graceDays + 1) * DAY), last: utcDay(now.getTime() + DAY) };
}
