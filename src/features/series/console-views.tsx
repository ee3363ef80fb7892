import type { Child } from "hono/jsx";
import type { NamedLecture, Series, User } from "../../db/schema";
import type { FieldSpec, Option } from "../../domain/fields";
import { formValue } from "../../domain/fields";
import {
	callsConsoleUrl,
	lectureConsoleUrl,
	lecturesConsoleUrl,
	newEditionConsoleUrl,
	seriesAuditUrl,
	seriesConsoleUrl,
	seriesHandoverUrl,
	seriesUrl,
	templatesConsoleUrl,
} from "../../urls";
import { ConsoleLayout } from "../../views/console-layout";
import { ContentField } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { ErrorSummary, Notice } from "../../views/forms";
import type { Crumb } from "../../views/layout";
import { ActionsHeader, RowLink } from "../../views/table";
import { CREATE_SERIES_FIELDS, NAMED_LECTURE_FIELDS, SERIES_FIELDS } from "./schemas";

export type ConsoleUser = Pick<User, "name" | "email">;

/** The trail of every console page of a series. */
export const seriesCrumbs = (s: Pick<Series, "slug" | "shortName">): Crumb[] => [
	{ label: "Console", href: "/console" },
	{ label: s.shortName, href: seriesConsoleUrl(s) },
];

/**
 * The fields of a form, filled from stored values or, after a failed post, from what was typed,
 * with each message beside its field. Select fields that list rows of something (`ref`) take
 * their choices from `refOptions`; a field named in `controls` is drawn by that function instead
 * (e.g. a time zone listed for the country).
 */
export function FormFields({
	fields,
	values = {},
	failed,
	refOptions = {},
	controls = {},
}: {
	fields: readonly FieldSpec[];
	values?: Record<string, unknown>;
	failed?: FailedForm;
	refOptions?: Record<string, readonly Option[]>;
	controls?: Record<string, (field: FieldSpec, value: string, error?: string) => Child>;
}) {
	return (
		<>
			{fields.map((field) => {
				const value = failed ? (failed.values[field.name] ?? "") : formValue(field, values[field.name]);
				const error = failed?.fields[field.name];
				const control = controls[field.name];
				return control ? (
					control(field, value, error)
				) : (
					<ContentField
						field={field}
						value={value}
						error={error}
						refOptions={field.ref ? refOptions[field.ref] : undefined}
					/>
				);
			})}
		</>
	);
}

/** Where a steward goes from any page of the series (the series' console home starts with it). */
export function SeriesConsoleNav({ series }: { series: Pick<Series, "slug"> }) {
	return (
		<nav aria-label="Series">
			<ul>
				<li>
					<a href={seriesConsoleUrl(series)}>Overview and details</a>
				</li>
				<li>
					<a href={`${seriesConsoleUrl(series)}/stewards`}>Stewards and editions</a>
				</li>
				<li>
					<a href={lecturesConsoleUrl(series)}>Named lectures</a>
				</li>
				<li>
					<a href={callsConsoleUrl(series)}>Calls for hosts</a>
				</li>
				<li>
					<a href={newEditionConsoleUrl(series)}>Create an edition directly</a>
				</li>
				<li>
					<a href={templatesConsoleUrl}>Templates</a>
				</li>
				<li>
					<a href={seriesHandoverUrl(series.slug)}>Handover notes</a>
				</li>
				<li>
					<a href={seriesAuditUrl(series)}>Audit log</a>
				</li>
				<li>
					<a href={seriesUrl(series)}>Public page</a>
				</li>
			</ul>
		</nav>
	);
}

