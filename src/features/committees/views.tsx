import { EDITION_ROLES, type Edition, type Series, type User } from "../../db/schema";
import { longDate, roleLabel } from "../../domain/invitation-wording";
import { committeeConsoleUrl, contentUrl, editionUrl, stewardsConsoleUrl } from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import { type FailedForm, failureOf } from "../../views/form-flow";
import { ActionButton, ErrorSummary, Field, Notice, Select } from "../../views/forms";
import type { Crumb } from "../../views/layout";
import { MemberTable } from "../../views/member-table";
import { RowLink } from "../../views/table";
import type { PendingInvitation } from "../invitations";
import { PendingInvitations } from "../invitations";
import { SeriesConsoleNav, seriesCrumbs as seriesHomeCrumbs } from "../series";
import type { CommitteeMember, Steward } from "./committees";

type ConsoleUser = Pick<User, "id" | "name" | "email">;

const ROLE_OPTIONS = EDITION_ROLES.map((value) => ({ value, label: roleLabel(value) }));
const MENTOR_HINT = "Mentors only: they may read and comment until this day. Leave empty for other roles.";

// Edition pages are read by their committee too, who may not open the series' own console pages:
// their trail names the series by its stewards and editions page.
const seriesCrumbs = (s: Series): Crumb[] => [
	{ label: "Console", href: "/console" },
	{ label: s.shortName, href: stewardsConsoleUrl(s) },
];

/** "Mentor until 31 December 2099" or "Chair". */
export const roleWithUntil = (m: Pick<CommitteeMember, "role" | "mentorUntil">) =>
	m.role === "mentor" && m.mentorUntil ? `Mentor until ${longDate(m.mentorUntil)}` : roleLabel(m.role);

export interface StewardsPageProps {
	user: ConsoleUser;
	series: Series;
	stewards: Steward[];
	editions: Edition[];
	invitations: PendingInvitation[];
	canManage: boolean;
	failed?: FailedForm;
	notice?: string;
}

export function StewardsPage({
	user,
	series,
	stewards,
	editions,
	invitations,
	canManage,
	failed,
	notice,
}: StewardsPageProps) {
	const base = stewardsConsoleUrl(series);
	const invite = failureOf(failed, "invite");
	const remove = failureOf(failed, "remove");
	return (
		<ConsoleLayout
			title={`${series.shortName} stewards`}
			user={user}
			breadcrumb={[...seriesHomeCrumbs(series), { label: "Stewards" }]}
		>
			<h1>{series.name}</h1>
			<p class="lead">Stewards look after the series from one edition to the next.</p>
			{notice ? <Notice>{notice}</Notice> : null}
			<SeriesConsoleNav series={series} />
			<h2>Stewards</h2>
			<ErrorSummary fields={remove?.fields} />
			<MemberTable
				members={stewards}
				currentUserId={user.id}
				action={
					canManage
						? (s) => (
								<ActionButton
									action={`${base}/${s.userId}/remove`}
									label={s.userId === user.id ? "Step down" : "Remove"}
									danger
								/>
							)
						: undefined
				}
			/>

			<h2>Editions</h2>
			{editions.length === 0 ? (
				<p>No editions yet.</p>
			) : (
				<ul>
					{editions.map((e) => (
						<li>
							<a href={committeeConsoleUrl(e.id)}>{e.name} committee</a>{" "}
							<span class="meta">
								({e.status}
								{e.status === "draft" ? null : (
									<>
										, <a href={editionUrl(series, e)}>public site</a>
									</>
								)}
								)
							</span>
						</li>
					))}
				</ul>
			)}

			{canManage ? (
				<>
					<h2 id="invite">Invite a steward</h2>
					<p>We email a link that works once, for 7 days.</p>
					<form method="post" action={base} novalidate>
						<ErrorSummary fields={invite?.fields} />
						<Field
							name="email"
							label="Email address"
							type="email"
							value={invite?.values.email}
							error={invite?.fields.email}
							required
							maxlength={254}
						/>
						<button type="submit">Send invitation</button>
					</form>
					<h3>Pending invitations</h3>
					<PendingInvitations
						invitations={invitations}
						revokeAction={(id) => `/console/series/${series.slug}/invitations/${id}/revoke`}
					/>
				</>
			) : null}
		</ConsoleLayout>
	);
}

