/** What the series feature offers other features: its public module. Nothing else of it is imported from outside. */
export { toEditionJson } from "./api";
export { institutionChoices } from "./console-pages";
export { type ConsoleUser, FormFields, SeriesConsoleNav, seriesCrumbs } from "./console-views";
export { lectureSlug } from "./lectures";
export { EditionSchema } from "./schemas";
export { type LectureGiven, type LectureHistory, lectureHistories, lecturesGivenQuery } from "./series-page";
export { PlainText } from "./views";
