/**
 * The extension point of the facts and figures: features that hold more data about an edition than
 * its program (registrations, abstracts, evaluation answers) add their figures here once they
 * exist, and the facts (dashboard, dossier, API) and the organizer reminders show them. Until then
 * the list is empty: no figure is ever invented or shown as zero for data Baton does not hold.
 */
import type { Database } from "../../db/client";
import { registrationFigures } from "../attendees";

/** One line of figures, e.g. { label: "Abstracts submitted", value: "148" }. */
export interface Figure {
	label: string;
	value: string;
}

/** What a figure is about: reminders pick the figures of their anchor's topic. */
export type FigureTopic = "registrations" | "abstracts" | "evaluation";

export interface FigureSource {
	topic: FigureTopic;
	/**
	 * The figures of one edition. Return [] while the edition has no data of this kind (no
	 * registrations yet), so nothing is shown rather than a misleading 0.
	 */
	load: (db: Database, editionId: string) => Promise<Figure[]>;
}

/**
 * Every source of figures. The registration feature adds e.g. confirmed registrations and their
 * countries, the abstracts feature submissions and acceptance, the evaluation feature response
 * counts and mean scores: one entry each, nothing else to change.
 */
export const FIGURE_SOURCES: readonly FigureSource[] = [
	// Attendance and countries from confirmed registrations, once an edition has any.
	{ topic: "registrations", load: registrationFigures },
];

/**
 * The figures of an edition from the sources of `topics` (every source when omitted), in the
 * order of FIGURE_SOURCES; the sources run in parallel.
 *
 * @example await figuresFor(db, editionId, ["abstracts"]) // [] until abstracts are stored
 */
export async function figuresFor(
	db: Database,
	editionId: string,
	topics?: readonly FigureTopic[],
	sources: readonly FigureSource[] = FIGURE_SOURCES,
): Promise<Figure[]> {
	const chosen = topics ? sources.filter((s) => topics.includes(s.topic)) : sources;
	return (await Promise.all(chosen.map((s) => s.load(db, editionId)))).flat();
}
