/**
 * Committee content is Markdown, rendered with raw HTML switched off. Input that tries to carry
 * HTML or script anyway is refused when saved, with a message, rather than silently mangled.
 */
const UNSAFE = [
	/<\s*\/?\s*(script|iframe|object|embed|style|link|meta|base|form|svg|math)\b/i,
	/\bon[a-z]+\s*=/i,
	/\]\(\s*(javascript|vbscript|data):/i,
	/<\s*(javascript|vbscript|data):/i,
];

/** True when the text holds markup that could run script if it were ever rendered as HTML. */
export function hasUnsafeMarkup(text: string): boolean {
	return UNSAFE.some((pattern) => pattern.test(text));
}
