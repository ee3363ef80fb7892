/**
 * The /auth pages: plain forms that work without JavaScript, each with one h1, labelled fields,
 * an error summary and messages beside the fields.
 */
import { PASSWORD_MIN_LENGTH } from "../../auth/passwords";
import { COUNTRY_OPTIONS } from "../../lib/countries";
import type { FormState } from "../../views/form-flow";
import { ErrorSummary, Field, Notice, Select } from "../../views/forms";
import { Layout } from "../../views/layout";
import { withNext } from "./requests";
import { AFFILIATION_MAX_LENGTH, EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from "./schemas";

const EMPTY: FormState = { values: {}, fields: {} };

export const COUNTRY_CHOICES = [{ value: "", label: "Choose a country" }, ...COUNTRY_OPTIONS];

/** The profile fields, shared by sign-up and the account page. */
export function ProfileFields({ values, fields }: FormState) {
	return (
		<>
			<Field
				name="name"
				label="Full name"
				autocomplete="name"
				required
				maxlength={NAME_MAX_LENGTH}
				value={values.name}
				error={fields.name}
			/>
			<Field
				name="affiliation"
				label="Affiliation"
				hint="Your university, hospital or organization."
				autocomplete="organization"
				maxlength={AFFILIATION_MAX_LENGTH}
				value={values.affiliation}
				error={fields.affiliation}
			/>
			<Select
				name="country"
				label="Country"
				options={COUNTRY_CHOICES}
				value={values.country?.toUpperCase()}
				error={fields.country}
				required
			/>
		</>
	);
}

const EmailField = ({ values, fields }: FormState) => (
	<Field
		name="email"
		label="Email address"
		type="email"
		autocomplete="email"
		required
		maxlength={EMAIL_MAX_LENGTH}
		value={values.email}
		error={fields.email}
	/>
);

/** The hidden field that keeps where to go after signing in or up (a safe path, see keptNext). */
const NextField = ({ next }: { next?: string }) => (next ? <input type="hidden" name="next" value={next} /> : null);

/** `next` is where to go once the address is confirmed (e.g. an invitation); it is a safe path or undefined. */
export function SignUpPage({ state = EMPTY, next }: { state?: FormState; next?: string }) {
	return (
		<Layout title="Create an account">
			<h1>Create your Baton account</h1>
			<p class="lead">One account for every symposium on Baton: register, submit, organize.</p>
			<ErrorSummary fields={state.fields} />
			<form method="post" action="/auth/sign-up">
				<NextField next={next} />
				<EmailField {...state} />
				<ProfileFields {...state} />
				<Field
					name="password"
					label="Password"
					type="password"
					autocomplete="new-password"
					hint={`At least ${PASSWORD_MIN_LENGTH} characters. Leave it empty to sign in with links sent by email instead.`}
					error={state.fields.password}
				/>
				<button type="submit" class="button">
					Create account
				</button>
			</form>
			<p>
				Already have an account? <a href={withNext("/auth/sign-in", next)}>Sign in</a>
			</p>
		</Layout>
	);
}

/** The one answer to "email me something": the same whether or not the address has an account. */
export function CheckEmailPage({ message, next }: { message: string; next?: string }) {
	return (
		<Layout title="Check your email">
			<h1>Check your email</h1>
			<Notice>{message}</Notice>
			<p>The mail can take a few minutes to arrive. Look in your spam folder too.</p>
			<p>
				<a href={withNext("/auth/sign-in", next)}>Back to sign in</a>
			</p>
		</Layout>
	);
}

export function SignInPage({ state = EMPTY, next, notice }: { state?: FormState; next?: string; notice?: string }) {
	return (
		<Layout title="Sign in">
			<h1>Sign in to Baton</h1>
			{notice ? <Notice>{notice}</Notice> : null}
			<ErrorSummary fields={state.fields} />
			<form method="post" action="/auth/sign-in">
				<NextField next={next} />
				<EmailField {...state} />
				<Field
					name="password"
					label="Password"
					type="password"
					autocomplete="current-password"
					required
					error={state.fields.password}
				/>
				<button type="submit" class="button">
					Sign in
				</button>
			</form>
			<ul>
				<li>
					<a href="/auth/sign-in/link">Email me a sign-in link instead</a>
				</li>
				<li>
					<a href="/auth/reset">Forgot your password?</a>
				</li>
				<li>
					<a href={withNext("/auth/sign-up", next)}>Create an account</a>
				</li>
			</ul>
		</Layout>
	);
}

/** A form that asks only for an address and mails a link to it (sign-in link, password reset). */
export function EmailRequestPage({
	title,
	intro,
	action,
	button,
	state = EMPTY,
}: {
	title: string;
	intro: string;
	action: string;
	button: string;
	state?: FormState;
}) {
	return (
		<Layout title={title}>
			<h1>{title}</h1>
			<p class="lead">{intro}</p>
			<ErrorSummary fields={state.fields} />
			<form method="post" action={action}>
				<EmailField {...state} />
				<button type="submit" class="button">
					{button}
				</button>
			</form>
			<p>
				<a href="/auth/sign-in">Back to sign in</a>
			</p>
		</Layout>
	);
}

export const SignInLinkRequestPage = ({ state }: { state?: FormState }) => (
	<EmailRequestPage
		title="Sign in with an emailed link"
		intro="We will email you a link that signs you in once, within 15 minutes. No password needed."
		action="/auth/sign-in/link"
		button="Email me a link"
		state={state}
	/>
);

export const ResetRequestPage = ({ state }: { state?: FormState }) => (
	<EmailRequestPage
		title="Choose a new password"
		intro="We will email you a link to choose a new password. It works once, within an hour."
		action="/auth/reset"
		button="Email me a link"
		state={state}
	/>
);

/**
 * A page with one button that posts the emailed token. Opening the link (GET) changes nothing, so
 * mail scanners that fetch links cannot use them up; the person's click does.
 */
export function ConfirmLinkPage({
	title,
	text,
	action,
	token,
	button,
	next,
}: {
	title: string;
	text: string;
	action: string;
	token: string;
	button: string;
	/** Where to go afterwards (a safe path, see keptNext), carried by the form. */
	next?: string;
}) {
	return (
		<Layout title={title}>
			<h1>{title}</h1>
			<p>{text}</p>
			<form method="post" action={action}>
				<input type="hidden" name="token" value={token} />
				{next ? <input type="hidden" name="next" value={next} /> : null}
				<button type="submit" class="button">
					{button}
				</button>
			</form>
		</Layout>
	);
}

export function ResetConfirmPage({ token, state = EMPTY }: { token: string; state?: FormState }) {
	return (
		<Layout title="Choose a new password">
			<h1>Choose a new password</h1>
			<p>Choosing a new password signs you out on every other device.</p>
			<ErrorSummary fields={state.fields} />
			<form method="post" action="/auth/reset/confirm">
				<input type="hidden" name="token" value={token} />
				<Field
					name="password"
					label="New password"
					type="password"
					autocomplete="new-password"
					required
					hint={`At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words work well.`}
					error={state.fields.password}
				/>
				<button type="submit" class="button">
					Set password and sign in
				</button>
			</form>
		</Layout>
	);
}

/** An emailed link that cannot be used, with the way to get a new one. */
export function LinkProblemPage({ message, retry }: { message: string; retry: { href: string; label: string } }) {
	return (
		<Layout title="This link cannot be used">
			<h1>This link cannot be used</h1>
			<p>{message}</p>
			<p>
				<a href={retry.href}>{retry.label}</a>
			</p>
		</Layout>
	);
}
