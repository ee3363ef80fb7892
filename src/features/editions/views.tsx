import type { Edition } from "../../db/schema";
import { formatDateRange } from "../../lib/dates";
import {
	abstractCallUrl,
	checklistTimelineUrl,
	collectionUrl,
	committeeConsoleUrl,
	editionAuditUrl,
	editionUrl,
	hostsConsoleUrl,
	mailConsoleUrl,
	programUrl,
	publishUrl,
	registrationPolicyUrl,
	registrationsUrl,
	settingsUrl,
	setupFromTemplateUrl,
	setupUrl,
	statusConsoleUrl,
} from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import type { EditionContext } from "../../views/edition-page";
import { Notice } from "../../views/forms";
import { COLLECTIONS } from "../content";
import { CommitteeToolLinks } from "../debrief";
import { DossierEntry } from "../handover";
import type { Facts } from "../insights";
import { FactsSection } from "../insights";
import { STATUS_DESCRIPTIONS, StatusActions } from "../lifecycle";

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The edition's console home: what there is to edit, where the public site is, and which edition
 * it was cloned from (so a committee always knows which edition it is editing).
 */
export function EditionContentPage({
	edition,
	series,
	user,
	canEdit,
	clonedFrom,
	notice,
	canChangeStatus = false,
	canPublishTemplate = false,
	canViewMail = false,
	canViewAudit = false,
	canViewRegistrations = false,
	facts,
	dossier,
}: EditionContext & {
	canEdit: boolean;
	clonedFrom?: Pick<Edition, "name">;
	notice?: string;
	/** May take the lifecycle actions (publish, hold, archive): chairs and stewards. */
	canChangeStatus?: boolean;
	/** May publish templates from this edition's parts: its chairs and organizers. */
	canPublishTemplate?: boolean;
	/** May read the edition's mail log: its chairs and organizers. */
	canViewMail?: boolean;
	/** May read the edition's audit log: its chairs. */
	canViewAudit?: boolean;
	/** Chairs and organizers: the link to the registrations. */
	canViewRegistrations?: boolean;
	/** The edition's facts and figures (src/features/insights). */
	facts?: Facts | null;
	/** How many handover notes of earlier editions the reader has, and how many unread (src/features/handover). */
	dossier?: { notes: number; unread: number };
}) {
	return (
		<ConsoleLayout
			title={edition.name}
			user={user}
			breadcrumb={[{ label: "Console", href: "/console" }, { label: edition.name }]}
		>
			<h1>{edition.name}</h1>
			<p class="lead">
				{series.name} · {formatDateRange(edition.startDate, edition.endDate)} ·{" "}
				<span class="badge">{edition.status}</span>
			</p>
			{notice ? <Notice>{notice}</Notice> : null}
			{clonedFrom ? (
				<p>
					You are editing {edition.name}, cloned from {clonedFrom.name}.
				</p>
			) : null}
			{canEdit ? (
				<p>
					<a href={setupUrl(edition)}>Set up from a previous edition</a> ·{" "}
					<a href={setupFromTemplateUrl(edition)}>Apply a template</a>
				</p>
			) : null}
			<p>
				Public site: <a href={editionUrl(series, edition)}>{editionUrl(series, edition)}</a>
				{edition.status === "draft" ? (
					<>
						{" "}
						(a draft: only the committee can see it, as a{" "}
						<a href={`${editionUrl(series, edition)}?preview=1`}>preview</a>)
					</>
				) : null}
			</p>
			{edition.status === "archived" ? <p class="notice">This edition is archived: its content is read-only.</p> : null}
			<h2>Status</h2>
			<p>
				<span class="badge">{edition.status}</span> {STATUS_DESCRIPTIONS[edition.status]}{" "}
				<a href={statusConsoleUrl(edition.id)}>Status and go-live checks</a>
			</p>
			{canChangeStatus ? <StatusActions edition={edition} /> : null}
			{canEdit ? null : <p class="notice">You can read this edition's content; its chairs and organizers change it.</p>}
			<h2>Edition</h2>
			<ul>
				<li>
					<a href={settingsUrl(edition)}>Settings</a>: dates, time zone, venue, host, looks
				</li>
				<li>
					<a href={programUrl(edition.id)}>Program</a>: days, sessions and talks
				</li>
				<li>
					<a href={abstractCallUrl(edition)}>Call for abstracts</a>: dates, topics, word limit, special issue
				</li>
				<li>
					<a href={registrationPolicyUrl(edition.id)}>Registration policy</a>: capacity, cancellation, cut-offs, public
					attendee list
				</li>
				{canViewRegistrations ? (
					<li>
						<a href={registrationsUrl(edition.id)}>Registrations</a>: the list, registering someone, mail, CSV and
						statistics
					</li>
				) : null}
				<li>
					<a href={committeeConsoleUrl(edition.id)}>Committee</a>
				</li>
				<li>
					<a href={hostsConsoleUrl(edition.id)}>Host names</a>: the public site at an address of its own
				</li>
				{canViewMail ? (
					<li>
						<a href={mailConsoleUrl(edition.id)}>Mail</a>: every email sent for the edition and whether it went out
					</li>
				) : null}
				{canViewAudit ? (
					<li>
						<a href={editionAuditUrl(edition.id)}>Audit log</a>: who changed what in the edition, and when
					</li>
				) : null}
				<li>
					<a href={checklistTimelineUrl(edition)}>Checklist timeline</a>: tasks due before the event, overdue ones
					marked
				</li>
				<CommitteeToolLinks edition={edition} />
				{dossier ? <DossierEntry edition={edition} series={series} counts={dossier} /> : null}
				{canPublishTemplate ? (
					<li>
						<a href={publishUrl(edition)}>Publish a template</a>: parts of {edition.name} for the next committees to
						start from (<a href="/console/templates">all templates</a>)
					</li>
				) : null}
			</ul>
			<h2>Content</h2>
			<ul>
				{COLLECTIONS.map((def) => (
					<li>
						<a href={collectionUrl(edition.id, def)}>{capitalize(def.plural)}</a>
					</li>
				))}
			</ul>
			{facts ? <FactsSection facts={facts} /> : null}
		</ConsoleLayout>
	);
}
