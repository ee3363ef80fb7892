/**
 * The attendee's pages of an edition, on the main host: `register` (the tickets with live seats
 * and the form) and `me` (My page). They read the session, so they are never edge-cached
 * (`private, no-store`); on a custom host they send the visitor to the same page on the main host,
 * where the session cookie lives. After signing in from here, the attendee comes back here, never
 * to the organizer console.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { authorize, setSessionCookie } from "../../auth/guard";
import { editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";
import { AppError, notFound } from "../../lib/errors";
import { scheduleDelivery } from "../../lib/mailer";
import { mainOrigin } from "../../lib/main-origin";
import { myPageUrl, registerUrl, signInUrl } from "../../urls";
import { ButtonForm, defineNotices, handleFormPost, noticeFrom, withNotice } from "../../views/form-flow";
import { ConfirmLinkPage, clientIp, EmailSchema, LinkProblemPage } from "../accounts";
import { RegisterPage, type Site, sectionBody, sitePage } from "../site";
import { cancelUntil, editUntil, loadRegistrationConfig, onSale, type RegistrationConfig, saleWindow } from "./config";
import { fromForm, registrationSchema } from "./form-schema";
import {
	acceptOwnOffer,
	cancelOwnRegistration,
	findOwnRegistration,
	registerAttendee,
	updateAnswers,
} from "./registering";
import { seatsLeft } from "./seats";
import { findRegistrationLink, registerSignedOut, useRegistrationLink } from "./signed-out";
import { CheckInboxPage, MyPage, RegisterForm, RegisterIntro } from "./views";

type Ctx = Context<AppEnv>;

const NOTICES = defineNotices({
	registered: "Thank you: your registration is in. We sent you a mail about it.",
	answers_saved: "Your answers are saved.",
	registration_cancelled: "Your registration is cancelled.",
	offer_accepted: "The seat is yours.",
	link_confirmed: "Your registration is confirmed. We sent you a mail about it.",
	link_held: "Your seat is held for payment. We sent you a mail about it.",
	link_retaken:
		"Your held seat had lapsed before you used the link, so we took a seat for you again. We sent you a mail about it.",
	link_waitlisted:
		"Your held seat had lapsed before you used the link and the ticket is full now: you are on the waiting list.",
	link_closed: "Your account is ready, but this ticket is no longer on sale, so you are not registered.",
	link_signed_in: "You are signed in.",
});

const LINK_NOTICES = {
	confirmed: NOTICES.link_confirmed,
	held: NOTICES.link_held,
	retaken: NOTICES.link_retaken,
	waitlisted: NOTICES.link_waitlisted,
	closed: NOTICES.link_closed,
	unchanged: NOTICES.link_signed_in,
} as const;

/** These pages depend on who asks: never kept by any cache. */
const personal: MiddlewareHandler<AppEnv> = async (c, next) => {
	await next();
	c.header("Cache-Control", "private, no-store");
};

/**
 * On a custom host, the same page on the main host (the session cookie is host-only there). The
 * edition's own pages at `/s/{series}/{year}/…` on the main host.
 */
function onMainHost(c: Ctx, site: Site, path: string): Response | undefined {
	if (!site.links.platformOrigin) return undefined;
	return c.redirect(`${mainOrigin(c)}${path}`, 302);
}

const registerPath = (site: Site) => registerUrl(site.series, site.edition);
const mePath = (site: Site) => myPageUrl(site.series, site.edition);

async function renderRegister(
	c: Ctx,
	site: Site,
	state = { values: {}, fields: {} } as { values: Record<string, string>; fields: Record<string, string> },
	status: 200 | 400 | 409 | 422 = 200,
) {
	const now = new Date();
	const auth = c.var.auth;
	const [config, seats, body, own] = await Promise.all([
		loadRegistrationConfig(c.var.db, site.edition.id),
		seatsLeft(c.var.db, site.edition.id, now),
		sectionBody(c, site, "register"),
		auth ? findOwnRegistration(c.var.db, site.edition.id, auth.user.id) : Promise.resolve(undefined),
	]);
	const published = site.edition.status === "published";
	const selling = published ? config.tickets.filter((t) => onSale(site.edition, t, now)) : [];
	const upcoming = config.tickets
		.map((t) => saleWindow(site.edition, t).opens)
		.filter((opens) => opens > now)
		.sort((a, b) => a.getTime() - b.getTime())[0];
	let intro: Child;
	let form: Child | undefined;
	if (selling.length === 0) {
		intro = (
			<RegisterIntro>
				<p>
					{published && upcoming
						? "Registration is not open yet: the tickets below say from when they are on sale."
						: "Registration is closed."}
				</p>
			</RegisterIntro>
		);
	} else if (!auth) {
		intro = (
			<RegisterIntro>
				<p>
					Registration is open. Register below: we email you a link to confirm it, which also gives you an account to
					manage it. Have an account? <a href={signInUrl(registerPath(site))}>Sign in</a> first and the form is filled
					in.
				</p>
			</RegisterIntro>
		);
		form = (
			<RegisterForm
				action={registerPath(site)}
				tickets={selling}
				seats={seats.byTicket}
				fields={config.fields}
				state={state}
			/>
		);
	} else if (own && own.status !== "cancelled") {
		intro = (
			<RegisterIntro>
				<p>
					You are registered. <a href={mePath(site)}>See your registration on My page</a>.
				</p>
			</RegisterIntro>
		);
	} else {
		intro = (
			<RegisterIntro>
				<p>Registration is open.</p>
			</RegisterIntro>
		);
		const values = Object.keys(state.values).length
			? state.values
			: { name: auth.user.name, affiliation: auth.user.affiliation, country: auth.user.country };
		form = (
			<RegisterForm
				action={registerPath(site)}
				tickets={selling}
				seats={seats.byTicket}
				fields={config.fields}
				state={{ values, fields: state.fields }}
				email={auth.user.email}
			/>
		);
	}
	return c.html(
		<RegisterPage
			site={site}
			tickets={config.tickets}
			fields={config.fields}
			body={body}
			seats={seats.byTicket}
			intro={intro}
			form={form}
		/>,
		status,
	);
}

