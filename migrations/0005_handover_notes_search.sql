-- Full-text search over handover notes (D1 FTS5). drizzle-kit cannot express virtual tables or
-- triggers, so this migration is written by hand (`drizzle-kit generate --custom`).
-- A standalone FTS table keyed by note id (not external content keyed by rowid): handover_notes
-- has a text primary key, and its implicit rowids may change on VACUUM.
CREATE VIRTUAL TABLE `handover_notes_fts` USING fts5(
	note_id UNINDEXED,
	title,
	body,
	tags,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `handover_notes_fts_insert` AFTER INSERT ON `handover_notes` BEGIN
	INSERT INTO handover_notes_fts (note_id, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `handover_notes_fts_update` AFTER UPDATE OF title, body, tags ON `handover_notes` BEGIN
	DELETE FROM handover_notes_fts WHERE note_id = old.id;
	INSERT INTO handover_notes_fts (note_id, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `handover_notes_fts_delete` AFTER DELETE ON `handover_notes` BEGIN
	DELETE FROM handover_notes_fts WHERE note_id = old.id;
END;
