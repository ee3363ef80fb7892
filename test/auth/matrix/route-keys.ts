/**
 * The routes of the app as the matrix keys them ("METHOD path"), straight from Hono's route list,
 * and the check that every route has exactly one row and every row a route.
 */

/**
 * Every route of `app` as "METHOD path", once. Middleware (`app.use`, Hono's method ALL) is not a
 * route; a parameter's pattern is left out (`:collection{(?:rooms|…)}` is `:collection`).
 */
export function routeKeys(app: { routes: readonly { method: string; path: string }[] }): string[] {
	const keys = app.routes
		.filter((route) => route.method !== "ALL")
		.map((route) => `${route.method} ${route.path.replace(/(:\w+)\{[^}]*\}/g, "$1")}`);
	return [...new Set(keys)];
}

/** Routes without a row, and rows whose route no longer exists. */
export function rowProblems(keys: readonly string[], rows: Readonly<Record<string, unknown>>) {
	const routes = new Set(keys);
	return {
		missing: keys.filter((key) => !Object.hasOwn(rows, key)),
		stale: Object.keys(rows).filter((key) => !routes.has(key)),
	};
}

/** The API operations of an OpenAPI document as matrix keys (`/editions/{id}` → `/editions/:id`). */
export function operationKeys(document: { paths: Record<string, Record<string, unknown>> }): string[] {
	return Object.entries(document.paths).flatMap(([path, operations]) =>
		Object.keys(operations)
			.filter((method) => ["get", "post", "put", "patch", "delete"].includes(method))
			.map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
	);
}
