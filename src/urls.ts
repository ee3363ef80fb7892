/**
 * Every address Baton links to, in one place, so no page builds a path by hand and a route that
 * moves changes here only. Ground floor: imports nothing but types.
 */
import type { Edition, Series } from "./db/schema";

type SeriesRef = Pick<Series, "slug">;
type EditionRef = Pick<Edition, "id">;

/** Page `n` of a paged console list at `path`, which may carry a query of filters (the first page is `path` itself). */
export const pagedUrl = (path: string, n: number) =>
	n <= 1 ? path : `${path}${path.includes("?") ? "&" : "?"}page=${n}`;

// Accounts.
/** Where a signed-out visitor goes to sign in and then come back to `next` (a path on this host). */
export const signInUrl = (next: string) => `/auth/sign-in?next=${encodeURIComponent(next)}`;

// The public site.
export const seriesUrl = (s: SeriesRef) => `/s/${s.slug}`;
export const editionUrl = (s: SeriesRef, e: Pick<Edition, "year">) => `/s/${s.slug}/${e.year}`;
/** An edition's registration page and the attendee's own page (both on the main host, where the session lives). */
export const registerUrl = (s: SeriesRef, e: Pick<Edition, "year">) => `${editionUrl(s, e)}/register`;
export const myPageUrl = (s: SeriesRef, e: Pick<Edition, "year">) => `${editionUrl(s, e)}/me`;
/** The address a custom host name serves the edition's home at. */
export const hostUrl = (hostname: string) => `https://${hostname}/`;

// Console: institutions and series.
export const institutionConsoleUrl = (id: string) => `/console/institutions/${id}`;
export const seriesConsoleUrl = (s: SeriesRef) => `/console/series/${s.slug}`;
export const stewardsConsoleUrl = (s: SeriesRef) => `/console/series/${s.slug}/stewards`;
export const lecturesConsoleUrl = (s: SeriesRef) => `/console/series/${s.slug}/lectures`;
export const lectureConsoleUrl = (s: SeriesRef, lectureId: string) => `${lecturesConsoleUrl(s)}/${lectureId}`;
export const seriesHandoverUrl = (seriesSlug: string) => `/console/series/${seriesSlug}/handover`;
export const callsConsoleUrl = (s: SeriesRef) => `/console/series/${s.slug}/calls`;
export const callConsoleUrl = (s: SeriesRef, callId: string) => `${callsConsoleUrl(s)}/${callId}`;
export const proposeUrl = (s: SeriesRef, callId: string) => `${callConsoleUrl(s, callId)}/propose`;
export const proposalConsoleUrl = (proposalId: string) => `/console/proposals/${proposalId}`;
export const newEditionConsoleUrl = (s: SeriesRef) => `/console/series/${s.slug}/editions/new`;
/**
 * The console pages that send someone to create an institution and take them back once it exists:
 * proposing to host and creating an edition. Only these paths, as paths of this
 * host, so the `return` of the institution form can never point elsewhere (no open redirect).
 */
const RETURNS_AFTER_INSTITUTION = [
	/^\/console\/series\/[a-z0-9-]{1,60}\/calls\/[A-Za-z0-9-]{1,64}\/propose$/,
	/^\/console\/series\/[a-z0-9-]{1,60}\/editions\/new$/,
];

/** `path` when it is one of the pages above, else undefined. */
export const returnAfterInstitution = (path: unknown): string | undefined =>
	typeof path === "string" && RETURNS_AFTER_INSTITUTION.some((known) => known.test(path)) ? path : undefined;

/** The form that creates an institution, coming back to `returnTo` (one of the pages above) with it chosen. */
export const newInstitutionUrl = (returnTo?: string) => {
	const back = returnAfterInstitution(returnTo);
	return back ? `/console/institutions?return=${encodeURIComponent(back)}#create` : "/console/institutions#create";
};

/** A page that asks for an institution, with `institutionId` chosen (and its place filled in). */
export const withInstitution = (path: string, institutionId: string) =>
	`${path}?institution=${encodeURIComponent(institutionId)}`;
export const institutionAuditUrl = (id: string) => `${institutionConsoleUrl(id)}/audit`;
export const seriesAuditUrl = (s: SeriesRef) => `${seriesConsoleUrl(s)}/audit`;
/** The CSV export of an audit log page (`…/audit`): the same filters, every matching entry. */
export const auditCsvUrl = (auditUrl: string) => `${auditUrl}.csv`;

