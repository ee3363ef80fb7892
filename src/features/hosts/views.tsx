import { hostsConsoleUrl, hostUrl, removeHostUrl } from "../../urls";
import { type EditionContext, EditionPageLayout } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { ActionButton, ErrorSummary, Field, Notice } from "../../views/forms";
import { ActionsHeader } from "../../views/table";
import type { EditionHost } from "./hosts";

/** An edition's custom host names: the list, and for chairs and stewards the forms to add and remove. */
export function HostsPage(
	props: EditionContext & {
		hosts: EditionHost[];
		canManage: boolean;
		mainHost: string;
		notice?: string;
		failed?: FailedForm;
	},
) {
	const { edition, hosts, canManage, failed } = props;
	return (
		<EditionPageLayout edition={edition} user={props.user} page="Host names">
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			<p>
				A host name of its own, such as <code>ainm2025.example.org</code>, serves the edition's public site at its root.
				The console and sign-in stay on {props.mainHost}. The site is served there only while the edition is published,
				held or archived, and once the name's DNS points to Baton.
			</p>
			{hosts.length === 0 ? (
				<p>No host names yet: the site is served at its address on {props.mainHost} only.</p>
			) : (
				<div class="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">Host name</th>
								<th scope="col">Added</th>
								{canManage ? <ActionsHeader /> : null}
							</tr>
						</thead>
						<tbody>
							{hosts.map((host, i) => (
								<tr>
									<td>
										<a href={hostUrl(host.hostname)}>{host.hostname}</a>
										{i === 0 ? <span class="meta"> (canonical)</span> : null}
									</td>
									<td>{host.createdAt.toISOString().slice(0, 10)}</td>
									{canManage ? (
										<td>
											<ActionButton
												action={removeHostUrl(edition.id, host.hostname)}
												label={`Remove ${host.hostname}`}
												danger
											/>
										</td>
									) : null}
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			{canManage ? (
				<section aria-labelledby="add-host">
					<h2 id="add-host">Add a host name</h2>
					<form method="post" action={hostsConsoleUrl(edition.id)}>
						<ErrorSummary fields={failed?.fields} />
						<Field
							name="hostname"
							label="Host name"
							required
							value={failed?.values.hostname ?? ""}
							error={failed?.fields.hostname}
							hint="Only the name: no https://, port or path. A host name serves one edition only."
							maxlength={253}
						/>
						<button type="submit">Add host name</button>
					</form>
				</section>
			) : (
				<p class="meta">The edition's chairs and the series' stewards add and remove host names.</p>
			)}
		</EditionPageLayout>
	);
}
