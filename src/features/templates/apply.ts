/**
 * Applying a template version to an existing edition. Unlike a clone, which fills empty parts
 * only, a template replaces the parts it is applied to: the preview lists, per part, exactly what
 * is there now and what will be there after (and, when the edition used another version of the
 * same template before, what differs between the two versions); nothing is written until the
 * committee applies. The write is the clone's write half (../cloning/edition-parts.ts) after
 * deleting the parts' current rows, with the template_uses record, in one batch.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../../db/client";
import { archivedError, failedWith, requirePreviewedVersion, writeIfUnchanged } from "../../db/content-version";
import {
	abstractCalls,
	type Edition,
	editions,
	registrations,
	sessions,
	sponsors,
	talks,
	templateUses,
} from "../../db/schema";
import { placeholderValues, resolvePlaceholders } from "../../domain/placeholders";
import { type ResolvedMoment, resolveMoment } from "../../domain/resolved-moment";
import { dayCount } from "../../lib/dates";
import { AppError, notFound } from "../../lib/errors";
import { newId } from "../../lib/ids";
import {
	allRowKinds,
	type ClonePart,
	countRows,
	deadlinesOf,
	deleteStatements,
	type EditionParts,
	type EditionRows,
	type EditionSummary,
	editionRowsOf,
	editionSummary,
	insertStatements,
	lecturesOf,
	PART_LABELS,
	readEditionParts,
	reminderCallOf,
	reminderMomentsOf,
	rowKindsOf,
} from "../cloning";
import { countReplacedLinks, detachReplacedLinks, type ReplacedSubjects } from "../handover";
import { diffParts, type PartDiff } from "./diff";
import { partsOf, withParts } from "./document";
import { findVersionDocument, lastUse, type TemplateVersionDocument } from "./library";

export interface ApplyInput {
	targetEditionId: string;
	/** The version to apply, found (and authorized) by the caller. */
	source: TemplateVersionDocument;
	/** The parts to apply: every part the template holds when left out. */
	parts?: readonly ClonePart[];
	userId: string;
	/** The edition's content version the preview showed: applying refuses (409) once it moved on. */
	expectedContentVersion?: number;
}

export interface PartChange {
	part: ClonePart;
	label: string;
	/** "replaces 12 checklist tasks with 18", "adds 4 pages". */
	summary: string;
	/** Per kind of row: the titles there now, and the titles there after applying. */
	groups: { what: string; before: string[]; after: string[] }[];
}

export interface TemplatePreview {
	template: { ref: string; name: string; version: number; builtin: boolean };
	target: EditionSummary;
	/** The edition's content version this preview was made from: apply with it as `expectedContentVersion`. */
	contentVersion: number;
	parts: PartChange[];
	/** What else the change does that the committee should know before applying. */
	warnings: string[];
	/** Every deadline and due date the applied parts hold, resolved in the edition's zone. */
	deadlines: { part: ClonePart; label: string; moment: ResolvedMoment }[];
	unfilledPlaceholders: string[];
	/** The version of this template the edition used before, and what differs from it. */
	previous: {
		version: number;
		appliedAt: Date;
		/** Null when that version can no longer be read (a built-in's earlier version). */
		diff: PartDiff[] | null;
	} | null;
}

export interface ApplySummary {
	editionId: string;
	template: string;
	version: number;
	parts: ClonePart[];
	/** Rows written per table, e.g. `{ checklistTasks: 18 }`. */
	created: Record<string, number>;
	/** Rows removed per table (the parts' previous content). */
	removed: Record<string, number>;
}

interface ApplyPlan {
	target: Edition;
	parts: ClonePart[];
	rows: EditionRows;
	/** Sponsors moved to the new tier of their old tier's name. */
	sponsorMoves: { tierId: string; sponsorIds: string[] }[];
	removed: Record<string, number>;
	/** The things the apply removes that handover notes may be attached to: their links go too. */
	replaced: ReplacedSubjects;
	preview: TemplatePreview;
}

const invalidApply = (fields: Record<string, string>) =>
	new AppError(422, "invalid_template_use", "This template cannot be applied as chosen.", fields);

/** How many registrations (of any status) the edition has. */
async function registrationCount(db: Database, editionId: string): Promise<number> {
	const row = await db.select({ n: count() }).from(registrations).where(eq(registrations.editionId, editionId)).get();
	return row?.n ?? 0;
}

