/**
 * The console's account pages: profile, email, password, sessions and personal API tokens.
 * Each form posts to its own route and, when it fails, comes back with its messages in place.
 */
import { PASSWORD_MIN_LENGTH } from "../../auth/passwords";
import type { User } from "../../db/schema";
import { ConsoleLayout } from "../../views/console-layout";
import type { FormState } from "../../views/form-flow";
import { ActionButton, ErrorSummary, Field, Notice, Select } from "../../views/forms";
import { type ListPage, Pager } from "../../views/pager";
import type { ListedToken, TokenScopes } from "./personal-tokens";
import { EMAIL_MAX_LENGTH, TOKEN_DAYS, TOKEN_NAME_MAX_LENGTH } from "./schemas";
import { ProfileFields } from "./views";

const EMPTY: FormState = { values: {}, fields: {} };

/** What `?notice=…` after a redirect says happened. The query names a key, so no text is ever reflected. */
export const ACCOUNT_NOTICES = {
	profile: "Your profile is saved.",
	email: "Your email address is changed.",
	"email-sent": "We sent a confirmation link to your new address. Your address changes when you open it.",
	// After a recovery action the page adds what it ended (see revocation.ts).
	password: "Your password is changed.",
	reset: "Your new password is set.",
	verify: "We sent you a new verification link.",
	revoked: "The token is revoked: it no longer works.",
} as const;

export type AccountNotice = keyof typeof ACCOUNT_NOTICES;

/** The notice named by the query, if it is one of ours (never an inherited key like "constructor"). */
export const accountNotice = (key: string | undefined) =>
	key && Object.hasOwn(ACCOUNT_NOTICES, key) ? ACCOUNT_NOTICES[key as AccountNotice] : undefined;

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (date: Date | null) => (date ? `${dateTime.format(date)} UTC` : "never");

export interface AccountPageProps {
	user: User;
	/** This page of the user's tokens, newest first. */
	tokens: ListPage<ListedToken>;
	notice?: string;
	/** The form that failed, by section, with its values and messages. */
	failed?: { section: "profile" | "email" | "password"; state: FormState };
}

export function AccountPage({ user, tokens, notice, failed }: AccountPageProps) {
	const stateOf = (section: "profile" | "email" | "password") =>
		failed?.section === section ? failed.state : undefined;
	const profile = stateOf("profile") ?? {
		values: { name: user.name, affiliation: user.affiliation, country: user.country },
		fields: {},
	};
	const email = stateOf("email") ?? EMPTY;
	const password = stateOf("password") ?? EMPTY;
	return (
		<ConsoleLayout
			title="Your account"
			user={user}
			breadcrumb={[{ label: "Console", href: "/console" }, { label: "Account" }]}
		>
			<h1>Your account</h1>
			{notice ? <Notice>{notice}</Notice> : null}

			<section aria-labelledby="profile-heading">
				<h2 id="profile-heading">Profile</h2>
				<ErrorSummary fields={profile.fields} />
				<form method="post" action="/console/account/profile">
					<ProfileFields {...profile} />
					<button type="submit" class="button">
						Save profile
					</button>
				</form>
			</section>

			<section aria-labelledby="email-heading">
				<h2 id="email-heading">Email address</h2>
				<p>
					Your address is <strong>{user.email}</strong>{" "}
					{user.emailVerifiedAt ? <span class="badge">verified</span> : <span class="badge">not verified yet</span>}
				</p>
				{user.emailVerifiedAt ? null : (
					<ActionButton action="/console/account/verify" label="Send a new verification link" />
				)}
				<ErrorSummary fields={email.fields} />
				<form method="post" action="/console/account/email">
					<Field
						name="email"
						label="New email address"
						type="email"
						autocomplete="email"
						required
						maxlength={EMAIL_MAX_LENGTH}
						hint="We send a confirmation link to the new address; nothing changes until you open it."
						value={email.values.email}
						error={email.fields.email}
					/>
					<button type="submit" class="button">
						Change email address
					</button>
				</form>
			</section>

			<section aria-labelledby="password-heading">
				<h2 id="password-heading">Password</h2>
				<p>
					{user.passwordHash
						? "Changing your password signs you out on your other devices."
						: "You sign in with links sent by email. You can also set a password."}
				</p>
				<ErrorSummary fields={password.fields} />
				<form method="post" action="/console/account/password">
					{user.passwordHash ? (
						<Field
							name="currentPassword"
							label="Current password"
							type="password"
							autocomplete="current-password"
							required
							error={password.fields.currentPassword}
						/>
					) : null}
					<Field
						name="password"
						label="New password"
						type="password"
						autocomplete="new-password"
						required
						hint={`At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words work well.`}
						error={password.fields.password}
					/>
					<button type="submit" class="button">
						{user.passwordHash ? "Change password" : "Set password"}
					</button>
				</form>
			</section>

			<section aria-labelledby="sessions-heading">
				<h2 id="sessions-heading">Devices</h2>
				<p>Lost a device or signed in on a shared computer? Sign out everywhere, including here.</p>
				<ActionButton action="/auth/sign-out-everywhere" label="Sign out everywhere" danger />
			</section>

			<section aria-labelledby="tokens-heading" class="wide">
				<h2 id="tokens-heading">API tokens</h2>
				<p>
					Personal tokens let an integration use the API as you, within one institution or edition.{" "}
					<a href="/console/account/tokens/new">Create a token</a>
				</p>
				<TokenTable tokens={tokens.items} />
				<Pager page={tokens} />
			</section>
		</ConsoleLayout>
	);
}

