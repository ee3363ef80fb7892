CREATE TABLE `email_texts` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`key` text NOT NULL,
	`subject` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_texts_edition_key` ON `email_texts` (`edition_id`,`key`);--> statement-breakpoint
CREATE TABLE `handover_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`note_id` text NOT NULL,
	`series_id` text NOT NULL,
	`object_key` text NOT NULL,
	`filename` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`uploaded_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`note_id`) REFERENCES `handover_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`series_id`) REFERENCES `series`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `handover_attachments_note` ON `handover_attachments` (`note_id`);--> statement-breakpoint
CREATE TABLE `handover_note_links` (
	`note_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` text NOT NULL,
	PRIMARY KEY(`note_id`, `edition_id`, `subject_kind`, `subject_id`),
	FOREIGN KEY (`note_id`) REFERENCES `handover_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `handover_note_links_subject` ON `handover_note_links` (`edition_id`,`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE TABLE `handover_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`series_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`topic` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`visibility` text DEFAULT 'future_committees' NOT NULL,
	`source` text DEFAULT 'written' NOT NULL,
	`author_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `series`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `handover_notes_series` ON `handover_notes` (`series_id`,`visibility`);--> statement-breakpoint
CREATE INDEX `handover_notes_edition` ON `handover_notes` (`edition_id`);--> statement-breakpoint
CREATE TABLE `note_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`thread_id` text NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `note_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `note_messages_thread` ON `note_messages` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `note_reads` (
	`note_id` text NOT NULL,
	`user_id` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`note_id`, `user_id`),
	FOREIGN KEY (`note_id`) REFERENCES `handover_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `note_threads` (
	`id` text PRIMARY KEY NOT NULL,
	`note_id` text NOT NULL,
	`series_id` text NOT NULL,
	`asked_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`note_id`) REFERENCES `handover_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`series_id`) REFERENCES `series`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`asked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `note_threads_note` ON `note_threads` (`note_id`);--> statement-breakpoint
CREATE TABLE `organizer_reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`anchor` text NOT NULL,
	`offset_days` integer NOT NULL,
	`role` text DEFAULT 'chair' NOT NULL,
	`subject` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`sent_at` integer,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `organizer_reminders_edition` ON `organizer_reminders` (`edition_id`);--> statement-breakpoint
CREATE TABLE `template_uses` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`template_id` text NOT NULL,
	`version` integer NOT NULL,
	`parts` text NOT NULL,
	`applied_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`applied_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `template_uses_edition` ON `template_uses` (`edition_id`);--> statement-breakpoint
CREATE INDEX `template_uses_template` ON `template_uses` (`template_id`);--> statement-breakpoint
CREATE TABLE `template_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`version` integer NOT NULL,
	`changelog` text DEFAULT '' NOT NULL,
	`parts` text NOT NULL,
	`document` text NOT NULL,
	`source_edition_id` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `templates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `template_versions_template_version` ON `template_versions` (`template_id`,`version`);--> statement-breakpoint
CREATE TABLE `templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`visibility` text NOT NULL,
	`series_id` text,
	`institution_id` text,
	`forked_from` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `series`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `templates_series` ON `templates` (`series_id`);--> statement-breakpoint
CREATE INDEX `templates_institution` ON `templates` (`institution_id`);--> statement-breakpoint
ALTER TABLE `editions` ADD `debrief_sent_at` integer;