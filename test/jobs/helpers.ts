import { env } from "cloudflare:workers";
import type { Database } from "../../src/db/client";
import type { JobOutcome, ScheduledJob } from "../../src/scheduled";
import { testDb } from "../helpers";

/**
 * Runs `job` as of `now` as a run that a second one overtakes: right before the first run's first
 * batch, a whole second run happens (reading, mailing, marking), as when a slow run meets the next
 * cron. Returns the first run's outcome; throws if the first run never reached a batch (the test
 * would prove nothing).
 */
export async function runOvertaken(job: ScheduledJob["run"], now: Date): Promise<JobOutcome> {
	const db = testDb();
	const context = { env, now, origin: "https://localhost" };
	let overtaken = false;
	const racing = new Proxy(db, {
		get(target, key, receiver) {
			if (key !== "batch") return Reflect.get(target, key, receiver);
			return async (statements: Parameters<Database["batch"]>[0]) => {
				if (!overtaken) {
					overtaken = true;
					await job({ ...context, db });
				}
				return target.batch(statements);
			};
		},
	});
	const outcome = await job({ ...context, db: racing });
	if (!overtaken) throw new Error("the run wrote no batch: nothing overtook it");
	return outcome;
}
