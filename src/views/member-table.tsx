/**
 * The table of people on a console page (series stewards, an edition's committee, an
 * institution's members): name with "(you)", email, an optional role column and an
 * optional last column of actions, which only shows when `action` is given.
 */
import type { Child } from "hono/jsx";
import { ActionsHeader } from "./table";

export interface MemberRow {
	userId: string;
	name: string;
	email: string;
}

export function MemberTable<M extends MemberRow>(props: {
	members: M[];
	/** The signed-in user, marked "(you)". */
	currentUserId: string;
	/** The role column's text; no role column without it. */
	role?: (m: M) => Child;
	/** The actions cell's content; no actions column without it. */
	action?: (m: M) => Child;
}) {
	const { members, currentUserId, role, action } = props;
	return (
		<div class="table-wrap wide">
			<table>
				<thead>
					<tr>
						<th scope="col">Name</th>
						<th scope="col">Email</th>
						{role ? <th scope="col">Role</th> : null}
						{action ? <ActionsHeader /> : null}
					</tr>
				</thead>
				<tbody>
					{members.map((m) => (
						<tr>
							<td>
								{m.name}
								{m.userId === currentUserId ? <span class="meta"> (you)</span> : null}
							</td>
							<td>{m.email}</td>
							{role ? <td>{role(m)}</td> : null}
							{action ? <td>{action(m)}</td> : null}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
