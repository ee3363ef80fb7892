/**
 * Headless Debian Chromium through playwright-core: no browser download (no network in CI), and
 * the same binary and flags as ../shared/validators/axe-check.mjs, so what the tests see is what
 * the accessibility check sees.
 */
import { type Browser, chromium } from "playwright-core";

const CHROMIUM_ARGS = [
	"--headless",
	"--no-sandbox", // runs as root in containers, where Chromium's sandbox cannot start
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--no-first-run",
	"--disable-quic",
];

/** Starts Chromium with a fresh temporary profile (launch() makes one and deletes it on close()). */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}
