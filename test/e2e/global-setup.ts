/**
 * Global setup of the "e2e" vitest project: runs the Worker the way `npm run dev` does, but on
 * its own fresh local state (migrated + demo seed) in a temp dir, so tests never see or touch the
 * developer's .wrangler/state and runs cannot leak data into each other (see seeded-worker.ts).
 */
import type { TestProject } from "vitest/node";
import { startSeededWorker } from "./seeded-worker";

declare module "vitest" {
	export interface ProvidedContext {
		/** Origin of the running Worker, e.g. http://127.0.0.1:41234 (no trailing slash). */
		baseUrl: string;
		/** wrangler's --persist-to DIR of that Worker: tests that write set-up rows straight into its D1 (registration-load.ts). */
		stateDir: string;
	}
}

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
	// startSeededWorker cleans up after itself if it fails; on success, stop() is the teardown.
	const { baseUrl, stateDir, stop } = await startSeededWorker();
	provide("baseUrl", baseUrl);
	provide("stateDir", stateDir);
	return stop;
}
