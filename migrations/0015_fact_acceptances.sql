CREATE TABLE `fact_acceptances` (
	`edition_id` text NOT NULL,
	`hit_key` text NOT NULL,
	`value` text NOT NULL,
	`text_label` text NOT NULL,
	`accepted_by` text,
	`accepted_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`edition_id`, `hit_key`),
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
