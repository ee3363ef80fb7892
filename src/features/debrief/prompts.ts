/**
 * The organizer debrief: a few questions the committee answers right after the event, each mapped
 * to the handover topic its answer belongs to. Every answered question becomes a draft handover
 * note in that topic, so what the committee knows on the way home reaches the next committee.
 */
import type { HandoverTopic } from "../../db/schema";

export interface DebriefPrompt {
	/** The form field. */
	key: string;
	topic: HandoverTopic;
	/** The question as the form asks it. */
	prompt: string;
	/** The title of the draft note an answer becomes. */
	noteTitle: string;
}

export const DEBRIEF_PROMPTS: readonly DebriefPrompt[] = [
	{
		key: "venue",
		topic: "venue_rooms",
		prompt: "What would you do differently about the venue and rooms?",
		noteTitle: "Venue and rooms: what we would do differently",
	},
	{
		key: "program",
		topic: "program_speakers",
		prompt: "What worked in the program and with the speakers, and what would you change?",
		noteTitle: "Program and speakers: what worked and what to change",
	},
	{
		key: "abstracts",
		topic: "abstracts_review",
		prompt: "How did the call for abstracts and the review go?",
		noteTitle: "Abstracts and review: how it went",
	},
	{
		key: "registration",
		topic: "registration_badges",
		prompt: "What should the next committee know about registration, tickets and badges?",
		noteTitle: "Registration, tickets and badges: what to know",
	},
	{
		key: "budget",
		topic: "budget_finance",
		prompt: "Where did the budget differ from the plan, and why?",
		noteTitle: "Budget: where it differed from the plan",
	},
	{
		key: "outreach",
		topic: "communication_outreach",
		prompt: "How did participants hear about the event, and what would reach more of them?",
		noteTitle: "Outreach: how participants heard about the event",
	},
	{
		key: "staff",
		topic: "volunteers_staff",
		prompt: "How did the volunteers and support staff work out?",
		noteTitle: "Volunteers and support staff: how it worked out",
	},
	{
		key: "lessons",
		topic: "lessons_learned",
		prompt: "What is the one thing you wish you had known at the start?",
		noteTitle: "What we wish we had known at the start",
	},
];
