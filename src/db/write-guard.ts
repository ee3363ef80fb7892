/**
 * The runtime half of the write kernel's check: the Worker's D1 binding, wrapped so that it runs a
 * write statement (alone or in a batch) only when the write kernel (write.ts) sends it, or when it
 * writes an operational table (operational.ts). A write that went around the kernel fails loudly
 * instead of landing without its audit entry.
 */
import { OPERATIONAL_TABLES } from "./operational";
import { kernelIsWriting } from "./write";

const WRITE = /^\s*(insert|update|delete|replace)\b/i;
const TABLE = /^\s*(?:insert\s+(?:or\s+\w+\s+)?into|replace\s+into|update|delete\s+from)\s+["`]?(\w+)/i;

/** A write the kernel must send: any write but one to a whole operational table. */
const audited = (query: string) => WRITE.test(query) && !((TABLE.exec(query)?.[1] ?? "") in OPERATIONAL_TABLES);
const EXECUTORS = new Set(["all", "raw", "run", "first"]);

function refuse(query: string): never {
	throw new Error(`write outside the write kernel (src/db/write.ts): ${query.slice(0, 80)}`);
}

/**
 * `d1` refusing writes the kernel did not send; reads pass untouched.
 *
 * @example createDatabase(guardWrites(env.DB))
 */
export function guardWrites(d1: D1Database): D1Database {
	const queries = new WeakMap<object, string>();
	const originals = new WeakMap<object, D1PreparedStatement>();

	const wrap = (statement: D1PreparedStatement, query: string): D1PreparedStatement => {
		const proxy = new Proxy(statement, {
			get(target, prop, receiver) {
				const value = Reflect.get(target, prop, receiver);
				if (typeof value !== "function") return value;
				if (prop === "bind") return (...args: unknown[]) => wrap(target.bind(...args), query);
				if (typeof prop === "string" && EXECUTORS.has(prop)) {
					return (...args: unknown[]) => {
						if (audited(query) && !kernelIsWriting()) refuse(query);
						return value.apply(target, args);
					};
				}
				return value.bind(target);
			},
		});
		queries.set(proxy, query);
		originals.set(proxy, statement);
		return proxy;
	};

	return new Proxy(d1, {
		get(target, prop, receiver) {
			if (prop === "prepare") return (query: string) => wrap(target.prepare(query), query);
			if (prop === "batch") {
				return (statements: D1PreparedStatement[]) => {
					if (!kernelIsWriting()) {
						const write = statements.map((s) => queries.get(s) ?? "").find(audited);
						if (write !== undefined) refuse(write);
					}
					return target.batch(statements.map((s) => originals.get(s) ?? s));
				};
			}
			if (prop === "exec") return (query: string) => (kernelIsWriting() ? target.exec(query) : refuse(query));
			const value = Reflect.get(target, prop, receiver);
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
}
