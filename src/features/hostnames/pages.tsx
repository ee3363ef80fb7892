import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import { authorizedEdition } from "../../domain/edition-access";
import { editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";
import { scheduleDelivery } from "../../lib/mailer";
import { mainOrigin } from "../../lib/main-origin";
import { hostsConsoleUrl } from "../../urls";
import { ButtonForm, type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import { hostnameVerifier } from "./choose-verifier";
import { HostnameSchema, normalizeHost } from "./hostnames";
import { addEditionHost, listEditionHosts, removeEditionHost } from "./hosts";
import { NOTICES } from "./notices";
import { checkEditionHost } from "./verification";
import { HostsPage } from "./views";

const AddHostForm = z.object({ hostname: HostnameSchema });

async function renderHosts(c: Context<AppEnv>, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const { edition, series } = await authorizedEdition(c, "edition.view", c.req.param("id") ?? "");
	const hosts = await listEditionHosts(c.var.db, edition.id);
	return c.html(
		<HostsPage
			user={requireAuth(c).user}
			edition={edition}
			series={series}
			hosts={hosts}
			canManage={can(await currentActor(c), "edition.manage_hosts", editionResource(edition))}
			mainHost={c.env.MAIN_HOST}
			verifier={hostnameVerifier(c.env).kind}
			notice={noticeFrom(c)}
			failed={failed}
		/>,
		status,
	);
}

/** Console pages of an edition's custom host names. Forms work without JavaScript. */
export const hostsPages = new Hono<AppEnv>()
	// "/hosts/*" matches "/hosts" too.
	.use("/console/editions/:id/hosts/*", requireSignedInPage)
	.get("/console/editions/:id/hosts", (c) => renderHosts(c))
	.post("/console/editions/:id/hosts", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.manage_hosts", c.req.param("id"));
		return submitForm(c, {
			form: "add-host",
			schema: AddHostForm,
			run: ({ hostname }) =>
				addEditionHost(c.var.db, {
					editionId: edition.id,
					hostname,
					mainHost: c.env.MAIN_HOST,
					verifier: hostnameVerifier(c.env),
				}),
			redirectTo: () => withNotice(hostsConsoleUrl(edition.id), NOTICES.host_pending),
			rerender: (failed, status) => renderHosts(c, failed, status),
		});
	})
	.post("/console/editions/:id/hosts/:hostname/check", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.manage_hosts", c.req.param("id"));
		return submitForm(c, {
			form: "check-host",
			schema: ButtonForm,
			run: async () => {
				const outcome = await checkEditionHost(c.var.db, {
					editionId: edition.id,
					hostname: normalizeHost(c.req.param("hostname")),
					verifier: hostnameVerifier(c.env),
					origin: mainOrigin(c),
				});
				scheduleDelivery(c, outcome.mailIds);
				return outcome.host;
			},
			redirectTo: (host) =>
				withNotice(
					hostsConsoleUrl(edition.id),
					host.state === "verified" ? NOTICES.host_verified : NOTICES.host_not_verified,
				),
			rerender: (failed, status) => renderHosts(c, failed, status),
		});
	})
	.post("/console/editions/:id/hosts/:hostname/remove", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.manage_hosts", c.req.param("id"));
		return submitForm(c, {
			form: "remove-host",
			schema: ButtonForm,
			run: () =>
				removeEditionHost(c.var.db, { editionId: edition.id, hostname: normalizeHost(c.req.param("hostname")) }),
			redirectTo: (outcome) =>
				withNotice(hostsConsoleUrl(edition.id), outcome === "held" ? NOTICES.host_held : "removed"),
			rerender: (failed, status) => renderHosts(c, failed, status),
		});
	});
