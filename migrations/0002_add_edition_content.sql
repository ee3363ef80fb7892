CREATE TABLE `abstract_calls` (
	`edition_id` text PRIMARY KEY NOT NULL,
	`opens_offset_days` integer NOT NULL,
	`opens_time` text DEFAULT '09:00' NOT NULL,
	`closes_offset_days` integer NOT NULL,
	`closes_time` text DEFAULT '23:59' NOT NULL,
	`decisions_offset_days` integer,
	`topics` text DEFAULT '[]' NOT NULL,
	`presentation_types` text DEFAULT '[]' NOT NULL,
	`word_limit` integer DEFAULT 300 NOT NULL,
	`special_issue` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `checklist_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`title` text NOT NULL,
	`owner_role` text DEFAULT 'organizer' NOT NULL,
	`due_offset_days` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`done_at` integer,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `checklist_tasks_edition` ON `checklist_tasks` (`edition_id`,`due_offset_days`);--> statement-breakpoint
CREATE TABLE `pages` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`nav_order` integer DEFAULT 0 NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pages_edition_slug` ON `pages` (`edition_id`,`slug`);--> statement-breakpoint
CREATE TABLE `registration_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `registration_fields_edition` ON `registration_fields` (`edition_id`,`position`);--> statement-breakpoint
CREATE TABLE `review_criteria` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`label` text NOT NULL,
	`scale_max` integer DEFAULT 5 NOT NULL,
	`weight` integer DEFAULT 1 NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_criteria_edition` ON `review_criteria` (`edition_id`,`position`);--> statement-breakpoint
CREATE TABLE `session_chairs` (
	`edition_id` text NOT NULL,
	`session_id` text NOT NULL,
	`speaker_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`session_id`, `speaker_id`),
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_chairs_speaker` ON `session_chairs` (`speaker_id`);--> statement-breakpoint
CREATE TABLE `sponsor_tiers` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sponsor_tiers_edition` ON `sponsor_tiers` (`edition_id`,`position`);--> statement-breakpoint
CREATE TABLE `sponsors` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`tier_id` text,
	`name` text NOT NULL,
	`logo_url` text DEFAULT '' NOT NULL,
	`url` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tier_id`) REFERENCES `sponsor_tiers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `sponsors_edition` ON `sponsors` (`edition_id`,`position`);--> statement-breakpoint
CREATE TABLE `survey_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`prompt` text NOT NULL,
	`kind` text NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `survey_questions_edition` ON `survey_questions` (`edition_id`,`position`);--> statement-breakpoint
CREATE TABLE `ticket_types` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`name` text NOT NULL,
	`price_cents` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`sales_open_offset_days` integer NOT NULL,
	`sales_open_time` text DEFAULT '09:00' NOT NULL,
	`sales_close_offset_days` integer NOT NULL,
	`sales_close_time` text DEFAULT '23:59' NOT NULL,
	`capacity` integer,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ticket_types_edition` ON `ticket_types` (`edition_id`,`position`);--> statement-breakpoint
ALTER TABLE `editions` ADD `host_institution_id` text;--> statement-breakpoint
ALTER TABLE `editions` ADD `map_url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `editions` ADD `contact_email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `editions` ADD `logo_url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `editions` ADD `primary_color` text DEFAULT '#1f5f8b' NOT NULL;--> statement-breakpoint
ALTER TABLE `editions` ADD `accent_color` text DEFAULT '#c2410c' NOT NULL;--> statement-breakpoint
ALTER TABLE `speakers` ADD `country` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `speakers` ADD `photo_url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `speakers` ADD `consented_at` integer;--> statement-breakpoint
ALTER TABLE `speakers` ADD `user_id` text;--> statement-breakpoint
ALTER TABLE `speakers` ADD `fictional` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `talks` ADD `duration_minutes` integer;