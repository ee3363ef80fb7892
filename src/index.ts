import { createApp } from "./app";
import type { Bindings } from "./env";
import { runScheduledJobs } from "./scheduled";

const app = createApp();

export default {
	fetch: app.fetch,
	// Cron Triggers (wrangler.toml): every timed job runs through the one scheduler.
	scheduled: (controller, env, ctx) => ctx.waitUntil(runScheduledJobs(env, new Date(controller.scheduledTime))),
} satisfies ExportedHandler<Bindings>;
