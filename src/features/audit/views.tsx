/** The audit log page of an edition, an institution or a series: filters, the entries, pages, CSV. */
import type { User } from "../../db/schema";
import { ConsoleLayout } from "../../views/console-layout";
import { ErrorSummary, Field } from "../../views/forms";
import type { Crumb } from "../../views/layout";
import { type ListPage, Pager } from "../../views/pager";
import { RowsTable } from "../../views/table";
import { type AuditFilter, type AuditRow, actionWords, actorWords, summaryWords } from "./log";

const minute = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;

export interface AuditLogPageProps {
	user: Pick<User, "name" | "email">;
	/** "AINM 2023", "UMCG", "AINM". */
	ofName: string;
	breadcrumb: Crumb[];
	/** The page's own address (the filter form's action). */
	path: string;
	csvPath: string;
	/** What the log holds, in a sentence. */
	holds: string;
	filter: Partial<AuditFilter>;
	errors?: Record<string, string>;
	page: ListPage<AuditRow>;
}

export function AuditLogPage(props: AuditLogPageProps) {
	const { filter, errors, page } = props;
	const query = new URLSearchParams(
		Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
	).toString();
	return (
		<ConsoleLayout title={`Audit log · ${props.ofName}`} user={props.user} breadcrumb={props.breadcrumb}>
			<h1>
				Audit log <span class="meta">of {props.ofName}</span>
			</h1>
			<p class="lead">
				{props.holds} Every change is recorded when it is made, with who made it and what it changed; entries are never
				edited or removed. Names are shown as the accounts carry them now; a deleted account shows as "removed account".
			</p>
			<search>
				<form method="get" action={props.path}>
					<ErrorSummary fields={errors} />
					<Field
						name="action"
						label="Action starts with"
						hint="e.g. program, program.session or committee.member.added"
						value={filter.action ?? ""}
						error={errors?.action}
					/>
					<Field
						name="actor"
						label="Who"
						hint="an account id, or a system actor such as seed or job:announcements"
						value={filter.actor ?? ""}
						error={errors?.actor}
					/>
					<Field name="from" type="date" label="From" value={filter.from ?? ""} error={errors?.from} />
					<Field name="to" type="date" label="To" value={filter.to ?? ""} error={errors?.to} />
					<button type="submit">Filter</button>
				</form>
			</search>
			<p>
				<a href={query ? `${props.csvPath}?${query}` : props.csvPath} download>
					Download these entries as CSV
				</a>
			</p>
			{page.items.length === 0 ? (
				<p>No entries{query ? " match these filters" : " yet"}.</p>
			) : (
				<RowsTable
					columns={[
						{ label: "When", value: (row) => minute(row.at) },
						{ label: "Who", value: (row) => actorWords(row) },
						{ label: "Action", value: (row) => actionWords(row.action) },
						{ label: "Target", value: (row) => `${row.targetType} ${row.targetId}` },
						{ label: "Changes", value: (row) => summaryWords(row.summary) },
					]}
					rows={page.items}
				/>
			)}
			<Pager page={page} />
		</ConsoleLayout>
	);
}
