/**
 * The setup wizard in the console. Handlers stay thin: authorize the target (edition.update) and
 * the source (edition.clone_from), parse the form into a clone request, call ./clone.ts, render.
 * Choices travel in the forms (GET for the steps that only read, POST for preview and apply), so
 * the wizard keeps no state of its own and works without JavaScript. The preview's Apply form
 * carries the edition's content version as the preview read it, so what was previewed is what is
 * applied: after another change to the edition the apply is refused (409) and the step's form comes
 * back with the way to a fresh preview.
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { requireAuth, requireSignedInPage } from "../../auth/guard";
import type { AppEnv } from "../../env";
import { limitCostly } from "../../lib/costly-actions";
import { AppError } from "../../lib/errors";
import { contentUrl, setupTemplateUrl, setupUrl } from "../../urls";
import { type FailedForm, submitForm, withNotice } from "../../views/form-flow";
import { type FormValues, parseForm } from "../../views/parse-form";
import {
	authorizedSource,
	authorizedTarget,
	CLONE_PARTS,
	CloneRequest,
	cloneEdition,
	filledParts,
	partField,
	previewClone,
	requestFromForm,
	roomsOf,
	sourceEditions,
} from "../cloning";
import { datesSchema, updateDates } from "../editions";
import { proposedDatesOf } from "../hosting";
import {
	ApplyForm,
	applyTemplate,
	authorizedTemplate,
	authorizedVersion,
	listVersions,
	partsOf,
	previewTemplateApply,
	visibleTemplates,
} from "../templates";
import { NOTICES } from "./notices";
import { ApplyPartsPage, ApplyPreviewPage } from "./template-views";
import { offeredDates, SetupPartsPage, SetupPreviewPage, SetupStartPage } from "./views";

type Ctx = Context<AppEnv>;

const BASE = "/console/editions/:id/setup";
const FORM = "setup";

/** The posted wizard form, validated as the API validates a clone request. */
const WizardForm = z.record(z.string(), z.string()).transform(requestFromForm).pipe(CloneRequest);

async function targetOf(c: Ctx) {
	const found = await authorizedTarget(c, c.req.param("id") ?? "");
	return { ...found, user: requireAuth(c).user };
}

type Target = Awaited<ReturnType<typeof targetOf>>;

async function renderStart(
	c: Ctx,
	target: Target,
	message?: string,
	start?: "template",
	failed?: FailedForm,
	status: ContentfulStatusCode = 200,
) {
	const [{ editions, preferred }, templates, proposed] = await Promise.all([
		sourceEditions(c.var.db, target.edition),
		visibleTemplates(c),
		proposedDatesOf(c.var.db, target.edition.id),
	]);
	return c.html(
		<SetupStartPage
			{...target}
			sources={editions}
			preferred={preferred}
			templates={templates}
			message={message}
			start={start}
			dates={failed?.values ?? offeredDates(target.edition, proposed)}
			proposed={proposed}
			failed={failed}
		/>,
		status,
	);
}

/**
 * The first step's form: the edition's dates (validated as the settings form validates them) and
 * where to start from, with the source edition or template that start needs.
 */
const StartForm = datesSchema.extend({
	start: z.enum(["previous", "template", "blank"], { error: "Choose where to start from." }),
	sourceEditionId: z.string().max(64, "Choose the edition to copy from.").optional(),
	template: z.string().max(200, "Choose a template.").optional(),
});

/**
 * Step 2 from a template: its version (the newest unless `version` names one) and the parts to
 * apply. Without `values` every part the version holds is ticked.
 */
async function renderTemplateParts(
	c: Ctx,
	target: Target,
	ref: string,
	version?: number,
	values?: FormValues,
	failed?: FailedForm,
	status: ContentfulStatusCode = 200,
) {
	const { info } = await authorizedTemplate(c, "template.view", ref);
	const [found, versions, filled] = await Promise.all([
		authorizedVersion(c, info.ref, version),
		listVersions(c.var.db, info),
		filledParts(c.var.db, target.edition.id),
	]);
	const held = partsOf(found.document);
	return c.html(
		<ApplyPartsPage
			{...target}
			template={info}
			versions={versions}
			version={found.version}
			held={held}
			filled={filled}
			values={failed?.values ?? values ?? Object.fromEntries(held.map((part) => [partField(part), "on"]))}
			failed={failed}
		/>,
		status,
	);
}

/** A posted version number, or undefined (the newest). */
const versionOf = (value: string | undefined) => (value && /^\d{1,6}$/.test(value) ? Number(value) : undefined);

/**
 * Step 2 for the source `sourceId`. Without `values` every part that the target has no content in
 * is ticked and every room keeps its name.
 */
async function renderParts(
	c: Ctx,
	target: Target,
	sourceId: string,
	values?: FormValues,
	failed?: FailedForm,
	status: ContentfulStatusCode = 200,
) {
	const { edition: source } = await authorizedSource(c, sourceId);
	const [sourceRooms, filled] = await Promise.all([
		roomsOf(c.var.db, source.id),
		filledParts(c.var.db, target.edition.id),
	]);
	const defaults = Object.fromEntries(CLONE_PARTS.map((part) => [partField(part), "on"]));
	return c.html(
		<SetupPartsPage
			{...target}
			source={source}
			sourceRooms={sourceRooms}
			filled={filled}
			values={failed?.values ?? values ?? defaults}
			failed={failed}
		/>,
		status,
	);
}

/** Whether an error is a domain refusal the form shows beside its fields (as submitForm does). */
const isFormError = (error: unknown): error is AppError =>
	error instanceof AppError && (error.status === 409 || error.status === 422);

