/**
 * What proposers are told when the stewards decide, in one place so the texts stay the same
 * whether a proposal is declined on its own or because another one was accepted.
 */
import type { MailMessage } from "../../lib/mailer";

export interface Proposer {
	email: string;
	name: string;
	institutionName: string;
}

interface Decision {
	seriesName: string;
	/** "AINM 2025". */
	editionName: string;
	/** The stewards' note; empty when they gave none. */
	note: string;
}

const noteLines = (note: string) => (note.trim() ? ["The stewards' note:", "", note.trim(), ""] : []);

/** To the proposer whose proposal was accepted: the edition exists and they chair it. */
export function acceptedMail(
	to: Proposer,
	decision: Decision & { city: string; consoleLink: string; publicLink: string },
): MailMessage {
	return {
		to: to.email,
		subject: `Your proposal to host ${decision.editionName} is accepted`,
		text: [
			`Hello ${to.name},`,
			"",
			`The stewards of ${decision.seriesName} accepted the proposal of ${to.institutionName} to host ${decision.editionName} in ${decision.city}.`,
			"",
			...noteLines(decision.note),
			`${decision.editionName} now exists on Baton as a draft, and you are its chair. Set it up and invite your committee here:`,
			decision.consoleLink,
			"",
			`Only the committee sees the draft. Once you publish it, its site will be at ${decision.publicLink}.`,
		].join("\n"),
	};
}

/** To a proposer whose proposal was declined, on its own or because another one was accepted. */
export function declinedMail(to: Proposer, decision: Decision & { acceptedElsewhere: boolean }): MailMessage {
	return {
		to: to.email,
		subject: `Your proposal to host ${decision.editionName} was not accepted`,
		text: [
			`Hello ${to.name},`,
			"",
			decision.acceptedElsewhere
				? `The stewards of ${decision.seriesName} accepted another proposal to host ${decision.editionName}, so the proposal of ${to.institutionName} was not accepted.`
				: `The stewards of ${decision.seriesName} decided not to accept the proposal of ${to.institutionName} to host ${decision.editionName}.`,
			"",
			...noteLines(decision.note),
			"Thank you for offering to host. The series will call for hosts again for its next edition.",
		].join("\n"),
	};
}

/** What a new proposal offers, as the lines both of its mails list. */
export interface ProposalSummary {
	seriesName: string;
	/** "AINM 2025". */
	editionName: string;
	institutionName: string;
	proposerName: string;
	where: string;
	venue: string;
	dates: string;
	timeZone: string;
	expectedParticipants: number | null;
	/** The proposal's console page. */
	link: string;
}

const proposalLines = (p: ProposalSummary) => [
	`Institution: ${p.institutionName}`,
	`Proposed by: ${p.proposerName}`,
	`Where: ${p.where}`,
	`Venue: ${p.venue || "still open"}`,
	`Dates: ${p.dates}`,
	`Time zone: ${p.timeZone}`,
	`Expected participants: ${p.expectedParticipants ?? "not given"}`,
];

/** To each steward of the series: a proposal waits for their decision. */
export function newProposalMail(to: { email: string; name: string }, p: ProposalSummary): MailMessage {
	return {
		to: to.email,
		subject: `New proposal to host ${p.editionName}: ${p.institutionName}`,
		text: [
			`Hello ${to.name},`,
			"",
			`${p.institutionName} proposes to host ${p.editionName}, answering the call for hosts of ${p.seriesName}:`,
			"",
			...proposalLines(p),
			"",
			"Read it, compare it with the others and decide in the console:",
			p.link,
		].join("\n"),
	};
}

/** To the proposer: the stewards have the proposal. */
export function proposalReceiptMail(to: { email: string; name: string }, p: ProposalSummary): MailMessage {
	return {
		to: to.email,
		subject: `Your proposal to host ${p.editionName} is received`,
		text: [
			`Hello ${to.name},`,
			"",
			`the stewards of ${p.seriesName} have your proposal to host ${p.editionName}:`,
			"",
			...proposalLines(p),
			"",
			"They will tell you their decision by email. Until then you can read it, or withdraw it, here:",
			p.link,
		].join("\n"),
	};
}
