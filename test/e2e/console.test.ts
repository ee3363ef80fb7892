/**
 * Signing in and the console as a committee chair uses them, in a real browser on the seeded demo
 * data: the password form, finding the edition, its rooms form, reading the program, signing out;
 * and a wrong password, whose page is also checked with axe (no other test can reach it: it
 * takes a POST). The accessibility of all other pages is checked in accessibility.test.ts.
 *
 * The browser tests run on the main host (http://localhost:<port>, see mainHostOrigin). Each test
 * has its own browser contexts, so its own cookies; none changes the edition (the seeded AINM 2023
 * is archived, so read-only), only sessions and sign-in counters.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, inject, test } from "vitest";
import { axeViolations } from "./axe";
import { launchBrowser } from "./browser";
import { CHAIR, mainHostOrigin, newPage, SESSION_COOKIE, submitSignIn } from "./support";

const origin = mainHostOrigin(inject("baseUrl"));
const EDITION = "/console/editions/seed-edition-ainm-2023";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const open = (options?: BrowserContextOptions) => newPage(browser, origin, options);

async function sessionCookie(context: BrowserContext) {
	return (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
}

/** The text of the page's h1, as a person reads it (Playwright's strict mode: more than one h1 throws). */
async function heading(page: Page): Promise<string> {
	const h1 = page.getByRole("heading", { level: 1 });
	// biome-ignore lint/performance/useDomNodeTextContent: rendered text is what a person reads
	return (await h1.innerText()).replace(/\s+/g, " ").trim();
}

const breadcrumb = (page: Page) => page.getByRole("navigation", { name: "Breadcrumb" });

/** Waits until the page shows `path` on the main host (after the navigation a click started). */
const arriveAt = (page: Page, path: string) => page.waitForURL(`${origin}${path}`);

