/**
 * Global setup of the "e2e" vitest project: runs the Worker the way `npm run dev` does, but on
 * its own fresh local state (migrated + demo seed) in a temp dir, so tests never see or touch the
 * developer's .wrangler/state and runs cannot leak data into each other.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { unstable_startWorker } from "wrangler";

declare module "vitest" {
	export interface ProvidedContext {
		/** Origin of the running Worker, e.g. http://127.0.0.1:41234 (no trailing slash). */
		baseUrl: string;
	}
}

const repo = resolve(import.meta.dirname, "../..");

// Child tools run from the project's node_modules/.bin, which also holds the Node 22 that the
// `node` devDependency installs: wrangler needs it even if vitest was started by another Node.
const childEnv = {
	...process.env,
	PATH: [join(repo, "node_modules/.bin"), process.env.PATH].join(delimiter),
	// No telemetry calls or interactive prompts from wrangler in tests.
	WRANGLER_SEND_METRICS: "false",
	CI: "1",
};

/** Runs a command to completion; on failure throws with everything it printed. */
function run(command: string, args: string[]): Promise<void> {
	return new Promise((done, fail) => {
		const child = spawn(command, args, { cwd: repo, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
		let output = "";
		child.stdout.on("data", (chunk) => (output += chunk));
		child.stderr.on("data", (chunk) => (output += chunk));
		child.on("error", fail);
		child.on("close", (code) =>
			code === 0 ? done() : fail(new Error(`e2e setup: \`${command} ${args.join(" ")}\` exited ${code}:\n${output}`)),
		);
	});
}

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
	const stateDir = await mkdtemp(join(tmpdir(), "baton-e2e-"));
	let worker: Awaited<ReturnType<typeof unstable_startWorker>> | undefined;
	const teardown = async () => {
		await worker?.dispose();
		await rm(stateDir, { recursive: true, force: true });
	};
	try {
		// Same commands as `npm run db:migrate` and `npm run seed`, pointed at the temp state
		// (wrangler keeps --persist-to DIR state in DIR/v3; the seed CLI follows that layout).
		await run("wrangler", ["d1", "migrations", "apply", "baton", "--local", "--persist-to", stateDir]);
		await run("tsx", ["src/cli/seed.ts", "--persist-to", stateDir]);

		// In-process `wrangler dev`: no child to babysit, and startWorker rejects if the build fails.
		// Port 0 lets the OS pick a free port; no inspector, no remote bindings (no network, no login).
		worker = await unstable_startWorker({
			config: join(repo, "wrangler.toml"),
			dev: {
				server: { hostname: "127.0.0.1", port: 0 },
				inspector: false,
				persist: stateDir,
				remote: false,
				watch: false,
			},
		}).catch((error: Error) => {
			// The useful part (e.g. esbuild's "file:line: ERROR …") is only in the cause.
			throw new Error(`e2e setup: wrangler could not start the Worker: ${error.message}\n${error.cause ?? ""}`, {
				cause: error,
			});
		});
		await worker.ready;
		const baseUrl = (await worker.url).origin;

		// Fail here, with a clear message, rather than in every test.
		const probe = await fetch(`${baseUrl}/api/v1/series`);
		if (!probe.ok) throw new Error(`e2e setup: GET ${baseUrl}/api/v1/series answered ${probe.status}`);

		provide("baseUrl", baseUrl);
		return teardown;
	} catch (error) {
		await teardown();
		throw error;
	}
}
