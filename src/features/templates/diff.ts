/**
 * What differs between two sets of edition parts, row by row: which rows one has and the other
 * lacks, and which fields changed in rows both have. Rows are matched by what identifies them to
 * a committee (the parts' row kinds: a page by its address, a task by its title, a session by its day, time
 * and room), so a changed due date reads as a change, not as one task removed and another added.
 */

import { type ClonePart, type DocumentRowKind, type EditionParts, PART_LABELS, rowKindsOf } from "../cloning";

type Row = Record<string, unknown>;

export interface GroupDiff {
	what: string;
	added: string[];
	removed: string[];
	/** Rows in both, with each changed field as "dueOffsetDays: -540 → -500". */
	changed: { title: string; fields: string[] }[];
}

export interface PartDiff {
	part: ClonePart;
	label: string;
	groups: GroupDiff[];
}

const shown = (value: unknown): string => {
	const text = typeof value === "string" ? value : JSON.stringify(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** The fields that differ between two versions of a row. */
function changedFields(before: Row, after: Row): string[] {
	const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
	return names
		.filter((name) => JSON.stringify(before[name] ?? null) !== JSON.stringify(after[name] ?? null))
		.map((name) => {
			const [from, to] = [before[name] ?? null, after[name] ?? null];
			// Long texts say that they changed; short values show both sides.
			return typeof from === "string" && typeof to === "string" && Math.max(from.length, to.length) > 60
				? `${name} changed`
				: `${name}: ${shown(from)} → ${shown(to)}`;
		});
}

function diffKind(kind: DocumentRowKind, before: EditionParts, after: EditionParts): GroupDiff {
	// Rows with the same key are paired in order, so two tasks of the same title stay two.
	const waiting = new Map<string, Row[]>();
	for (const row of kind.of(before)) waiting.set(kind.key(row), [...(waiting.get(kind.key(row)) ?? []), row]);
	const added: string[] = [];
	const changed: GroupDiff["changed"] = [];
	for (const row of kind.of(after)) {
		const old = waiting.get(kind.key(row))?.shift();
		if (!old) {
			added.push(kind.title(row));
			continue;
		}
		const fields = changedFields(old, row);
		if (fields.length > 0) changed.push({ title: kind.title(row), fields });
	}
	const removed = [...waiting.values()].flat().map((row) => kind.title(row));
	return { what: kind.what, added, removed, changed };
}

/**
 * What changes from `before` to `after` in each of `parts`, leaving out parts where nothing does.
 *
 * @example diffParts(v1.parts, v2.parts, ["checklist"]) // [{ part: "checklist", groups: [{ added: ["…"], … }] }]
 */
export function diffParts(before: EditionParts, after: EditionParts, parts: readonly ClonePart[]): PartDiff[] {
	return parts
		.map((part) => ({
			part,
			label: PART_LABELS[part],
			groups: rowKindsOf(part)
				.map((kind) => diffKind(kind, before, after))
				.filter((g) => g.added.length + g.removed.length + g.changed.length > 0),
		}))
		.filter((p) => p.groups.length > 0);
}
