/**
 * Runs the Worker the way `npm run dev` does, but on its own fresh local state (migrated + demo
 * seed) in a temp dir, so tests and benchmarks never see or touch the developer's .wrangler/state
 * and runs cannot leak data into each other. Used by the e2e global setup and by `npm run bench`.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { unstable_startWorker } from "wrangler";

export interface SeededWorker {
	/** Origin of the running Worker, e.g. http://127.0.0.1:41234 (no trailing slash). */
	baseUrl: string;
	/** wrangler's --persist-to DIR of this Worker (its D1 state lives in DIR/v3). */
	stateDir: string;
	/** Stops the Worker and deletes stateDir. Safe to call more than once. */
	stop(): Promise<void>;
}

const repo = resolve(import.meta.dirname, "../..");

/**
 * wrangler.toml's development environment: its top level is production, which has no outbox, no
 * /dev pages and a real MAIN_HOST, and refuses to serve with a fake (src/lib/environment.ts).
 */
export const DEV_ENVIRONMENT = "dev";

/** How long the first request to the started Worker may take (it compiles on first use; machines may be busy). */
const PROBE_TIMEOUT_MS = 30_000;

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
function run(command: string, args: string[], signal?: AbortSignal): Promise<void> {
	return new Promise((done, fail) => {
		// On abort, spawn() kills the child and emits "error" with an AbortError.
		const child = spawn(command, args, { cwd: repo, env: childEnv, stdio: ["ignore", "pipe", "pipe"], signal });
		let output = "";
		child.stdout.on("data", (chunk) => (output += chunk));
		child.stderr.on("data", (chunk) => (output += chunk));
		child.on("error", fail);
		child.on("close", (code) =>
			code === 0 ? done() : fail(new Error(`e2e setup: \`${command} ${args.join(" ")}\` exited ${code}:\n${output}`)),
		);
	});
}

/**
 * Migrates and seeds a fresh temp state dir, then starts the Worker on it. If any step fails, or
 * `signal` aborts the start-up, whatever was started is stopped and the temp dir deleted before
 * the error is rethrown.
 */
export async function startSeededWorker({ signal }: { signal?: AbortSignal } = {}): Promise<SeededWorker> {
	const stateDir = await mkdtemp(join(tmpdir(), "baton-e2e-"));
	// Last resort if the process exits before stop() is done, e.g. through the SIGINT handler of
	// miniflare, which kills workerd and exits at once: the temp dir must not outlive the process.
	const removeStateDirOnExit = () => {
		try {
			rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
		} catch {
			// Nothing more can be done while exiting.
		}
	};
	process.on("exit", removeStateDirOnExit);
	let worker: Awaited<ReturnType<typeof unstable_startWorker>> | undefined;
	let stopped: Promise<void> | undefined;
	const stop = () => {
		stopped ??= (async () => {
			try {
				await worker?.dispose();
			} finally {
				await rm(stateDir, { recursive: true, force: true });
				process.off("exit", removeStateDirOnExit);
			}
		})();
		return stopped;
	};
	try {
		// Same commands as `npm run db:migrate` and `npm run seed`, pointed at the temp state
		// (wrangler keeps --persist-to DIR state in DIR/v3; the seed CLI follows that layout).
		const env = ["--env", DEV_ENVIRONMENT];
		await run("wrangler", ["d1", "migrations", "apply", "baton", "--local", ...env, "--persist-to", stateDir], signal);
		await run("tsx", ["src/cli/seed.ts", "--persist-to", stateDir], signal);
		signal?.throwIfAborted();

		// In-process `wrangler dev`: no child to babysit, and startWorker rejects if the build fails.
		// Port 0 lets the OS pick a free port; no inspector, no remote bindings (no network, no login).
		worker = await unstable_startWorker({
			config: join(repo, "wrangler.toml"),
			env: DEV_ENVIRONMENT,
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
		signal?.throwIfAborted();
		const baseUrl = (await worker.url).origin;

		// Fail here, with a clear message, rather than in every test. Bounded: when the build fails,
		// wrangler only logs it and the Worker never answers (undici would wait 5 minutes).
		const probe = await fetch(`${baseUrl}/api/v1/series`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }).catch(
			(error: Error) => {
				throw new Error(
					`e2e setup: GET ${baseUrl}/api/v1/series got no answer (${error.message}); if wrangler printed "Build failed" above, fix that first`,
					{ cause: error },
				);
			},
		);
		if (!probe.ok) throw new Error(`e2e setup: GET ${baseUrl}/api/v1/series answered ${probe.status}`);

		return { baseUrl, stateDir, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
