/**
 * The AINM 2023 subsite as a visitor uses it in headless Chromium, on the seeded demo data: from
 * the home to the program, a session and a speaker by clicking; axe (WCAG 2.2 AA, ./axe.ts) on
 * the main pages on desktop and on a phone; no sideways scrolling on the phone; the program grid
 * side by side on wide screens and on paper, stacked on a phone; the structured data within the
 * CSP. Screenshots of every page checked are saved to a temp dir (its path is printed) to look at.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { axeViolations } from "./axe";
import { launchBrowser } from "./browser";
import { DESKTOP, newPage, PHONE } from "./support";

const baseUrl = inject("baseUrl");
const HOME = "/s/ainm/2023";

/** The pages checked, by name: the home, the program, a session, the speakers, the named lectures, and the rest. */
const PAGES = {
	home: HOME,
	program: `${HOME}/program`,
	session: `${HOME}/program/4`,
	speakers: `${HOME}/speakers`,
	speaker: `${HOME}/speakers/5`,
	lectures: `${HOME}/lectures`,
	filtered: `${HOME}/program?track=clinical-track`,
	lecture: `${HOME}/program/2`,
	venue: `${HOME}/venue`,
	sponsors: `${HOME}/sponsors`,
	register: `${HOME}/register`,
	abstracts: `${HOME}/abstracts`,
	past: `${HOME}/past`,
	page: `${HOME}/p/committee`,
	notFound: `${HOME}/p/no-such-page`,
};

const shots = mkdtempSync(join(tmpdir(), "baton-subsite-"));

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
	console.info(`subsite screenshots: ${shots}`);
});
afterAll(async () => {
	await browser?.close();
});

/** Opens `path` in a fresh context; fails on anything but a 200. */
async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
	const page = await newPage(browser, baseUrl, options);
	const response = await page.goto(path, { waitUntil: "load" });
	expect(response?.status(), `GET ${path}`).toBe(200);
	return page;
}

const h1Of = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("the AINM 2023 subsite in a browser", () => {
	test("a visitor clicks from the home to the program, a session and a speaker", async () => {
		const page = await open(HOME);
		try {
			expect(await h1Of(page)).toBe("AINM 2023");

			await page.getByRole("navigation", { name: "AINM 2023" }).getByRole("link", { name: "Program" }).click();
			await page.waitForURL(`${baseUrl}${PAGES.program}`);
			expect(await h1Of(page)).toBe("Program");
			expect(await page.getByText("Times in Europe/Amsterdam (CEST, UTC+02:00).").isVisible()).toBe(true);

			await page.getByRole("link", { name: "Lesion detection and segmentation" }).click();
			await page.waitForURL(`${baseUrl}${PAGES.session}`);
			expect(await h1Of(page)).toBe("Lesion detection and segmentation");

			await page.getByRole("main").getByRole("link", { name: "Chidinma Okafor" }).click();
			await page.waitForURL(`${baseUrl}${PAGES.speaker}`);
			expect(await h1Of(page)).toBe("Chidinma Okafor");
			expect(await page.getByRole("link", { name: "Lesion detection and segmentation" }).isVisible()).toBe(true);
		} finally {
			await page.context().close();
		}
	});

	test("the track filter works without JavaScript", async () => {
		const page = await open(PAGES.program, { javaScriptEnabled: false });
		try {
			await page
				.getByRole("navigation", { name: "Filter by track" })
				.getByRole("link", { name: "Clinical track" })
				.click();
			await page.waitForURL(`${baseUrl}${PAGES.program}?track=clinical-track`);
			expect(await h1Of(page)).toBe("Program: Clinical track");
			expect(await page.getByText("Attenuation correction and data corrections").count()).toBe(0);
			expect(await page.getByRole("link", { name: "Lesion detection and segmentation" }).isVisible()).toBe(true);
		} finally {
			await page.context().close();
		}
	});

	test.each([
		["desktop", DESKTOP],
		["phone", PHONE],
	] as const)("has no axe violations on the %s, and never scrolls sideways", async (viewport, options) => {
		// bypassCSP: axe is injected as an inline script (see ./axe.ts); the page is otherwise as served.
		const page = await newPage(browser, baseUrl, { ...options, bypassCSP: true });
		const problems: string[] = [];
		try {
			for (const [name, path] of Object.entries(PAGES)) {
				const response = await page.goto(path, { waitUntil: "load" });
				if (response?.status() !== (name === "notFound" ? 404 : 200)) {
					problems.push(`${viewport} ${path}: HTTP ${response?.status()}`);
					continue;
				}
				await page.screenshot({ path: join(shots, `${viewport}-${name}.png`), fullPage: true });
				for (const line of await axeViolations(page)) problems.push(`${viewport} ${path}: ${line}`);
				const { scrollWidth, clientWidth } = await page.evaluate(() => ({
					scrollWidth: document.documentElement.scrollWidth,
					clientWidth: document.documentElement.clientWidth,
				}));
				if (scrollWidth > clientWidth) problems.push(`${viewport} ${path}: ${scrollWidth}px wide in ${clientWidth}px`);
			}
		} finally {
			await page.context().close();
		}
		expect(problems, problems.join("\n")).toEqual([]);
	});

	test("lays parallel sessions side by side on a wide screen and on paper, one under the other on a phone", async () => {
		/** The tops of the two parallel sessions at 10:45 on day 1 (Room A, Room B). */
		const tops = (page: Page) =>
			page.evaluate(() =>
				["session-4", "session-5"].map(
					(id) => document.querySelector(`[aria-labelledby="${id}"]`)?.getBoundingClientRect().top ?? Number.NaN,
				),
			);
		const desktop = await open(PAGES.program, DESKTOP);
		const phone = await open(PAGES.program, PHONE);
		// An A4 page at 96 dpi, less margins, is about 700 CSS pixels wide: narrower than the screen grid's breakpoint.
		const paper = await open(PAGES.program, { viewport: { width: 700, height: 1000 } });
		try {
			await paper.emulateMedia({ media: "print" });
			await paper.screenshot({ path: join(shots, "print-program.png"), fullPage: true });

			const [a, b] = await tops(desktop);
			const [phoneA, phoneB] = await tops(phone);
			const [paperA, paperB] = await tops(paper);
			expect(a).toBe(b);
			expect(phoneB).toBeGreaterThan(phoneA ?? 0);
			expect(paperA).toBe(paperB);
			// On paper the site's navigation and the program's filters are left out.
			expect(await paper.getByRole("navigation", { name: "AINM 2023" }).isVisible()).toBe(false);
			expect(await paper.getByRole("navigation", { name: "Filter by track" }).isVisible()).toBe(false);
			expect(await paper.getByText("AINM 2023", { exact: true }).first().isVisible()).toBe(true);
		} finally {
			await Promise.all([desktop, phone, paper].map((p) => p.context().close()));
		}
	});

	test("serves structured data that the CSP lets through, without a single violation", async () => {
		const page = await newPage(browser, baseUrl);
		try {
			await page.addInitScript(() => {
				const seen: string[] = [];
				(window as unknown as { cspViolations: string[] }).cspViolations = seen;
				document.addEventListener("securitypolicyviolation", (e) =>
					seen.push(`${e.violatedDirective} ${e.blockedURI}`),
				);
			});
			for (const path of [PAGES.home, PAGES.session]) {
				await page.goto(path, { waitUntil: "load" });
				const data = await page.evaluate(() =>
					JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? "null"),
				);
				expect(data?.["@type"], path).toBe("Event");
				expect(
					await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
					path,
				).toEqual([]);
			}
		} finally {
			await page.context().close();
		}
	});
});
