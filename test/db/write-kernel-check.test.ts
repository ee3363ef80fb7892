/**
 * The static half of the write kernel's check (the runtime half is src/db/write-guard.ts): no file
 * of src outside the kernel calls `.batch(` or runs an insert/update/delete builder itself. Every
 * source file is read as text (Vite's import.meta.glob), comments removed, and scanned.
 */
import { describe, expect, it } from "vitest";
import { OPERATIONAL_TABLES } from "../../src/db/operational";

const sources = import.meta.glob<string>("/src/**/*.{ts,tsx}", { query: "?raw", import: "default", eager: true });

/** The one file allowed to send writes. */
const KERNEL = "/src/db/write.ts";

/** The D1 binding's own wrappers, below drizzle: they pass batches through, they build none. */
const D1_WRAPPERS = ["/src/db/query-counter.ts", "/src/db/write-guard.ts"];

/**
 * Files not yet converted to the kernel: empty since issue 15 part 2, and it stays empty (the
 * Worker's D1 is wrapped in guardWrites, so such a file would fail at run time too).
 */
const NOT_YET_CONVERTED: string[] = [];

/** `authSessions` → `auth_sessions`: the schema's variable names follow the table names. */
const tableOf = (variable: string) => variable.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Comments removed (a `//` inside a string may take the rest of its line: harmless for this scan). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

/** The index just past the call that opens at `open` (an index of "("), or the end. */
function pastCall(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		if (text[i] === "(") depth++;
		else if (text[i] === ")" && --depth === 0) return i + 1;
	}
	return text.length;
}

/** Where a chain of calls and property reads starting at `from` ends (`.values(…).returning()`). */
function chainEnd(text: string, from: number): number {
	let i = from;
	for (;;) {
		const next = /^\s*\.\s*\w+\s*/.exec(text.slice(i));
		if (!next) return i;
		i += next[0].length;
		if (text[i] === "(") i = pastCall(text, i);
	}
}

/**
 * The writes of one file that go around the kernel: a `.batch(` call, or a write builder on a
 * database handle (`db`, `c.var.db`, `context.db`) that is awaited, handed to Promise.all, or run
 * with `.run()`/`.all()`/`.get()`/`.execute()`/`.then()` — unless it writes a whole operational
 * table (src/db/operational.ts), which needs no audit entry.
 */
function writesAroundKernel(text: string): string[] {
	const code = withoutComments(text);
	const found: string[] = [];
	for (const match of code.matchAll(/\.\s*batch\s*\(/g)) found.push(code.slice(match.index, match.index + 40));
	for (const match of code.matchAll(/([\w$.]*\bdb)\s*\.\s*(insert|update|delete)\s*\(\s*(\w*)/gi)) {
		if (tableOf(match[3] ?? "") in OPERATIONAL_TABLES) continue;
		const start = match.index;
		const open = code.indexOf("(", start + (match[1]?.length ?? 0));
		const chain = code.slice(start, chainEnd(code, pastCall(code, open)));
		const before = code.slice(Math.max(0, start - 40), start);
		const awaited = /\bawait\s*\(?\s*$/.test(before) || /Promise\.(all|allSettled|race)\(\s*\[?[^\]]*$/.test(before);
		const run =
			/\.\s*(run|all|get|execute|then)\s*\(\s*\)?\s*$/.test(chain) ||
			/\.\s*(run|all|get|execute|then)\s*\(\s*\)\s*$/.test(chain);
		if (awaited || run) found.push(chain.slice(0, 60).replace(/\s+/g, " "));
	}
	return found;
}

describe("the write kernel check", () => {
	it("finds no write around the kernel in src", () => {
		const offenders = Object.entries(sources)
			.filter(([path]) => path !== KERNEL && !D1_WRAPPERS.includes(path) && !NOT_YET_CONVERTED.includes(path))
			.flatMap(([path, text]) => writesAroundKernel(text).map((write) => `${path}: ${write}`));
		expect(offenders).toEqual([]);
	});

	it("lists as not yet converted only files that still write around the kernel", () => {
		expect(NOT_YET_CONVERTED.filter((path) => writesAroundKernel(sources[path] ?? "").length === 0)).toEqual([]);
	});

	it("scans every source file, the kernel included", () => {
		expect(Object.keys(sources).length).toBeGreaterThan(100);
		expect(sources[KERNEL]).toContain("export async function commit");
	});

	it("fails a throwaway file that writes around the kernel", () => {
		const fixture = `
import { rooms } from "../db/schema";
export async function addRoom(db: Database, row: Room) {
	await db.insert(rooms).values(row);
}
export async function renameRoom(c: Context, id: string) {
	await c.var.db
		.update(rooms)
		.set({ name: "B" })
		.where(eq(rooms.id, id));
}
export function dropRoom(db: Database, id: string) {
	return db.delete(rooms).where(eq(rooms.id, id)).run();
}
export async function both(db: Database) {
	await db.batch([db.delete(rooms)]);
	await Promise.all([db.delete(rooms)]);
}`;
		expect(writesAroundKernel(fixture)).toEqual([
			".batch([db.delete(rooms)]);\n\tawait Promi",
			"db.insert(rooms).values(row)",
			'c.var.db .update(rooms) .set({ name: "B" }) .where(eq(',
			"db.delete(rooms).where(eq(rooms.id, id)).run()",
			"db.delete(rooms)",
		]);
	});

	it("lets through builders handed to the kernel, operational tables and other objects' delete()", () => {
		const fixture = `
export async function signOut(db: Database, id: string) {
	await db.delete(authSessions).where(eq(authSessions.id, id));
}
// await db.insert(rooms) in a comment is not a write
export async function addRoom(db: Database, row: Room) {
	await commit(db, [change], [db.insert(rooms).values(row)]);
	return db.update(rooms).set(row);
}
export async function forget(cache: Cache, headers: Headers) {
	await cache.delete(request);
	headers.delete("Age");
}`;
		expect(writesAroundKernel(fixture)).toEqual([]);
	});
});