// The tests run side by side: each has its own browser context, and none depends on another.
describe.concurrent("a chair in the console", () => {
	test("signs in, finds the edition, cannot add a room to it (archived), and reads the program", async ({ expect }) => {
		const page = await open();
		try {
			await submitSignIn(page, CHAIR);
			await arriveAt(page, "/console");
			expect(await heading(page)).toBe("Console");
			expect(await sessionCookie(page.context()), "session cookie after signing in").toBeDefined();

			// The edition is listed under "My editions" and leads, through its breadcrumb, to the
			// edition's own page in the console (the dashboard links its committee page).
			const myEditions = page
				.getByRole("heading", { level: 2, name: "My editions" })
				.locator("xpath=following-sibling::ul[1]");
			const edition = myEditions.getByRole("link", { name: "AINM 2023", exact: true });
			expect(await edition.isVisible(), '"AINM 2023" under "My editions"').toBe(true);
			await edition.click();
			await page.waitForURL((url) => url.pathname.startsWith(`${EDITION}/`));
			if (new URL(page.url()).pathname !== `${EDITION}/content`) {
				await breadcrumb(page).getByRole("link", { name: "AINM 2023", exact: true }).click();
			}
			await arriveAt(page, `${EDITION}/content`);
			expect(await heading(page)).toBe("AINM 2023");

			// The seeded edition took place in 2023 and is archived, which its page says: read-only.
			expect(
				await page
					.getByRole("main")
					.getByText(/archived.*read-only/)
					.first()
					.isVisible(),
				"archived notice",
			).toBe(true);

			// Rooms: the form refuses a new room, says why beside the form, and adds nothing.
			await page.getByRole("main").getByRole("link", { name: "Rooms", exact: true }).click();
			await arriveAt(page, `${EDITION}/rooms`);
			expect(await heading(page)).toBe("Rooms of AINM 2023");
			await page.getByLabel("Name", { exact: true }).fill("Foyer East");
			await page.getByLabel("Capacity").fill("40");
			await page.getByRole("button", { name: "Add room" }).click();
			const alert = page.getByRole("alert");
			await alert.waitFor();
			// biome-ignore lint/performance/useDomNodeTextContent: rendered text is what a person reads
			expect(await alert.innerText()).toMatch(/archived and read-only/i);
			expect(new URL(page.url()).pathname).toBe(`${EDITION}/rooms`);
			expect(await page.getByRole("row").filter({ hasText: "Foyer East" }).count(), "rows naming Foyer East").toBe(0);
			const plenary = page.getByRole("row").filter({ hasText: "Plenary hall" });
			expect((await plenary.getByRole("cell").allInnerTexts()).slice(0, 2)).toEqual(["Plenary hall", "300"]);

			// Program: back to the edition, then its seeded sessions, day by day.
			await breadcrumb(page).getByRole("link", { name: "AINM 2023", exact: true }).click();
			await arriveAt(page, `${EDITION}/content`);
			await page.getByRole("main").getByRole("link", { name: "Program", exact: true }).click();
			await arriveAt(page, `${EDITION}/program`);
			expect(await heading(page)).toBe("Program of AINM 2023");
			for (const day of ["Day 1 · Monday 9 October", "Day 2 · Tuesday 10 October", "Day 3 · Wednesday 11 October"]) {
				expect(await page.getByRole("heading", { level: 2, name: day }).isVisible(), day).toBe(true);
			}
			for (const session of [
				"Opening of AINM 2023",
				"Willem Vaalburg lecture 2023",
				"Anne Paans lecture 2023",
				"Joint panel discussion: from research to routine",
			]) {
				expect(await page.getByRole("link", { name: session, exact: true }).isVisible(), session).toBe(true);
			}
			// One session: its talk and speaker.
			await page.getByRole("link", { name: "Willem Vaalburg lecture 2023", exact: true }).click();
			await page.waitForURL((url) => url.pathname.startsWith(`${EDITION}/program/`));
			expect(await heading(page)).toContain("Willem Vaalburg lecture 2023");
			const talk = page.getByRole("row").filter({ hasText: "The bright future of nuclear medicine" });
			expect(await talk.getByText("Arturo Chiti", { exact: true }).isVisible(), "the talk's speaker").toBe(true);
		} finally {
			await page.context().close();
		}
	});

	test("with a wrong password sees why on the page and is not signed in", async ({ expect }) => {
		// bypassCSP only so that axe can be injected below (see ./axe.ts).
		const page = await open({ bypassCSP: true });
		try {
			await submitSignIn(page, CHAIR, "not-the-demo-password");
			const alert = page.getByRole("alert");
			await alert.waitFor();
			// biome-ignore lint/performance/useDomNodeTextContent: rendered text is what a person reads
			expect(await alert.innerText()).toMatch(/email address and password do not match/i);
			expect(new URL(page.url()).pathname).toBe("/auth/sign-in");
			expect(await heading(page)).toBe("Sign in to Baton");
			// The address stays filled in, the password does not.
			expect(await page.getByLabel("Email address").inputValue()).toBe(CHAIR);
			expect(await page.getByLabel("Password").inputValue()).toBe("");
			expect(await sessionCookie(page.context()), "session cookie after a wrong password").toBeUndefined();

			// The form's error state can only be reached by posting, so the CLI validator never sees it.
			expect(await axeViolations(page), "axe on the sign-in form with its error").toEqual([]);

			await page.goto("/console");
			expect(new URL(page.url()).pathname, "the console still asks to sign in").toBe("/auth/sign-in");
		} finally {
			await page.context().close();
		}
	});

	test("signs out with the button, which ends the session on the server too", async ({ expect }) => {
		const page = await open();
		const context = page.context();
		try {
			await submitSignIn(page, CHAIR);
			await arriveAt(page, "/console");
			const cookie = await sessionCookie(context);
			expect(cookie, "session cookie after signing in").toBeDefined();

			await page.getByRole("button", { name: "Sign out", exact: true }).click();
			await arriveAt(page, "/");
			expect(await sessionCookie(context), "session cookie after signing out").toBeUndefined();
			expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);

			await page.goto("/console");
			expect(page.url()).toBe(`${origin}/auth/sign-in?next=%2Fconsole`);
			expect(await heading(page)).toBe("Sign in to Baton");

			// The old cookie, put back, opens nothing: the session is gone, not just forgotten by the browser.
			if (cookie) await context.addCookies([cookie]);
			await page.goto("/console");
			expect(new URL(page.url()).pathname).toBe("/auth/sign-in");
		} finally {
			await context.close();
		}
	});
});
