/**
 * The checklist that learns: an edition's suggested checklist starts from the series' default,
 * adds the tasks the previous edition's committee added, marks the ones it skipped, and says when
 * the previous committee really did each ("2023 did this at T−9 months"). Tasks are the same task
 * when their titles match after normalising (case, accents, punctuation and spacing ignored); a
 * default's placeholders are filled with each edition's values before comparing, so "Send the
 * save-the-date for {{edition.name}}" is the task 2029 called "… for AINM 2029".
 * The committee adds the suggestions it wants to its checklist in one write.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, asc, desc, eq, lt, not, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { writeEditionContent } from "../../db/content-version";
import { insertIf } from "../../db/insert-if";
import { checklistTasks, type Edition, editions } from "../../db/schema";
import { readTogether } from "../../db/write";
import { fillPlaceholders, placeholderValues } from "../../domain/placeholders";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { type ChecklistItem, seriesDefaultChecklist } from "./series-default";
import { type ChecklistTask, doneOffsetOf, timelineLabel } from "./timeline";

/**
 * A title reduced to what makes it the same task: lower case, no accents, words separated by one
 * space, no punctuation.
 *
 * @example normalizeTitle("Open registration (early-bird)!") // "open registration early bird"
 */
export function normalizeTitle(title: string): string {
	return title
		.normalize("NFKD")
		.replace(/\p{M}/gu, "")
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, " ")
		.trim();
}

/** A suggestion's key in forms: its normalised title with hyphens. */
export const suggestionKey = (title: string) => normalizeTitle(title).replaceAll(" ", "-");

/** How the previous edition handled a task. */
export interface PreviousUse {
	status: ChecklistTask["status"];
	dueOffsetDays: number;
	/** Days from the previous edition's day 1 to the day it was done (in its zone); null unless done with a moment. */
	doneOffsetDays: number | null;
	/** "T−9 months", from doneOffsetDays. */
	doneLabel: string | null;
}

export interface Suggestion extends ChecklistItem {
	key: string;
	/** From the series' default checklist, or added by the previous edition's committee. */
	origin: "default" | "added";
	/** The previous edition's task of the same title; null when it had none. */
	previous: PreviousUse | null;
	/** This edition's checklist has a task of the same title already. */
	onChecklist: boolean;
}

export interface ChecklistSuggestions {
	/** The edition before this one in the series (by start date), if any. */
	previous: Pick<Edition, "id" | "name" | "year"> | null;
	suggestions: Suggestion[];
}

/** What the placeholders of a default's title are filled with. */
export type PlaceholderEdition = Pick<Edition, "name" | "year" | "city" | "startDate" | "endDate" | "hostName">;
type PreviousEdition = Pick<Edition, "id" | "timeZone"> & PlaceholderEdition;
/** The edition suggestions are made for. */
export type SuggestingEdition = Pick<Edition, "id" | "seriesId"> & PlaceholderEdition;

const titlesOf = (edition: PlaceholderEdition) => {
	const values = placeholderValues(edition);
	return (title: string) => fillPlaceholders(title, values);
};

/**
 * The suggestions from a default checklist, the previous edition's tasks and this edition's
 * tasks: the defaults (titles filled for this edition, each with the previous edition's use of
 * it), then the previous edition's own additions, in due order (defaults first on the same day).
 */
export function suggestChecklist(
	defaults: readonly ChecklistItem[],
	previous: { edition: PreviousEdition; tasks: readonly ChecklistTask[] } | null,
	current: { edition: PlaceholderEdition; tasks: readonly Pick<ChecklistTask, "title">[] },
): Suggestion[] {
	const onChecklist = new Set(current.tasks.map((t) => normalizeTitle(t.title)));
	const currentTitle = titlesOf(current.edition);
	const previousTitle = previous ? titlesOf(previous.edition) : (title: string) => title;
	const previousByTitle = new Map<string, ChecklistTask>();
	for (const task of previous?.tasks ?? []) {
		const title = normalizeTitle(task.title);
		if (!previousByTitle.has(title)) previousByTitle.set(title, task);
	}
	const useOf = (task: ChecklistTask | undefined): PreviousUse | null => {
		if (!task || !previous) return null;
		const doneOffsetDays = doneOffsetOf(previous.edition, task);
		return {
			status: task.status,
			dueOffsetDays: task.dueOffsetDays,
			doneOffsetDays,
			doneLabel: doneOffsetDays === null ? null : timelineLabel(doneOffsetDays),
		};
	};
	const seen = new Set<string>();
	/** `asBefore`: the item's title as the previous edition would have written it. */
	const suggestion = (item: ChecklistItem, origin: Suggestion["origin"], asBefore = item.title): Suggestion[] => {
		const title = normalizeTitle(item.title);
		const before = normalizeTitle(asBefore);
		if (seen.has(title)) return [];
		seen.add(title);
		seen.add(before);
		const { title: itemTitle, ownerRole, dueOffsetDays } = item;
		return [
			{
				key: suggestionKey(item.title),
				title: itemTitle,
				ownerRole,
				dueOffsetDays,
				origin,
				previous: useOf(previousByTitle.get(before)),
				onChecklist: onChecklist.has(title),
			},
		];
	};
	const fromDefault = defaults.flatMap((item) =>
		suggestion({ ...item, title: currentTitle(item.title) }, "default", previousTitle(item.title)),
	);
	const added = (previous?.tasks ?? []).flatMap((task) => suggestion(task, "added"));
	const rank = { default: 0, added: 1 };
	return [...fromDefault, ...added].sort(
		(a, b) => a.dueOffsetDays - b.dueOffsetDays || rank[a.origin] - rank[b.origin] || a.title.localeCompare(b.title),
	);
}

