/**
 * What a timed job is: a name (for its log lines) and a function of the run's context. Jobs take
 * the database and `now` from the context, never from the clock, so tests run them at any moment.
 */
import type { Database } from "../db/client";
import type { Bindings } from "../env";

export interface JobContext {
	db: Database;
	env: Bindings;
	/** The moment the run stands for (the cron's scheduled time), the same for every job of a run. */
	now: Date;
	/** Origin of the main host (`https://MAIN_HOST`): links in mails point there. */
	origin: string;
}

export interface JobOutcome {
	/** Outbox rows the job wrote; the scheduler hands them to the delivery adapter. */
	mailIds: string[];
	/** Counts for the job's log line, e.g. `{ announcements: 2 }`. */
	counts?: Record<string, number>;
}

export interface ScheduledJob {
	name: string;
	run: (context: JobContext) => Promise<JobOutcome>;
}

/** One JSON line for a failure, like the request log: the job, what it was working on, the error. */
export function logJobError(job: string, error: unknown, about: Record<string, unknown> = {}) {
	const err = error instanceof Error ? error : new Error(String(error));
	console.error(JSON.stringify({ level: "error", job, ...about, error: String(err), stack: err.stack }));
}

/**
 * Runs `step` for each item, so one bad item (a mistyped zone, a constraint a concurrent run hit
 * first) is logged and skipped instead of blocking every other item hour after hour.
 * Returns how many items failed.
 */
export async function forEachIsolated<T>(
	job: string,
	items: readonly T[],
	about: (item: T) => Record<string, unknown>,
	step: (item: T) => Promise<void>,
): Promise<number> {
	let failed = 0;
	for (const item of items) {
		try {
			await step(item);
		} catch (error) {
			failed++;
			logJobError(job, error, about(item));
		}
	}
	return failed;
}
