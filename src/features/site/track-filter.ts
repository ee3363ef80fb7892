/**
 * The program's filter by track: `?track=<slug>` (or the track's id), rendered on the server so it
 * works without JavaScript and each filtered view is a plain cacheable URL.
 */
import type { Track } from "../../db/schema";
import { lectureSlug } from "../series";

/**
 * A track's slug, made from its name the way lecture slugs are ("Clinical track" → "clinical-track"):
 * readable in a link, and it follows a renamed track.
 */
export const trackSlug = (track: Pick<Track, "name">) => lectureSlug(track.name);

/** The track `param` names, by slug or id; undefined when it names none of `tracks`. */
export function findTrack<T extends Pick<Track, "id" | "name">>(tracks: readonly T[], param: string): T | undefined {
	return tracks.find((track) => track.id === param) ?? tracks.find((track) => trackSlug(track) === param);
}
