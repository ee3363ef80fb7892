/**
 * The registration load (issue 19): signed-in accounts, an open edition with one free ticket of
 * `seats` seats, and N registrations sent at once through `POST /api/v1/editions/{id}/registrations`
 * to the running Worker. Shared by `registration-load.test.ts` (the proof) and `bench.ts` (the
 * figure). Set-up rows are written straight into the Worker's local D1 through wrangler's platform
 * proxy (as the seed CLI does): each run gets a series and edition of its own, apart from the
 * seeded ones, so no other e2e file sees them.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { join, resolve } from "node:path";
import { getPlatformProxy } from "wrangler";
import { DEV_ENVIRONMENT } from "./seeded-worker";

const repo = resolve(import.meta.dirname, "../..");

/** The part of a D1 binding used here (this Node project has no Workers types). */
export interface D1 {
	prepare(sql: string): D1Statement;
	batch(statements: D1Statement[]): Promise<unknown[]>;
}
export interface D1Statement {
	bind(...values: unknown[]): D1Statement;
	run(): Promise<unknown>;
	all<T>(): Promise<{ results: T[] }>;
	first<T>(): Promise<T | null>;
	/** The proxy's own statement behind a retrying one (a batch takes only those). */
	unwrap?(): D1Statement;
}

/** The Worker's D1 (the local state under `stateDir`) through the platform proxy; dispose() when done. */
export async function openD1(stateDir: string): Promise<{ db: D1; dispose(): Promise<void> }> {
	const proxy = await getPlatformProxy({
		configPath: join(repo, "wrangler.toml"),
		environment: DEV_ENVIRONMENT,
		// wrangler's --persist-to DIR keeps its state under DIR/v3 (as in src/cli/seed.ts).
		persist: { path: join(stateDir, "v3") },
		remoteBindings: false,
	});
	return { db: retryingWhenBusy(proxy.env.DB as D1), dispose: () => proxy.dispose() };
}

const BUSY_LIMIT_MS = 90_000;

/**
 * The Worker and the proxy are two workerd processes on one SQLite file: while the Worker writes
 * (registrations, then the mails its queue consumer delivers after the answers), the proxy's
 * statement may find the file locked. SQLite then changed nothing, so the statement is tried again
 * soon, often, to slip in between the Worker's short writes, for up to BUSY_LIMIT_MS.
 */
function retryingWhenBusy(db: D1): D1 {
	const retry = async <T>(attempt: () => Promise<T>): Promise<T> => {
		const deadline = performance.now() + BUSY_LIMIT_MS;
		for (;;) {
			try {
				return await attempt();
			} catch (error) {
				const busy = /SQLITE_BUSY|database is locked|commit token/.test(String(error) + String((error as Error).cause));
				if (!busy || performance.now() > deadline) throw error;
				await new Promise((resume) => setTimeout(resume, 10 + Math.random() * 40));
			}
		}
	};
	const statement = (inner: D1Statement): D1Statement => ({
		bind: (...values) => statement(inner.bind(...values)),
		run: () => retry(() => inner.run()),
		all: () => retry(() => inner.all()),
		first: () => retry(() => inner.first()),
		unwrap: () => inner,
	});
	return {
		prepare: (sql) => statement(db.prepare(sql)),
		batch: (statements) => retry(() => db.batch(statements.map((s) => s.unwrap?.() ?? s))),
	};
}

/** D1 limits the statements of one batch less than it limits its size: 100 rows a batch keeps both small. */
const BATCH_ROWS = 100;

async function inBatches(db: D1, statements: D1Statement[]): Promise<void> {
	for (let i = 0; i < statements.length; i += BATCH_ROWS) await db.batch(statements.slice(i, i + BATCH_ROWS));
}

export interface LoadUser {
	id: string;
	email: string;
	/** The session cookie's value, `<id>.<secret>` (src/auth/sessions.ts). */
	session: string;
}

/**
 * `count` accounts, each with a session as sign-in would make it (the cookie holds `<id>.<secret>`,
 * D1 only SHA-256 of the secret, verified just now so no request refreshes it).
 */
