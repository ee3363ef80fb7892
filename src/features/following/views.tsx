/**
 * Pages of following a series: the form (on the series page and on its own page for messages),
 * "check your inbox", and the answers to the confirmation and unsubscribe links. Plain forms that
 * work without JavaScript; one h1 each.
 */

import { EMAIL_MAX_LENGTH } from "../../api/params";
import type { Series } from "../../db/schema";
import { followPath, seriesUrl } from "../../urls";
import type { FormState } from "../../views/form-flow";
import { ErrorSummary, Field } from "../../views/forms";
import { Layout } from "../../views/layout";

type SeriesRef = Pick<Series, "slug" | "name" | "shortName">;

const EMPTY: FormState = { values: {}, fields: {} };

const WHAT_YOU_GET =
	"An email when a new edition is announced, when its call for abstracts opens and when its registration opens. Nothing else; every email has a link to stop.";

/** The follow form itself: one address, one button. It holds nothing personal, so the page around it can be cached. */
export function FollowForm({ series, state = EMPTY }: { series: SeriesRef; state?: FormState }) {
	return (
		<form method="post" action={followPath(series)}>
			<ErrorSummary fields={state.fields} />
			<Field
				name="email"
				type="email"
				label="Your email address"
				hint="We first send a link to confirm that the address is yours."
				autocomplete="email"
				required
				maxlength={EMAIL_MAX_LENGTH}
				value={state.values.email}
				error={state.fields.email}
			/>
			<button type="submit">Follow {series.shortName}</button>
		</form>
	);
}

/** The section the public series page shows. */
export function FollowSeriesSection({ series }: { series: SeriesRef }) {
	return (
		<section aria-labelledby="follow">
			<h2 id="follow">Follow {series.shortName}</h2>
			<p>{WHAT_YOU_GET}</p>
			<FollowForm series={series} />
		</section>
	);
}

const crumbs = (series: SeriesRef, label: string) => [
	{ label: "Series", href: "/" },
	{ label: series.shortName, href: seriesUrl(series) },
	{ label },
];

/** The form on a page of its own: where a submission with a problem is shown again. */
export function FollowPage({ series, state }: { series: SeriesRef; state?: FormState }) {
	return (
		<Layout title={`Follow ${series.name}`} breadcrumb={crumbs(series, "Follow")}>
			<h1>Follow {series.name}</h1>
			<p class="lead">{WHAT_YOU_GET}</p>
			<FollowForm series={series} state={state} />
		</Layout>
	);
}

/** The same page whether or not the address already follows: the answer tells nobody who does. */
export function FollowSentPage({ series }: { series: SeriesRef }) {
	return (
		<Layout title="Check your inbox" breadcrumb={crumbs(series, "Follow")}>
			<h1>Check your inbox</h1>
			<p>
				We sent a mail to the address you gave. Open the link in it to confirm that you want news about {series.name}.
				If the address already follows {series.shortName}, the mail says so instead.
			</p>
			<p>
				Nothing after a few minutes? Look in your spam folder, or <a href={followPath(series)}>try again</a>.
			</p>
			<p>
				<a href={seriesUrl(series)}>Back to {series.name}</a>
			</p>
		</Layout>
	);
}

/** The outcome of a link (confirmed, unfollowed, …), with the way back to the series. */
export function FollowMessagePage({
	series,
	title,
	message,
	retry,
}: {
	series: SeriesRef;
	title: string;
	message: string;
	/** Offer the form again, for a link that no longer works. */
	retry?: boolean;
}) {
	return (
		<Layout title={title} breadcrumb={crumbs(series, title)}>
			<h1>{title}</h1>
			<p>{message}</p>
			{retry ? (
				<p>
					<a href={followPath(series)}>Ask for a new link</a>: enter your address again and we mail you one.
				</p>
			) : null}
			<p>
				<a href={seriesUrl(series)}>Back to {series.name}</a>
			</p>
		</Layout>
	);
}