async function renderMyPage(
	c: Ctx,
	site: Site,
	state?: { values: Record<string, string>; fields: Record<string, string> },
	status: 200 | 400 | 409 | 422 = 200,
) {
	const auth = c.var.auth;
	if (!auth) throw new Error("My page needs a signed-in attendee");
	const now = new Date();
	const [config, registration] = await Promise.all([
		loadRegistrationConfig(c.var.db, site.edition.id),
		findOwnRegistration(c.var.db, site.edition.id, auth.user.id),
	]);
	if (registration) {
		await authorize(c, "registration.view", {
			kind: "registration",
			editionId: site.edition.id,
			userId: registration.userId,
		});
	}
	const edit = editUntil(site.edition, config.policy);
	const cancel = cancelUntil(site.edition, config.policy);
	const base = mePath(site);
	return c.html(
		<MyPage
			site={site}
			registration={registration}
			ticket={config.tickets.find((t) => t.id === registration?.ticketTypeId)}
			fields={config.fields}
			cancellationPolicy={config.policy.cancellationPolicy}
			canEdit={now < edit}
			canCancel={now < cancel}
			editUntil={edit}
			cancelUntil={cancel}
			registerHref={registerPath(site)}
			actions={{ edit: base, cancel: `${base}/cancel`, accept: `${base}/accept` }}
			state={state}
			notice={state ? undefined : noticeFrom(c)}
		/>,
		status,
	);
}

/**
 * An attendee page of the request's edition: on the main host (else there), signed in when
 * `signedIn` (else to sign-in and back). Only the register page shows in a committee preview;
 * My page and every post are for a published edition's attendees (a draft's are unknown: 404).
 */
function attendeePage(render: (c: Ctx, site: Site) => Promise<Response>, signedIn: boolean) {
	return sitePage(async (c, site) => {
		const path = new URL(c.req.url).pathname.endsWith("/register") ? registerPath(site) : mePath(site);
		if (site.links.preview && (signedIn || c.req.method !== "GET")) throw notFound();
		const moved = onMainHost(c, site, path);
		if (moved) return moved;
		if (signedIn && !c.var.auth) return c.redirect(signInUrl(path), 303);
		return render(c, site);
	});
}

/** The registration's own row once the policy lets the signed-in attendee manage it. */
async function ownRegistration(c: Ctx, site: Site) {
	const auth = c.var.auth;
	if (!auth) throw new Error("needs a signed-in attendee");
	const registration = await findOwnRegistration(c.var.db, site.edition.id, auth.user.id);
	if (!registration) return undefined;
	await authorize(c, "registration.manage", {
		kind: "registration",
		editionId: site.edition.id,
		userId: registration.userId,
	});
	return registration;
}

/**
 * The signed-out form: the same answer page whether or not an account has the address (only the
 * mail differs), after the same steps on both paths.
 */
function registerSignedOutPost(c: Ctx, site: Site, fields: RegistrationConfig["fields"]) {
	return handleFormPost(c, {
		schema: z.preprocess(
			(values) => ({
				...fromForm(values as Record<string, unknown>, fields),
				email: (values as Record<string, unknown>).email,
			}),
			registrationSchema(fields).extend({ email: EmailSchema }),
		),
		rerender: (state, status) => renderRegister(c, site, state, status as 400),
		act: async ({ email, ...data }) => {
			const mailIds = await registerSignedOut(
				c.var.db,
				{ edition: site.edition, series: site.series, origin: mainOrigin(c), ip: clientIp(c) },
				email,
				data,
			);
			scheduleDelivery(c, mailIds);
			return c.html(<CheckInboxPage site={site} email={email.trim().toLowerCase()} />);
		},
	});
}

