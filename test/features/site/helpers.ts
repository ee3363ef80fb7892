import { expect } from "vitest";
import { request } from "../../helpers";

let fresh = 0;

/** A query parameter no request had before: the edge cache's key includes the query string. */
export const cacheBuster = () => `uncached=${++fresh}`;

/** A GET that the edge cache cannot answer, for counting the statements of a rendering. */
export const uncached = (path: string) => request(`${path}${path.includes("?") ? "&" : "?"}${cacheBuster()}`);

/** The page at `path`, which must answer 200. */
export async function html(path: string): Promise<string> {
	const res = await request(path);
	expect(res.status, path).toBe(200);
	return res.text();
}
