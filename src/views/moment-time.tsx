import type { ResolvedMoment } from "../domain/resolved-moment";

/**
 * A resolved moment as people and machines read it: its text, dated with the UTC instant, or with
 * the local day for a due day (which has no time).
 */
export function MomentTime({ moment }: { moment: ResolvedMoment }) {
	return <time datetime={moment.instant ?? moment.date}>{moment.text}</time>;
}
