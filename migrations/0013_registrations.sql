CREATE TABLE `registration_policies` (
	`edition_id` text PRIMARY KEY NOT NULL,
	`capacity` integer,
	`cancellation_policy` text DEFAULT '' NOT NULL,
	`cancel_until_offset_days` integer,
	`cancel_until_time` text DEFAULT '23:59' NOT NULL,
	`edit_until_offset_days` integer,
	`edit_until_time` text DEFAULT '23:59' NOT NULL,
	`hold_hours` integer DEFAULT 72 NOT NULL,
	`offer_hours` integer DEFAULT 48 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `registrations` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`ticket_type_id` text NOT NULL,
	`user_id` text,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`affiliation` text DEFAULT '' NOT NULL,
	`country` text NOT NULL,
	`role` text NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`status` text NOT NULL,
	`expires_at` integer,
	`price_cents` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`source` text DEFAULT 'self' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`list_consent` integer DEFAULT false NOT NULL,
	`idempotency_key` text,
	`confirmed_at` integer,
	`cancelled_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ticket_type_id`) REFERENCES `ticket_types`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_edition_email` ON `registrations` (`edition_id`,`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_edition_idempotency` ON `registrations` (`edition_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `registrations_seats` ON `registrations` (`edition_id`,`ticket_type_id`,`status`);--> statement-breakpoint
CREATE INDEX `registrations_edition_status` ON `registrations` (`edition_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `registrations_user` ON `registrations` (`user_id`);--> statement-breakpoint
ALTER TABLE `series` ADD `is_demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `ticket_types` ADD `includes` text DEFAULT '' NOT NULL;