const taskOrder = [asc(checklistTasks.dueOffsetDays), asc(checklistTasks.position), asc(checklistTasks.title)];

/**
 * The suggested checklist of an edition: the series' default, the previous edition (the latest
 * of the series to start before it) and both editions' tasks, in one batch of 3.
 */
export async function loadChecklistSuggestions(
	db: Database,
	edition: SuggestingEdition,
	defaults: readonly ChecklistItem[] = seriesDefaultChecklist(),
): Promise<ChecklistSuggestions> {
	const previousOf = and(eq(editions.seriesId, edition.seriesId), lt(editions.startDate, edition.startDate));
	const previousId = db
		.select({ id: editions.id })
		.from(editions)
		.where(previousOf)
		.orderBy(desc(editions.startDate))
		.limit(1);
	const [[previous], previousTasks, currentTasks] = await readTogether(db, [
		db
			.select({
				id: editions.id,
				name: editions.name,
				year: editions.year,
				city: editions.city,
				startDate: editions.startDate,
				endDate: editions.endDate,
				hostName: editions.hostName,
				timeZone: editions.timeZone,
			})
			.from(editions)
			.where(previousOf)
			.orderBy(desc(editions.startDate))
			.limit(1),
		db
			.select()
			.from(checklistTasks)
			.where(eq(checklistTasks.editionId, sql`(${previousId})`))
			.orderBy(...taskOrder),
		db.select({ title: checklistTasks.title }).from(checklistTasks).where(eq(checklistTasks.editionId, edition.id)),
	]);
	return {
		previous: previous ? { id: previous.id, name: previous.name, year: previous.year } : null,
		suggestions: suggestChecklist(defaults, previous ? { edition: previous, tasks: previousTasks } : null, {
			edition,
			tasks: currentTasks,
		}),
	};
}

/** The suggestions form: a ticked `add.<key>` checkbox per suggestion to add. */
export const AddSuggestionsForm = z.record(z.string(), z.string()).transform((values) =>
	Object.entries(values)
		.filter(([name, value]) => name.startsWith("add.") && value === "on")
		.map(([name]) => name.slice("add.".length)),
);

/**
 * Adds the chosen suggestions (by key) that are not on the edition's checklist yet, open, at their
 * suggested due day, in one write with the content version. A task whose title the checklist
 * already has (a double post) is not added twice. 422 when none of the chosen can be added.
 */
export async function addSuggestedTasks(
	db: Database,
	edition: SuggestingEdition,
	keys: readonly string[],
	defaults?: readonly ChecklistItem[],
): Promise<{ added: number }> {
	const { suggestions } = await loadChecklistSuggestions(db, edition, defaults);
	const chosen = suggestions.filter((s) => keys.includes(s.key) && !s.onChecklist);
	if (chosen.length === 0) {
		throw new AppError(422, "nothing_to_add", "Choose at least one task that is not on your checklist yet.");
	}
	const results = await writeEditionContent(
		db,
		edition.id,
		chosen.map((s) =>
			insertIf(
				db,
				checklistTasks,
				{ id: newId(), editionId: edition.id, title: s.title, ownerRole: s.ownerRole, dueOffsetDays: s.dueOffsetDays },
				not(
					sql`exists (select 1 from ${checklistTasks} where ${checklistTasks.editionId} = ${edition.id} and ${checklistTasks.title} = ${s.title})`,
				),
			).returning({ id: checklistTasks.id }),
		),
		[{ action: "checklist.suggestions.adopted", id: edition.id, after: { tasks: chosen.map((s) => s.title) } }],
	);
	return { added: results.reduce<number>((sum, rows) => sum + (rows as unknown[]).length, 0) };
}