const editionCrumbs = (series: Series, edition: Edition): Crumb[] => [
	...seriesCrumbs(series),
	{ label: edition.name, href: committeeConsoleUrl(edition.id) },
];

export interface CommitteePageProps {
	user: ConsoleUser;
	series: Series;
	edition: Edition;
	members: CommitteeMember[];
	invitations: PendingInvitation[];
	canManage: boolean;
	failed?: FailedForm;
	notice?: string;
}

export function CommitteePage({
	user,
	series,
	edition,
	members,
	invitations,
	canManage,
	failed,
	notice,
}: CommitteePageProps) {
	const base = committeeConsoleUrl(edition.id);
	const invite = failureOf(failed, "invite");
	return (
		<ConsoleLayout
			title={`${edition.name} committee`}
			user={user}
			breadcrumb={[
				...seriesCrumbs(series),
				{ label: edition.name, href: contentUrl(edition.id) },
				{ label: "Committee" },
			]}
		>
			<h1>{edition.name} committee</h1>
			<p class="lead">
				Chairs lead, organizers edit, reviewers review, mentors read and comment until their last day.{" "}
				{edition.status === "draft" ? null : <a href={editionUrl(series, edition)}>Public site</a>}
			</p>
			{notice ? <Notice>{notice}</Notice> : null}
			<h2>Members</h2>
			<MemberTable
				members={members}
				currentUserId={user.id}
				role={roleWithUntil}
				action={canManage ? (m) => <RowLink href={`${base}/${m.userId}`} name={m.name} label="Manage" /> : undefined}
			/>

			{canManage ? (
				<>
					<h2 id="invite">Invite to the committee</h2>
					<p>We email a link that works once, for 7 days.</p>
					<form method="post" action={`/console/editions/${edition.id}/invitations`} novalidate>
						<ErrorSummary fields={invite?.fields} />
						<Field
							name="email"
							label="Email address"
							type="email"
							value={invite?.values.email}
							error={invite?.fields.email}
							required
							maxlength={254}
						/>
						<Select
							name="role"
							label="Role"
							options={ROLE_OPTIONS}
							value={invite?.values.role ?? "organizer"}
							error={invite?.fields.role}
							required
						/>
						<Field
							name="mentorUntil"
							label="Last day of mentoring"
							type="date"
							hint={MENTOR_HINT}
							value={invite?.values.mentorUntil}
							error={invite?.fields.mentorUntil}
						/>
						<button type="submit">Send invitation</button>
					</form>
					<h3>Pending invitations</h3>
					<PendingInvitations
						invitations={invitations}
						revokeAction={(id) => `/console/editions/${edition.id}/invitations/${id}/revoke`}
					/>
				</>
			) : null}
		</ConsoleLayout>
	);
}

export interface CommitteeMemberPageProps {
	user: ConsoleUser;
	series: Series;
	edition: Edition;
	member: CommitteeMember;
	failed?: FailedForm;
}

export function CommitteeMemberPage({ user, series, edition, member, failed }: CommitteeMemberPageProps) {
	const base = `${committeeConsoleUrl(edition.id)}/${member.userId}`;
	const roleForm = failureOf(failed, "role");
	const remove = failureOf(failed, "remove");
	return (
		<ConsoleLayout
			title={`${member.name} · ${edition.name}`}
			user={user}
			breadcrumb={[...editionCrumbs(series, edition), { label: member.name }]}
		>
			<h1>{member.name}</h1>
			<p class="lead">
				{member.email} · {roleWithUntil(member)} of {edition.name}
			</p>
			<h2>Role</h2>
			<form method="post" action={base} novalidate>
				<ErrorSummary fields={roleForm?.fields} />
				<Select
					name="role"
					label="Role"
					options={ROLE_OPTIONS}
					value={roleForm?.values.role ?? member.role}
					error={roleForm?.fields.role}
					required
				/>
				<Field
					name="mentorUntil"
					label="Last day of mentoring"
					type="date"
					hint={MENTOR_HINT}
					value={roleForm?.values.mentorUntil ?? member.mentorUntil ?? ""}
					error={roleForm?.fields.mentorUntil}
				/>
				<button type="submit">Save</button>
			</form>
			<h2>Remove</h2>
			<ErrorSummary fields={remove?.fields} />
			<p>{member.userId === user.id ? "You leave the committee." : `${member.name} leaves the committee.`}</p>
			<ActionButton action={`${base}/remove`} label="Remove from committee" danger />
		</ConsoleLayout>
	);
}
