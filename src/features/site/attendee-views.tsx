/** The public attendee list of an edition (src/features/attendees/public-list.ts decides who is on it). */
import { countryName } from "../../lib/countries";
import type { PublicAttendee } from "../attendees";
import { type Site, SiteLayout } from "./site-layout";

export function AttendeesPage({ site, attendees }: { site: Site; attendees: PublicAttendee[] }) {
	return (
		<SiteLayout
			site={site}
			path="/attendees"
			title="Attendees"
			description={`Who attends ${site.edition.name}: the confirmed attendees who agreed to be listed.`}
		>
			<h1>Attendees</h1>
			<p>Confirmed attendees who agreed to be listed when they registered.</p>
			{attendees.length === 0 ? (
				<p>Nobody is listed yet.</p>
			) : (
				<ul class="attendee-list">
					{attendees.map((a) => (
						<li>
							{a.name}
							<span class="meta"> {[a.affiliation, countryName(a.country)].filter(Boolean).join(", ")}</span>
						</li>
					))}
				</ul>
			)}
		</SiteLayout>
	);
}
