ALTER TABLE `sessions` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Until now every event's SEQUENCE was its edition's content version: start each session's revision
-- there, so that no calendar subscriber sees a SEQUENCE go down (RFC 5545, 3.8.7.4).
UPDATE `sessions` SET `revision` = (SELECT `content_version` FROM `editions` WHERE `editions`.`id` = `sessions`.`edition_id`);
