/**
 * The one scheduler: the Worker's `scheduled` handler runs every timed job here, in order, each
 * isolated from the others. Adding a job is adding it to SCHEDULED_JOBS.
 */
import { createDatabase } from "./db/client";
import { actAs } from "./db/write";
import { guardWrites } from "./db/write-guard";
import type { Bindings } from "./env";
import { checklistRemindersJob } from "./features/checklist/task-reminders";
import { debriefJob } from "./features/debrief/job";
import { seriesAnnouncementsJob } from "./features/following/announcements";
import { hostVerificationJob } from "./features/hostnames/job";
import { organizerRemindersJob } from "./features/organizer-reminders/job";
import { waitingListJob } from "./features/registration";
import { type JobContext, logJobError, type ScheduledJob } from "./jobs/job";
import { sweepMail } from "./lib/mail-delivery";
import { deliveryAdapter, relayMail } from "./lib/mailer";

export type { JobContext, JobOutcome, ScheduledJob } from "./jobs/job";

/**
 * The mail sweep (README, "Mail"): enqueues outbox rows a crash or a failed relay left behind. Last,
 * so it also catches what an earlier job of this run could not relay.
 */
export const mailSweepJob: ScheduledJob = {
	name: "mail-sweep",
	run: async ({ db, env, now }) => ({
		mailIds: [],
		counts: { enqueued: (await sweepMail(db, env.MAIL_QUEUE, now)).length },
	}),
};

/** Every timed job, in the order a run takes them. */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
	seriesAnnouncementsJob,
	checklistRemindersJob,
	organizerRemindersJob,
	debriefJob,
	hostVerificationJob,
	waitingListJob,
	mailSweepJob,
];

export type JobReport =
	| { job: string; ok: true; mails: number; counts: Record<string, number> }
	| { job: string; ok: false; error: string };

/**
 * Runs `jobs` (every timed job unless a test passes its own) as of `now`, one after another. A
 * failing job is logged as one JSON line and the next still runs; each job's mails are relayed to
 * the mail queue after its own writes (a relay that fails is logged: the mail sweep retries it). Safe to run twice for the same `now`: every job
 * records what it sent in the batch that sends it.
 *
 * @example ctx.waitUntil(runScheduledJobs(env, new Date(controller.scheduledTime)))
 */
export async function runScheduledJobs(
	env: Bindings,
	now: Date,
	jobs: readonly ScheduledJob[] = SCHEDULED_JOBS,
): Promise<JobReport[]> {
	const origin = `https://${env.MAIN_HOST}`;
	// Fails the run before any job in production with the outbox as its mailer.
	deliveryAdapter(env);
	const reports: JobReport[] = [];
	for (const job of jobs) {
		const started = performance.now();
		// Each job writes as itself ("job:<name>" in the audit log), only through the write kernel.
		const db = actAs(createDatabase(guardWrites(env.DB)), { kind: "system", name: `job:${job.name}` });
		const context: JobContext = { db, env, now, origin };
		try {
			const outcome = await job.run(context);
			await relayMail(context.db, env.MAIL_QUEUE, outcome.mailIds).catch((error: unknown) =>
				logJobError(job.name, error, { scheduledTime: now.toISOString(), step: "mail-relay" }),
			);
			const counts = outcome.counts ?? {};
			reports.push({ job: job.name, ok: true, mails: outcome.mailIds.length, counts });
			console.log(
				JSON.stringify({
					job: job.name,
					scheduledTime: now.toISOString(),
					ms: Math.round(performance.now() - started),
					mails: outcome.mailIds.length,
					...counts,
				}),
			);
		} catch (error) {
			logJobError(job.name, error, { scheduledTime: now.toISOString() });
			reports.push({ job: job.name, ok: false, error: String(error) });
		}
	}
	return reports;
}
