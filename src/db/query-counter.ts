/**
 * Counts every statement a request sends to D1 (batches by their statements), so the query
 * query budget (src/README.md) can be measured and reported in `Server-Timing` and the request log.
 */
export interface QueryCounter {
	readonly count: number;
	readonly ms: number;
}

const EXECUTORS = new Set(["all", "raw", "run", "first"]);

/**
 * Wraps a D1 binding so that every executed statement is counted. Prepared statements stay real
 * D1 statements underneath: `batch()` receives the originals, so D1 still runs it atomically.
 *
 * @example
 * const { db, counter } = countQueries(env.DB);
 * await db.prepare("select 1").first();
 * counter.count; // 1
 */
export function countQueries(d1: D1Database): { db: D1Database; counter: QueryCounter } {
	const counter = { count: 0, ms: 0 };
	const originals = new WeakMap<object, D1PreparedStatement>();

	const timed = async <T>(statements: number, run: () => Promise<T>): Promise<T> => {
		const started = performance.now();
		try {
			return await run();
		} finally {
			counter.count += statements;
			counter.ms += performance.now() - started;
		}
	};

	const wrapStatement = (statement: D1PreparedStatement): D1PreparedStatement => {
		const proxy = new Proxy(statement, {
			get(target, prop, receiver) {
				const value = Reflect.get(target, prop, receiver);
				if (typeof value !== "function") return value;
				if (prop === "bind") {
					return (...args: unknown[]) => wrapStatement(target.bind(...args));
				}
				if (typeof prop === "string" && EXECUTORS.has(prop)) {
					return (...args: unknown[]) => timed(1, () => value.apply(target, args));
				}
				return value.bind(target);
			},
		});
		originals.set(proxy, statement);
		return proxy;
	};

	const db = new Proxy(d1, {
		get(target, prop, receiver) {
			if (prop === "prepare") {
				return (query: string) => wrapStatement(target.prepare(query));
			}
			if (prop === "batch") {
				return (statements: D1PreparedStatement[]) =>
					timed(statements.length, () => target.batch(statements.map((s) => originals.get(s) ?? s)));
			}
			if (prop === "exec") {
				return (query: string) => timed(1, () => target.exec(query));
			}
			const value = Reflect.get(target, prop, receiver);
			return typeof value === "function" ? value.bind(target) : value;
		},
	});

	return { db, counter };
}
