/** The edition's Mail page in the console (chairs and organizers: `edition.view_mail`). */
import { Hono } from "hono";
import { requireAuth, requireSignedInPage } from "../../auth/guard";
import { authorizedEdition } from "../../domain/edition-access";
import type { AppEnv } from "../../env";
import { listEditionMail } from "./mail-log";
import { MailPage } from "./views";

export const mailPages = new Hono<AppEnv>()
	.use("/console/editions/:id/mail", requireSignedInPage)
	.get("/console/editions/:id/mail", async (c) => {
		const { edition, series } = await authorizedEdition(c, "edition.view_mail", c.req.param("id"));
		const mails = await listEditionMail(c.var.db, edition.id);
		return c.html(<MailPage edition={edition} series={series} user={requireAuth(c).user} mails={mails} />);
	});
