/**
 * The program as a grid: per day, time slots (sessions starting at the same time) in rows, rooms in
 * columns, so parallel sessions sit side by side; a session alone in its slot, or without a room,
 * spans the columns (plenaries, named lectures, breaks, the closing panel). The page lays it out
 * with CSS grid on wide screens and as a plain list on a phone (src/README.md, "Layout of pages": no rowspan tables).
 */
import type { Room, Track } from "../../db/schema";
import type { ProgramData, ProgramDay, ProgramSessionView } from "./program-data";

/** Room columns a day is laid out in at most; a day with more is shown as a list. */
export const MAX_COLUMNS = 8;

export interface GridCell {
	session: ProgramSessionView;
	/** The room column from 1, or null when the session spans them all. */
	column: number | null;
}

export interface GridSlot {
	startTime: string;
	cells: GridCell[];
}

export interface GridDay extends ProgramDay {
	/** The rooms of the day's parallel sessions, as columns, in the committee's order. */
	columns: Room[];
	slots: GridSlot[];
}

/** Whether `session` is in the program filtered to `track`: its own track's sessions, and those for everyone. */
export const inTrack = (session: ProgramSessionView, track: Pick<Track, "id"> | undefined) =>
	!track || session.track === null || session.track.id === track.id;

/** The days that have sessions (after the filter), each as a grid. */
export function programGrid(program: ProgramData, track?: Pick<Track, "id">): GridDay[] {
	const shown = program.sessions.filter((session) => inTrack(session, track));
	const days: GridDay[] = [];
	for (const day of program.days) {
		const slots: ProgramSessionView[][] = [];
		for (const session of shown) {
			if (session.day !== day.day) continue;
			const last = slots.at(-1);
			if (last?.[0]?.startTime === session.startTime) last.push(session);
			else slots.push([session]);
		}
		if (slots.length === 0) continue;
		const parallel = slots.filter((slot) => slot.length > 1).flat();
		const columns = program.rooms.filter((room) => parallel.some((session) => session.room?.id === room.id));
		days.push({
			...day,
			columns,
			slots: slots.map((slot) => ({
				startTime: slot[0]?.startTime ?? "",
				cells: slot.map((session) => {
					const index = slot.length > 1 && session.room ? columns.findIndex((r) => r.id === session.room?.id) : -1;
					return { session, column: index >= 0 ? index + 1 : null };
				}),
			})),
		});
	}
	// Sessions on a day outside the edition's dates (left behind when its dates changed) still show.
	const known = new Set(program.days.map((d) => d.day));
	const strays = shown.filter((s) => !known.has(s.day));
	for (const day of [...new Set(strays.map((s) => s.day))]) {
		const sessions = strays.filter((s) => s.day === day);
		days.push({
			day,
			date: sessions[0]?.date ?? "",
			columns: [],
			slots: sessions.map((session) => ({ startTime: session.startTime, cells: [{ session, column: null }] })),
		});
	}
	return days;
}
