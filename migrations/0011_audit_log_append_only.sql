-- The audit log is append-only. drizzle-kit does not generate triggers, so this migration is
-- written by hand (`drizzle-kit generate --custom`). The only change allowed to an entry is the
-- anonymiser's (src/db/write.ts, anonymiseAuditEntries): clearing its personal fields and the
-- actor's account id; anything else, and every DELETE, aborts the statement (and so its batch).
CREATE TRIGGER `audit_entries_no_delete` BEFORE DELETE ON `audit_entries` BEGIN
	SELECT RAISE(ABORT, 'audit entries are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_entries_no_update` BEFORE UPDATE ON `audit_entries`
WHEN new.id IS NOT old.id OR new.at IS NOT old.at OR new.actor_kind IS NOT old.actor_kind
	OR new.edition_id IS NOT old.edition_id OR new.series_id IS NOT old.series_id
	OR new.institution_id IS NOT old.institution_id OR new.action IS NOT old.action
	OR new.target_type IS NOT old.target_type OR new.target_id IS NOT old.target_id
	OR new.summary IS NOT old.summary
	OR (new.actor_id IS NOT old.actor_id AND new.actor_id IS NOT NULL)
	OR (new.personal_account_id IS NOT old.personal_account_id AND new.personal_account_id IS NOT NULL)
	OR (new.personal IS NOT old.personal AND new.personal IS NOT NULL)
BEGIN
	SELECT RAISE(ABORT, 'audit entries are append-only');
END;
