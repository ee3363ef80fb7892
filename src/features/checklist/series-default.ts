/**
 * The series' default checklist: where every edition's suggested checklist starts. It is the
 * checklist of the built-in starter template ("biennial academic symposium": an 18-month
 * organizing timeline drawn from the reference edition).
 *
 * Until the templates feature loads templates/biennial-academic-symposium.json, the list lives
 * here; when the loader lands, seriesDefaultChecklist() returns that template's checklist part
 * instead and this list goes (one source, not two).
 */
import type { checklistTasks } from "../../db/schema";

/** A task of a checklist before it belongs to an edition. */
export type ChecklistItem = Pick<typeof checklistTasks.$inferSelect, "title" | "ownerRole" | "dueOffsetDays">;

const STARTER_CHECKLIST: readonly ChecklistItem[] = [
	{ title: "Confirm the host institution and the dates", ownerRole: "chair", dueOffsetDays: -540 },
	{
		title: "Book the venue: a plenary hall, two rooms for the parallel tracks and space for posters",
		ownerRole: "organizer",
		dueOffsetDays: -480,
	},
	{ title: "Invite the named lecturers and the plenary speakers", ownerRole: "chair", dueOffsetDays: -420 },
	{ title: "Draw up the budget and the registration fees", ownerRole: "chair", dueOffsetDays: -365 },
	{ title: "Arrange a journal special issue for selected abstracts", ownerRole: "chair", dueOffsetDays: -300 },
	{ title: "Open the call for abstracts", ownerRole: "organizer", dueOffsetDays: -240 },
	{ title: "Open registration (early bird)", ownerRole: "organizer", dueOffsetDays: -240 },
	{ title: "Apply for accreditation (CME credits) for the program", ownerRole: "chair", dueOffsetDays: -180 },
	{
		title: "Recruit volunteers and PhD students for the registration desk and the rooms",
		ownerRole: "organizer",
		dueOffsetDays: -90,
	},
	{ title: "Review the abstracts and send the decisions", ownerRole: "reviewer", dueOffsetDays: -60 },
	{ title: "Publish the program", ownerRole: "organizer", dueOffsetDays: -45 },
	{
		title: "Confirm catering: coffee breaks, lunches and the conference dinner",
		ownerRole: "organizer",
		dueOffsetDays: -30,
	},
	{ title: "Print badges and the program booklet", ownerRole: "organizer", dueOffsetDays: -7 },
	{ title: "Send the evaluation survey to all participants", ownerRole: "organizer", dueOffsetDays: 3 },
	{ title: "Write handover notes for the next host", ownerRole: "chair", dueOffsetDays: 30 },
];

/** The default checklist of a series' editions, in due order. */
export function seriesDefaultChecklist(): readonly ChecklistItem[] {
	return STARTER_CHECKLIST;
}
