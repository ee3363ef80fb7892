/**
 * The template library: published templates (a series' library, an institution's own, or public)
 * with their immutable versions, and the built-in templates of the repository, side by side.
 * Publishing reads parts of an edition into a template document (../cloning/edition-parts.ts),
 * validates it as any document is validated, and stores it as version 1, or as the next version of
 * a template; a fork copies one version into a new template of another series or institution.
 * Every version records the edition it came from. Feature functions only: no HTTP, no policy.
 */
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Resource } from "../../auth/policy";
import type { Database } from "../../db/client";
import {
	type Edition,
	editionMembers,
	editions,
	institutions,
	series,
	type TemplateVisibility,
	templates,
	templateUses,
	templateVersions,
	users,
} from "../../db/schema";
import { type Change, commit } from "../../db/write";
import { AppError, notFound } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { CLONE_PARTS, type ClonePart, type EditionParts, PART_LABELS, readEditionParts } from "../cloning";
import { BUILTINS, type BuiltinTemplate, findBuiltin, isBuiltinRef } from "./builtins";
import { parseTemplateDocument, partsOf, TEMPLATE_SCHEMA, type TemplateDocument } from "./document";

export interface TemplateInfo {
	/** The template's id, or `builtin:<slug>`. */
	ref: string;
	builtin: boolean;
	name: string;
	description: string;
	/** Built-in templates are public. */
	visibility: TemplateVisibility;
	series: { id: string; slug: string; name: string } | null;
	/** Who published it: the host institution of the edition it came from. */
	institution: { id: string; slug: string; name: string } | null;
	/** `<template ref>@<version>` of the version it was forked from. */
	forkedFrom: string | null;
	/** The newest version. */
	latest: { version: number; parts: ClonePart[]; createdAt: Date | null };
}

export interface VersionInfo {
	version: number;
	changelog: string;
	parts: ClonePart[];
	createdAt: Date | null;
	/** Provenance: the edition the version was published from (null for built-ins and deleted editions). */
	source: Pick<Edition, "id" | "name" | "year" | "seriesId" | "status"> | null;
	createdBy: string | null;
}

export interface UseInfo {
	edition: Pick<Edition, "id" | "name" | "year" | "seriesId" | "status">;
	version: number;
	parts: ClonePart[];
	appliedAt: Date;
	appliedBy: string | null;
}

export interface TemplateVersionDocument {
	info: TemplateInfo;
	version: number;
	document: TemplateDocument;
	sourceEditionId: string | null;
}

/** The policy's view of a template. */
export const templateResource = (t: Pick<TemplateInfo, "visibility" | "series" | "institution">): Resource => ({
	kind: "template",
	visibility: t.visibility,
	seriesId: t.series?.id ?? null,
	institutionId: t.institution?.id ?? null,
});

/** The stored list of parts, kept to the known ones in the wizard's order. */
const knownParts = (parts: readonly string[]) => CLONE_PARTS.filter((p) => parts.includes(p));

function builtinInfo(builtin: BuiltinTemplate): TemplateInfo {
	return {
		ref: builtin.ref,
		builtin: true,
		name: builtin.document.name,
		description: builtin.document.description,
		visibility: "public",
		series: null,
		institution: null,
		forkedFrom: null,
		latest: { version: builtin.version, parts: partsOf(builtin.document), createdAt: null },
	};
}

const latest = alias(templateVersions, "latest");

/** Published templates with their newest version, `where` narrowing them (1 query). */
async function publishedTemplates(db: Database, where?: SQL): Promise<TemplateInfo[]> {
	const rows = await db
		.select({
			template: templates,
			seriesSlug: series.slug,
			seriesName: series.name,
			institutionSlug: institutions.slug,
			institutionName: institutions.name,
			version: latest.version,
			parts: latest.parts,
			createdAt: latest.createdAt,
		})
		.from(templates)
		.innerJoin(
			latest,
			and(
				eq(latest.templateId, templates.id),
				eq(
					latest.version,
					sql`(select max(${templateVersions.version}) from ${templateVersions} where ${templateVersions.templateId} = ${templates.id})`,
				),
			),
		)
		.leftJoin(series, eq(series.id, templates.seriesId))
		.leftJoin(institutions, eq(institutions.id, templates.institutionId))
		.where(where)
		.orderBy(asc(templates.name), asc(templates.createdAt));
	return rows.map((r) => ({
		ref: r.template.id,
		builtin: false,
		name: r.template.name,
		description: r.template.description,
		visibility: r.template.visibility,
		series:
			r.template.seriesId && r.seriesSlug && r.seriesName
				? { id: r.template.seriesId, slug: r.seriesSlug, name: r.seriesName }
				: null,
		institution:
			r.template.institutionId && r.institutionSlug && r.institutionName
				? { id: r.template.institutionId, slug: r.institutionSlug, name: r.institutionName }
				: null,
		forkedFrom: r.template.forkedFrom,
		latest: { version: r.version, parts: knownParts(r.parts), createdAt: r.createdAt },
	}));
}

