/**
 * CSV, the one declaration: RFC 4180 lines (CRLF, a field holding the separator, a quote or a line
 * break quoted, quotes doubled), and every cell a spreadsheet would run as a formula (starting
 * with = + - @, a TAB or a CR) prefixed with ' (OWASP's CSV injection advice): exports quote what
 * people typed.
 *
 * Two dialects: plain RFC 4180 (`,`, for tools; the audit log) and Excel's (`excelCsv`: a UTF-8 BOM
 * so Excel reads "Dvořák" as UTF-8, and `;`, the separator Excel expects wherever the decimal
 * comma is used, so a double click opens the file in columns).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell, neutralised and quoted for `separator`.
 *
 * @example csvCell("=1+1") // "'=1+1"; csvCell("a;b", ";") // "\"a;b\""
 */
export function csvCell(value: string, separator = ","): string {
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	const special = separator === "," ? /[",\r\n]/ : new RegExp(`[",\\r\\n${separator}]`);
	return special.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The rows (the header first) as one CSV text, `separator` between cells, CRLF after each row. */
export const toCsv = (rows: readonly (readonly string[])[], separator = ",") =>
	`${rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join("\r\n")}\r\n`;

/** The UTF-8 byte order mark: Excel reads a CSV as UTF-8 only when it starts with it. */
export const UTF8_BOM = "\uFEFF";

/** The rows as a CSV that Excel opens right with one click: BOM, `;`, CRLF, formulas neutralised. */
export const excelCsv = (rows: readonly (readonly string[])[]) => `${UTF8_BOM}${toCsv(rows, ";")}`;