/** Why the registration part cannot be applied to an edition people registered for. */
const registrationPartRefused = (target: Pick<Edition, "name">, n: number) =>
	`${target.name} has registrations${n > 1 ? ` (${n})` : ""}, which keep their ticket types: leave “${PART_LABELS.registration}” out, or change the ticket types by hand.`;

const SINGULAR: Record<string, string> = {
	"call for abstracts": "call for abstracts",
	"review criteria": "review criterion",
};

/** "1 checklist task", "18 checklist tasks". */
const plural = (n: number, what: string) => `${n} ${n === 1 ? (SINGULAR[what] ?? what.replace(/s$/, "")) : what}`;

/** "replaces 12 checklist tasks with 18", "adds 4 pages", "removes 2 rooms", "keeps 0 sponsor tiers". */
function changeSummary(what: string, before: number, after: number): string {
	if (before === 0) return `adds ${plural(after, what)}`;
	if (after === 0) return `removes ${plural(before, what)}`;
	return `replaces ${plural(before, what)} with ${after}`;
}

/** Rows per table of a read document, keyed as countRows keys written rows, leaving out tables with none. */
function sizes(parts: EditionParts): Record<string, number> {
	const found = allRowKinds().map((kind) => [kind.table, kind.of(parts).length] as const);
	return Object.fromEntries(found.filter(([, n]) => n > 0));
}

/** What the edition holds beyond the parts that applying would touch: talks, linked sessions, sponsors. */
async function dependants(db: Database, editionId: string) {
	const [counts, sponsorRows] = await Promise.all([
		db
			.select({
				talks: sql<number>`(select count(*) from ${talks} where ${talks.editionId} = ${editionId})`,
				linkedSessions: sql<number>`(select count(*) from ${sessions} where ${sessions.editionId} = ${editionId} and (${sessions.roomId} is not null or ${sessions.trackId} is not null))`,
			})
			.from(editions)
			.where(eq(editions.id, editionId))
			.get(),
		db.select({ id: sponsors.id, tierId: sponsors.tierId }).from(sponsors).where(eq(sponsors.editionId, editionId)),
	]);
	return {
		talks: Number(counts?.talks ?? 0),
		linkedSessions: Number(counts?.linkedSessions ?? 0),
		sponsors: sponsorRows,
	};
}

/**
 * Checks an application of a template version and works out everything it would write, without
 * writing: the rows, what they replace, and the preview. Unknown editions are 404, an archived one
 * 422, broken rules 422 with a message per field (`parts`). Authorization is the caller's.
 */