export function NewSeriesPage({
	user,
	institutions,
	failed,
}: {
	user: ConsoleUser;
	institutions: readonly Option[];
	failed?: FailedForm;
}) {
	return (
		<ConsoleLayout
			title="Start a series"
			user={user}
			breadcrumb={[{ label: "Console", href: "/console" }, { label: "Start a series" }]}
		>
			<h1>Start a series</h1>
			<p class="lead">
				A series is a recurring symposium. Its founding institution starts it; you become its first steward and can
				invite others.
			</p>
			{institutions.length === 0 ? (
				<p>
					Only owners and admins of an institution can start a series.{" "}
					<a href="/console/institutions#create">Create an institution</a> first, or ask an owner of yours to make you
					an admin.
				</p>
			) : (
				<form method="post" action="/console/series/new">
					<ErrorSummary fields={failed?.fields} />
					<FormFields
						fields={CREATE_SERIES_FIELDS}
						values={{ cadenceYears: 2 }}
						failed={failed}
						refOptions={{ institutions }}
					/>
					<button type="submit">Start the series</button>
				</form>
			)}
		</ConsoleLayout>
	);
}

export function SeriesDetailsPage({
	user,
	series,
	failed,
	notice,
}: {
	user: ConsoleUser;
	series: Series;
	failed?: FailedForm;
	notice?: string;
}) {
	return (
		<ConsoleLayout title={`${series.shortName} details`} user={user} breadcrumb={seriesCrumbs(series)}>
			<h1>{series.name}</h1>
			{notice ? <Notice>{notice}</Notice> : null}
			<SeriesConsoleNav series={series} />
			<h2>Details</h2>
			<p class="meta">
				Public address: <a href={seriesUrl(series)}>{seriesUrl(series)}</a> (it cannot change).
			</p>
			<form method="post" action={seriesConsoleUrl(series)}>
				<ErrorSummary fields={failed?.fields} />
				<FormFields fields={SERIES_FIELDS} values={series} failed={failed} />
				<button type="submit">Save</button>
			</form>
		</ConsoleLayout>
	);
}

export function LecturesPage({
	user,
	series,
	lectures,
	failed,
	notice,
}: {
	user: ConsoleUser;
	series: Series;
	lectures: NamedLecture[];
	failed?: FailedForm;
	notice?: string;
}) {
	return (
		<ConsoleLayout
			title={`${series.shortName} named lectures`}
			user={user}
			breadcrumb={[...seriesCrumbs(series), { label: "Named lectures" }]}
		>
			<h1>
				Named lectures <span class="meta">of {series.shortName}</span>
			</h1>
			{notice ? <Notice>{notice}</Notice> : null}
			<p class="lead">
				Each edition gives every named lecture once; the series page shows who gave it in each edition.
			</p>
			{lectures.length === 0 ? (
				<p>No named lectures yet.</p>
			) : (
				<div class="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">Name</th>
								<th scope="col">In honour of</th>
								<ActionsHeader />
							</tr>
						</thead>
						<tbody>
							{lectures.map((l) => (
								<tr>
									<td>{l.name}</td>
									<td>{l.honoree}</td>
									<td>
										<RowLink href={lectureConsoleUrl(series, l.id)} name={l.name} />
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<section aria-labelledby="add">
				<h2 id="add">Add a named lecture</h2>
				<form method="post" action={lecturesConsoleUrl(series)}>
					<ErrorSummary fields={failed?.fields} />
					<FormFields fields={NAMED_LECTURE_FIELDS} failed={failed} />
					<button type="submit">Add the lecture</button>
				</form>
			</section>
		</ConsoleLayout>
	);
}

export function LecturePage({
	user,
	series,
	lecture,
	failed,
}: {
	user: ConsoleUser;
	series: Series;
	lecture: NamedLecture;
	failed?: FailedForm;
}) {
	return (
		<ConsoleLayout
			title={`Edit ${lecture.name}`}
			user={user}
			breadcrumb={[
				...seriesCrumbs(series),
				{ label: "Named lectures", href: lecturesConsoleUrl(series) },
				{ label: lecture.name },
			]}
		>
			<h1>Edit {lecture.name}</h1>
			<form method="post" action={lectureConsoleUrl(series, lecture.id)}>
				<ErrorSummary fields={failed?.fields} />
				<FormFields fields={NAMED_LECTURE_FIELDS} values={lecture} failed={failed} />
				<button type="submit">Save</button>
			</form>
		</ConsoleLayout>
	);
}
