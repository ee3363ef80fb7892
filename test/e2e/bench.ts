/**
 * `npm run bench`: query budget, latency and CPU of the public routes, on the seeded demo data.
 *
 * 1. Starts the Worker on its own migrated, seeded state (seeded-worker.ts) and, per route, sends
 *    WARMUP then SAMPLES sequential GETs over HTTP: D1 queries per request (from Server-Timing,
 *    which must be the same on every request) and p50/p95/max wall-clock latency. The edition
 *    subsite is edge-cached (src/features/site/edge-cache.ts; `wrangler dev` has a working Cache
 *    API): there the first request renders and stores a copy and every later one is an edge hit,
 *    which must cost the tenant statement alone; the latencies are the hits'.
 * 2. Separately, runs `createApp().fetch()` in this Node process on the same state (through
 *    wrangler's getPlatformProxy, like the seed CLI) and takes process.cpuUsage() deltas: the CPU
 *    time of the app's own code per request, plus the Node side of the D1 proxy RPC, so an upper
 *    bound for the Workers CPU time. Node has no Cache API: there every request renders, so this
 *    also measures the query count of edge misses against the budget.
 *
 * 3. Last, the registration load (registration-load.ts): 1,000 signed-in people register at once
 *    for 200 free seats through the API, and the same Worker answers 1,000 concurrent GETs of its
 *    stylesheet (a constant route: no D1, no work), so that registrations per second stand beside
 *    the Worker's ceiling on this machine in this run (the ratio) as well as on their own. Last,
 *    because the Worker then delivers the 1,000 mails for a while, writing to D1.
 *
 * Prints a Markdown table to stdout; exits 1 if a route answers anything but 200, if its query
 * count varies, or if it exceeds its budget below. Everything it starts (Worker, platform proxy,
 * temp dir) is stopped on every exit path, and the whole run is cut off after TIME_LIMIT_MS.
 */
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { getPlatformProxy } from "wrangler";
import { createOpenEdition, createSignedInUsers, openD1, registerAll } from "./registration-load";
import { DEV_ENVIRONMENT, startSeededWorker } from "./seeded-worker";

/**
 * D1 statements per request that each public route may send (the query budget, src/README.md); for the
 * edge-cached routes (`edge`), when it renders.
 */
const BUDGETS: Record<string, { queries: number; edge?: true }> = {
	"/": { queries: 2 },
	// The series, its public editions, its named lectures, their history and the open call: sent at once.
	"/s/ainm": { queries: 5 },
	"/s/ainm/2023": { queries: 3, edge: true },
	"/s/ainm/2023/program": { queries: 3, edge: true },
	// The Willem Vaalburg lecture 2023.
	"/s/ainm/2023/program/2": { queries: 3, edge: true },
	"/s/ainm/2023/schedule.json": { queries: 3, edge: true },
	"/api/v1/series": { queries: 2 },
	"/api/v1/series/ainm/editions": { queries: 1 },
};

/** D1 statements of an edge hit: the tenant resolution, nothing else. */
const HIT_QUERIES = 1;

const WARMUP = 20;
const SAMPLES = 100;
/**
 * Fewer in-process requests: each waits ~45 ms on the platform proxy's D1 RPC (wall time, not
 * CPU), and eight routes of 120 would not fit the time limit. The mean CPU of 40 is steady enough.
 */
const CPU_WARMUP = 5;
const CPU_SAMPLES = 40;
/** The registration load: people registering at once, for this many seats. */
const LOAD_PEOPLE = 1_000;
const LOAD_SEATS = 200;
/**
 * The whole run must end within four minutes of the process start (the registration load alone took
 * over a minute on a busy 2-core machine): whatever is still measuring at TIME_LIMIT_MS is cut off, and stopping everything may take CLEANUP_LIMIT_MS more (per resource
 * and in all; after that, process exit hooks kill workerd and delete the temp dir).
 */
const TIME_LIMIT_MS = 235_000;
const CLEANUP_LIMIT_MS = 4_500;
const REQUEST_TIMEOUT_MS = 10_000;

const repo = resolve(import.meta.dirname, "../..");

