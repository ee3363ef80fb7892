CREATE TABLE `pending_registrations` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`email` text NOT NULL,
	`secret_hash` text NOT NULL,
	`form` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
