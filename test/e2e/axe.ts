/**
 * axe-core inside a page the test already drives, for pages behind sign-in.
 *
 * Why not ../shared/validators/axe-check.mjs: it opens each URL in a browser of its own, which
 * cannot carry a session, so every console page would only redirect it to the sign-in page. Here
 * the same axe-core (the validators' own copy, installed by their setup.sh) runs in the signed-in
 * page with the validator's default tags, and any violation fails, as with the CLI.
 *
 * The page's context must be created with `bypassCSP: true`: addScriptTag injects axe as an
 * inline script, which Baton's CSP (`script-src 'self'`) rightly forbids. Nothing else about the
 * page changes; the public pages keep being checked by the CLI itself (through ./without-csp.ts).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { repo } from "./support";

export const AXE_PATH = join(repo, "../shared/validators/node_modules/axe-core/axe.min.js");

/** The default tags of axe-check.mjs: WCAG 2.0/2.1/2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** The part of axe's results read here, copied out of the page as plain data. */
interface Violation {
	id: string;
	impact: string;
	target: string;
	message: string;
}

/**
 * Runs axe on the page as it is now and returns one line per violating element: rule id, impact,
 * target and axe's messages (empty when the page passes). Throws if axe-core is not installed.
 */
export async function axeViolations(page: Page): Promise<string[]> {
	if (!existsSync(AXE_PATH)) throw new Error(`${AXE_PATH} is missing: run ../shared/validators/setup.sh once`);
	await page.addScriptTag({ path: AXE_PATH });
	const violations = await page.evaluate(async (tags): Promise<Violation[]> => {
		interface AxeResults {
			violations: {
				id: string;
				impact?: string | null;
				help: string;
				nodes: { target: unknown[]; failureSummary?: string }[];
			}[];
		}
		const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } };
		const results = await axe.run(document, { runOnly: { type: "tag", values: tags } });
		return results.violations.flatMap((v) =>
			v.nodes.map((node) => ({
				id: v.id,
				impact: v.impact ?? "unknown",
				target: node.target.map(String).join(" "),
				// What the rule asks for, then what this element lacks.
				message: [v.help, node.failureSummary?.replace(/\s*\n\s*/g, " ")].filter(Boolean).join(". "),
			})),
		);
	}, AXE_TAGS);
	return violations.map((v) => `${v.id} (${v.impact}) at ${v.target}: ${v.message}`);
}
