/** What the handover feature offers other features: its public module. Nothing else of it is imported from outside. */
export { dossierCountsFor } from "./access";
export {
	type Advice,
	adviceByKind,
	countReplacedLinks,
	detachItemLinks,
	detachReplacedLinks,
	notesForCollectionItem,
	type ReplacedSubjects,
	travellingNoteLinks,
} from "./links";
export { AdviceList, DossierEntry, NoteAdvice } from "./views";