export async function planTemplateApply(db: Database, input: ApplyInput): Promise<ApplyPlan> {
	const target = await db.select().from(editions).where(eq(editions.id, input.targetEditionId)).get();
	if (!target) throw notFound("This edition");
	if (target.status === "archived") throw archivedError();
	requirePreviewedVersion(target, input.expectedContentVersion);
	const { source } = input;
	const held = partsOf(source.document);
	const parts = input.parts === undefined ? held : held.filter((p) => input.parts?.includes(p));
	const missing = (input.parts ?? []).filter((p) => !held.includes(p));
	if (missing.length > 0) {
		throw invalidApply({
			parts: `${source.info.name} has no ${missing.map((p) => `“${PART_LABELS[p]}”`).join(", ")}: choose among its parts.`,
		});
	}
	if (parts.length === 0) throw invalidApply({ parts: "Choose at least one part to apply." });
	const chosen = new Set(parts);
	const document = withParts(source.document, parts);

	const [before, lectures, around, used, storedCall, registered] = await Promise.all([
		readEditionParts(db, target.id, parts),
		chosen.has("program") ? lecturesOf(db, target.seriesId) : new Map(),
		dependants(db, target.id),
		lastUse(db, target.id, source.info.ref),
		// Reminders may count from the call for abstracts: the edition's own, unless the template replaces it.
		chosen.has("organizer_reminders") && !chosen.has("abstract_call")
			? db.select().from(abstractCalls).where(eq(abstractCalls.editionId, target.id)).get()
			: Promise.resolve(undefined),
		// Registrations hold on to their ticket types (ON DELETE RESTRICT): the registration part can't replace them.
		chosen.has("registration") ? registrationCount(db, target.id) : Promise.resolve(0),
	]);

	const problems: string[] = [];
	if (registered > 0) problems.push(registrationPartRefused(target, registered));
	if (chosen.has("program") && !chosen.has("rooms_tracks")) {
		problems.push("The program skeleton places sessions in rooms and tracks: apply the tracks and rooms too.");
	}
	if (chosen.has("rooms_tracks") && !chosen.has("program") && around.linkedSessions > 0) {
		problems.push(
			`Replacing the tracks and rooms would take them away from ${plural(around.linkedSessions, "sessions")} of ${target.name}'s program: apply the program skeleton too, or leave tracks and rooms out.`,
		);
	}
	const lastDay = Math.max(0, ...(document.parts.program ?? []).map((s) => s.day));
	const targetDays = dayCount(target.startDate, target.endDate);
	if (lastDay > targetDays) {
		problems.push(
			`The template's program runs over ${lastDay} days, ${target.name} has ${targetDays}: change ${target.name}'s dates first or leave the program out.`,
		);
	}
	if (problems.length > 0) throw invalidApply({ parts: problems.join(" ") });

	const { rows, unfilled, unlinkedLectures } = editionRowsOf(target, document.parts, lectures);
	const values = placeholderValues(target);
	const replaced: ReplacedSubjects = {
		editionId: target.id,
		parts,
		callRemoved: chosen.has("abstract_call") && rows.abstractCalls.length === 0,
	};
	const detached = await countReplacedLinks(db, replaced);

	const warnings: string[] = [];
	const beforeSessions = before.parts.program?.length ?? 0;
	if (chosen.has("program") && beforeSessions > 0) {
		warnings.push(
			`The ${plural(beforeSessions, "sessions")} of the current program ${beforeSessions === 1 ? "is" : "are"} removed${around.talks > 0 ? `, with ${beforeSessions === 1 ? "its" : "their"} ${plural(around.talks, "talks")} and chairs` : ""}.`,
		);
	}
	for (const lecture of unlinkedLectures) {
		warnings.push(
			`“${lecture.title}” is the slot of the named lecture “${lecture.slug}”, which this series does not have: it is added as an unlinked named-lecture slot.`,
		);
	}
	const emptySlots = rows.sessions.filter((s) => s.kind === "named_lecture" && s.namedLectureId === null).length;
	if (emptySlots > 0) {
		warnings.push(
			`${plural(emptySlots, "named-lecture slots")} ${emptySlots === 1 ? "is" : "are"} not linked to a lecture: link each to one of the series' named lectures in the program.`,
		);
	}
	if (detached > 0) {
		warnings.push(
			`Handover notes are attached to ${plural(detached, "things")} this replaces: they are detached (the notes stay), so attach them to the new rows where they still apply.`,
		);
	}
	const reminders = reminderMomentsOf(
		target,
		rows,
		reminderCallOf(chosen.has("abstract_call") ? rows.abstractCalls[0] : storedCall),
	);
	const waiting = reminders.filter((r) => r.moment === null).length;
	if (waiting > 0) {
		warnings.push(
			`${plural(waiting, "organizer reminders")} ${waiting === 1 ? "counts" : "count"} from the call for abstracts, which ${target.name} does not have: ${waiting === 1 ? "it goes" : "they go"} out once it has one.`,
		);
	}
	const sponsorMoves: ApplyPlan["sponsorMoves"] = [];
	if (chosen.has("sponsor_tiers") && around.sponsors.length > 0) {
		// Sponsors keep a tier of the same name; the others are left without a tier.
		const oldNames = new Map(
			(before.parts.sponsor_tiers ?? []).map((tier, i) => [before.ids.sponsorTiers?.[i] ?? "", tier.name]),
		);
		const newIds = new Map();
		for (const tier of rows.sponsorTiers) if (!newIds.has(tier.name)) newIds.set(tier.name, tier.id as string);
		const moves = new Map<string, string[]>();
		let untiered = 0;
		for (const sponsor of around.sponsors) {
			const newTier = sponsor.tierId ? newIds.get(oldNames.get(sponsor.tierId) ?? "") : undefined;
			if (newTier) moves.set(newTier, [...(moves.get(newTier) ?? []), sponsor.id]);
			else if (sponsor.tierId) untiered++;
		}
		for (const [tierId, sponsorIds] of moves) sponsorMoves.push({ tierId, sponsorIds });
		if (untiered > 0) {
			warnings.push(
				`${plural(untiered, "sponsors")} ${untiered === 1 ? "loses its" : "lose their"} tier: the template has no tier of that name.`,
			);
		}
	}

	let previous: TemplatePreview["previous"] = null;
	if (used) {
		let diff: PartDiff[] | null = [];
		if (used.version !== source.version) {
			const old = await findVersionDocument(db, source.info, used.version).catch((e: unknown) => {
				if (e instanceof AppError && (e.status === 404 || e.status === 422)) return null;
				throw e;
			});
			diff = old ? diffParts(old.document.parts, document.parts, parts) : null;
		}
		previous = { version: used.version, appliedAt: used.appliedAt, diff };
	}

	const preview: TemplatePreview = {
		template: { ref: source.info.ref, name: source.info.name, version: source.version, builtin: source.info.builtin },
		target: editionSummary(target),
		contentVersion: target.contentVersion,
		parts: parts.map((part) => {
			const groups = rowKindsOf(part).map((kind) => ({
				what: kind.what,
				before: kind.of(before.parts).map((row) => kind.title(row)),
				// The rows as written, titled as the edition will show them (placeholders resolved).
				after: ((rows as Record<string, Record<string, unknown>[]>)[kind.table] ?? []).map((row) =>
					resolvePlaceholders(kind.title(row), values, "keep"),
				),
			}));
			return {
				part,
				label: PART_LABELS[part],
				// A kind of row neither side has (a template without a registration policy) says nothing.
				summary: (groups.some((g) => g.before.length + g.after.length > 0)
					? groups.filter((g) => g.before.length + g.after.length > 0)
					: groups.slice(0, 1)
				)
					.map((g) => changeSummary(g.what, g.before.length, g.after.length))
					.join("; "),
				groups,
			};
		}),
		warnings,
		deadlines: [
			...deadlinesOf(rows).map((d) => ({
				part: d.part,
				label: d.label,
				moment: resolveMoment(target, d.offsetDays, d.time),
			})),
			...reminders.flatMap(({ label, moment }) =>
				moment ? [{ part: "organizer_reminders" as const, label, moment }] : [],
			),
		],
		unfilledPlaceholders: [...unfilled].sort(),
		previous,
	};
	return { target, parts, rows, sponsorMoves, removed: sizes(before.parts), replaced, preview };
}

