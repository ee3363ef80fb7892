/**
 * The texts of account emails. Each says what the link does, how long it works and what to do if
 * the reader did not ask for it, since anyone can type someone else's address into a form.
 */
import type { MailMessage } from "../../lib/mailer";
import { keptNext, withNext } from "./requests";

/** Mails written to the outbox by a feature function, for the handler to pass to scheduleDelivery(). */
export interface Mailed {
	mailIds: string[];
}

const SIGNATURE = "\n\n— Baton";

const link = (origin: string, path: string, token: string) => `${origin}${path}?token=${encodeURIComponent(token)}`;

/** `next` is where the link leads after signing in (e.g. an invitation); a path that could leave the site is dropped. */
export function verifyEmailMail(to: string, origin: string, token: string, next?: string): MailMessage {
	return {
		to,
		subject: "Confirm your email address for Baton",
		text: `Hello,\n\nconfirm your email address and sign in to Baton by opening this link (it works for 24 hours):\n\n${withNext(link(origin, "/auth/verify", token), keptNext(next))}\n\nIf you did not create a Baton account, do not open the link; you can ignore this mail.${SIGNATURE}`,
	};
}

/**
 * Sent instead of a verification mail when someone signs up with an address that has an account;
 * its sign-in link keeps the `next` of the sign-up, so an invitee still comes back to the invitation.
 */
export function alreadyRegisteredMail(to: string, origin: string, next?: string): MailMessage {
	return {
		to,
		subject: "You already have a Baton account",
		text: `Hello,\n\nsomeone (perhaps you) tried to create a Baton account with this address, but it already has one.\n\nSign in with your password: ${origin}${withNext("/auth/sign-in", keptNext(next))}\nOr sign in with a link sent by email: ${origin}/auth/sign-in/link\nOr choose a new password: ${origin}/auth/reset\n\nIf this was not you, you can ignore this mail: nothing has changed.${SIGNATURE}`,
	};
}

export function signInLinkMail(to: string, origin: string, token: string): MailMessage {
	return {
		to,
		subject: "Your Baton sign-in link",
		text: `Hello,\n\nopen this link to sign in to Baton. It works once, for 15 minutes:\n\n${link(origin, "/auth/sign-in/link/confirm", token)}\n\nIf you did not ask to sign in, ignore this mail; nobody can sign in without the link.${SIGNATURE}`,
	};
}

export function resetPasswordMail(to: string, origin: string, token: string): MailMessage {
	return {
		to,
		subject: "Choose a new Baton password",
		text: `Hello,\n\nopen this link to choose a new password. It works once, for one hour:\n\n${link(origin, "/auth/reset/confirm", token)}\n\nChoosing a new password signs you out on every device. If you did not ask for this, ignore this mail; your password stays as it is.${SIGNATURE}`,
	};
}

export function changeEmailMail(to: string, origin: string, token: string): MailMessage {
	return {
		to,
		subject: "Confirm your new email address for Baton",
		text: `Hello,\n\nsomeone asked to move a Baton account to this address. Open this link to confirm it (it works for 24 hours):\n\n${link(origin, "/auth/change-email/confirm", token)}\n\nIf you did not ask for this, ignore this mail.${SIGNATURE}`,
	};
}

/** Tells the old address, so a hijacked session cannot quietly move an account away. */
export function emailChangedMail(to: string, newEmail: string, origin: string): MailMessage {
	return {
		to,
		subject: "Your Baton email address was changed",
		text: `Hello,\n\nthe email address of your Baton account is now ${newEmail}. Mail about your account goes there from now on.\n\nIf you did not do this, someone else may be using your account: tell the platform's administrators at ${origin} right away.${SIGNATURE}`,
	};
}