export interface LibraryFilters {
	/** A series' slug. */
	series?: string;
	part?: ClonePart;
	/** An institution's slug, or "builtin" for the built-in templates. */
	publisher?: string;
}

/** Every template, built-in ones first; whoever lists them keeps those the actor may see (templateResource). */
export async function listTemplates(db: Database): Promise<TemplateInfo[]> {
	return [...BUILTINS.map(builtinInfo), ...(await publishedTemplates(db))];
}

/** The templates that match the filters (all of them without filters). */
export function filterTemplates(list: readonly TemplateInfo[], filters: LibraryFilters): TemplateInfo[] {
	return list.filter(
		(t) =>
			(!filters.series || t.series?.slug === filters.series) &&
			(!filters.part || t.latest.parts.includes(filters.part)) &&
			(!filters.publisher || (filters.publisher === "builtin" ? t.builtin : t.institution?.slug === filters.publisher)),
	);
}

/** One template by ref (built-in or published), or undefined. */
export async function findTemplate(db: Database, ref: string): Promise<TemplateInfo | undefined> {
	if (isBuiltinRef(ref)) {
		const builtin = findBuiltin(ref);
		return builtin ? builtinInfo(builtin) : undefined;
	}
	return (await publishedTemplates(db, eq(templates.id, ref)))[0];
}

const sourceEdition = alias(editions, "source_edition");

/** A template's versions, newest first, each with the edition it came from. */
export async function listVersions(db: Database, info: TemplateInfo): Promise<VersionInfo[]> {
	if (info.builtin) {
		const builtin = findBuiltin(info.ref);
		return builtin
			? [
					{
						version: builtin.version,
						changelog: builtin.changelog,
						parts: partsOf(builtin.document),
						createdAt: new Date(`${builtin.released}T00:00:00Z`),
						source: null,
						createdBy: null,
					},
				]
			: [];
	}
	const rows = await db
		.select({
			version: templateVersions.version,
			changelog: templateVersions.changelog,
			parts: templateVersions.parts,
			createdAt: templateVersions.createdAt,
			sourceId: sourceEdition.id,
			sourceName: sourceEdition.name,
			sourceYear: sourceEdition.year,
			sourceSeriesId: sourceEdition.seriesId,
			sourceStatus: sourceEdition.status,
			createdBy: users.name,
		})
		.from(templateVersions)
		.leftJoin(sourceEdition, eq(sourceEdition.id, templateVersions.sourceEditionId))
		.leftJoin(users, eq(users.id, templateVersions.createdBy))
		.where(eq(templateVersions.templateId, info.ref))
		.orderBy(desc(templateVersions.version));
	return rows.map((r) => ({
		version: r.version,
		changelog: r.changelog,
		parts: knownParts(r.parts),
		createdAt: r.createdAt,
		source:
			r.sourceId && r.sourceName && r.sourceYear !== null && r.sourceSeriesId && r.sourceStatus
				? { id: r.sourceId, name: r.sourceName, year: r.sourceYear, seriesId: r.sourceSeriesId, status: r.sourceStatus }
				: null,
		createdBy: r.createdBy,
	}));
}

/** Which editions used which version of a template, newest first (callers keep the editions the actor may see). */
export async function listUses(db: Database, ref: string): Promise<UseInfo[]> {
	const rows = await db
		.select({
			id: editions.id,
			name: editions.name,
			year: editions.year,
			seriesId: editions.seriesId,
			status: editions.status,
			version: templateUses.version,
			parts: templateUses.parts,
			appliedAt: templateUses.appliedAt,
			appliedBy: users.name,
		})
		.from(templateUses)
		.innerJoin(editions, eq(editions.id, templateUses.editionId))
		.leftJoin(users, eq(users.id, templateUses.appliedBy))
		.where(eq(templateUses.templateId, ref))
		.orderBy(desc(templateUses.appliedAt), desc(templateUses.id));
	return rows.map(({ version, parts, appliedAt, appliedBy, ...edition }) => ({
		edition,
		version,
		parts: knownParts(parts),
		appliedAt,
		appliedBy,
	}));
}

/** The last use of a template by an edition (any version), if any. */
export async function lastUse(db: Database, editionId: string, ref: string) {
	return db
		.select({ version: templateUses.version, appliedAt: templateUses.appliedAt })
		.from(templateUses)
		.where(and(eq(templateUses.editionId, editionId), eq(templateUses.templateId, ref)))
		.orderBy(desc(templateUses.appliedAt), desc(templateUses.version))
		.get();
}

