/** What the cloning feature offers other features: its public module. Nothing else of it is imported from outside. */
export { authorizedSource, authorizedTarget } from "./access";
export {
	type ClonePreview,
	cloneEdition,
	type DateChange,
	deadlinesOf,
	type EditionSummary,
	editionSummary,
	filledParts,
	previewClone,
	type ReminderChange,
	reminderCallOf,
	reminderMomentsOf,
} from "./clone";
export {
	countRows,
	deleteStatements,
	type EditionParts,
	type EditionRows,
	editionRowsOf,
	insertStatements,
	lecturesOf,
	PART_ROWS,
	type PartDocs,
	type RowKind,
	readEditionParts,
	refKey,
} from "./edition-parts";
export {
	CloneRequest,
	type CloneRequestData,
	ExpectedContentVersion,
	formFromRequest,
	ROOM_NAME_MAX,
	requestFromForm,
	roomField,
} from "./parts";
export { clonedFrom, roomsOf, sourceEditions } from "./sources";