/** What applying would change, part by part; writes nothing. */
export async function previewTemplateApply(db: Database, input: ApplyInput): Promise<TemplatePreview> {
	// A preview shows the edition as it is now, whatever an earlier preview showed.
	return (await planTemplateApply(db, { ...input, expectedContentVersion: undefined })).preview;
}

/** At most this many sponsor ids per update (D1 binds at most 100 values per statement). */
const IDS_PER_UPDATE = 90;

/**
 * Applies a template version to an edition in ONE batch: the chosen parts' current rows go, the
 * template's rows come in (new ids, placeholders filled), sponsors keep a tier of the same name,
 * and the use is recorded in template_uses. It all lands, or nothing does.
 *
 * @example await applyTemplate(db, { targetEditionId, source, parts: ["checklist"], userId })
 */
export async function applyTemplate(db: Database, input: ApplyInput): Promise<ApplySummary> {
	const { target, parts, rows, sponsorMoves, removed, replaced } = await planTemplateApply(db, input);
	const { source } = input;
	const statements: BatchItem<"sqlite">[] = [
		...deleteStatements(db, target.id, parts),
		// No link is left pointing at a removed row.
		...detachReplacedLinks(db, replaced),
		...insertStatements(db, rows),
		...sponsorMoves.flatMap(({ tierId, sponsorIds }) =>
			Array.from({ length: Math.ceil(sponsorIds.length / IDS_PER_UPDATE) }, (_, i) =>
				db
					.update(sponsors)
					.set({ tierId })
					.where(
						and(
							eq(sponsors.editionId, target.id),
							inArray(sponsors.id, sponsorIds.slice(i * IDS_PER_UPDATE, (i + 1) * IDS_PER_UPDATE)),
						),
					),
			),
		),
		db.insert(templateUses).values({
			id: newId(),
			editionId: target.id,
			templateId: source.info.ref,
			version: source.version,
			parts,
			appliedBy: input.userId,
		}),
	];
	await writeIfUnchanged(db, target, statements, input.expectedContentVersion, [
		{
			action: "edition.template.applied",
			id: target.id,
			after: { template: source.info.ref, version: source.version, parts },
		},
	]).catch(async (error) => {
		// A first registration that landed after the plan (it bumps no content version): D1 refused the batch.
		if (failedWith(error, "FOREIGN KEY constraint failed") && parts.includes("registration")) {
			const registered = await registrationCount(db, target.id);
			if (registered > 0) {
				throw new AppError(409, "edition_has_registrations", "This template cannot be applied as chosen.", {
					parts: registrationPartRefused(target, registered),
				});
			}
		}
		throw error;
	});
	return {
		editionId: target.id,
		template: source.info.ref,
		version: source.version,
		parts,
		created: countRows(rows),
		removed,
	};
}