/**
 * The document of one version (the newest when `version` is left out). Unknown versions are 404;
 * a built-in keeps only its current version. Stored documents are validated again, so a version
 * written under an older rule set is refused (422) rather than half-applied.
 */
export async function findVersionDocument(
	db: Database,
	info: TemplateInfo,
	version?: number,
): Promise<TemplateVersionDocument> {
	const wanted = version ?? info.latest.version;
	if (info.builtin) {
		const builtin = findBuiltin(info.ref);
		if (!builtin || builtin.version !== wanted) {
			throw notFound(`Version ${wanted} of ${info.name} (only version ${info.latest.version} is shipped)`);
		}
		return { info, version: wanted, document: builtin.document, sourceEditionId: null };
	}
	const row = await db
		.select({ document: templateVersions.document, sourceEditionId: templateVersions.sourceEditionId })
		.from(templateVersions)
		.where(and(eq(templateVersions.templateId, info.ref), eq(templateVersions.version, wanted)))
		.get();
	if (!row) throw notFound(`Version ${wanted} of ${info.name}`);
	const parsed = parseTemplateDocument(row.document);
	if (!parsed.ok) {
		throw new AppError(
			422,
			"invalid_template",
			`Version ${wanted} of ${info.name} no longer validates.`,
			parsed.fields,
		);
	}
	return { info, version: wanted, document: parsed.document, sourceEditionId: row.sourceEditionId };
}

// ---------------------------------------------------------------------------------------------
// Publishing

const invalidPublish = (fields: Record<string, string>) =>
	new AppError(422, "invalid_template", "This template cannot be published as chosen.", fields);

const isEmpty = (parts: EditionParts, part: ClonePart): boolean => {
	const doc = parts[part];
	if (doc === undefined) return true;
	if (Array.isArray(doc)) return doc.length === 0;
	return Object.values(doc).every((value) => value === null || (Array.isArray(value) && value.length === 0));
};

/**
 * The template document of `parts` of an edition, checked: every part has content, the program
 * comes with its rooms and tracks, and the whole validates as any template does (422 naming the
 * path of each failing field, e.g. `parts.pages.2.body`).
 */
export async function snapshotDocument(
	db: Database,
	edition: Pick<Edition, "id" | "name">,
	input: { name: string; description: string; parts: readonly ClonePart[] },
): Promise<TemplateDocument> {
	if (input.parts.includes("program") && !input.parts.includes("rooms_tracks")) {
		throw invalidPublish({
			parts: "The program skeleton places sessions in rooms and tracks: publish the tracks and rooms too.",
		});
	}
	const { parts } = await readEditionParts(db, edition.id, input.parts);
	const empty = input.parts.filter((part) => isEmpty(parts, part));
	if (empty.length > 0) {
		throw invalidPublish({
			parts: `${edition.name} has nothing in ${empty.map((p) => `“${PART_LABELS[p]}”`).join(", ")} yet: leave ${empty.length === 1 ? "it" : "them"} out.`,
		});
	}
	const parsed = parseTemplateDocument({
		schema: TEMPLATE_SCHEMA,
		name: input.name,
		description: input.description,
		parts,
	});
	if (!parsed.ok) {
		throw new AppError(
			422,
			"invalid_template",
			`Some of ${edition.name}'s content cannot go into a template: correct it in the edition first.`,
			parsed.fields,
		);
	}
	return parsed.document;
}

function checkVisibility(edition: Pick<Edition, "hostInstitutionId" | "name">, visibility: TemplateVisibility) {
	if (visibility === "institution" && !edition.hostInstitutionId) {
		throw invalidPublish({
			visibility: `${edition.name} has no host institution to keep the template to: choose the series library or public.`,
		});
	}
}

/** A template's entries are filed under the edition it was published from, its series and institution. */
const templateScope = (edition: Pick<Edition, "id" | "seriesId" | "hostInstitutionId">) => ({
	editionId: edition.id,
	seriesId: edition.seriesId,
	institutionId: edition.hostInstitutionId,
});

export interface PublishInput {
	edition: Edition;
	userId: string;
	name: string;
	description: string;
	visibility: TemplateVisibility;
	parts: readonly ClonePart[];
}

/**
 * Publishes parts of an edition as a new template (version 1) in the edition's series library,
 * published by its host institution: the template and its first version in one batch.
 *
 * @example await publishTemplate(db, { edition, userId, name: "AINM symposium", description: "", visibility: "series", parts: ["checklist"] })
 */
