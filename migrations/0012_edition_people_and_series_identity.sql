CREATE TABLE `edition_people` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`affiliation` text DEFAULT '' NOT NULL,
	`user_id` text,
	`account_email` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `edition_people_edition` ON `edition_people` (`edition_id`,`role`,`position`);--> statement-breakpoint
ALTER TABLE `series` ADD `brand_primary_color` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `series` ADD `brand_accent_color` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `series` ADD `partners` text DEFAULT '[]' NOT NULL;