/**
 * The AINM 2023 edition home as a visitor sees it in a real browser, on the seeded demo data,
 * plus the shared accessibility check (design.md: zero axe violations, WCAG 2.2 AA).
 */
import { execFile } from "node:child_process";
import { delimiter, join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser } from "./browser";
import { startProxyWithoutCsp } from "./without-csp";

const repo = resolve(import.meta.dirname, "../..");
const baseUrl = inject("baseUrl");
const editionUrl = `${baseUrl}/s/ainm/2023`;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Opens a page in its own context (no shared cookies or cache) and fails on any HTTP error. */
async function open(url: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
	const page = await (await browser.newContext(options)).newPage();
	const response = await page.goto(url, { waitUntil: "load" });
	expect(response?.status(), `GET ${url}`).toBe(200);
	return page;
}

describe("edition home /s/ainm/2023", () => {
	test("shows the edition, its named lectures with their speakers, and its tracks", async () => {
		const page = await open(editionUrl);
		try {
			const h1 = page.getByRole("heading", { level: 1 });
			expect(await h1.count()).toBe(1);
			// biome-ignore lint/performance/useDomNodeTextContent: rendered text is what a visitor reads
			expect(await h1.innerText()).toBe("AINM 2023");
			expect(await page.title()).toBe("AINM 2023 · Baton");

			// Each named lecture is shown on one card together with its speaker, not just somewhere on the page.
			for (const [lecture, speaker] of [
				["Willem Vaalburg lecture", "Arturo Chiti"],
				["Anne Paans lecture", "Dimitris Visvikis"],
			] as const) {
				const card = page.getByRole("listitem").filter({ hasText: lecture });
				expect(await card.count(), lecture).toBe(1);
				expect(await card.getByText(lecture, { exact: true }).isVisible(), lecture).toBe(true);
				expect(await card.getByText(speaker, { exact: true }).isVisible(), `${speaker} on the ${lecture} card`).toBe(
					true,
				);
			}

			for (const track of ["Clinical track", "Physics and technology track"]) {
				expect(await page.getByText(track, { exact: true }).isVisible(), track).toBe(true);
			}
		} finally {
			await page.context().close();
		}
	});

	test("fits a phone screen without horizontal scrolling", async () => {
		const page = await open(editionUrl, {
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true,
			deviceScaleFactor: 3,
		});
		try {
			const { scrollWidth, clientWidth } = await page.evaluate(() => ({
				scrollWidth: document.documentElement.scrollWidth,
				clientWidth: document.documentElement.clientWidth,
			}));
			expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
		} finally {
			await page.context().close();
		}
	});
});

/** Runs a shared validator; resolves with its exit code and everything it printed (never rejects on exit 1). */
function validate(script: string, args: string[]): Promise<{ code: number; output: string }> {
	return new Promise((done) => {
		execFile(
			"node",
			[join(repo, "../shared/validators", script), ...args],
			// Same Node 22 as the rest of the project, whatever Node started vitest.
			{ env: { ...process.env, PATH: [join(repo, "node_modules/.bin"), process.env.PATH].join(delimiter) } },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
				done({ code, output: `${stdout}${stderr}${error && code === -1 ? String(error) : ""}` });
			},
		);
	});
}

test("has no accessibility violations (axe, WCAG 2.2 AA), on desktop and on a phone", async () => {
	const proxy = await startProxyWithoutCsp(baseUrl);
	try {
		const pages = ["/s/ainm/2023", "/", "/s/ainm"].map((path) => `${proxy.url}${path}`);
		// Desktop and mobile runs each start their own Chromium, so run them side by side.
		const [desktop, mobile] = await Promise.all([
			validate("axe-check.mjs", pages),
			validate("axe-check.mjs", ["--mobile", ...pages]),
		]);
		expect(desktop.code, `axe-check.mjs (desktop):\n${desktop.output}`).toBe(0);
		expect(mobile.code, `axe-check.mjs --mobile:\n${mobile.output}`).toBe(0);
	} finally {
		await proxy.close();
	}
});
