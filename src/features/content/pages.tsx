/**
 * Console pages of an edition's content collections, generic over ./collections.ts:
 * list + add form, edit form, remove. Committee members who may view see the lists; only those
 * the policy lets update the edition (chairs, organizers) get the forms and may post them.
 */
import { getTableName } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can, noteAudience } from "../../auth/policy";
import { unreviewedMark } from "../../domain/copied-texts";
import { authorizedEdition } from "../../domain/edition-access";
import { editionResource } from "../../domain/editions";
import type { Option } from "../../domain/fields";
import { placeholderProblems } from "../../domain/placeholders";
import { placeholderValuesFor } from "../../domain/public-committee";
import type { AppEnv } from "../../env";
import { notFound } from "../../lib/errors";
import { collectionUrl } from "../../urls";
import { CopiedTextNotice } from "../../views/copied-text";
import { type FailedForm, noticeFrom, submitForm, withNotice } from "../../views/form-flow";
import { pageOf } from "../../views/pager";
import type { FormValues } from "../../views/parse-form";
import { PREVIEW_BUTTON } from "../../views/placeholder-help";
import { NoteAdvice, notesForCollectionItem } from "../handover";
import type { CollectionDef } from "./collection-def";
import { createItem, dataOf, deleteItem, findItem, inputSchema, listItems, updateItem } from "./collection-store";
import { COLLECTIONS, collectionByKey } from "./collections";
import { CollectionPage, ItemPage, type PlaceholderHelp } from "./views";

// Only the declared collections match, so other edition pages (committee, program, …) keep their routes.
const KEYS = COLLECTIONS.map((c) => c.key).join("|");
// Grouped: Hono's TrieRouter (which the app falls back to once any route is beyond its RegExpRouter)
// anchors only the ends of the pattern, so a bare `a|b` would let the list take every item path.
const BASE = `/console/editions/:id/:collection{(?:${KEYS})}`;

function collectionOf(c: Context<AppEnv>): CollectionDef {
	const def = collectionByKey(c.req.param("collection") ?? "");
	if (!def) throw notFound();
	return def;
}

/** Choices for the fields that point at another collection of the same edition. */
async function refOptionsFor(c: Context<AppEnv>, def: CollectionDef, editionId: string) {
	const options: Record<string, Option[]> = {};
	for (const field of def.fields) {
		const target = field.ref ? collectionByKey(field.ref) : undefined;
		if (!field.ref || !target) continue;
		const rows = await listItems(c.var.db, target, editionId);
		options[field.ref] = rows.map((row) => ({ value: String(row.id), label: target.label(row) }));
	}
	return options;
}

/**
 * The insert list's values for a collection whose texts hold placeholders (the committee included,
 * so the list shows it), and the typed texts when the form asked for a preview.
 */
async function placeholderHelp(
	c: Context<AppEnv>,
	def: CollectionDef,
	edition: Parameters<typeof placeholderValuesFor>[1],
	preview?: FormValues,
): Promise<PlaceholderHelp | undefined> {
	if (!def.placeholderFields) return undefined;
	const values = await placeholderValuesFor(c.var.db, edition, ["{{committee}}"]);
	const field = (name: string) => def.fields.find((f) => f.name === name)?.label ?? name;
	return {
		values,
		preview: preview
			? def.placeholderFields.map((f) => ({ label: field(f.name), text: preview[f.name] ?? "", markdown: f.markdown }))
			: undefined,
	};
}

/**
 * A post of the "Preview" button: the form again with what was typed, resolved above it, and
 * nothing saved (unknown placeholders are named beside their fields, as on save).
 */
async function previewPost(
	c: Context<AppEnv>,
	def: CollectionDef,
	rerender: (failed: FailedForm, status: 200, preview: FormValues) => Promise<Response>,
): Promise<Response | undefined> {
	if (!def.placeholderFields) return undefined;
	const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
	if (body[PREVIEW_BUTTON] !== "1") return undefined;
	const values: FormValues = {};
	for (const [key, value] of Object.entries(body)) if (typeof value === "string") values[key] = value;
	const fields = placeholderProblems(
		values,
		def.placeholderFields.map((f) => f.name),
	);
	return rerender({ form: def.key, values, fields }, 200, values);
}

