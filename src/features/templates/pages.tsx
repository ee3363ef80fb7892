/**
 * The template library in the console. Handlers stay thin: authorize through the policy (a
 * template the user may not see is a 404), parse the form, call ./library.ts, render. Applying a
 * template is the setup wizard's option "start from a template" (../cloning/pages.tsx).
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import { authorizedEdition } from "../../domain/edition-access";
import type { AppEnv } from "../../env";
import { limitCostly } from "../../lib/costly-actions";
import { templateConsoleUrl } from "../../urls";
import { type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import type { FormValues } from "../../views/parse-form";
import { CLONE_PARTS, type ClonePart, filledParts, partField } from "../cloning";
import { authorizedTemplate, authorizedVersion, visibleSources, visibleTemplates, visibleUses } from "./access";
import {
	filterTemplates,
	findTemplate,
	forkTemplate,
	listUses,
	listVersions,
	publishableEditions,
	publishTemplate,
	republishTemplate,
	templateResource,
} from "./library";
import { TemplatePage, TemplatesPage, VersionPage } from "./library-views";
import { NOTICES } from "./notices";
import { PublishPage } from "./publish-views";
import { ForkForm, PublishForm, RepublishForm } from "./schemas";

type Ctx = Context<AppEnv>;

const LIBRARY = "/console/templates";
const TEMPLATE = `${LIBRARY}/:ref`;
const PUBLISH = "/console/editions/:id/publish-template";

const isPart = (value: string | undefined): value is ClonePart =>
	value !== undefined && (CLONE_PARTS as readonly string[]).includes(value);

async function renderTemplate(c: Ctx, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const { user } = requireAuth(c);
	const { info } = await authorizedTemplate(c, "template.view", c.req.param("ref") ?? "");
	const actor = await currentActor(c);
	const forkedRef = info.forkedFrom?.split("@")[0];
	const [versions, uses, editions, forkedFrom] = await Promise.all([
		listVersions(c.var.db, info),
		listUses(c.var.db, info.ref),
		publishableEditions(c.var.db, user.id),
		forkedRef ? findTemplate(c.var.db, forkedRef) : undefined,
	]);
	const mayManage = can(actor, "template.manage", templateResource(info));
	return c.html(
		<TemplatePage
			user={user}
			template={info}
			versions={await visibleSources(c, versions)}
			uses={await visibleUses(c, uses)}
			forkedFromName={forkedFrom && can(actor, "template.view", templateResource(forkedFrom)) ? forkedFrom.name : null}
			editions={editions}
			republishFrom={mayManage ? editions.filter((e) => e.seriesId === info.series?.id) : []}
			notice={noticeFrom(c)}
			failed={failed}
		/>,
		status,
	);
}

async function renderPublish(c: Ctx, values?: FormValues, failed?: FailedForm, status: ContentfulStatusCode = 200) {
	const found = await authorizedEdition(c, "template.publish", c.req.param("id") ?? "");
	const actor = await currentActor(c);
	const [filled, all] = await Promise.all([filledParts(c.var.db, found.edition.id), visibleTemplates(c)]);
	const manageable = all.filter(
		(t) => t.series?.id === found.edition.seriesId && can(actor, "template.manage", templateResource(t)),
	);
	const defaults: FormValues = {
		name: found.series.shortName ? `${found.series.shortName} symposium` : found.edition.name,
		visibility: "series",
		...Object.fromEntries(filled.map((p) => [partField(p), "on"])),
	};
	return c.html(
		<PublishPage
			{...found}
			user={requireAuth(c).user}
			filled={filled}
			manageable={manageable}
			values={failed?.values ?? values ?? defaults}
			failed={failed}
		/>,
		status,
	);
}

export const templatesPages = new Hono<AppEnv>()
	.use(LIBRARY, requireSignedInPage)
	.use(`${LIBRARY}/*`, requireSignedInPage)
	.use(PUBLISH, requireSignedInPage)
	.get(LIBRARY, async (c) => {
		const { user } = requireAuth(c);
		const { series, part, publisher } = c.req.query();
		const filters = {
			series: series || undefined,
			part: isPart(part) ? part : undefined,
			publisher: publisher || undefined,
		};
		const [visible, publishable] = await Promise.all([visibleTemplates(c), publishableEditions(c.var.db, user.id)]);
		const unique = <T extends { slug: string }>(items: (T | null)[]) =>
			[...new Map(items.filter((i): i is T => i !== null).map((i) => [i.slug, i])).values()].sort((a, b) =>
				a.slug.localeCompare(b.slug),
			);
		return c.html(
			<TemplatesPage
				user={user}
				templates={filterTemplates(visible, filters)}
				filters={filters}
				options={{
					series: unique(visible.map((t) => t.series)),
					publishers: unique(visible.map((t) => t.institution)),
				}}
				publishable={publishable}
				notice={noticeFrom(c)}
			/>,
		);
	})
	.get(TEMPLATE, (c) => renderTemplate(c))
	.get(`${TEMPLATE}/versions/:version{[0-9]+}`, async (c) => {
		const { user } = requireAuth(c);
		const found = await authorizedVersion(c, c.req.param("ref"), Number(c.req.param("version")));
		return c.html(<VersionPage user={user} template={found.info} version={found.version} document={found.document} />);
	})
	.post(`${TEMPLATE}/versions`, async (c) => {
		const { info: template, actor } = await authorizedTemplate(c, "template.manage", c.req.param("ref"));
		return submitForm(c, {
			form: "republish",
			schema: RepublishForm,
			run: async ({ editionId, ...data }) => {
				const { edition } = await authorizedEdition(c, "template.publish", editionId);
				await limitCostly(c, "template-publish", actor.userId);
				return republishTemplate(c.var.db, { ...data, template, edition, userId: actor.userId });
			},
			redirectTo: ({ id }) => withNotice(templateConsoleUrl(id), NOTICES.template_version_published),
			rerender: (failed, status) => renderTemplate(c, failed, status),
		});
	})
	.post(`${TEMPLATE}/fork`, async (c) => {
		const { info, actor } = await authorizedTemplate(c, "template.view", c.req.param("ref"));
		return submitForm(c, {
			form: "fork",
			schema: ForkForm,
			run: async ({ editionId, version, ...data }) => {
				const source = await authorizedVersion(c, info.ref, version);
				const { edition } = await authorizedEdition(c, "template.publish", editionId);
				await limitCostly(c, "template-publish", actor.userId);
				return forkTemplate(c.var.db, { ...data, source, edition, userId: actor.userId });
			},
			redirectTo: ({ id }) => withNotice(templateConsoleUrl(id), NOTICES.template_forked),
			rerender: (failed, status) => renderTemplate(c, failed, status),
		});
	})
	.get(PUBLISH, (c) => renderPublish(c))
	.post(PUBLISH, async (c) => {
		const { edition, actor } = await authorizedEdition(c, "template.publish", c.req.param("id"));
		return submitForm(c, {
			form: "publish",
			schema: PublishForm,
			run: async (data) => {
				await limitCostly(c, "template-publish", actor.userId);
				return publishTemplate(c.var.db, { ...data, edition, userId: actor.userId });
			},
			redirectTo: ({ id }) => withNotice(templateConsoleUrl(id), NOTICES.template_published),
			rerender: (failed, status) => renderPublish(c, undefined, failed, status),
		});
	});
