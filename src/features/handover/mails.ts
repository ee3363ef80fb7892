/**
 * The emails of a note's question thread, in one place so a question and its answers read alike.
 * Plain text: the message is quoted as written.
 */
import type { MailMessage } from "../../lib/mailer";
import type { NoteContext } from "./notes";

interface Recipient {
	email: string;
	name: string;
}

const quoted = (body: string) =>
	body
		.trim()
		.split(/\r?\n/)
		.map((line) => `> ${line}`);

/** To the note's author and its edition's chairs: someone asks about the note. */
export function questionMail(
	to: Recipient,
	input: { context: NoteContext; asker: string; body: string; link: string },
): MailMessage {
	const { note, edition } = input.context;
	return {
		to: to.email,
		subject: `Question about the handover note “${note.title}” (${edition.name})`,
		text: [
			`Hello ${to.name},`,
			"",
			`${input.asker} asks about the handover note “${note.title}” that the committee of ${edition.name} wrote for the committees after it:`,
			"",
			...quoted(input.body),
			"",
			"Read the note and answer here:",
			input.link,
			"",
			`You get this email because you wrote the note or chair ${edition.name}. Your answer reaches everyone taking part in the question.`,
		].join("\n"),
	};
}

/** To everyone else taking part in a thread: a new message in it. */
export function answerMail(
	to: Recipient,
	input: { context: NoteContext; sender: string; body: string; link: string },
): MailMessage {
	const { note, edition } = input.context;
	return {
		to: to.email,
		subject: `Re: Question about the handover note “${note.title}” (${edition.name})`,
		text: [
			`Hello ${to.name},`,
			"",
			`${input.sender} wrote in the question about the handover note “${note.title}” (${edition.name}):`,
			"",
			...quoted(input.body),
			"",
			"The whole conversation, and where to answer:",
			input.link,
		].join("\n"),
	};
}
