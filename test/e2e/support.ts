/**
 * Helpers shared by the browser test files: viewports, the shared validators, the main host's
 * origin, fresh pages, and the demo accounts' sign-in through the real form.
 */
import { execFile } from "node:child_process";
import { delimiter, join, resolve } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";

export const repo = resolve(import.meta.dirname, "../..");

/** A desktop window, as `axe-check.mjs` sees it. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/** A phone, as `axe-check.mjs --mobile` sees it: 390x844 CSS pixels, touch, 3x density. */
export const PHONE: BrowserContextOptions = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 3,
};

/** Runs a shared validator; resolves with its exit code and everything it printed (never rejects on exit 1). */
export function validate(script: string, args: string[]): Promise<{ code: number; output: string }> {
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

/**
 * The Worker's origin under the main host: the console and sign-in live on MAIN_HOST, which is
 * "localhost" in wrangler.toml's [env.dev] (emailed links are built from it too). The session cookie is
 * `__Host-baton_session`, which must be Secure; Chromium keeps Secure cookies on plain-HTTP
 * http://localhost because it counts as a secure context.
 */
export function mainHostOrigin(baseUrl: string): string {
	const url = new URL(baseUrl);
	url.hostname = "localhost";
	return url.origin;
}

export const SESSION_COOKIE = "__Host-baton_session";

/**
 * A page in a fresh context (its own cookies), desktop-sized unless `options` say otherwise;
 * relative URLs resolve against `origin`.
 */
export async function newPage(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<Page> {
	const context = await browser.newContext({ ...DESKTOP, baseURL: origin, ...options });
	// Fail within seconds when something a person should see never appears, not at the test timeout.
	context.setDefaultTimeout(15_000);
	return context.newPage();
}

/** Demo accounts from the seed (README.md, "Demo accounts"). */
export const DEMO_PASSWORD = "baton-demo-2023";
export const CHAIR = "chair@baton.test";
export const STEWARD = "steward@baton.test";

/**
 * Fills in and submits the password sign-in form the way a person does: by the fields' labels
 * and the button's name. Does not wait for the outcome; the caller waits for what it expects.
 * Every call counts against the sign-in rate limit (20 per IP per 15 minutes, all test files together).
 */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto("/auth/sign-in");
	await page.getByLabel("Email address").fill(email);
	await page.getByLabel("Password").fill(password);
	await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
