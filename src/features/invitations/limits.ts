/**
 * How many invitation mails may go out, so inviting cannot be used to spam: per sender (an hour),
 * per recipient address (a day, whoever invites, re-invitations included) and per institution,
 * series or edition (a day). Counted with the D1 rate-limit counters in the invitation's own batch
 * (rateLimitGuard), so an invitation over a limit writes nothing at all.
 */
import type { Database } from "../../db/client";
import type { InvitationScope } from "../../db/schema";
import { RateLimitedError } from "../../lib/errors";
import { fullRateLimit, type RateLimit, type RateLimitCheck } from "../../lib/rate-limit";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const INVITATION_LIMITS = {
	/** A chair setting up a whole committee in one sitting stays well within this. */
	perSender: { limit: 30, windowMs: HOUR },
	/** An address gets a handful a day (a corrected role, a second committee), never a flood. */
	perRecipient: { limit: 5, windowMs: DAY },
	/** An institution, series or edition: more than a committee's worth a day is not inviting. */
	perTenant: { limit: 50, windowMs: DAY },
} as const satisfies Record<string, RateLimit>;

const TENANT_WORDS: Record<InvitationScope, string> = {
	institution: "institution",
	series: "series",
	edition: "edition",
};

export interface InvitationSend {
	scope: InvitationScope;
	targetId: string;
	inviterId: string;
	email: string;
}

/** The counters one invitation mail counts against, first the one named first when full. */
export function invitationLimits(send: InvitationSend): RateLimitCheck[] {
	return [
		{ key: `invite:sender:${send.inviterId}`, rule: INVITATION_LIMITS.perSender },
		{ key: `invite:recipient:${send.email}`, rule: INVITATION_LIMITS.perRecipient },
		{ key: `invite:${send.scope}:${send.targetId}`, rule: INVITATION_LIMITS.perTenant },
	];
}

/** "3 minutes", "2 hours": when to try again, rounded up. */
function waitWords(seconds: number): string {
	if (seconds < 90 * 60) {
		const minutes = Math.max(1, Math.ceil(seconds / 60));
		return `${minutes} minute${minutes === 1 ? "" : "s"}`;
	}
	const hours = Math.ceil(seconds / 3600);
	return `${hours} hours`;
}

/** The 429 for an invitation refused by its rate-limit guard: which limit, and when to try again. */
export async function invitationLimitError(
	db: Database,
	send: InvitationSend,
	now = Date.now(),
): Promise<RateLimitedError> {
	const checks = invitationLimits(send);
	const full = await fullRateLimit(db, checks, now);
	const retryAfter = full?.retryAfterSeconds ?? 60;
	const wait = waitWords(retryAfter);
	switch (full?.check.key) {
		case checks[1]?.key:
			return new RateLimitedError(
				`This address has had as many invitations as it may get in a day. Try again in ${wait}.`,
				retryAfter,
			);
		case checks[2]?.key:
			return new RateLimitedError(
				`This ${TENANT_WORDS[send.scope]} has sent as many invitations as it may in a day. Try again in ${wait}.`,
				retryAfter,
			);
		default:
			return new RateLimitedError(`You have sent many invitations in a short time. Try again in ${wait}.`, retryAfter);
	}
}