// Console: an edition.
const editionConsoleUrl = (editionId: string) => `/console/editions/${editionId}`;
export const contentUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/content`;
/** A content collection's list (`def.key` is the collection's key, e.g. "rooms"). */
export const collectionUrl = (editionId: string, def: { key: string }) => `${editionConsoleUrl(editionId)}/${def.key}`;
export const itemUrl = (editionId: string, def: { key: string }, id: unknown) =>
	`${collectionUrl(editionId, def)}/${String(id)}`;
export const settingsUrl = (e: EditionRef) => `${editionConsoleUrl(e.id)}/settings`;
export const abstractCallUrl = (e: EditionRef) => `${editionConsoleUrl(e.id)}/abstract-call`;
export const committeeConsoleUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/committee`;
export const programUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/program`;
export const sessionUrl = (editionId: string, sessionId: string) => `${programUrl(editionId)}/${sessionId}`;
export const talkUrl = (editionId: string, sessionId: string, talkId: string) =>
	`${sessionUrl(editionId, sessionId)}/talks/${talkId}`;
export const hostsConsoleUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/hosts`;
export const mailConsoleUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/mail`;
export const editionAuditUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/audit`;
/** The committee's registrations list (its filters as a query). */
export const registrationsUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/registrations`;
export const registrationUrl = (editionId: string, registrationId: string) =>
	`${registrationsUrl(editionId)}/${registrationId}`;
export const newRegistrationUrl = (editionId: string) => `${registrationsUrl(editionId)}/new`;
export const registrationsCsvUrl = (editionId: string) => `${registrationsUrl(editionId)}.csv`;
export const registrationStatisticsUrl = (editionId: string) => `${registrationsUrl(editionId)}/statistics`;
export const registrationsMailUrl = (editionId: string) => `${registrationsUrl(editionId)}/mail`;
export const registrationPolicyUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/registration-policy`;
export const hostActionUrl = (editionId: string, hostname: string, action: "remove" | "check") =>
	`${hostsConsoleUrl(editionId)}/${encodeURIComponent(hostname)}/${action}`;
export const removeHostUrl = (editionId: string, hostname: string) => hostActionUrl(editionId, hostname, "remove");
export const checkHostUrl = (editionId: string, hostname: string) => hostActionUrl(editionId, hostname, "check");
/** The console page of an edition's status and go-live checks. */
export const statusConsoleUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/status`;
/** Where a console button posts one lifecycle action ("publish", "archive", …). */
export const transitionConsoleUrl = (editionId: string, transition: string) =>
	`${editionConsoleUrl(editionId)}/${transition}`;
/** The page that shows what publishing makes public and asks once to confirm (its form posts to the publish action). */
export const publishConfirmUrl = (editionId: string) => transitionConsoleUrl(editionId, "publish");
/** Where the status page's buttons mark a stale-fact hit "right as it is", and undo the mark. */
export const factAcceptancesUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/fact-acceptances`;
export const factUndoUrl = (editionId: string) => `${factAcceptancesUrl(editionId)}/undo`;
/** The checklist timeline, at the checklist collection's own address. */
export const checklistTimelineUrl = (e: EditionRef) => `${editionConsoleUrl(e.id)}/checklist`;
export const suggestionsUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/checklist/suggestions`;
export const debriefUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/debrief`;
export const editionHandoverUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/handover`;
export const editionNotesUrl = (editionId: string) => `${editionHandoverUrl(editionId)}/notes`;

// Console: the setup wizard (clone or template).
/** "Mark reviewed" of a copied text (its SQL table and row id): see src/domain/copied-texts.ts. */
/** "Mark every copied text reviewed" of an edition (from its status page). */
export const allCopiedTextsReviewedUrl = (editionId: string) => `${editionConsoleUrl(editionId)}/copied-texts/reviewed`;
export const copiedTextReviewedUrl = (editionId: string, tableName: string, rowId: string) =>
	`${editionConsoleUrl(editionId)}/copied-texts/${encodeURIComponent(tableName)}/${encodeURIComponent(rowId)}/reviewed`;
export const setupUrl = (e: EditionRef) => `${editionConsoleUrl(e.id)}/setup`;
/** Where the wizard's first step posts the edition's dates and the chosen start. */
export const setupStartUrl = (e: EditionRef) => `${setupUrl(e)}/start`;
export const setupPreviewUrl = (e: EditionRef) => `${setupUrl(e)}/preview`;
export const setupApplyUrl = (e: EditionRef) => `${setupUrl(e)}/apply`;
/** The wizard's first step with "a template" chosen. */
export const setupFromTemplateUrl = (e: EditionRef) => `${setupUrl(e)}?start=template`;
export const setupTemplateUrl = (e: EditionRef, ref: string) =>
	`${setupUrl(e)}?start=template&template=${encodeURIComponent(ref)}`;
export const templatePreviewUrl = (e: EditionRef) => `${setupUrl(e)}/template/preview`;
export const templateApplyUrl = (e: EditionRef) => `${setupUrl(e)}/template/apply`;

// Console: templates and handover notes.
export const templatesConsoleUrl = "/console/templates";
export const templateConsoleUrl = (ref: string) => `${templatesConsoleUrl}/${encodeURIComponent(ref)}`;
export const versionUrl = (ref: string, version: number) => `${templateConsoleUrl(ref)}/versions/${version}`;
export const publishUrl = (e: EditionRef) => `${editionConsoleUrl(e.id)}/publish-template`;
export const noteUrl = (noteId: string) => `/console/notes/${noteId}`;
export const attachmentUrl = (a: { id: string; noteId: string }) => `${noteUrl(a.noteId)}/attachments/${a.id}`;

export const followPath = (s: SeriesRef) => `/s/${s.slug}/follow`;
export const followSentPath = (s: SeriesRef) => `/s/${s.slug}/follow/sent`;

/** The path of the accept page for a token: the link the email carries. */
export const invitationPath = (token: string) => `/auth/invitations/${token}`;
