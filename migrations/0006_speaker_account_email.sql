ALTER TABLE `speakers` ADD `account_email` text;--> statement-breakpoint
CREATE INDEX `speakers_account_email` ON `speakers` (`account_email`);--> statement-breakpoint
UPDATE `speakers` SET `account_email` = (SELECT `email` FROM `users` WHERE `users`.`id` = `speakers`.`user_id`) WHERE `user_id` IS NOT NULL;
