import type { User } from "../../db/schema";
import { roleLabel } from "../../domain/invitation-wording";
import { countryName } from "../../lib/countries";
import {
	callConsoleUrl,
	committeeConsoleUrl,
	institutionConsoleUrl,
	myPageUrl,
	proposalConsoleUrl,
	seriesConsoleUrl,
} from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import { Notice } from "../../views/forms";
import { roleWithUntil } from "../committees";
import { deadlineLabel } from "../hosting";
import type { MyRegistration } from "../registration";
import type { Dashboard } from "./dashboard";

/** How a registration's status reads in the list of one's registrations. */
const STATUS_LABELS: Record<MyRegistration["status"], string> = {
	held: "seat held",
	confirmed: "confirmed",
	waitlisted: "on the waiting list",
	offered: "a seat is offered to you",
	cancelled: "cancelled",
};

export function DashboardPage({
	user,
	dashboard,
	registrations = [],
	notice,
}: {
	user: Pick<User, "name" | "email">;
	dashboard: Dashboard;
	/** The user's own registrations as an attendee (not cancelled). */
	registrations?: readonly MyRegistration[];
	notice?: string;
}) {
	return (
		<ConsoleLayout title="Console" user={user}>
			<h1>Console</h1>
			{notice ? <Notice>{notice}</Notice> : null}

			{registrations.length > 0 ? (
				<>
					<h2>My registrations</h2>
					<ul>
						{registrations.map((r) => (
							<li>
								<a href={myPageUrl({ slug: r.seriesSlug }, r)}>{r.editionName}</a>{" "}
								<span class="meta">({STATUS_LABELS[r.status]})</span>
							</li>
						))}
					</ul>
				</>
			) : null}

			<h2>My institutions</h2>
			{dashboard.institutions.length === 0 ? (
				<p>
					None yet. <a href="/console/institutions#create">Create an institution</a> or accept an invitation.
				</p>
			) : (
				<ul>
					{dashboard.institutions.map(({ institution, role }) => (
						<li>
							<a href={institutionConsoleUrl(institution.id)}>{institution.name}</a>{" "}
							<span class="meta">
								{countryName(institution.country)} · {roleLabel(role)}
							</span>
						</li>
					))}
				</ul>
			)}

			<h2>My series</h2>
			{dashboard.series.length === 0 ? (
				<p>You are not a steward of any series.</p>
			) : (
				<ul>
					{dashboard.series.map((s) => (
						<li>
							<a href={seriesConsoleUrl(s)}>{s.name}</a> <span class="meta">Steward</span>
						</li>
					))}
				</ul>
			)}
			{dashboard.series.length > 0 ? <WaitingForStewards dashboard={dashboard} /> : null}

			<h2>My editions</h2>
			{dashboard.editions.length === 0 ? (
				<p>You are not on an edition's committee.</p>
			) : (
				<ul>
					{dashboard.editions.map((e) => (
						<li>
							<a href={committeeConsoleUrl(e.edition.id)}>{e.edition.name}</a>{" "}
							<span class="meta">
								{e.seriesShortName} · {roleWithUntil(e)}
							</span>
						</li>
					))}
				</ul>
			)}
		</ConsoleLayout>
	);
}

/** What waits for a steward: open proposals to decide (accept or decline on the proposal's page) and open calls. */
function WaitingForStewards({ dashboard }: { dashboard: Dashboard }) {
	return (
		<>
			<h2>Proposals awaiting your decision</h2>
			{dashboard.proposals.length === 0 ? (
				<p>No open proposals.</p>
			) : (
				<ul>
					{dashboard.proposals.map((p) => (
						<li>
							{p.institutionName} proposes to host {p.seriesShortName} {p.forYear}{" "}
							<span class="meta">
								{p.city}, {countryName(p.country)}
							</span>{" "}
							<a href={`${proposalConsoleUrl(p.id)}#decide`}>
								Accept or decline<span class="visually-hidden"> the proposal of {p.institutionName}</span>
							</a>
						</li>
					))}
				</ul>
			)}
			<h2>Open calls for hosts</h2>
			{dashboard.calls.length === 0 ? (
				<p>No open calls.</p>
			) : (
				<ul>
					{dashboard.calls.map((call) => (
						<li>
							<a href={callConsoleUrl({ slug: call.seriesSlug }, call.id)}>
								{call.seriesShortName} {call.forYear}
							</a>{" "}
							<span class="meta">proposals until {deadlineLabel(call)}</span>
						</li>
					))}
				</ul>
			)}
		</>
	);
}