export async function publishTemplate(db: Database, input: PublishInput): Promise<{ id: string; version: number }> {
	const { edition } = input;
	checkVisibility(edition, input.visibility);
	const document = await snapshotDocument(db, edition, input);
	const id = newId();
	const published: Change = {
		action: "template.template.created",
		id,
		...templateScope(edition),
		after: { name: document.name, visibility: input.visibility, version: 1, parts: partsOf(document) },
	};
	await commit(
		db,
		[published],
		[
			db.insert(templates).values({
				id,
				name: document.name,
				description: document.description,
				visibility: input.visibility,
				seriesId: edition.seriesId,
				institutionId: edition.hostInstitutionId,
				createdBy: input.userId,
			}),
			db.insert(templateVersions).values({
				id: newId(),
				templateId: id,
				version: 1,
				changelog: "First version.",
				parts: partsOf(document),
				document,
				sourceEditionId: edition.id,
				createdBy: input.userId,
			}),
		],
	);
	return { id, version: 1 };
}

export interface RepublishInput {
	template: TemplateInfo;
	edition: Edition;
	userId: string;
	parts: readonly ClonePart[];
	changelog: string;
	/** A new name or description for the template; the current ones when left out. */
	name?: string;
	description?: string;
}

/**
 * Publishes the next version of a template from an edition of its series, with a changelog line;
 * older versions stay as they were, and usable. The version number is taken inside the insert, so
 * two republishes at once get two numbers.
 */
export async function republishTemplate(db: Database, input: RepublishInput): Promise<{ id: string; version: number }> {
	const { template, edition } = input;
	if (template.builtin) throw new AppError(422, "builtin_template", "Built-in templates change with Baton itself.");
	if (edition.seriesId !== template.series?.id) {
		throw invalidPublish({
			editionId: `${edition.name} is not an edition of ${template.series?.name ?? "the template's series"}: publish a new version from one of its editions, or fork the template.`,
		});
	}
	const name = input.name || template.name;
	const description = input.description ?? template.description;
	const document = await snapshotDocument(db, edition, { name, description, parts: input.parts });
	const change: Change = {
		action: "template.version.published",
		id: template.ref,
		...templateScope(edition),
		before: { name: template.name, description: template.description },
		after: { name, description, changelog: input.changelog, parts: partsOf(document) },
	};
	const [, inserted] = await commit(
		db,
		[change],
		[
			db.update(templates).set({ name, description }).where(eq(templates.id, template.ref)),
			db
				.insert(templateVersions)
				.values({
					id: newId(),
					templateId: template.ref,
					version: sql`(select coalesce(max(${templateVersions.version}), 0) + 1 from ${templateVersions} where ${templateVersions.templateId} = ${template.ref})`,
					changelog: input.changelog,
					parts: partsOf(document),
					document,
					sourceEditionId: edition.id,
					createdBy: input.userId,
				})
				.returning({ version: templateVersions.version }),
		],
	);
	return { id: template.ref, version: inserted[0]?.version ?? 0 };
}

export interface ForkInput {
	source: TemplateVersionDocument;
	/** The edition whose series and host institution the fork belongs to. */
	edition: Edition;
	userId: string;
	name?: string;
	description?: string;
	visibility: TemplateVisibility;
}

/**
 * Forks one version of a template (a built-in, a visible one of another series, or one's own)
 * into a new template of the edition's series library, published by its host institution. The
 * fork's first version is the source version's document; its provenance stays the edition that
 * content came from.
 */
export async function forkTemplate(db: Database, input: ForkInput): Promise<{ id: string; version: number }> {
	const { source, edition } = input;
	checkVisibility(edition, input.visibility);
	const name = input.name || source.info.name;
	const description = input.description ?? source.info.description;
	const document: TemplateDocument = { ...source.document, name, description };
	const id = newId();
	const forked: Change = {
		action: "template.template.forked",
		id,
		...templateScope(edition),
		after: { name, visibility: input.visibility, forkedFrom: `${source.info.ref}@${source.version}` },
	};
	await commit(
		db,
		[forked],
		[
			db.insert(templates).values({
				id,
				name,
				description,
				visibility: input.visibility,
				seriesId: edition.seriesId,
				institutionId: edition.hostInstitutionId,
				forkedFrom: `${source.info.ref}@${source.version}`,
				createdBy: input.userId,
			}),
			db.insert(templateVersions).values({
				id: newId(),
				templateId: id,
				version: 1,
				changelog: `Forked from ${source.info.name}, version ${source.version}.`,
				parts: partsOf(document),
				document,
				sourceEditionId: source.sourceEditionId,
				createdBy: input.userId,
			}),
		],
	);
	return { id, version: 1 };
}

/** Editions the user may publish from: where they chair or organize, newest first (for the console's choices). */
export async function publishableEditions(db: Database, userId: string): Promise<Edition[]> {
	const rows = await db
		.select({ edition: editions })
		.from(editionMembers)
		.innerJoin(editions, eq(editions.id, editionMembers.editionId))
		.where(and(eq(editionMembers.userId, userId), inArray(editionMembers.role, ["chair", "organizer"])))
		.orderBy(desc(editions.startDate));
	return rows.map((r) => r.edition);
}
