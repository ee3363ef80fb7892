CREATE TABLE `audit_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor_kind` text NOT NULL,
	`edition_id` text,
	`series_id` text,
	`institution_id` text,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`summary` text DEFAULT '{}' NOT NULL,
	`personal_account_id` text,
	`personal` text
);
--> statement-breakpoint
CREATE INDEX `audit_entries_edition` ON `audit_entries` (`edition_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_entries_series` ON `audit_entries` (`series_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_entries_institution` ON `audit_entries` (`institution_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_entries_personal` ON `audit_entries` (`personal_account_id`);--> statement-breakpoint
CREATE INDEX `audit_entries_actor` ON `audit_entries` (`actor_id`);