export const cloningPages = new Hono<AppEnv>()
	.use(BASE, requireSignedInPage)
	.use(`${BASE}/*`, requireSignedInPage)
	.get(BASE, async (c) => {
		const target = await targetOf(c);
		const { start, sourceEditionId, chosen } = c.req.query();
		// Blank writes nothing: the committee fills the edition by hand.
		if (start === "blank") return c.redirect(withNotice(contentUrl(target.edition.id), NOTICES.setup_blank), 303);
		if (start === "template") {
			const { template, version } = c.req.query();
			// Without a template yet (the edition page's "Apply a template"): the first step, a template chosen.
			if (template === undefined) return renderStart(c, target, undefined, "template");
			if (!template) return renderStart(c, target, "Choose a template.");
			return renderTemplateParts(c, target, template, versionOf(version));
		}
		if (start === "previous" && sourceEditionId) {
			return renderParts(c, target, sourceEditionId, chosen === "1" ? c.req.query() : undefined);
		}
		return renderStart(c, target);
	})
	// Step 1 posted: check the start, save the dates (unchanged ones write nothing), go on.
	.post(`${BASE}/start`, async (c) => {
		const target = await targetOf(c);
		const { edition } = target;
		return submitForm(c, {
			form: FORM,
			schema: StartForm,
			run: async ({ start, sourceEditionId, template, ...dates }) => {
				if (start === "previous") {
					if (!sourceEditionId) throw new AppError(422, "invalid_start", "Choose the edition to copy from.");
					// Before any write: a source the user may not read is a 404 that leaves the dates alone.
					await authorizedSource(c, sourceEditionId);
				}
				if (start === "template" && !template) throw new AppError(422, "invalid_start", "Choose a template.");
				await updateDates(c.var.db, edition, dates);
				if (start === "blank") return withNotice(contentUrl(edition.id), NOTICES.setup_blank);
				if (start === "template") return setupTemplateUrl(edition, template ?? "");
				return `${setupUrl(edition)}?${new URLSearchParams({ start, sourceEditionId: sourceEditionId ?? "" })}`;
			},
			redirectTo: (next) => next,
			rerender: (failed, status) => renderStart(c, target, undefined, undefined, failed, status),
		});
	})
	.post(`${BASE}/preview`, async (c) => {
		const target = await targetOf(c);
		const parsed = await parseForm(c, WizardForm);
		const sourceId = parsed.values.sourceEditionId ?? "";
		await authorizedSource(c, sourceId);
		const rerender = (fields: Record<string, string>, status: ContentfulStatusCode) =>
			renderParts(c, target, sourceId, undefined, { form: FORM, fields, values: parsed.values }, status);
		if (!parsed.ok) return rerender(parsed.fields, 400);
		try {
			const preview = await previewClone(c.var.db, { ...parsed.data, targetEditionId: target.edition.id });
			return c.html(<SetupPreviewPage {...target} preview={preview} request={parsed.data} />);
		} catch (error) {
			if (!isFormError(error)) throw error;
			return rerender(error.fields ?? { _: error.message }, error.status);
		}
	})
	.post(`${BASE}/template/preview`, async (c) => {
		const target = await targetOf(c);
		const parsed = await parseForm(c, ApplyForm);
		const ref = parsed.values.template ?? "";
		const version = versionOf(parsed.values.version);
		const rerender = (fields: Record<string, string>, status: ContentfulStatusCode) =>
			renderTemplateParts(c, target, ref, version, undefined, { form: FORM, fields, values: parsed.values }, status);
		const source = await authorizedVersion(c, ref, version);
		if (!parsed.ok) return rerender(parsed.fields, 400);
		try {
			const preview = await previewTemplateApply(c.var.db, {
				targetEditionId: target.edition.id,
				source,
				parts: parsed.data.parts,
				userId: target.user.id,
			});
			const hidden = {
				template: source.info.ref,
				version: String(source.version),
				...Object.fromEntries(preview.parts.map((p) => [partField(p.part), "on"])),
				// What was previewed is what is applied: a change to the edition since is refused (409).
				expectedContentVersion: String(preview.contentVersion),
			};
			return c.html(<ApplyPreviewPage {...target} preview={preview} hidden={hidden} />);
		} catch (error) {
			if (!isFormError(error)) throw error;
			return rerender(error.fields ?? { _: error.message }, error.status);
		}
	})
	.post(`${BASE}/template/apply`, async (c) => {
		const target = await targetOf(c);
		const body = await c.req.parseBody();
		const ref = String(body.template ?? "");
		const version = versionOf(String(body.version ?? ""));
		const source = await authorizedVersion(c, ref, version);
		return submitForm(c, {
			form: FORM,
			schema: ApplyForm,
			run: async ({ parts, expectedContentVersion }) => {
				await limitCostly(c, "template-apply", target.user.id);
				return applyTemplate(c.var.db, {
					targetEditionId: target.edition.id,
					source,
					parts,
					userId: target.user.id,
					expectedContentVersion,
				});
			},
			redirectTo: () => withNotice(contentUrl(target.edition.id), NOTICES.template_applied),
			rerender: (failed, status) => renderTemplateParts(c, target, ref, version, undefined, failed, status),
		});
	})
	.post(`${BASE}/apply`, async (c) => {
		const target = await targetOf(c);
		const sourceId = String((await c.req.parseBody()).sourceEditionId ?? "");
		await authorizedSource(c, sourceId);
		return submitForm(c, {
			form: FORM,
			schema: WizardForm,
			run: async (request) => {
				await limitCostly(c, "clone", target.user.id);
				return cloneEdition(c.var.db, { ...request, targetEditionId: target.edition.id });
			},
			redirectTo: () => withNotice(contentUrl(target.edition.id), NOTICES.cloned),
			rerender: (failed, status) => renderParts(c, target, sourceId, undefined, failed, status),
		});
	});
