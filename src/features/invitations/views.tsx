import type { User } from "../../db/schema";
import { describeOffer, longDate, longDateOf, roleLabel } from "../../domain/invitation-wording";
import { ActionButton } from "../../views/forms";
import { Layout } from "../../views/layout";
import { ActionsHeader } from "../../views/table";
import type { FoundInvitation, InvitationTarget, PendingInvitation } from "./invitations";

export interface InvitationPageProps {
	found: FoundInvitation;
	target: InvitationTarget;
	/** The signed-in user, or null for a visitor. */
	user: Pick<User, "email" | "emailVerifiedAt"> | null;
	/** Where this page is, for the way back after signing in or up. */
	path: string;
}

/** What an open invitation offers, and the one next step for whoever opened the link. */
export function InvitationPage({ found, target, user, path }: InvitationPageProps) {
	const { invitation, invitedByName } = found;
	const offer = describeOffer({
		scope: invitation.scope,
		targetName: target.name,
		role: invitation.role,
		mentorUntil: invitation.mentorUntil,
	});
	const next = encodeURIComponent(path);
	return (
		<Layout title="Invitation">
			<h1>You are invited</h1>
			<p class="lead">
				{invitedByName} invited <strong>{invitation.email}</strong> to {offer}.
			</p>
			<p class="meta">This link works once and expires on {longDateOf(invitation.expiresAt)}.</p>
			{user === null ? (
				<>
					<p>
						To accept, sign in with {invitation.email}. New to Baton? Create an account with that address, confirm it
						from the email we send, and you will come back here.
					</p>
					<p>
						<a class="button" href={`/auth/sign-in?next=${next}`}>
							Sign in
						</a>{" "}
						<a class="button button-secondary" href={`/auth/sign-up?next=${next}`}>
							Create an account
						</a>
					</p>
				</>
			) : user.email.toLowerCase() !== invitation.email ? (
				<>
					<p>
						You are signed in as {user.email}, but this invitation was sent to another address. Sign out, then sign in
						with {invitation.email} and open the link again.
					</p>
					<ActionButton action="/auth/sign-out" label="Sign out" />
				</>
			) : user.emailVerifiedAt === null ? (
				<p>Confirm your email address first (use the link we sent you), then open this invitation again.</p>
			) : (
				<form method="post" action={path}>
					<button type="submit" class="button">
						Accept invitation
					</button>
				</form>
			)}
		</Layout>
	);
}

/** An invitation link that cannot be used (unknown, used, withdrawn, expired, wrong address): why, and what now. */
export function InvitationProblemPage({ message }: { message: string }) {
	return (
		<Layout title="Invitation">
			<div class="error-page">
				<h1>This invitation cannot be used</h1>
				<p>{message}</p>
				<p>
					<a href="/console">Go to your console</a>
				</p>
			</div>
		</Layout>
	);
}

/** Open invitations of an institution, series or edition, each with a button to withdraw it. */
export function PendingInvitations({
	invitations,
	revokeAction,
}: {
	invitations: PendingInvitation[];
	revokeAction: (invitationId: string) => string;
}) {
	if (invitations.length === 0) return <p>No pending invitations.</p>;
	return (
		<div class="table-wrap wide">
			<table>
				<thead>
					<tr>
						<th scope="col">Email</th>
						<th scope="col">Role</th>
						<th scope="col">Invited by</th>
						<th scope="col">Expires</th>
						<ActionsHeader />
					</tr>
				</thead>
				<tbody>
					{invitations.map((i) => (
						<tr>
							<td>{i.email}</td>
							<td>
								{roleLabel(i.role)}
								{i.mentorUntil ? <span class="meta"> until {longDate(i.mentorUntil)}</span> : null}
							</td>
							<td>{i.invitedByName}</td>
							<td>{longDateOf(i.expiresAt)}</td>
							<td>
								<ActionButton action={revokeAction(i.id)} label="Withdraw" danger />
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
