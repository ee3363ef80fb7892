import type { Institution, InstitutionRole, User } from "../../db/schema";
import { roleLabel } from "../../domain/invitation-wording";
import { COUNTRY_OPTIONS, countryName } from "../../lib/countries";
import { institutionAuditUrl, institutionConsoleUrl } from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import { type FailedForm, failureOf } from "../../views/form-flow";
import { ActionButton, ErrorSummary, Field, HiddenFields, Notice, Select } from "../../views/forms";
import { MemberTable } from "../../views/member-table";
import { RowLink } from "../../views/table";
import type { PendingInvitation } from "../invitations";
import { PendingInvitations } from "../invitations";
import type { InstitutionMember, MyInstitution } from "./schemas";
import { INVITABLE_INSTITUTION_ROLES } from "./schemas";

type ConsoleUser = Pick<User, "id" | "name" | "email">;

const roleOptions = (roles: readonly InstitutionRole[]) => roles.map((value) => ({ value, label: roleLabel(value) }));
const COUNTRY_CHOICES = [{ value: "", label: "Choose a country" }, ...COUNTRY_OPTIONS];
const CRUMB = { label: "Institutions", href: "/console/institutions" };

const place = (i: Pick<Institution, "city" | "country">) => [i.city, countryName(i.country)].filter(Boolean).join(", ");

export function InstitutionsPage({
	user,
	mine,
	suggested,
	returnTo,
	failed,
	notice,
}: {
	user: ConsoleUser;
	mine: MyInstitution[];
	/** What the create form starts with (from sign-up's affiliation and country). */
	suggested: { name: string; country: string };
	/** The page to go back to once the institution exists, with it chosen. */
	returnTo?: string;
	failed?: FailedForm;
	notice?: string;
}) {
	const values: Record<string, string | undefined> = failed?.values ?? suggested;
	return (
		<ConsoleLayout
			title="Institutions"
			user={user}
			breadcrumb={[{ label: "Console", href: "/console" }, { label: "Institutions" }]}
		>
			<h1>Institutions</h1>
			{notice ? <Notice>{notice}</Notice> : null}
			{mine.length === 0 ? (
				<p>You do not belong to an institution yet. Create one below, or accept an invitation from a colleague.</p>
			) : (
				<ul class="cards wide">
					{mine.map(({ institution, role }) => (
						<li class="card">
							<h2>
								<a href={institutionConsoleUrl(institution.id)}>{institution.name}</a>
							</h2>
							<p class="meta">{place(institution)}</p>
							<p>
								<span class="badge">{roleLabel(role)}</span>
							</p>
						</li>
					))}
				</ul>
			)}
			<h2 id="create">Create an institution</h2>
			<p>A university, hospital or society that hosts editions. You become its owner.</p>
			{returnTo ? <p>Once it exists, you go back to where you were, with it chosen.</p> : null}
			<form method="post" action="/console/institutions" novalidate>
				<ErrorSummary fields={failed?.fields} />
				{returnTo ? <HiddenFields fields={{ return: returnTo }} /> : null}
				<Field name="name" label="Name" value={values.name} error={failed?.fields.name} required maxlength={200} />
				<Field
					name="slug"
					label="Short address"
					hint="Lowercase letters, digits and hyphens, e.g. umcg. It cannot be changed later."
					value={values.slug}
					error={failed?.fields.slug}
					required
					maxlength={40}
				/>
				<Field name="city" label="City" value={values.city} error={failed?.fields.city} maxlength={100} />
				<Select
					name="country"
					label="Country"
					options={COUNTRY_CHOICES}
					value={values.country}
					error={failed?.fields.country}
					required
				/>
				<button type="submit">Create institution</button>
			</form>
		</ConsoleLayout>
	);
}

/** What the signed-in user may do here, decided by the policy and only used to hide what they cannot. */
export interface InstitutionAllowed {
	update: boolean;
	invite: boolean;
	manageMembers: boolean;
	manageOwners: boolean;
	transfer: boolean;
	leave: boolean;
	viewAudit: boolean;
}

export interface InstitutionPageProps {
	user: ConsoleUser;
	mine: MyInstitution;
	members: InstitutionMember[];
	invitations: PendingInvitation[];
	allowed: InstitutionAllowed;
	failed?: FailedForm;
	notice?: string;
}

