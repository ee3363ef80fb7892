CREATE TABLE `edition_hosts` (
	`hostname` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `edition_hosts_edition` ON `edition_hosts` (`edition_id`);--> statement-breakpoint
CREATE TABLE `host_calls` (
	`id` text PRIMARY KEY NOT NULL,
	`series_id` text NOT NULL,
	`for_year` integer NOT NULL,
	`deadline` text NOT NULL,
	`requirements` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `series`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `host_calls_series` ON `host_calls` (`series_id`,`status`);--> statement-breakpoint
CREATE TABLE `host_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`call_id` text NOT NULL,
	`series_id` text NOT NULL,
	`institution_id` text NOT NULL,
	`submitted_by` text NOT NULL,
	`city` text NOT NULL,
	`country` text NOT NULL,
	`venue` text DEFAULT '' NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`time_zone` text NOT NULL,
	`expected_participants` integer,
	`team` text DEFAULT '' NOT NULL,
	`motivation` text DEFAULT '' NOT NULL,
	`budget` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`decision_note` text DEFAULT '' NOT NULL,
	`decided_at` integer,
	`edition_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `host_calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`series_id`) REFERENCES `series`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `host_proposals_call` ON `host_proposals` (`call_id`);--> statement-breakpoint
CREATE INDEX `host_proposals_institution` ON `host_proposals` (`institution_id`);--> statement-breakpoint
CREATE TABLE `series_announcements` (
	`edition_id` text NOT NULL,
	`kind` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`edition_id`, `kind`),
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `series_followers` (
	`id` text PRIMARY KEY NOT NULL,
	`series_id` text NOT NULL,
	`email` text NOT NULL,
	`secret_hash` text NOT NULL,
	`confirmed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `series`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `series_followers_series_email` ON `series_followers` (`series_id`,`email`);--> statement-breakpoint
ALTER TABLE `checklist_tasks` ADD `reminder_sent_at` integer;--> statement-breakpoint
ALTER TABLE `editions` ADD `cloned_from_id` text;--> statement-breakpoint
ALTER TABLE `series` ADD `society` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `series` ADD `logo_url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `series` ADD `institution_id` text;