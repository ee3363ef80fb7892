/** What the cloning feature offers other features: its public module. Nothing else of it is imported from outside. */
export { clonedFrom } from "../../domain/editions";
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
export { type CopiedFactHit, copiedFactHits, sourceFactsOf, withAcceptedFacts } from "./copied-facts";
export { copiedTextMarks, type UnreviewedCopiedText, unreviewedCopiedTexts } from "./copied-texts";
export { type NeedsDecision, type PastTask, TASK_CHOICES, type TaskChoice } from "./decisions";
export {
	allRowKinds,
	CLONE_PARTS,
	type ClonePart,
	countRows,
	type DocumentRowKind,
	deleteStatements,
	type EditionParts,
	type EditionRows,
	editionRowsOf,
	insertStatements,
	lecturesOf,
	PART_HINTS,
	PART_LABELS,
	type PartDocs,
	partField,
	partSpec,
	readEditionParts,
	registerPartForTests,
	rowKindsOf,
} from "./edition-parts";
export { PartChecks } from "./part-checks";
export type { AnyPartSpec, PartSpec, RowKind } from "./part-spec";
export { refKey } from "./part-specs";
export {
	ACCEPT_ALL_FIELD,
	CloneRequest,
	type CloneRequestData,
	ExpectedContentVersion,
	factField,
	formFromRequest,
	PreviewedContentVersion,
	pastTaskField,
	ROOM_NAME_MAX,
	requestFromForm,
	roomField,
} from "./parts";
export { roomsOf, sourceEditions } from "./sources";
