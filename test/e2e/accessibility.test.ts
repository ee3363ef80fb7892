/**
 * Accessibility of Baton's pages on the seeded demo data (the bar we hold: zero axe violations, WCAG 2.2
 * AA), on desktop and on a phone:
 * - the public pages through the shared validator (../shared/validators/axe-check.mjs), behind the
 *   CSP-stripping proxy of ./without-csp.ts;
 * - the console's pages, which need a session the validator cannot carry, with the same axe-core
 *   run inside a signed-in page (./axe.ts), plus a reflow check on the phone.
 * The two run side by side: both mostly wait on browsers. Only one thing is written: a draft
 * edition in a series of its own (see draftEdition), for the pages an archived edition never shows.
 * (The sign-in form's error state, reachable only by a POST, is checked in console.test.ts.)
 */
import type { Browser, BrowserContextOptions, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, inject, test } from "vitest";
import { axeViolations } from "./axe";
import { launchBrowser } from "./browser";
import { CHAIR, DESKTOP, mainHostOrigin, newPage, PHONE, STEWARD, submitSignIn, validate } from "./support";
import { startProxyWithoutCsp } from "./without-csp";

const baseUrl = inject("baseUrl");
const origin = mainHostOrigin(baseUrl);
const EDITION = "/console/editions/seed-edition-ainm-2023";

/** Every public page a visitor starts from, the account pages included. */
const PUBLIC_PAGES = [
	"/s/ainm/2023",
	"/",
	"/s/ainm",
	"/auth/sign-in",
	"/auth/sign-up",
	"/auth/sign-in/link",
	"/auth/reset",
];

/**
 * The chair's console pages: one of each kind (a content collection stands for the others).
 * The institution and session pages are found by their links, since the seed chooses their ids.
 */
const CHAIR_PAGES = [
	"/console",
	"/console/account",
	"/console/institutions",
	`${EDITION}/content`,
	`${EDITION}/settings`,
	`${EDITION}/program`,
	`${EDITION}/rooms`,
	`${EDITION}/speakers`,
	`${EDITION}/committee`,
	// Templates: the browser, a template, one version, and the publish form.
	"/console/templates",
	"/console/templates/seed-template-ainm-symposium",
	"/console/templates/seed-template-ainm-symposium/versions/1",
	`${EDITION}/publish-template`,
	// Handover: the dossier, the edition's own notes, a note (with its question thread) and its
	// edit form, and the series' notes, listed and searched.
	`${EDITION}/handover`,
	`${EDITION}/handover/notes`,
	"/console/notes/seed-2023-note-student-places",
	"/console/notes/seed-2023-note-student-places/edit",
	"/console/series/ainm/handover",
	"/console/series/ainm/handover?q=student*",
	// The committee's tools.
	`${EDITION}/organizer-reminders`,
	`${EDITION}/checklist`,
	`${EDITION}/checklist/suggestions`,
	`${EDITION}/debrief`,
];

/** A page that answers a form's POST: what it is, and how a person gets there. */
interface PostedPage {
	name: string;
	reach: (page: Page) => Promise<Response | null>;
}

/** A page reached by submitting the form on `from` with the button `button`; resolves with the POST's response. */
const postedPage = (name: string, from: string, button: string): PostedPage => ({
	name,
	reach: async (page) => {
		await page.goto(from, { waitUntil: "load" });
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === "POST"),
			page.getByRole("button", { name: button, exact: true }).click(),
		]);
		await page.waitForLoadState("load");
		return response;
	},
});

/**
 * A draft edition the demo chair runs, for the pages an archived edition never shows (applying a
 * template to it): the seed's only edition, AINM 2023, is archived. Made through the console's own
 * forms (the chair owns UMCG, so may start a series and its first edition), in a series of its
 * own so that no other test's data changes. Returns its console pages to check.
 */
async function draftEditionPages(page: Page): Promise<(string | PostedPage)[]> {
	const post = async (path: string, form: Record<string, string>) => {
		const response = await page.request.post(path, { form, headers: { Origin: origin }, maxRedirects: 0 });
		if (response.status() !== 303) throw new Error(`POST ${path}: HTTP ${response.status()}\n${await response.text()}`);
		return response.headers().location ?? "";
	};
	await post("/console/series/new", {
		institutionId: "seed-institution-umcg",
		slug: "a11y-check",
		name: "Accessibility check symposium",
		shortName: "A11Y",
		cadenceYears: "2",
	});
	const created = await post("/console/series/a11y-check/editions/new", {
		hostInstitutionId: "seed-institution-umcg",
		year: "2031",
		startDate: "2031-10-06",
		endDate: "2031-10-08",
		timeZone: "Europe/Amsterdam",
		city: "Groningen",
		country: "NL",
	});
	const id = /^\/console\/editions\/([^/]+)\//.exec(created)?.[1];
	if (!id) throw new Error(`no edition in ${created}`);
	const draft = `/console/editions/${id}`;
	return [
		`${draft}/content`,
		`${draft}/setup?start=template`,
		`${draft}/setup?start=template&template=builtin%3Abiennial-academic-symposium`,
		postedPage(
			"the preview of applying the starter kit",
			`${draft}/setup?start=template&template=builtin%3Abiennial-academic-symposium`,
			"Preview",
		),
	];
}
/** A series' stewards page is for stewards only (a chair gets 403). */
const STEWARD_PAGES = ["/console/series/ainm/stewards"];

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Signs `email` in through the form once; the cookies then open any number of contexts. */
async function signedIn(email: string, discover?: (page: Page) => Promise<void>) {
	const page = await newPage(browser, origin);
	try {
		await submitSignIn(page, email);
		await page.waitForURL(`${origin}/console`);
		await discover?.(page);
		return await page.context().storageState();
	} finally {
		await page.context().close();
	}
}

