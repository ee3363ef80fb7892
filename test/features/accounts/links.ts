/**
 * Reading whole emailed links, query and all: mailedToken() in auth-helpers takes everything after
 * `token=`, so it cannot read a link that also carries `next`.
 */
import { getAs, mailsTo, ORIGIN, postForm } from "../../auth-helpers";

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

const unescapeHtml = (value: string) =>
	value
		.replaceAll("&quot;", '"')
		.replaceAll("&#39;", "'")
		.replaceAll("&lt;", "<")
		.replaceAll("&gt;", ">")
		.replaceAll("&amp;", "&");

/**
 * Opens an emailed link that asks for a button press, as a person does: the page (GET), then its
 * button (a POST of the form's hidden fields). A page that shows no button (a dead link) is returned.
 */
export async function pressLinkButton(path: string, cookie?: string): Promise<Response> {
	const page = await getAs(path, cookie);
	if (page.status !== 200) return page;
	const html = await page.text();
	const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
	if (!form?.[1]) throw new Error(`no form at ${path}`);
	const fields = Object.fromEntries(
		[...(form[2] ?? "").matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [
			m[1] ?? "",
			unescapeHtml(m[2] ?? ""),
		]),
	);
	return postForm(unescapeHtml(form[1]), fields, cookie);
}