async function renderList(
	c: Context<AppEnv>,
	failed?: Parameters<typeof CollectionPage>[0]["failed"],
	status = 200,
	preview?: FormValues,
) {
	const def = collectionOf(c);
	const found = await authorizedEdition(c, "edition.view", c.req.param("id") ?? "");
	const canEdit = can(await currentActor(c), "edition.update", editionResource(found.edition));
	const [rows, refOptions, placeholders] = await Promise.all([
		listItems(c.var.db, def, found.edition.id),
		refOptionsFor(c, def, found.edition.id),
		canEdit ? placeholderHelp(c, def, found.edition, preview) : undefined,
	]);
	return c.html(
		<CollectionPage
			{...found}
			user={requireAuth(c).user}
			def={def}
			page={pageOf(rows, c.req.query("page"), collectionUrl(found.edition.id, def))}
			canEdit={canEdit}
			notice={noticeFrom(c)}
			failed={failed}
			refOptions={refOptions}
			placeholders={placeholders}
		/>,
		status as 200,
	);
}

async function renderItem(
	c: Context<AppEnv>,
	failed?: Parameters<typeof ItemPage>[0]["failed"],
	status = 200,
	preview?: FormValues,
) {
	const def = collectionOf(c);
	const found = await authorizedEdition(c, "edition.update", c.req.param("id") ?? "");
	const row = await findItem(c.var.db, def, found.edition.id, c.req.param("itemId") ?? "");
	const [refOptions, copied] = await Promise.all([
		refOptionsFor(c, def, found.edition.id),
		unreviewedMark(c.var.db, found.edition.id, getTableName(def.table), String(row.id)),
	]);
	// Handover notes attached to this row, from this committee and the earlier ones.
	const audience = noteAudience(await currentActor(c));
	const advice = await notesForCollectionItem(c.var.db, audience, found.edition.id, def.key, String(row.id));
	return c.html(
		<ItemPage
			{...found}
			user={requireAuth(c).user}
			def={def}
			row={row}
			data={dataOf(def, row)}
			failed={failed}
			refOptions={refOptions}
			aside={
				<>
					<CopiedTextNotice editionId={found.edition.id} mark={copied} />
					<NoteAdvice notes={advice} />
				</>
			}
			placeholders={await placeholderHelp(c, def, found.edition, preview)}
		/>,
		status as 200,
	);
}

export const contentPages = new Hono<AppEnv>()
	.use(`${BASE}`, requireSignedInPage)
	.use(`${BASE}/*`, requireSignedInPage)
	.get(BASE, (c) => renderList(c))
	.post(BASE, async (c) => {
		const def = collectionOf(c);
		const { edition } = await authorizedEdition(c, "edition.update", c.req.param("id") ?? "");
		const previewed = await previewPost(c, def, (failed, status, values) => renderList(c, failed, status, values));
		if (previewed) return previewed;
		return submitForm(c, {
			form: def.key,
			schema: inputSchema(def),
			run: (data) => createItem(c.var.db, def, edition.id, data),
			redirectTo: () => withNotice(collectionUrl(edition.id, def), "added"),
			rerender: (failed, status) => renderList(c, failed, status),
		});
	})
	.get(`${BASE}/:itemId`, (c) => renderItem(c))
	.post(`${BASE}/:itemId`, async (c) => {
		const def = collectionOf(c);
		const { edition } = await authorizedEdition(c, "edition.update", c.req.param("id") ?? "");
		const previewed = await previewPost(c, def, (failed, status, values) => renderItem(c, failed, status, values));
		if (previewed) return previewed;
		return submitForm(c, {
			form: def.key,
			schema: inputSchema(def),
			run: (data) => updateItem(c.var.db, def, edition.id, c.req.param("itemId") ?? "", data),
			redirectTo: () => withNotice(collectionUrl(edition.id, def), "updated"),
			rerender: (failed, status) => renderItem(c, failed, status),
		});
	})
	.post(`${BASE}/:itemId/delete`, async (c) => {
		const def = collectionOf(c);
		const { edition } = await authorizedEdition(c, "edition.update", c.req.param("id") ?? "");
		await deleteItem(c.var.db, def, edition.id, c.req.param("itemId") ?? "");
		return c.redirect(withNotice(collectionUrl(edition.id, def), "removed"), 303);
	});
