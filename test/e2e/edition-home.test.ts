/**
 * The AINM 2023 edition home as a visitor sees it in a real browser, on the seeded demo data.
 * Its accessibility is checked with the other public pages in accessibility.test.ts.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser } from "./browser";
import { PHONE } from "./support";

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
		const page = await open(editionUrl, PHONE);
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
