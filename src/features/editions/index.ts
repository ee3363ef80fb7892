/** What the editions feature offers other features: its public module. Nothing else of it is imported from outside. */
export { ABSTRACT_CALL_FIELDS, callDateProblems } from "./abstract-call";
export {
	contrastWithWhite,
	DATE_FIELDS,
	datesSchema,
	type EditionDates,
	MAX_EDITION_DAYS,
	updateDates,
} from "./settings";
