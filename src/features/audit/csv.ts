/**
 * CSV as RFC 4180 writes it (CRLF lines, fields with a comma, quote or line break quoted, quotes
 * doubled), with every cell a spreadsheet would run as a formula (starting with = + - @, a TAB or
 * a CR) prefixed with ' (OWASP's CSV injection advice): an audit summary quotes what people typed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The rows (the header first) as one CSV text. */
export const toCsv = (rows: readonly (readonly string[])[]) =>
	`${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