export function InstitutionPage({ user, mine, members, invitations, allowed, failed, notice }: InstitutionPageProps) {
	const { institution, role } = mine;
	const base = institutionConsoleUrl(institution.id);
	const invite = failureOf(failed, "invite");
	const settings = failureOf(failed, "settings");
	const transfer = failureOf(failed, "transfer");
	const leave = failureOf(failed, "leave");
	const others = members.filter((m) => m.userId !== user.id);
	return (
		<ConsoleLayout
			title={institution.name}
			user={user}
			breadcrumb={[{ label: "Console", href: "/console" }, CRUMB, { label: institution.name }]}
		>
			<h1>{institution.name}</h1>
			<p class="lead">
				{place(institution)} · you are <span class="badge">{roleLabel(role)}</span>
			</p>
			{notice ? <Notice>{notice}</Notice> : null}
			{/* Leaving has no fields: say why it failed where the page starts, not at its end. */}
			<ErrorSummary fields={leave?.fields} />
			{allowed.viewAudit ? (
				<p>
					<a href={institutionAuditUrl(institution.id)}>Audit log</a>: who changed what in the institution, its
					proposals and the editions it hosts
				</p>
			) : null}

			<h2>Members</h2>
			<MemberTable
				members={members}
				currentUserId={user.id}
				role={(m) => roleLabel(m.role)}
				action={
					allowed.manageMembers
						? (m) =>
								m.role !== "owner" || allowed.manageOwners ? (
									<RowLink href={`${base}/members/${m.userId}`} name={m.name} label="Manage" />
								) : null
						: undefined
				}
			/>

			{allowed.invite ? (
				<>
					<h2 id="invite">Invite a member</h2>
					<p>We email a link that works once, for 7 days.</p>
					<form method="post" action={`${base}/invitations`} novalidate>
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
							options={roleOptions(INVITABLE_INSTITUTION_ROLES)}
							value={invite?.values.role ?? "member"}
							error={invite?.fields.role}
							required
						/>
						<button type="submit">Send invitation</button>
					</form>
					<h3>Pending invitations</h3>
					<PendingInvitations invitations={invitations} revokeAction={(id) => `${base}/invitations/${id}/revoke`} />
				</>
			) : null}

			{allowed.update ? (
				<>
					<h2 id="settings">Details</h2>
					<form method="post" action={base} novalidate>
						<ErrorSummary fields={settings?.fields} />
						<Field
							name="name"
							label="Name"
							value={settings?.values.name ?? institution.name}
							error={settings?.fields.name}
							required
							maxlength={200}
						/>
						<Field
							name="city"
							label="City"
							value={settings?.values.city ?? institution.city}
							error={settings?.fields.city}
							maxlength={100}
						/>
						<Select
							name="country"
							label="Country"
							options={COUNTRY_OPTIONS}
							value={settings?.values.country ?? institution.country}
							error={settings?.fields.country}
							required
						/>
						<button type="submit">Save details</button>
					</form>
				</>
			) : null}

			{allowed.transfer && others.length > 0 ? (
				<>
					<h2 id="transfer">Transfer ownership</h2>
					<p>The member you choose becomes owner; you stay on as an admin.</p>
					<form method="post" action={`${base}/transfer`} novalidate>
						<ErrorSummary fields={transfer?.fields} />
						<Select
							name="userId"
							label="New owner"
							options={others.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }))}
							value={transfer?.values.userId}
							error={transfer?.fields.userId}
							required
						/>
						<button type="submit">Transfer ownership</button>
					</form>
				</>
			) : null}

			{allowed.leave ? (
				<>
					<h2 id="leave">Leave</h2>
					<p>You lose access to this institution until someone invites you again.</p>
					<ActionButton action={`${base}/leave`} label="Leave institution" danger />
				</>
			) : null}
		</ConsoleLayout>
	);
}

export interface MemberPageProps {
	user: ConsoleUser;
	institution: Institution;
	member: InstitutionMember;
	/** The roles the signed-in user may give: owners may make owners, admins may not. */
	roles: readonly InstitutionRole[];
	failed?: FailedForm;
}

export function MemberPage({ user, institution, member, roles, failed }: MemberPageProps) {
	const base = institutionConsoleUrl(institution.id);
	const roleForm = failureOf(failed, "role");
	const remove = failureOf(failed, "remove");
	return (
		<ConsoleLayout
			title={`${member.name} · ${institution.name}`}
			user={user}
			breadcrumb={[
				{ label: "Console", href: "/console" },
				CRUMB,
				{ label: institution.name, href: base },
				{ label: member.name },
			]}
		>
			<h1>{member.name}</h1>
			<p class="lead">
				{member.email} · <span class="badge">{roleLabel(member.role)}</span> of {institution.name}
			</p>
			<h2>Role</h2>
			<form method="post" action={`${base}/members/${member.userId}`} novalidate>
				<ErrorSummary fields={roleForm?.fields} />
				<Select
					name="role"
					label="Role"
					options={roleOptions(roles)}
					value={roleForm?.values.role ?? member.role}
					error={roleForm?.fields.role}
					required
				/>
				<button type="submit">Change role</button>
			</form>
			<h2>Remove</h2>
			<ErrorSummary fields={remove?.fields} />
			<p>
				{member.userId === user.id
					? "You lose access to this institution."
					: `${member.name} loses access to this institution.`}
			</p>
			<ActionButton action={`${base}/members/${member.userId}/remove`} label="Remove from institution" danger />
		</ConsoleLayout>
	);
}
