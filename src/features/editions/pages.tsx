import { type Context, Hono } from "hono";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import { unreviewedMark } from "../../domain/copied-texts";
import { authorizedEdition } from "../../domain/edition-access";
import { clonedFrom, editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";
import { abstractCallUrl, contentUrl, settingsUrl } from "../../urls";
import { CopiedTextNotice } from "../../views/copied-text";
import { FieldsFormPage } from "../../views/edition-page";
import { type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import { dossierCountsFor } from "../handover";
import { factsFor } from "../insights";
import { ABSTRACT_CALL_FIELDS, abstractCallSchema, loadAbstractCall, saveAbstractCall } from "./abstract-call";
import { SETTINGS_FIELDS, settingsOf, settingsSchema, updateSettings } from "./settings";
import { EditionContentPage } from "./views";

async function viewContext(c: Context<AppEnv>) {
	const found = await authorizedEdition(c, "edition.view", c.req.param("id") ?? "");
	const actor = await currentActor(c);
	const canEdit = can(actor, "edition.update", editionResource(found.edition));
	// Lifecycle buttons on the content page (src/features/lifecycle).
	const canChangeStatus = can(actor, "edition.change_status", editionResource(found.edition));
	// The link to publish a template from the edition's parts (src/features/templates).
	const canPublishTemplate = can(actor, "template.publish", editionResource(found.edition));
	// The link to the edition's mail log (src/features/mail).
	const canViewMail = can(actor, "edition.view_mail", editionResource(found.edition));
	// The link to the edition's audit log (src/features/audit).
	const canViewAudit = can(actor, "edition.view_audit", editionResource(found.edition));
	// The link to the edition's registrations (src/features/attendees).
	const canViewRegistrations = can(actor, "edition.view_registrations", editionResource(found.edition));
	return {
		...found,
		user: requireAuth(c).user,
		canEdit,
		canChangeStatus,
		canPublishTemplate,
		canViewMail,
		canViewAudit,
		canViewRegistrations,
	};
}

async function renderSettings(c: Context<AppEnv>, failed?: FailedForm, status = 200) {
	const context = await viewContext(c);
	return c.html(
		<FieldsFormPage
			{...context}
			title="Settings"
			fields={SETTINGS_FIELDS}
			data={settingsOf(context.edition)}
			action={settingsUrl(context.edition)}
			submitLabel="Save settings"
			failed={failed}
			notice={noticeFrom(c)}
		/>,
		status as 200,
	);
}

async function renderAbstractCall(c: Context<AppEnv>, failed?: FailedForm, status = 200) {
	const context = await viewContext(c);
	const [data, copied] = await Promise.all([
		loadAbstractCall(c.var.db, context.edition.id),
		// The call is keyed by its edition: its copied-text mark names the edition as its row.
		context.canEdit ? unreviewedMark(c.var.db, context.edition.id, "abstract_calls", context.edition.id) : undefined,
	]);
	return c.html(
		<FieldsFormPage
			{...context}
			above={<CopiedTextNotice editionId={context.edition.id} mark={copied} />}
			title="Call for abstracts"
			fields={ABSTRACT_CALL_FIELDS}
			data={data}
			action={abstractCallUrl(context.edition)}
			submitLabel="Save the call"
			failed={failed}
			notice={noticeFrom(c)}
		/>,
		status as 200,
	);
}

/** The edition's console home, its settings and its call for abstracts. */
export const editionPages = new Hono<AppEnv>()
	.use("/console/editions/:id/content", requireSignedInPage)
	.use("/console/editions/:id/settings", requireSignedInPage)
	.use("/console/editions/:id/abstract-call", requireSignedInPage)
	.get("/console/editions/:id/abstract-call", (c) => renderAbstractCall(c))
	.post("/console/editions/:id/abstract-call", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.update", c.req.param("id"));
		return submitForm(c, {
			form: "abstract-call",
			schema: abstractCallSchema,
			run: (data) => saveAbstractCall(c.var.db, edition.id, data),
			redirectTo: () => withNotice(abstractCallUrl(edition), "updated"),
			rerender: (failed, status) => renderAbstractCall(c, failed, status),
		});
	})
	.get("/console/editions/:id/content", async (c) => {
		const context = await viewContext(c);
		const [source, facts, dossier] = await Promise.all([
			clonedFrom(c.var.db, context.edition),
			factsFor(c.var.db, context.edition.id),
			dossierCountsFor(c, context.edition),
		]);
		return c.html(
			<EditionContentPage {...context} clonedFrom={source} facts={facts} dossier={dossier} notice={noticeFrom(c)} />,
		);
	})
	.get("/console/editions/:id", (c) => c.redirect(contentUrl(c.req.param("id")), 303))
	.get("/console/editions/:id/settings", (c) => renderSettings(c))
	.post("/console/editions/:id/settings", async (c) => {
		const { edition } = await authorizedEdition(c, "edition.update", c.req.param("id"));
		return submitForm(c, {
			form: "settings",
			schema: settingsSchema,
			run: (data) => updateSettings(c.var.db, edition, data),
			redirectTo: () => withNotice(settingsUrl(edition), "updated"),
			rerender: (failed, status) => renderSettings(c, failed, status),
		});
	});