export async function createSignedInUsers(db: D1, count: number): Promise<LoadUser[]> {
	const tag = randomBytes(4).toString("hex");
	const now = Date.now();
	const users: LoadUser[] = [];
	const statements: D1Statement[] = [];
	for (let i = 0; i < count; i++) {
		const id = randomUUID();
		const sessionId = randomBytes(15).toString("hex");
		const secret = randomBytes(15).toString("hex");
		const email = `load-${tag}-${i}@baton.test`;
		users.push({ id, email, session: `${sessionId}.${secret}` });
		statements.push(
			db
				.prepare("insert into users (id, email, name, country) values (?, ?, ?, 'NL')")
				.bind(id, email, `Load Tester ${i}`),
			db
				.prepare("insert into auth_sessions (id, user_id, secret_hash, last_verified_at) values (?, ?, ?, ?)")
				.bind(sessionId, id, createHash("sha256").update(secret).digest("hex"), now),
		);
	}
	await inBatches(db, statements);
	return users;
}

export interface OpenEdition {
	editionId: string;
	ticketTypeId: string;
}

/**
 * A published edition of a series of its own, 60 days ahead, with one free ticket type of `seats`
 * seats on sale from a year before day 1 until the day before (so on sale now).
 */
export async function createOpenEdition(db: D1, seats: number): Promise<OpenEdition> {
	const tag = randomBytes(4).toString("hex");
	const seriesId = randomUUID();
	const editionId = randomUUID();
	const ticketTypeId = randomUUID();
	const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
	const start = day(60);
	await db.batch([
		db
			.prepare("insert into series (id, slug, name, short_name) values (?, ?, ?, ?)")
			.bind(seriesId, `load-${tag}`, `Load Proof ${tag}`, `LP${tag}`),
		db
			.prepare(
				"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values (?, ?, ?, ?, ?, ?, 'Europe/Amsterdam', 'published')",
			)
			.bind(editionId, seriesId, Number(start.slice(0, 4)), `Load Proof ${tag}`, start, day(62)),
		db
			.prepare(
				"insert into ticket_types (id, edition_id, name, price_cents, sales_open_offset_days, sales_close_offset_days, capacity) values (?, ?, 'Free', 0, -365, -1, ?)",
			)
			.bind(ticketTypeId, editionId, seats),
	]);
	return { editionId, ticketTypeId };
}

export interface LoadResult {
	/** Status code per user, in the order of `users`. */
	statuses: number[];
	/** The registration status each 201/200 answer named, by user id. */
	answered: Map<string, string>;
	/** Wall-clock ms from the first request sent to the last answer read. */
	ms: number;
}

/** Every user registers for the edition's ticket at once (all requests in flight together). */
export async function registerAll(baseUrl: string, edition: OpenEdition, users: LoadUser[]): Promise<LoadResult> {
	const url = `${baseUrl}/api/v1/editions/${edition.editionId}/registrations`;
	const answered = new Map<string, string>();
	const started = performance.now();
	const statuses = await Promise.all(
		users.map(async (user) => {
			const response = await fetch(url, {
				method: "POST",
				headers: { "Content-Type": "application/json", Cookie: `__Host-baton_session=${user.session}` },
				body: JSON.stringify({
					ticketTypeId: edition.ticketTypeId,
					name: user.email,
					country: "NL",
					role: "clinician",
				}),
				signal: AbortSignal.timeout(120_000),
			});
			const body = (await response.json()) as { data?: { status: string } };
			if (body.data) answered.set(user.id, body.data.status);
			return response.status;
		}),
	);
	return { statuses, answered, ms: performance.now() - started };
}

export interface StoredRegistration {
	user_id: string;
	email: string;
	status: string;
}

/** The edition's registrations in the order D1 wrote them (rowid: its statements run one at a time). */
export async function registrationsInWriteOrder(db: D1, editionId: string): Promise<StoredRegistration[]> {
	const { results } = await db
		.prepare("select user_id, email, status from registrations where edition_id = ? order by rowid")
		.bind(editionId)
		.all<StoredRegistration>();
	return results;
}
