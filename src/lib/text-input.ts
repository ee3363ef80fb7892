/**
 * The two kinds of free text Baton accepts, as zod building blocks every input schema starts
 * from, so a new field is safe by default. Single-line text (names, titles, subjects, tags) may
 * end up in a mail header, a feed or a log line: a line break there is header injection (a name
 * with "\r\nBcc: …"), so it holds no line break or control character at all. Multi-line text
 * (Markdown, descriptions, messages) keeps LF and TAB; the CRLF browsers post, and lone CRs, become
 * LF, so stored text has one kind of line break; other controls (NUL, ESC, C1) are refused.
 */
import { z } from "@hono/zod-openapi";

/** C0 and C1 controls and DEL (\p{Cc}), and the Unicode line and paragraph separators (U+2028/9). */
const NOT_SINGLE_LINE = /[\p{Cc}\u2028\u2029]/u;
/** Controls other than TAB and LF (checked after CR has become LF). */
const NOT_MULTI_LINE = /(?![\t\n])\p{Cc}/u;

export const SINGLE_LINE_MESSAGE = "Use a single line without line breaks or control characters.";
export const CONTROL_CHARACTER_MESSAGE = "Remove the control characters (such as NUL) from the text.";

/** True when `value` could be written on one line of a mail header or a log as it is. */
export const isSingleLine = (value: string) => !NOT_SINGLE_LINE.test(value);

/** `value` with every CRLF and lone CR turned into LF. */
export const normalizeLineBreaks = (value: string) => value.replace(/\r\n?/g, "\n");

/**
 * A string on one line: no CR, LF, TAB, other C0/C1 control or U+2028/9. Chain the field's own
 * rules after it; the check comes first, so its message is the one a field shows.
 *
 * @example singleLine({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(200)
 */
export function singleLine(params?: { error?: string }) {
	return z.string(params).refine(isSingleLine, SINGLE_LINE_MESSAGE);
}

/**
 * Text of several lines: line breaks normalised to LF, TAB kept, other controls refused.
 *
 * @example multiLine().max(5000, "Use at most 5000 characters.")
 */
export function multiLine(params?: { error?: string }) {
	return z
		.string(params)
		.overwrite(normalizeLineBreaks)
		.refine((value) => !NOT_MULTI_LINE.test(value), CONTROL_CHARACTER_MESSAGE);
}