/** The part of `createApp()` (src/app.tsx) used here. */
interface App {
	fetch(request: Request, env: Record<string, unknown>): Response | Promise<Response>;
}

interface RouteResult {
	route: string;
	/** Requests sent, warm-up included, over HTTP and in-process. */
	requests: number;
	/** Status codes other than 200, with how many requests got each. */
	badStatuses: Map<number, number>;
	/** Distinct D1 query counts of rendered responses; "missing" if a response had no d1 Server-Timing entry. */
	queryCounts: Set<number | "missing">;
	/** Edge-cached routes: distinct D1 query counts of edge hits (X-Cache: HIT). */
	hitQueryCounts: Set<number | "missing">;
	/** Edge-cached routes: HTTP requests that rendered (X-Cache other than HIT); only the first should. */
	httpRenders: number;
	latenciesMs: number[];
	cpuMsPerRequest?: number;
}

// ---------------------------------------------------------------------------------------------
// Clean-up: every resource registers how to stop it; each is stopped once, newest first, bounded.

const cleanups: { name: string; stop: () => Promise<void> }[] = [];
let cleaning = Promise.resolve();
/** What the run is doing, for the message of the time limit. */
let phase = "starting the Worker";
/** The routes measured so far over HTTP (CPU filled in later): printed even if the run is cut off. */
const results: RouteResult[] = [];
/** Aborted by abort(): cuts the Worker's start-up short; the errors it causes are then expected, not news. */
const aborting = new AbortController();

function register(name: string, stop: () => Promise<void>): void {
	cleanups.push({ name, stop });
}

/**
 * Stops whatever is registered so far, newest first, within CLEANUP_LIMIT_MS. Calls queue up, so
 * each resource is stopped once; never rejects.
 */
function cleanUp(): Promise<void> {
	cleaning = cleaning.then(async () => {
		const deadline = performance.now() + CLEANUP_LIMIT_MS;
		for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
			try {
				await withTimeout(cleanup.stop(), Math.max(0, deadline - performance.now()), `stopping the ${cleanup.name}`);
			} catch (error) {
				say(errorMessage(error));
			}
		}
	});
	return cleaning;
}

