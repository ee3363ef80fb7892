/**
 * The series' default checklist: where every edition's suggested checklist starts. It is the
 * checklist of the built-in starter template ("biennial academic symposium": an 18-month
 * organizing timeline drawn from the reference edition), read through the templates feature's
 * loader, so the starter kit and the default are one list in one file.
 */
import type { checklistTasks } from "../../db/schema";
import { BUILTIN_PREFIX, findBuiltin } from "../templates";

/** A task of a checklist before it belongs to an edition. Its title may hold placeholders. */
export type ChecklistItem = Pick<typeof checklistTasks.$inferSelect, "title" | "ownerRole" | "dueOffsetDays">;

/** The built-in template whose checklist is the default. */
export const DEFAULT_CHECKLIST_TEMPLATE = `${BUILTIN_PREFIX}biennial-academic-symposium`;

/**
 * The default checklist of a series' editions, in the template's order (due order), titles as
 * written (placeholders unfilled). Empty only if the built-in failed validation, which a test of
 * the templates feature forbids.
 */
export function seriesDefaultChecklist(): readonly ChecklistItem[] {
	const tasks = findBuiltin(DEFAULT_CHECKLIST_TEMPLATE)?.document.parts.checklist ?? [];
	return tasks.map(({ title, ownerRole, dueOffsetDays }) => ({ title, ownerRole, dueOffsetDays }));
}
