import { createApp } from "./app";
import { guardWrites } from "./db/write-guard";
import type { Bindings } from "./env";
import { consumeDeadMail, consumeMail, DEAD_MAIL_QUEUE_NAME } from "./lib/mail-delivery";
import type { MailJob } from "./lib/mailer";
import { runScheduledJobs } from "./scheduled";

const app = createApp();

export default {
	fetch: app.fetch,
	// Cron Triggers (wrangler.toml): every timed job runs through the one scheduler.
	scheduled: (controller, env, ctx) => ctx.waitUntil(runScheduledJobs(env, new Date(controller.scheduledTime))),
	// The mail queue and its dead-letter queue (wrangler.toml [[queues.consumers]]): README, "Mail".
	// Its writes are the outbox's (operational), guarded all the same like every other entry point's.
	queue: (batch, env) => {
		const guarded = { ...env, DB: guardWrites(env.DB) };
		return batch.queue === DEAD_MAIL_QUEUE_NAME ? consumeDeadMail(batch, guarded) : consumeMail(batch, guarded);
	},
} satisfies ExportedHandler<Bindings, MailJob>;
