/**
 * Registering signed out, by emailed link (README, "Registration"). The form answers the same
 * page whether or not an account has the address, so it never tells who has one; only the mail
 * differs, and only the address's owner reads it:
 *
 * - an address with an account: the registration is written at once as `held` for 24 hours (a
 *   seat counted like any hold; waitlisted when full) and a one-time `register` email token mailed;
 * - a new address: only the form is kept (`pending_registrations`) and a link mailed.
 *
 * Using the link signs in (a new session, as a sign-in link does); for an account it confirms the
 * held seat (or, when the hold lapsed, takes one again in one statement), for a new address it
 * creates the verified account and registers it through `takeSeat`.
 */
import { and, eq, gt, isNull, type SQL, sql } from "drizzle-orm";
import { constantTimeEqual, randomSecret, sha256Hex, splitToken } from "../../auth/secrets";
import { newSession } from "../../auth/sessions";
import type { Database } from "../../db/client";
import { insertIf } from "../../db/insert-if";
import {
	authSessions,
	type Edition,
	outbox,
	pendingRegistrations,
	type Registration,
	registrations,
	type Series,
	users,
} from "../../db/schema";
import { type Change, commit } from "../../db/write";
import { AppError, RateLimitedError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { type MailMessage, outboxInsert, outboxRow } from "../../lib/mailer";
import { type RateLimit, rateLimitHit } from "../../lib/rate-limit";
import { registerUrl } from "../../urls";
import { emailTokenProblem, findEmailToken, issueEmailToken, redeemEmailToken } from "../accounts";
import { loadRegistrationConfig, onSale, type RegistrationConfig } from "./config";
import { registrationMails } from "./mails";
import { checkRegistration } from "./registering";
import { confirmHeldSeat, retakeLapsedSeat, takeSeat } from "./seats";

const HOUR_MS = 3_600_000;
/** How long a signed-out registration for an address with an account holds its seat (issue #19). */
export const SIGNED_OUT_HOLD_HOURS = 24;
/** How long the link works: longer than the hold, so a late click still tries for a seat. */
export const REGISTRATION_LINK_TTL_MS = 7 * 24 * HOUR_MS;

/** Per network and per typed address, known or not (as sign-up is limited). */
export const SIGNED_OUT_LIMITS = {
	perIp: { limit: 10, windowMs: 60 * 60 * 1000 },
	perAddress: { limit: 3, windowMs: 15 * 60 * 1000 },
} as const satisfies Record<string, RateLimit>;

interface Where {
	edition: Edition;
	series: Pick<Series, "slug">;
	/** The main host's origin, for the links in the mail. */
	origin: string;
}

const confirmLink = (w: Where, token: string) =>
	`${w.origin}${registerUrl(w.series, w.edition)}/confirm?token=${encodeURIComponent(token)}`;

const linkMail = (w: Where, to: string, text: string): MailMessage => ({
	to,
	editionId: w.edition.id,
	subject: `Confirm your registration: ${w.edition.name}`,
	text,
});

async function throttle(db: Database, ip: string, email: string, now: number) {
	const checks = [
		[`register:ip:${ip}`, SIGNED_OUT_LIMITS.perIp],
		[`register:address:${email}`, SIGNED_OUT_LIMITS.perAddress],
	] as const;
	const [first, ...rest] = checks.map(([key, rule]) => rateLimitHit(db, key, rule, now));
	if (!first) return;
	const results = await commit(db, [], [first, ...rest]);
	checks.forEach(([, rule], i) => {
		if ((results[i]?.[0]?.count ?? 0) > rule.limit) {
			throw new RateLimitedError(
				"Too many registrations were asked for from here or for this address. Wait a while and try again.",
				(rule.windowMs - (now % rule.windowMs)) / 1000,
			);
		}
	});
}

/**
 * Registers `email` signed out: checks the form (400/422 as signed in), counts the attempt (429),
 * then holds a seat and mails a link (address with an account) or keeps the form and mails a link
 * (new address). Both paths end alike, so the caller answers the same page. Returns the mail ids.
 */
export async function registerSignedOut(
	db: Database,
	w: Where & { ip: string },
	email: string,
	body: unknown,
	now = new Date(),
): Promise<string[]> {
	const address = email.trim().toLowerCase();
	const config = await loadRegistrationConfig(db, w.edition.id);
	const { input, ticket } = checkRegistration(w.edition, config, body, now);
	await throttle(db, w.ip, address, now.getTime());
	const user = await db.select({ id: users.id }).from(users).where(eq(users.email, address)).get();
	const mailId = newId();
	if (user) {
		const { token, insert } = await issueEmailToken(db, { purpose: "register", userId: user.id, email: address }, now);
		await commit(db, [], [insert]);
		const link = confirmLink(w, token);
		const until = new Date(now.getTime() + SIGNED_OUT_HOLD_HOURS * HOUR_MS);
		const held = registrationMails({ ...w, to: address, ticketName: ticket.name }, until).held;
		const outcome = await takeSeat(
			db,
			{
				editionId: w.edition.id,
				ticket,
				email: address,
				name: input.name,
				affiliation: input.affiliation,
				country: input.country,
				role: input.role,
				answers: input.answers as Record<string, string | boolean>,
				userId: user.id,
				listConsent: input.listConsent,
				holdHours: SIGNED_OUT_HOLD_HOURS,
			},
			config.policy,
			now,
			{
				held: linkMail(
					w,
					address,
					`A seat at ${w.edition.name} (${ticket.name}) is held for you for 24 hours. Confirm your registration with this link; it also signs you in:\n\n${link}\n\n${held.text.split("\n\n").at(-1) ?? ""}`,
				),
				waitlisted: linkMail(
					w,
					address,
					`${w.edition.name} (${ticket.name}) is full, so you are on the waiting list. Confirm your registration with this link; it also signs you in:\n\n${link}\n`,
				),
			},
		);
		if (outcome.kind === "created") return outcome.mailId ? [outcome.mailId] : [];
		// Registered before: the link signs them in to see it (the page answers as always).
		await outboxInsert(
			db,
			linkMail(
				w,
				address,
				`You are already registered for ${w.edition.name}. Sign in with this link to see your registration:\n\n${link}\n`,
			),
			mailId,
		);
		return [mailId];
	}
	const id = randomSecret();
	const secret = randomSecret();
	const link = confirmLink(w, `${id}.${secret}`);
	await commit(
		db,
		[],
		[
			db.insert(pendingRegistrations).values({
				id,
				editionId: w.edition.id,
				email: address,
				secretHash: await sha256Hex(secret),
				form: { ...input, answers: input.answers as Record<string, string | boolean> },
				expiresAt: new Date(now.getTime() + REGISTRATION_LINK_TTL_MS),
				createdAt: now,
			}),
			outboxInsert(
				db,
				linkMail(
					w,
					address,
					`Confirm your address to complete your registration for ${w.edition.name} (${ticket.name}). The link also creates your Baton account, with which you manage your registration:\n\n${link}\n`,
				),
				mailId,
			),
		],
	);
	return [mailId];
}

/** What using a link did, for the notice on My page. */
export type LinkOutcome = "confirmed" | "held" | "retaken" | "waitlisted" | "closed" | "unchanged";

type Found =
	| { kind: "account"; token: Awaited<ReturnType<typeof findEmailToken>> & { status: "live" } }
	| { kind: "pending"; row: typeof pendingRegistrations.$inferSelect };

/** The live link behind `presented` for this edition, or the kind error (400 invalid, 410 used/expired). */
export async function findRegistrationLink(
	db: Database,
	editionId: string,
	presented: string,
	now = new Date(),
): Promise<Found> {
	const account = await findEmailToken(db, presented, "register", now);
	if (account.status === "live") return { kind: "account", token: account };
	if (account.status !== "invalid") throw emailTokenProblem(account.status);
	const parts = splitToken(presented);
	const row = parts
		? await db.select().from(pendingRegistrations).where(eq(pendingRegistrations.id, parts.id)).get()
		: undefined;
	if (
		!parts ||
		!row ||
		row.editionId !== editionId ||
		!constantTimeEqual(await sha256Hex(parts.secret), row.secretHash)
	)
		throw emailTokenProblem("invalid");
	if (row.usedAt) throw emailTokenProblem("used");
	if (row.expiresAt.getTime() <= now.getTime()) throw emailTokenProblem("expired");
	return { kind: "pending", row };
}

/**
 * Uses a registration link once: signs in and completes the registration. Returns the session's
 * cookie token and what happened to the seat.
 */
export async function useRegistrationLink(
	db: Database,
	w: Where,
	presented: string,
	now = new Date(),
): Promise<{ sessionToken: string; outcome: LinkOutcome; mailIds: string[] }> {
	const found = await findRegistrationLink(db, w.edition.id, presented, now);
	const config = await loadRegistrationConfig(db, w.edition.id);
	if (found.kind === "account") return useAccountLink(db, w, config, found.token.token, now);
	return usePendingLink(db, w, config, found.row, now);
}

async function useAccountLink(
	db: Database,
	w: Where,
	config: RegistrationConfig,
	token: { id: string; userId: string; email: string },
	now: Date,
) {
	const session = await newSession(token.userId, now);
	const registration = await db
		.select()
		.from(registrations)
		.where(and(eq(registrations.editionId, w.edition.id), eq(registrations.email, token.email)))
		.get();
	const ticketName = config.tickets.find((t) => t.id === registration?.ticketTypeId)?.name ?? "";
	const mailIds: Record<string, string> = {};
	const results = await redeemEmailToken(
		db,
		{ ...token, purpose: "register" },
		({ live, insertWhileLive }) => {
			const base = [
				db
					.update(users)
					.set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.getTime()})` })
					.where(and(eq(users.id, token.userId), live)),
				insertWhileLive(authSessions, session.row),
			];
			if (!registration) return base;
			const mails = registrationMails(
				{ ...w, to: token.email, ticketName },
				new Date(now.getTime() + config.policy.holdHours * HOUR_MS),
			);
			return [
				...base,
				confirmHeldSeat(db, registration, config.policy, now, live),
				retakeLapsedSeat(db, registration, config.policy, now, SIGNED_OUT_HOLD_HOURS, live),
				...Object.entries(mails).map(([status, mail]) => {
					const id = newId();
					mailIds[status] = id;
					return insertIf(db, outbox, outboxRow(mail, id), changedTo(registration, status, now, live));
				}),
			];
		},
		now,
		registration ? seatChanges(registration) : [],
	);
	const [confirmed, retaken] = [results[2] as Registration[] | undefined, results[3] as Registration[] | undefined];
	let outcome: LinkOutcome = "unchanged";
	const changed = confirmed?.[0] ?? retaken?.[0];
	if (confirmed?.[0]) outcome = confirmed[0].status === "confirmed" ? "confirmed" : "held";
	else if (retaken?.[0]) outcome = retaken[0].status === "waitlisted" ? "waitlisted" : "retaken";
	const mailId = changed ? mailIds[changed.status] : undefined;
	return { sessionToken: session.token, outcome, mailIds: mailId ? [mailId] : [] };
}

/** Only when this redemption changed the registration to `status`. */
const changedTo = (registration: Registration, status: string, now: Date, live: SQL) =>
	sql`${live} and exists (select 1 from registrations where id = ${registration.id} and status = ${status} and updated_at = ${now.getTime()})`;

const seatChanges = (registration: Registration): Change[] => [
	{
		action: "registration.registration.updated",
		id: registration.id,
		editionId: registration.editionId,
		before: { status: "held" },
		after: { status: "confirmed by its emailed link" },
		of: 2,
	},
	{
		action: "registration.registration.updated",
		id: registration.id,
		editionId: registration.editionId,
		before: { status: "lapsed" },
		after: { status: "seat taken again by its emailed link" },
		of: 3,
	},
];

async function usePendingLink(
	db: Database,
	w: Where,
	config: RegistrationConfig,
	row: typeof pendingRegistrations.$inferSelect,
	now: Date,
) {
	const form = row.form as {
		ticketTypeId: string;
		name: string;
		affiliation: string;
		country: string;
		role: Registration["role"];
		answers: Record<string, string | boolean>;
		listConsent: boolean;
	};
	// The address may have got an account meanwhile (another link, a sign-up): the link proves it, so it is theirs.
	const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, row.email)).get();
	const userId = existing?.id ?? newId();
	const session = await newSession(userId, now);
	const consumed = sql`exists (select 1 from pending_registrations where id = ${row.id} and used_at = ${now.getTime()})`;
	const noAccount = sql`not exists (select 1 from users where email = ${row.email})`;
	const [used] = await commit(
		db,
		[
			{
				action: "account.user.created",
				id: userId,
				actorId: userId,
				after: { affiliation: form.affiliation, country: form.country },
				personal: { accountId: userId, fields: { email: row.email, name: form.name } },
				of: 1,
			},
		],
		[
			db
				.update(pendingRegistrations)
				.set({ usedAt: now })
				.where(
					and(
						eq(pendingRegistrations.id, row.id),
						isNull(pendingRegistrations.usedAt),
						gt(pendingRegistrations.expiresAt, now),
					),
				)
				.returning({ id: pendingRegistrations.id }),
			insertIf(
				db,
				users,
				{
					id: userId,
					email: row.email,
					name: form.name,
					affiliation: form.affiliation,
					country: form.country,
					emailVerifiedAt: now,
				},
				and(consumed, noAccount) as SQL,
			),
			db
				.update(users)
				.set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.getTime()})` })
				.where(and(eq(users.id, userId), consumed)),
			insertIf(db, authSessions, session.row, consumed),
		],
	);
	if ((used as unknown[]).length !== 1) throw emailTokenProblem("used");
	const ticket = config.tickets.find((t) => t.id === form.ticketTypeId);
	if (!ticket || !onSale(w.edition, ticket, now) || w.edition.status !== "published") {
		return { sessionToken: session.token, outcome: "closed" as const, mailIds: [] };
	}
	const outcome = await takeSeat(
		db,
		{ editionId: w.edition.id, ticket, email: row.email, userId, ...form },
		config.policy,
		now,
		registrationMails(
			{ ...w, to: row.email, ticketName: ticket.name },
			new Date(now.getTime() + config.policy.holdHours * HOUR_MS),
		),
	).catch((error: unknown) => {
		// Registered meanwhile with another ticket (409): the account is theirs; My page shows what they have.
		if (error instanceof AppError) return undefined;
		throw error;
	});
	const status = outcome?.registration.status;
	return {
		sessionToken: session.token,
		mailIds: outcome?.kind === "created" && outcome.mailId ? [outcome.mailId] : [],
		outcome: (status === "confirmed" || status === "held" || status === "waitlisted"
			? status
			: "unchanged") as LinkOutcome,
	};
}
