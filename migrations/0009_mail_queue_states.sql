ALTER TABLE `outbox` ADD `state` text DEFAULT 'queued' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `enqueued_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `edition_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `kind` text DEFAULT 'transactional' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `unsubscribe_url` text;--> statement-breakpoint
CREATE INDEX `outbox_edition` ON `outbox` (`edition_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_unsent` ON `outbox` (`state`,`enqueued_at`);