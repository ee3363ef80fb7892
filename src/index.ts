import { createApp } from "./app";
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
	queue: (batch, env) => (batch.queue === DEAD_MAIL_QUEUE_NAME ? consumeDeadMail(batch, env) : consumeMail(batch, env)),
} satisfies ExportedHandler<Bindings, MailJob>;