/** The path the first link named `name` on `path` points to. */
async function linkTarget(page: Page, path: string, name: string): Promise<string> {
	await page.goto(path);
	const href = await page.getByRole("link", { name, exact: true }).first().getAttribute("href");
	if (!href) throw new Error(`no link "${name}" on ${path}`);
	return href;
}

describe.concurrent("no accessibility violations (axe, WCAG 2.2 AA), on desktop and on a phone", () => {
	test("on the public pages (shared validator)", async ({ expect }) => {
		const proxy = await startProxyWithoutCsp(baseUrl);
		try {
			const pages = PUBLIC_PAGES.map((path) => `${proxy.url}${path}`);
			// One run per viewport, each with its own Chromium, side by side.
			const [desktop, mobile] = await Promise.all([
				validate("axe-check.mjs", pages),
				validate("axe-check.mjs", ["--mobile", ...pages]),
			]);
			expect(desktop.code, `axe-check.mjs (desktop):\n${desktop.output}`).toBe(0);
			expect(mobile.code, `axe-check.mjs --mobile:\n${mobile.output}`).toBe(0);
			// Every page was checked, not just the first few.
			expect(desktop.output.match(/^VALID /gm)?.length, desktop.output).toBe(pages.length);
			expect(mobile.output.match(/^VALID /gm)?.length, mobile.output).toBe(pages.length);
		} finally {
			await proxy.close();
		}
	});

	test("on the console's pages, signed in (axe in the page), and they reflow on a phone", async ({ expect }) => {
		const chairPages: (string | PostedPage)[] = [...CHAIR_PAGES];
		const [chair, steward] = await Promise.all([
			signedIn(CHAIR, async (page) => {
				chairPages.push(await linkTarget(page, "/console", "University Medical Center Groningen"));
				chairPages.push(await linkTarget(page, `${EDITION}/program`, "Willem Vaalburg lecture 2023"));
				chairPages.push(...(await draftEditionPages(page)));
			}),
			signedIn(STEWARD),
		]);
		const accounts: { storageState: typeof chair; paths: (string | PostedPage)[] }[] = [
			{ storageState: chair, paths: chairPages },
			{ storageState: steward, paths: STEWARD_PAGES },
		];

		/** What is wrong in one viewport, one line each: one context per account, pages one after another. */
		const check = async (viewport: "desktop" | "phone", options: BrowserContextOptions) => {
			const problems: string[] = [];
			for (const { storageState, paths } of accounts) {
				const page = await newPage(browser, origin, { ...options, storageState, bypassCSP: true });
				try {
					for (const entry of paths) {
						const path = typeof entry === "string" ? entry : entry.name;
						const response =
							typeof entry === "string" ? await page.goto(entry, { waitUntil: "load" }) : await entry.reach(page);
						const at = new URL(page.url());
						if (response?.status() !== 200 || (typeof entry === "string" && `${at.pathname}${at.search}` !== entry)) {
							problems.push(`${viewport} ${path}: HTTP ${response?.status()} at ${page.url()}`);
							continue;
						}
						for (const line of await axeViolations(page)) problems.push(`${viewport} ${path}: ${line}`);
						if (viewport === "phone") {
							// Reflow (WCAG 1.4.10), which axe does not check: the page never scrolls sideways
							// (wide tables scroll inside their own box).
							const { scrollWidth, clientWidth } = await page.evaluate(() => ({
								scrollWidth: document.documentElement.scrollWidth,
								clientWidth: document.documentElement.clientWidth,
							}));
							if (scrollWidth > clientWidth) {
								problems.push(`${viewport} ${path}: the page is ${scrollWidth}px wide in a ${clientWidth}px window`);
							}
						}
					}
				} finally {
					await page.context().close();
				}
			}
			return problems;
		};
		// Desktop and phone side by side (the browser has cores to spare while one waits).
		const problems = (await Promise.all([check("desktop", DESKTOP), check("phone", PHONE)])).flat();
		expect(problems, problems.join("\n")).toEqual([]);
	});
});
