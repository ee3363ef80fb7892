/**
 * The API of mail: an edition's mail log (chairs and organizers), and the bounce webhook the mail
 * provider calls (no session, no API token: the shared secret MAIL_WEBHOOK_SECRET, compared in
 * constant time).
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { createApiRouter, dataResponse, errorResponses, jsonBody, noToken } from "../../api/openapi";
import { listResponse, PageQuery, paginate } from "../../api/pagination";
import { EditionIdParam } from "../../api/params";
import { constantTimeEqual } from "../../auth/secrets";
import { MAIL_KINDS, MAIL_STATES } from "../../db/schema";
import { authorizedEdition } from "../../domain/edition-access";
import type { AppEnv } from "../../env";
import { AppError, notFound } from "../../lib/errors";
import { listEditionMail, markBounced } from "./mail-log";

const tags = ["Mail"];

/** The header that carries the webhook's shared secret (Authorization is for API tokens). */
export const WEBHOOK_SECRET_HEADER = "X-Baton-Webhook-Secret";

const EditionMailSchema = z
	.object({
		id: z.string().openapi({ description: "The outbox id: the Idempotency-Key Baton sent the provider." }),
		to: z.string(),
		subject: z.string(),
		kind: z.enum(MAIL_KINDS),
		state: z.enum(MAIL_STATES).openapi({
			description:
				"queued: on its way (retried after a failure; `attempts` counts them); sent: the provider took it; failed: every retry failed, it was not sent; bounced: the recipient's server refused it after sending.",
		}),
		attempts: z.number().int(),
		error: z.string().nullable().openapi({ description: "The last delivery error, or the bounce reason." }),
		createdAt: z.iso.datetime(),
		sentAt: z.iso.datetime().nullable(),
	})
	.openapi("EditionMail");

const listMail = createRoute({
	method: "get",
	path: "/editions/{id}/mail",
	operationId: "listEditionMail",
	tags,
	summary: "List the edition's mail, newest first, with each mail's delivery state (chairs and organizers)",
	request: { params: EditionIdParam, query: PageQuery },
	responses: {
		200: listResponse("The newest 200 mails of the edition, a page at a time.", EditionMailSchema),
		...errorResponses(400, 401, 403, 404),
	},
});

const BounceSchema = z
	.object({
		type: z.literal("bounce"),
		id: z.string().min(1).max(64).openapi({ description: "The Idempotency-Key Baton sent with the mail." }),
		reason: z.string().max(2000).default("").openapi({ example: "550 5.1.1 mailbox unavailable" }),
	})
	.strict()
	.openapi("MailBounce");

/** The webhook's shared secret, checked before the body is parsed: a caller without it learns nothing of the payload's rules. */
const webhookSecret: MiddlewareHandler<AppEnv> = async (c, next) => {
	const secret = c.env.MAIL_WEBHOOK_SECRET;
	if (!secret) throw notFound();
	if (!constantTimeEqual(c.req.header(WEBHOOK_SECRET_HEADER) ?? "", secret)) {
		throw new AppError(401, "invalid_secret", `The ${WEBHOOK_SECRET_HEADER} header does not match.`);
	}
	await next();
};

const reportBounce = createRoute({
	middleware: [webhookSecret] as const,
	method: "post",
	path: "/mail/bounces",
	operationId: "reportMailBounce",
	security: noToken,
	tags,
	summary: "Report that a mail bounced (the mail provider's webhook)",
	description: `Called by the mail provider, not by people: no session and no API token, but the shared secret MAIL_WEBHOOK_SECRET in the \`${WEBHOOK_SECRET_HEADER}\` header (401 when it does not match; 404 when Baton has no secret configured). \`id\` is the \`Idempotency-Key\` header Baton sent with the mail (its outbox id); the mail becomes \`bounced\` with \`reason\` as its error. Reporting the same bounce again changes nothing.`,
	request: { ...jsonBody(BounceSchema) },
	responses: {
		200: dataResponse(
			"The mail after the report.",
			z.object({ id: z.string(), state: z.enum(MAIL_STATES) }).openapi("MailBounceResult"),
		),
		...errorResponses(400, 401, 404),
	},
});

export const mailApi = createApiRouter()
	.openapi(listMail, async (c) => {
		const { edition } = await authorizedEdition(c, "edition.view_mail", c.req.valid("param").id);
		const { items, page } = paginate(await listEditionMail(c.var.db, edition.id), c.req.valid("query"), (m) => m.id);
		return c.json(
			{
				data: items.map((mail) => ({
					...mail,
					createdAt: mail.createdAt.toISOString(),
					sentAt: mail.sentAt ? mail.sentAt.toISOString() : null,
				})),
				page,
			},
			200,
		);
	})
	.openapi(reportBounce, async (c) => {
		const { id, reason } = c.req.valid("json");
		return c.json({ data: await markBounced(c.var.db, { id, reason }) }, 200);
	});