function TokenTable({ tokens }: { tokens: ListedToken[] }) {
	if (tokens.length === 0) return <p>You have no API tokens.</p>;
	return (
		<div class="table-wrap">
			<table>
				<caption class="visually-hidden">Your API tokens</caption>
				<thead>
					<tr>
						<th scope="col">Name</th>
						<th scope="col">Reaches</th>
						<th scope="col">Access</th>
						<th scope="col">Created</th>
						<th scope="col">Expires</th>
						<th scope="col">Last used</th>
						<th scope="col">Status</th>
					</tr>
				</thead>
				<tbody>
					{tokens.map((token) => (
						<tr>
							<td>{token.name}</td>
							<td>{token.scopeName}</td>
							<td>{token.access === "write" ? "read and write" : "read only"}</td>
							<td>{when(token.createdAt)}</td>
							<td>{when(token.expiresAt)}</td>
							<td>{when(token.lastUsedAt)}</td>
							<td>
								<TokenStatus token={token} />
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

function TokenStatus({ token }: { token: ListedToken }) {
	if (token.revokedAt) return <>revoked {when(token.revokedAt)}</>;
	if (token.expiresAt.getTime() <= Date.now()) return <>expired</>;
	return (
		<ActionButton
			action={`/console/account/tokens/${encodeURIComponent(token.id)}/revoke`}
			label={`Revoke ${token.name}`}
			danger
		/>
	);
}

export function NewTokenPage({ user, scopes, state }: { user: User; scopes: TokenScopes; state?: FormState }) {
	const options = [
		{ value: "", label: "Choose what the token may reach" },
		...scopes.institutions.map((i) => ({ value: `institution:${i.id}`, label: `Institution: ${i.name}` })),
		...scopes.editions.map((e) => ({ value: `edition:${e.id}`, label: `Edition: ${e.name}` })),
	];
	const { values, fields } = state ?? {
		values: { access: "read", expiresInDays: String(TOKEN_DAYS.default) },
		fields: {},
	};
	return (
		<ConsoleLayout
			title="Create an API token"
			user={user}
			breadcrumb={[
				{ label: "Console", href: "/console" },
				{ label: "Account", href: "/console/account" },
				{ label: "New API token" },
			]}
		>
			<h1>Create an API token</h1>
			{options.length === 1 ? (
				<p>
					A token reaches one institution you are a member of, or one edition whose committee you are on. You have
					neither yet, so there is nothing a token could reach.
				</p>
			) : (
				<>
					<p>The token is shown once, right after you create it. Keep it like a password.</p>
					<ErrorSummary fields={fields} />
					<form method="post" action="/console/account/tokens">
						<Field
							name="name"
							label="Name"
							hint="What uses it, e.g. “registration export”."
							required
							maxlength={TOKEN_NAME_MAX_LENGTH}
							value={values.name}
							error={fields.name}
						/>
						<Select
							name="access"
							label="Access"
							options={[
								{ value: "read", label: "Read only" },
								{ value: "write", label: "Read and write" },
							]}
							value={values.access}
							error={fields.access}
							required
						/>
						<Select name="scope" label="Reaches" options={options} value={values.scope} error={fields.scope} required />
						<Field
							name="expiresInDays"
							label="Expires after (days)"
							type="number"
							hint={`From ${TOKEN_DAYS.min} to ${TOKEN_DAYS.max} days.`}
							required
							value={values.expiresInDays}
							error={fields.expiresInDays}
						/>
						<button type="submit" class="button">
							Create token
						</button>
					</form>
				</>
			)}
		</ConsoleLayout>
	);
}

export function TokenCreatedPage({ user, name, secret }: { user: User; name: string; secret: string }) {
	return (
		<ConsoleLayout
			title="Your new API token"
			user={user}
			breadcrumb={[
				{ label: "Console", href: "/console" },
				{ label: "Account", href: "/console/account" },
				{ label: "New API token" },
			]}
		>
			<h1>Your new API token</h1>
			<Notice>Copy the token “{name}” now: it is shown only this once. Baton keeps only a fingerprint of it.</Notice>
			<p class="secret">
				<code>{secret}</code>
			</p>
			<p>
				Send it as <code>Authorization: Bearer …</code> with each API request.
			</p>
			<p>
				<a href="/console/account">Back to your account</a>
			</p>
		</ConsoleLayout>
	);
}
