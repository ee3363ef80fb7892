ALTER TABLE `outbox` ADD `state` text DEFAULT 'queued' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `enqueued_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `edition_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `kind` text DEFAULT 'transactional' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `unsubscribe_url` text;--> statement-breakpoint
CREATE INDEX `outbox_edition` ON `outbox` (`edition_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_unsent` ON `outbox` (`state`,`enqueued_at`);--> statement-breakpoint
-- Hand-written: mail written before the queue existed is history, not work for the sweep (an old
-- unsent sign-in link must not go out days later).
UPDATE `outbox` SET `state` = CASE WHEN `sent_at` IS NOT NULL THEN 'sent' ELSE 'failed' END, `enqueued_at` = `created_at`;