/** A registration link's page: on the main host, for a published edition; a dead link says so kindly. */
function linkPage(render: (c: Ctx, site: Site) => Promise<Response>) {
	return sitePage(async (c, site) => {
		if (site.links.preview) throw notFound();
		const token = c.req.query("token");
		const moved = onMainHost(
			c,
			site,
			`${registerPath(site)}/confirm${token ? `?token=${encodeURIComponent(token)}` : ""}`,
		);
		if (moved) return moved;
		try {
			return await render(c, site);
		} catch (error) {
			if (!(error instanceof AppError) || !LINK_PROBLEMS.has(error.code)) throw error;
			return c.html(
				<LinkProblemPage
					message={error.message}
					retry={{ href: registerPath(site), label: "Register again, or sign in to see your registration" }}
				/>,
				error.status,
			);
		}
	});
}

const LINK_PROBLEMS = new Set(["invalid_token", "token_expired", "token_used"]);

const E = "/s/:series/:year";

export const registrationPages = new Hono<AppEnv>()
	.use(`${E}/register`, personal)
	.use(`${E}/me`, personal)
	.use(`${E}/me/*`, personal)
	.get(
		`${E}/register`,
		attendeePage((c, site) => renderRegister(c, site), false),
	)
	.post(
		`${E}/register`,
		attendeePage(async (c, site) => {
			const { fields } = await loadRegistrationConfig(c.var.db, site.edition.id);
			const auth = c.var.auth;
			if (!auth) return registerSignedOutPost(c, site, fields);
			await authorize(c, "edition.register", editionResource(site.edition));
			return handleFormPost(c, {
				schema: z.preprocess(
					(values) => fromForm(values as Record<string, unknown>, fields),
					registrationSchema(fields),
				),
				rerender: (state, status) => renderRegister(c, site, state, status as 400),
				act: async (data) => {
					const outcome = await registerAttendee(
						c.var.db,
						{ user: auth.user, edition: site.edition, series: site.series, origin: mainOrigin(c) },
						data,
					);
					if (outcome.kind === "created" && outcome.mailId) scheduleDelivery(c, [outcome.mailId]);
					return c.redirect(withNotice(mePath(site), NOTICES.registered), 303);
				},
			});
		}, false),
	)
	// GET only shows a button, as for sign-in links: mail scanners open links and must not use them up.
	.get(
		`${E}/register/confirm`,
		linkPage(async (c, site) => {
			const token = c.req.query("token") ?? "";
			await findRegistrationLink(c.var.db, site.edition.id, token);
			return c.html(
				<ConfirmLinkPage
					title="Confirm your registration"
					text={`Press the button to confirm your registration for ${site.edition.name} and sign in on this device.`}
					action={`${registerPath(site)}/confirm`}
					token={token}
					button="Confirm and sign in"
				/>,
			);
		}),
	)
	.post(
		`${E}/register/confirm`,
		linkPage(async (c, site) => {
			const form = await c.req.parseBody();
			const token = typeof form.token === "string" ? form.token : "";
			const { sessionToken, outcome, mailIds } = await useRegistrationLink(
				c.var.db,
				{ edition: site.edition, series: site.series, origin: mainOrigin(c) },
				token,
			);
			scheduleDelivery(c, mailIds);
			setSessionCookie(c, sessionToken);
			return c.redirect(withNotice(mePath(site), LINK_NOTICES[outcome]), 303);
		}),
	)
	.get(
		`${E}/me`,
		attendeePage((c, site) => renderMyPage(c, site), true),
	)
	.post(
		`${E}/me`,
		attendeePage(async (c, site) => {
			const registration = await ownRegistration(c, site);
			if (!registration) return c.redirect(mePath(site), 303);
			const { fields } = await loadRegistrationConfig(c.var.db, site.edition.id);
			return handleFormPost(c, {
				schema: z.preprocess(
					(values) => fromForm(values as Record<string, unknown>, fields).answers,
					z.record(z.string(), z.unknown()),
				),
				rerender: (state, status) => renderMyPage(c, site, state, status as 400),
				act: async (answers) => {
					await updateAnswers(c.var.db, site.edition, registration, answers);
					return c.redirect(withNotice(mePath(site), NOTICES.answers_saved), 303);
				},
			});
		}, true),
	)
	.post(
		`${E}/me/cancel`,
		attendeePage(async (c, site) => {
			const registration = await ownRegistration(c, site);
			if (!registration) return c.redirect(mePath(site), 303);
			return handleFormPost(c, {
				schema: ButtonForm,
				rerender: (state, status) => renderMyPage(c, site, state, status as 422),
				act: async () => {
					const mailIds = await cancelOwnRegistration(
						c.var.db,
						{ edition: site.edition, series: site.series, origin: mainOrigin(c) },
						registration,
					);
					scheduleDelivery(c, mailIds);
					return c.redirect(withNotice(mePath(site), NOTICES.registration_cancelled), 303);
				},
			});
		}, true),
	)
	.post(
		`${E}/me/accept`,
		attendeePage(async (c, site) => {
			const registration = await ownRegistration(c, site);
			if (!registration) return c.redirect(mePath(site), 303);
			return handleFormPost(c, {
				schema: ButtonForm,
				rerender: (state, status) => renderMyPage(c, site, state, status as 422),
				act: async () => {
					await acceptOwnOffer(c.var.db, site.edition, registration);
					return c.redirect(withNotice(mePath(site), NOTICES.offer_accepted), 303);
				},
			});
		}, true),
	);
