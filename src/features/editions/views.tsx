import type { Edition } from "../../db/schema";
import { formatDateRange } from "../../lib/dates";
import { ConsoleLayout } from "../../views/console-layout";
import { COLLECTIONS } from "../content/collections";
import { ContentField, collectionUrl, contentUrl, type EditionContext } from "../content/views";
import { editionUrl } from "../series/series";

export const settingsUrl = (e: Pick<Edition, "id">) => `/console/editions/${e.id}/settings`;
export const programUrl = (e: Pick<Edition, "id">) => `/console/editions/${e.id}/program`;
export const committeeUrl = (e: Pick<Edition, "id">) => `/console/editions/${e.id}/committee`;
export const abstractCallUrl = (e: Pick<Edition, "id">) => `/console/editions/${e.id}/abstract-call`;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The edition's console home: what there is to edit, and where the public site is. */
export function EditionContentPage({ edition, series, user, canEdit }: EditionContext & { canEdit: boolean }) {
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
			<p>
				Public site: <a href={editionUrl(series, edition)}>{editionUrl(series, edition)}</a>
				{edition.status === "draft" ? " (a draft: only the committee can see it)" : ""}
			</p>
			{canEdit ? null : <p class="notice">You can read this edition's content; its chairs and organizers change it.</p>}
			<h2>Edition</h2>
			<ul>
				<li>
					<a href={settingsUrl(edition)}>Settings</a>: dates, time zone, venue, host, looks, status
				</li>
				<li>
					<a href={programUrl(edition)}>Program</a>: days, sessions and talks
				</li>
				<li>
					<a href={abstractCallUrl(edition)}>Call for abstracts</a>: dates, topics, word limit, special issue
				</li>
				<li>
					<a href={committeeUrl(edition)}>Committee</a>
				</li>
			</ul>
			<h2>Content</h2>
			<ul>
				{COLLECTIONS.map((def) => (
					<li>
						<a href={collectionUrl(edition.id, def)}>{capitalize(def.plural)}</a>
					</li>
				))}
			</ul>
		</ConsoleLayout>
	);
}
