/**
 * Reading and writing the rows of an edition's content collections. Every query is scoped by the
 * edition id; every write goes through writeEditionContent (one batch with the version bump).
 */
import { and, eq, getTableName } from "drizzle-orm";
import type { Database } from "../../db/client";
import { failedWith, writeEditionContent } from "../../db/content-version";
import { reviewedStatement } from "../../domain/copied-texts";
import { objectOf } from "../../domain/fields";
import { AppError, notFound } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { detachItemLinks } from "../handover";
import type { CollectionDef, Data, Row } from "./collection-def";
import { collectionByKey } from "./collections";

/** The rows of a collection of one edition, in display order. */
export function listItems(db: Database, def: CollectionDef, editionId: string): Promise<Row[]> {
	return db
		.select()
		.from(def.table)
		.where(eq(def.table.editionId, editionId))
		.orderBy(...def.orderBy) as Promise<Row[]>;
}

export async function findItem(db: Database, def: CollectionDef, editionId: string, itemId: string): Promise<Row> {
	const row = (await db
		.select()
		.from(def.table)
		.where(and(eq(def.table.id, itemId), eq(def.table.editionId, editionId)))
		.get()) as Row | undefined;
	if (!row) throw notFound(`This ${def.singular}`);
	return row;
}

/** The field values of a stored row: what its edit form starts from and a PATCH is laid over. */
export function dataOf(def: CollectionDef, row: Row): Data {
	const data = def.fromRow ? def.fromRow(row) : row;
	return Object.fromEntries(def.fields.map((f) => [f.name, data[f.name]]));
}

/** The validation schema of a collection's input. */
export const inputSchema = (def: CollectionDef) => objectOf(def.fields);

/** Cross-field rules and references to other collections of the same edition (422 when broken). */
async function checkDomain(db: Database, def: CollectionDef, editionId: string, data: Data): Promise<void> {
	const fields: Record<string, string> = { ...(def.check?.(data) ?? {}) };
	for (const field of def.fields) {
		const value = data[field.name];
		if (!field.ref || value === null || value === undefined) continue;
		const target = collectionByKey(field.ref);
		const exists =
			target &&
			(await db
				.select({ id: target.table.id })
				.from(target.table)
				.where(and(eq(target.table.id, String(value)), eq(target.table.editionId, editionId)))
				.get());
		if (!exists) fields[field.name] = `Choose a ${target?.singular ?? "value"} of this edition.`;
	}
	if (Object.keys(fields).length > 0)
		throw new AppError(422, "invalid_content", "Some values do not fit together.", fields);
}

function uniqueConflict(def: CollectionDef, error: unknown): never {
	if (def.uniqueField && String(error).includes("UNIQUE constraint failed")) {
		throw new AppError(409, "conflict", def.uniqueField.message, { [def.uniqueField.name]: def.uniqueField.message });
	}
	throw error;
}

/**
 * A row as its audit entry shows it: which collection, and its fields without addresses (a
 * speaker's account address may belong to no account, so anonymisation could never clear it).
 */
function audited(def: CollectionDef, row: Record<string, unknown>, withCollection: boolean) {
	// Computed columns (a seq, an account looked up by address) are SQL, not values: left out.
	const plain = (value: unknown) => value === null || typeof value !== "object" || Array.isArray(value);
	const fields = Object.fromEntries(
		Object.entries(row).filter(([key, value]) => !/email|hash|secret/i.test(key) && plain(value)),
	);
	return withCollection ? { collection: def.key, ...fields } : fields;
}

export async function createItem(db: Database, def: CollectionDef, editionId: string, data: Data): Promise<Row> {
	await checkDomain(db, def, editionId, data);
	const id = newId();
	const row = { ...(def.toRow ? def.toRow(data, undefined) : data), ...def.insertExtras?.(editionId), id, editionId };
	await writeEditionContent(
		db,
		editionId,
		[db.insert(def.table).values(row as never), ...(def.afterWrite?.(db, editionId) ?? [])],
		[{ action: "content.item.created", id, after: audited(def, row, true) }],
	).catch((e) => uniqueConflict(def, e));
	return findItem(db, def, editionId, id);
}

export async function updateItem(
	db: Database,
	def: CollectionDef,
	editionId: string,
	itemId: string,
	data: Data,
): Promise<Row> {
	const existing = await findItem(db, def, editionId, itemId);
	await checkDomain(db, def, editionId, data);
	const row = def.toRow ? def.toRow(data, existing) : data;
	await writeEditionContent(
		db,
		editionId,
		[
			...(def.revisesEvents?.(db, editionId, existing, row) ?? []),
			db
				.update(def.table)
				.set(row as never)
				.where(and(eq(def.table.id, itemId), eq(def.table.editionId, editionId))),
			// Saving a copied text through its editor is its review.
			reviewedStatement(db, editionId, getTableName(def.table), itemId),
			...(def.afterWrite?.(db, editionId) ?? []),
		],
		[
			{
				action: "content.item.updated",
				id: itemId,
				before: audited(def, existing, false),
				// The collection is named in `after` only: the summary keeps what differs.
				after: audited(def, { ...existing, ...row }, true),
			},
		],
	).catch((e) => uniqueConflict(def, e));
	return findItem(db, def, editionId, itemId);
}

export async function deleteItem(db: Database, def: CollectionDef, editionId: string, itemId: string): Promise<void> {
	const existing = await findItem(db, def, editionId, itemId);
	await writeEditionContent(
		db,
		editionId,
		[
			// Before the delete: its foreign keys let go of the row (a session's room) or drop its links.
			...(def.revisesEvents?.(db, editionId, existing, undefined) ?? []),
			db.delete(def.table).where(and(eq(def.table.id, itemId), eq(def.table.editionId, editionId))),
			...detachItemLinks(db, editionId, def.key, itemId),
		],
		[{ action: "content.item.deleted", id: itemId, before: audited(def, existing, true) }],
	).catch((e) => inUseConflict(def, e));
}

/**
 * The 409 of a delete that rows elsewhere still refer to (ON DELETE RESTRICT: a ticket type with
 * registrations): D1 refused the batch, so nothing was written, and the person is told why.
 */
function inUseConflict(def: CollectionDef, error: unknown): never {
	if (failedWith(error, "FOREIGN KEY constraint failed")) {
		throw new AppError(
			409,
			"in_use",
			def.inUse ?? `This ${def.singular} is still in use elsewhere in the edition, so it cannot be deleted.`,
		);
	}
	throw error;
}
