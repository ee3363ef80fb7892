CREATE TABLE `copied_texts` (
	`edition_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`source_edition_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`reviewed_at` integer,
	`reviewed_by` text,
	PRIMARY KEY(`edition_id`, `table_name`, `row_id`),
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
