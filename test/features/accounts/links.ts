/**
 * Reading whole emailed links, query and all: mailedToken() in auth-helpers takes everything after
 * `token=`, so it cannot read a link that also carries `next`.
 */
import { mailsTo, ORIGIN } from "../../auth-helpers";

/** The newest link to `path` (e.g. "/auth/verify") mailed to `email`, as a URL. */
export async function mailedLink(email: string, path: string): Promise<URL> {
	const prefix = `${ORIGIN}${path}?`;
	const found = (await mailsTo(email))
		.flatMap((mail) => mail.text.split(/\s+/).filter((word) => word.startsWith(prefix)))
		.at(-1);
	if (!found) throw new Error(`no mail to ${email} with a link to ${path}`);
	return new URL(found);
}

/** The path and query of a URL: what a browser asks this site for. */
export const pathOf = (url: URL) => `${url.pathname}${url.search}`;
