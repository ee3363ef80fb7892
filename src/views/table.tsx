/**
 * The pieces of a console table with a last column of row actions, so every such table names its
 * actions the same way for screen readers.
 */
import type { Child } from "hono/jsx";

/** The actions column's header: empty to the eye, "Actions" to a screen reader. */
export function ActionsHeader() {
	return (
		<th scope="col">
			<span class="visually-hidden">Actions</span>
		</th>
	);
}

/**
 * A row's action link that says which row it acts on ("Edit Rooms 2025"), since a list of links
 * that all read "Edit" tells a screen-reader user nothing.
 */
export function RowLink({ href, name, label = "Edit" }: { href: string; name: string; label?: string }) {
	return (
		<a href={href}>
			{label}
			<span class="visually-hidden"> {name}</span>
		</a>
	);
}

/** One column of a RowsTable: its header and what a row shows in it. */
export interface Column<R> {
	label: string;
	value: (row: R) => Child;
}

/**
 * A list of rows as a table that scrolls sideways on a phone, with a last column of row actions
 * only when `action` is given (readers without the right to act get no empty column).
 */
export function RowsTable<R>(props: {
	columns: readonly Column<R>[];
	rows: readonly R[];
	action?: (row: R) => Child;
	/** A class for a row, e.g. "overdue". */
	rowClass?: (row: R) => string | undefined;
}) {
	const { columns, action, rowClass } = props;
	return (
		<div class="table-wrap">
			<table>
				<thead>
					<tr>
						{columns.map((column) => (
							<th scope="col">{column.label}</th>
						))}
						{action ? <ActionsHeader /> : null}
					</tr>
				</thead>
				<tbody>
					{props.rows.map((row) => (
						<tr class={rowClass?.(row)}>
							{columns.map((column) => (
								<td>{column.value(row)}</td>
							))}
							{action ? <td>{action(row)}</td> : null}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
