/**
 * The writes that are not state changes anyone reviews, declared once with the reason each: the
 * write kernel (write.ts) lets them commit without an audit entry. Everything else a commit
 * writes must come with its change.
 */

/** Whole tables written without an entry. */
export const OPERATIONAL_TABLES: Record<string, string> = {
	auth_sessions: "sign-in state: created and refreshed on every sign-in, deleted on sign-out",
	email_tokens: "one-time links in flight (sign-in, verification, reset); what they do is audited when used",
	pending_registrations:
		"a signed-out registration's form awaiting its emailed link; the account and registration it makes are audited when used",
	rate_limits: "counters of attempts, kept for minutes",
	outbox: "mail delivery state; the change that sent a mail carries its own entry",
	note_reads: "read markers of one reader, not a change of the note",
	series_announcements: "a job's record of what it already announced, so each goes out once",
};

/** Single columns an update may set without an entry (when it sets nothing else). */
export const OPERATIONAL_COLUMNS: Record<string, string> = {
	"editions.debrief_sent_at": "the debrief job's mark that it mailed the committee",
	"organizer_reminders.sent_at": "the reminder job's mark that it sent a reminder",
	"checklist_tasks.reminder_sent_at": "the task reminder job's mark",
	"api_tokens.last_used_at": "refreshed on every use of a token",
	"users.password_hash": "a rehash at sign-in under stronger parameters (a password change carries its own entry)",
	"speakers.user_id":
		"a speaker record follows its verified address to the account at sign-in: derived, decided by nobody",
	"edition_hosts.last_checked_at": "the verification job's time of its last look",
	"host_claims.last_checked_at": "the verification job's time of its last look",
	"host_claims.last_check_error": "why the last look at a claim failed (a failed proof changes nothing else)",
	"edition_hosts.verification_token":
		"a legacy mapping given its token before its first check: derived, decided by nobody",
	"edition_hosts.verification_records": "the DNS records that go with that token",
};
