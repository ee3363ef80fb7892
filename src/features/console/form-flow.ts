/**
 * The one flow of a console form post, shared by every console page: validate the form, run a
 * feature function, then redirect (303) with a notice — or show the same page again with the
 * messages beside the fields: 400 for invalid input, the error's own status (409, 422) for a
 * domain rule, 429 for a rate limit. Other errors (403, 404) reach the error boundary.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import type { AppEnv } from "../../env";
import { type FormState, handleFormPost } from "../../lib/form-flow";

/** Messages shown after a successful action. The query names a key, so no text is ever reflected. */
export const NOTICES = {
	created: "Institution created. You are its owner.",
	added: "Added.",
	updated: "Changes saved.",
	invited: "Invitation sent.",
	revoked: "Invitation withdrawn.",
	role_changed: "Role changed.",
	removed: "Removed.",
	left: "You left the institution.",
	transferred: "Ownership transferred. You are now an admin.",
	joined: "Invitation accepted: welcome!",
	published: "Published: the edition's site is public now.",
	unpublished: "Back to draft: only the committee and the stewards see the site now.",
	held: "Marked as held: the site stays public.",
	archived: "Archived: the edition's content is read-only now.",
	cloned: "Copied from the previous edition. Check the texts and dates before you publish.",
	setup_blank: "Starting blank: nothing was copied.",
	series_created: "Series created. You are its steward.",
	edition_created: "Edition created as a draft. You are its chair.",
	call_opened: "Call for hosts opened. It is on the series page now.",
	call_closed: "Call for hosts closed.",
	proposal_submitted: "Proposal submitted. The stewards will tell you their decision by email.",
	proposal_withdrawn: "Proposal withdrawn.",
	proposal_accepted: "Proposal accepted: the edition is created and every proposer has been told by email.",
	proposal_declined: "Proposal declined: the proposer has been told by email.",
	template_published: "Template published. Committees see it in the library as its visibility says.",
	template_version_published: "New version published. Earlier versions stay usable.",
	template_forked: "Template forked: it is in your series' library now.",
	template_applied: "Template applied. Check the texts and dates before you publish.",
	debrief_saved:
		"Thank you: your answers are saved as draft handover notes, private to the committee until you share them.",
	host_pending: "Added as pending: create the DNS record shown below, then press “Check now”.",
	host_verified: "Verified: the host name serves the edition's site.",
	host_not_verified: "Checked: control of the host name is not proven yet. The reason is shown below.",
	host_held: "Unmapped: for 30 days the name says the edition has moved, and nobody else can take it without proof.",
} as const;

export type NoticeKey = keyof typeof NOTICES;

/** Where to go after success: the page, the notice to show, and optionally the section to scroll to. */
export const withNotice = (path: string, notice: NoticeKey, section?: string) =>
	`${path}?notice=${notice}${section ? `#${section}` : ""}`;

/** The notice named by `?notice=`, if it is one of ours. */
export function noticeFrom(c: Context<AppEnv>): string | undefined {
	const key = c.req.query("notice");
	return key && Object.hasOwn(NOTICES, key) ? NOTICES[key as NoticeKey] : undefined;
}

/** A form with nothing to fill in: a single button (leave, remove, withdraw). */
export const ButtonForm = z.object({});

/** A form that failed, shown again with what the user typed and a message per field ("_": the whole form). */
export interface FailedForm extends FormState {
	form: string;
}

/** The failure of one form on a page that holds several. */
export const failureOf = (failed: FailedForm | undefined, form: string) => (failed?.form === form ? failed : undefined);

export interface FormFlow<S extends z.ZodType, T> {
	/** Names the form on its page, so the messages appear beside the right one. */
	form: string;
	schema: S;
	run: (data: z.infer<S>) => Promise<T>;
	/** Where to go after success, usually `withNotice(page, key)`. */
	redirectTo: (result: T) => string;
	/** The page again, with the failure and the status to answer with. */
	rerender: (failed: FailedForm, status: ContentfulStatusCode) => Response | Promise<Response>;
}

/** A console form post: redirect (303) after success, or the page again on 400, 409, 422 or 429. */
export const submitForm = <S extends z.ZodType, T>(c: Context<AppEnv>, flow: FormFlow<S, T>): Promise<Response> =>
	handleFormPost(c, {
		schema: flow.schema,
		rerender: (state, status) => flow.rerender({ form: flow.form, ...state }, status),
		act: async (data) => c.redirect(flow.redirectTo(await flow.run(data)), 303),
		shows: (error) => error.status === 409 || error.status === 422 || error.status === 429,
	});
