import type { User } from "../../db/schema";
import { roleLabel } from "../../domain/invitation-wording";
import { countryName } from "../../lib/countries";
import { committeeConsoleUrl, institutionConsoleUrl, stewardsConsoleUrl } from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import { Notice } from "../../views/forms";
import { roleWithUntil } from "../committees";
import type { Dashboard } from "./dashboard";

export function DashboardPage({
	user,
	dashboard,
	notice,
}: {
	user: Pick<User, "name" | "email">;
	dashboard: Dashboard;
	notice?: string;
}) {
	return (
		<ConsoleLayout title="Console" user={user}>
			<h1>Console</h1>
			{notice ? <Notice>{notice}</Notice> : null}

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
							<a href={stewardsConsoleUrl(s)}>{s.name}</a> <span class="meta">Steward</span>
						</li>
					))}
				</ul>
			)}

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
