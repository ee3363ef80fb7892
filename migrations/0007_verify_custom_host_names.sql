CREATE TABLE `host_claims` (
	`hostname` text NOT NULL,
	`edition_id` text NOT NULL,
	`verification_token` text NOT NULL,
	`verification_records` text DEFAULT '[]' NOT NULL,
	`last_checked_at` integer,
	`last_check_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`hostname`, `edition_id`),
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `host_claims_edition` ON `host_claims` (`edition_id`);--> statement-breakpoint
ALTER TABLE `edition_hosts` ADD `state` text DEFAULT 'legacy' NOT NULL;--> statement-breakpoint
ALTER TABLE `edition_hosts` ADD `verification_token` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `edition_hosts` ADD `verification_records` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `edition_hosts` ADD `last_checked_at` integer;--> statement-breakpoint
ALTER TABLE `edition_hosts` ADD `last_check_error` text;--> statement-breakpoint
ALTER TABLE `edition_hosts` ADD `failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `edition_hosts` ADD `verified_at` integer;--> statement-breakpoint
ALTER TABLE `edition_hosts` ADD `held_until` integer;--> statement-breakpoint
ALTER TABLE `edition_hosts` ADD `grace_until` integer;