/** Stops everything and exits 1: for the time limit and for Ctrl-C (only the first call acts). */
async function abort(reason: string): Promise<void> {
	if (aborting.signal.aborted) return;
	aborting.abort(new Error(reason));
	say(`${reason}; stopping.`);
	if (results.length > 0) {
		// What was measured before the cut is still worth seeing (a loaded machine is the usual cause).
		// Not console.log: the in-process phase may have it silenced.
		process.stdout.write(`${table(results)}\n\nIncomplete: ${reason}.\n`);
	}
	await cleanUp();
	process.exit(1);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, fail) => {
		timer = setTimeout(() => fail(new Error(`${what} took longer than ${ms} ms`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The bench's own messages, to stderr; not through console.error, which the app uses too. */
function say(message: string): void {
	process.stderr.write(`bench: ${message}\n`);
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// Measurements

/**
 * Records one response's status and D1 query count (from `Server-Timing: d1;desc="N queries"`),
 * apart for edge hits.
 */
function record(result: RouteResult, response: Response, over: "HTTP" | "in-process"): void {
	result.requests++;
	if (response.status !== 200) {
		result.badStatuses.set(response.status, (result.badStatuses.get(response.status) ?? 0) + 1);
	}
	const match = /\bd1;desc="(\d+) quer(?:y|ies)"/.exec(response.headers.get("server-timing") ?? "");
	const queries = match?.[1] === undefined ? "missing" : Number(match[1]);
	if (response.headers.get("x-cache") === "HIT") {
		result.hitQueryCounts.add(queries);
	} else {
		result.queryCounts.add(queries);
		if (over === "HTTP" && BUDGETS[result.route]?.edge) result.httpRenders++;
	}
}

async function measureHttp(baseUrl: string, route: string): Promise<RouteResult> {
	const result: RouteResult = {
		route,
		requests: 0,
		badStatuses: new Map(),
		queryCounts: new Set(),
		hitQueryCounts: new Set(),
		httpRenders: 0,
		latenciesMs: [],
	};
	phase = `HTTP GET ${route}`;
	for (let i = 0; i < WARMUP + SAMPLES; i++) {
		const started = performance.now();
		const signal = AbortSignal.any([aborting.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]);
		// redirect: "manual", so that a redirect counts as an answer other than 200, as in-process.
		const response = await fetch(baseUrl + route, { redirect: "manual", signal });
		await response.arrayBuffer();
		const ms = performance.now() - started;
		record(result, response, "HTTP");
		if (i >= WARMUP) result.latenciesMs.push(ms);
	}
	return result;
}

/**
 * Mean user+system CPU ms per in-process `app.fetch()` of each route. console.log is silenced
 * meanwhile (the app logs one JSON line per request; building it is still measured), and so is
 * console.error once the run is aborted (the requests cut short would log their failures).
 */
async function measureCpu(stateDir: string): Promise<void> {
	// Imported at run time: src/ is type-checked by the root tsconfig, with the Workers types that
	// this Node-only project does not load. tsx compiles the .tsx (hono/jsx) on import.
	phase = "starting the platform proxy";
	const { createApp } = (await import(pathToFileURL(join(repo, "src/app.tsx")).href)) as { createApp(): App };
	const proxy = await getPlatformProxy({
		configPath: join(repo, "wrangler.toml"),
		// The development environment (wrangler.toml's top level is production, which refuses
		// the outbox mailer and localhost).
		environment: DEV_ENVIRONMENT,
		// wrangler's --persist-to DIR keeps its state under DIR/v3 (as in src/cli/seed.ts).
		persist: { path: join(stateDir, "v3") },
		remoteBindings: false,
	});
	register("platform proxy", () => proxy.dispose());
	aborting.signal.throwIfAborted();

	const app = createApp();
	const { log, error } = console;
	console.log = () => {};
	console.error = (...args: unknown[]) => {
		if (!aborting.signal.aborted) error(...args);
	};
	try {
		for (const result of results) {
			phase = `in-process GET ${result.route}`;
			const once = async () => {
				// Yield to the event loop, so that signals and the watchdog are handled promptly.
				await new Promise(setImmediate);
				aborting.signal.throwIfAborted();
				const response = await app.fetch(new Request(`http://localhost${result.route}`), proxy.env);
				await response.arrayBuffer();
				record(result, response, "in-process");
			};
			for (let i = 0; i < CPU_WARMUP; i++) await once();
			const before = process.cpuUsage();
			for (let i = 0; i < CPU_SAMPLES; i++) await once();
			const used = process.cpuUsage(before);
			result.cpuMsPerRequest = (used.user + used.system) / 1000 / CPU_SAMPLES;
		}
	} finally {
		console.log = log;
		console.error = error;
	}
}

interface LoadFigures {
	registrationsPerSecond: number;
	constantPerSecond: number;
	confirmed: number;
	/** Failures of the load: answers other than 201 (registrations) or 200 (the constant route). */
	failures: string[];
}

/** Requests answered per second when `count` requests are sent at once and each is read to the end. */
async function concurrentRate(
	count: number,
	send: (i: number) => Promise<number>,
): Promise<{ perSecond: number; statuses: number[] }> {
	const started = performance.now();
	const statuses = await Promise.all(Array.from({ length: count }, (_, i) => send(i)));
	return { perSecond: count / ((performance.now() - started) / 1000), statuses };
}

const otherThan = (expected: number, statuses: number[]) => statuses.filter((status) => status !== expected).length;

async function measureRegistrationLoad(baseUrl: string, stateDir: string): Promise<LoadFigures> {
	phase = "setting up the registration load";
	const d1 = await openD1(stateDir);
	register("load's platform proxy", () => d1.dispose());
	const users = await createSignedInUsers(d1.db, LOAD_PEOPLE);
	const edition = await createOpenEdition(d1.db, LOAD_SEATS);
	aborting.signal.throwIfAborted();

	// The constant route: the stylesheet every page links to (compiled in, no D1 query).
	const home = await (await fetch(`${baseUrl}/`, { signal: aborting.signal })).text();
	const stylesheet = /href="(\/assets\/baton\.[^"]+\.css)"/.exec(home)?.[1];
	if (!stylesheet) throw new Error("the home page links no /assets/baton.*.css stylesheet");
	phase = `${LOAD_PEOPLE} concurrent GETs of ${stylesheet}`;
	const constant = await concurrentRate(LOAD_PEOPLE, async () => {
		const response = await fetch(baseUrl + stylesheet, { signal: aborting.signal });
		await response.arrayBuffer();
		return response.status;
	});

	phase = `${LOAD_PEOPLE} concurrent registrations`;
	const started = performance.now();
	const load = await registerAll(baseUrl, edition, users);
	const seconds = (performance.now() - started) / 1000;
	const confirmed = [...load.answered.values()].filter((status) => status === "confirmed").length;
	const failures: string[] = [];
	const badConstant = otherThan(200, constant.statuses);
	if (badConstant > 0)
		failures.push(`${stylesheet} answered other than 200 to ${badConstant} of ${LOAD_PEOPLE} requests`);
	const badRegistrations = otherThan(201, load.statuses);
	if (badRegistrations > 0) failures.push(`registrations: ${badRegistrations} of ${LOAD_PEOPLE} answers were not 201`);
	if (confirmed !== LOAD_SEATS) failures.push(`registrations: ${confirmed} confirmed for ${LOAD_SEATS} seats`);
	return {
		registrationsPerSecond: LOAD_PEOPLE / seconds,
		constantPerSecond: constant.perSecond,
		confirmed,
		failures,
	};
}

// ---------------------------------------------------------------------------------------------
// Report

/** Nearest-rank percentile of ascending `sorted`. */
function percentile(sorted: number[], p: number): number {
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function failuresOf(result: RouteResult): string[] {
	const failures: string[] = [];
	for (const [status, count] of result.badStatuses) {
		failures.push(`${result.route} answered ${status} to ${count} of ${result.requests} requests`);
	}
	const counts = [...result.queryCounts];
	const budget = BUDGETS[result.route]?.queries ?? 0;
	if (counts.includes("missing")) failures.push(`${result.route}: a response had no d1 Server-Timing entry`);
	else if (counts.length !== 1) failures.push(`${result.route}: D1 query count varies between requests (${counts})`);
	else if ((counts[0] as number) > budget) {
		failures.push(`${result.route}: ${counts[0]} D1 queries per request, budget ${budget}`);
	}
	if (BUDGETS[result.route]?.edge) {
		const hits = [...result.hitQueryCounts];
		if (result.httpRenders !== 1) {
			failures.push(
				`${result.route}: ${result.httpRenders} HTTP requests rendered; only the first should (then edge hits)`,
			);
		}
		if (hits.length !== 1 || hits[0] !== HIT_QUERIES) {
			failures.push(`${result.route}: edge hits sent ${hits.join("/") || "no"} D1 queries, not ${HIT_QUERIES}`);
		}
	}
	return failures;
}

function table(results: RouteResult[]): string {
	const rows = results.map((result) => {
		const sorted = [...result.latenciesMs].sort((a, b) => a - b);
		const statuses = result.badStatuses.size === 0 ? "200" : [...result.badStatuses.keys()].join(", ");
		const failed = failuresOf(result).length > 0;
		return [
			`\`${result.route}\``,
			statuses,
			BUDGETS[result.route]?.edge
				? `${[...result.queryCounts].join("/")}, hit ${[...result.hitQueryCounts].join("/")} / ${BUDGETS[result.route]?.queries}`
				: `${[...result.queryCounts].join("/")} / ${BUDGETS[result.route]?.queries}`,
			percentile(sorted, 50).toFixed(1),
			percentile(sorted, 95).toFixed(1),
			percentile(sorted, 100).toFixed(1),
			result.cpuMsPerRequest?.toFixed(2) ?? "–",
			failed ? "**FAIL**" : "ok",
		];
	});
	const header = ["Route", "Status", "D1 queries / budget", "p50 ms", "p95 ms", "max ms", "CPU ms ≤", "Result"];
	return [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function seconds(from: number, to: number): string {
	return ((to - from) / 1000).toFixed(1);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
	const started = performance.now();
	const routes = Object.keys(BUDGETS);

	// Registered before it is started: an abort during start-up waits for it to stop itself.
	const starting = startSeededWorker({ signal: aborting.signal });
	register("Worker", async () => (await starting.catch(() => undefined))?.stop());
	const worker = await starting;
	const startedUp = performance.now();

	for (const route of routes) results.push(await measureHttp(worker.baseUrl, route));
	const httpDone = performance.now();
	await measureCpu(worker.stateDir);
	const cpuDone = performance.now();
	const load = await measureRegistrationLoad(worker.baseUrl, worker.stateDir);
	const loadDone = performance.now();

	const failures = [...results.flatMap(failuresOf), ...load.failures];
	console.log(table(results));
	console.log(
		[
			"",
			`Latency: ${SAMPLES} sequential GETs per route over HTTP after ${WARMUP} warm-up ones, to \`wrangler dev\``,
			"(local workerd, local D1) on 127.0.0.1; D1 queries from each response's Server-Timing. Edge-cached routes",
			`(\`hit\`): the first GET renders and stores a copy, every later one is an edge hit (${HIT_QUERIES} D1 query, the`,
			"tenant), so their latencies are the hits'; their budget applies to rendering (first GET and in-process).",
			`CPU ms ≤: mean user+system CPU per request of ${CPU_SAMPLES} in-process \`createApp().fetch()\` calls in Node V8,`,
			"on the same seeded state through getPlatformProxy. An upper bound for the Workers CPU time: it includes the",
			"Node-side cost of the D1 proxy RPC. Node has no Cache API: every in-process request renders.",
			"",
			`Registrations: ${load.registrationsPerSecond.toFixed(0)} a second, ${(load.registrationsPerSecond / load.constantPerSecond).toFixed(3)} × the constant route of the same Worker in this run`,
			`(${load.constantPerSecond.toFixed(0)} a second: ${LOAD_PEOPLE} concurrent GETs of the stylesheet, no D1). ${LOAD_PEOPLE} signed-in people at once,`,
			`POST /api/v1/editions/{id}/registrations for a free ticket of ${LOAD_SEATS} seats: ${load.confirmed} confirmed, the rest waitlisted.`,
			`Start-up ${seconds(started, startedUp)} s, HTTP ${seconds(startedUp, httpDone)} s, CPU ${seconds(httpDone, cpuDone)} s,`,
			`registration load ${seconds(cpuDone, loadDone)} s;`,
			`${seconds(0, performance.now())} s since the process started.`,
		].join("\n"),
	);
	if (failures.length > 0) {
		say(`FAILED\n${failures.map((failure) => `- ${failure}`).join("\n")}`);
		return 1;
	}
	return 0;
}

// wrangler prints the Worker's request logs at level "log": keep stdout to the table unless asked.
process.env.WRANGLER_LOG ??= "warn";
// No attempt to download the `Request.cf` placeholder data (no network here; up to 3 s per attempt).
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
// performance.now() counts from the start of this Node process: module loading counts too.
const watchdog = setTimeout(
	() => void abort(`not done after ${TIME_LIMIT_MS / 1000} s (busy with ${phase})`),
	TIME_LIMIT_MS - performance.now(),
);
// Once the Worker runs, miniflare's own SIGINT/SIGTERM handler also kills workerd and exits at once
// (seeded-worker.ts then deletes the temp dir on exit); before that, abort() does the clean-up.
// `on`, not `once`: Ctrl-C can arrive twice (from the terminal and relayed by tsx).
process.on("SIGINT", () => void abort("interrupted"));
process.on("SIGTERM", () => void abort("terminated"));

let exitCode = 1;
try {
	exitCode = await main();
} catch (error) {
	// After abort(), the cut-short measurements fail as expected: abort() has said why.
	if (!aborting.signal.aborted) {
		say(error instanceof Error ? (error.stack ?? error.message) : String(error));
	}
} finally {
	await cleanUp();
	clearTimeout(watchdog);
}
// Exit explicitly: idle keep-alive sockets and the like must not keep the process running.
process.exit(exitCode);
