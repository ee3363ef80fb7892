import { checkHostUrl, editionUrl, hostsConsoleUrl, hostUrl, removeHostUrl } from "../../urls";
import { type EditionContext, EditionPageLayout } from "../../views/edition-page";
import type { FailedForm } from "../../views/form-flow";
import { ActionButton, ErrorSummary, Field, Notice } from "../../views/forms";
import { Layout } from "../../views/layout";
import { RowsTable } from "../../views/table";
import type { SiteTenant } from "../site";
import type { EditionHost } from "./hosts";
import { MAX_FAILED_CHECKS } from "./verification";
import type { VerifierKind } from "./verifier";

const day = (date: Date) => date.toISOString().slice(0, 10);
const minute = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;

/** What a host name's state means for the site, in a sentence: the console and the API say the same. */
export function stateExplanation(host: EditionHost): string {
	switch (host.state) {
		case "pending":
			return host.takeover
				? "Pending takeover: another edition holds this name. It serves nothing here until a check finds this edition's own record."
				: "Pending: serves nothing until a check confirms that you control the name.";
		case "verified":
			return "Verified: serves the edition's site.";
		case "failing":
			return `Failing: still serves the site, but the last check could not confirm it; after ${MAX_FAILED_CHECKS} failed checks in a row it stops.`;
		case "held":
			return `Held until ${host.heldUntil ? day(host.heldUntil) : "—"}: unmapped; it says the edition has moved and links to its address on the main host.`;
		case "legacy":
			return host.graceUntil
				? `Mapped before proof of control was required: serves the site until ${day(host.graceUntil)}, then stops unless verified.`
				: "Mapped before proof of control was required: serves the site for 30 more days, then stops unless verified.";
	}
}

/** The records a host still needs, for names whose control is not (or no longer) confirmed. */
const needsRecords = (host: EditionHost) =>
	host.state !== "verified" && host.state !== "held" && host.records.length > 0;

const VERIFIER_HINTS: Record<VerifierKind, string> = {
	dns: "Create the TXT record at the DNS provider of the name, and point the name at Baton. Then press “Check now”; Baton also checks every day.",
	cloudflare:
		"Create Cloudflare's ownership record at the DNS provider of the name and point the name at Baton with a CNAME; Cloudflare then validates it. Press “Check now” to ask for its status; Baton also checks every day.",
	fake: "Development: the fake verifier reads an in-memory DNS zone, not the real one.",
};

/** An edition's custom host names: states, records and checks, and for chairs and stewards the forms. */
export function HostsPage(
	props: EditionContext & {
		hosts: EditionHost[];
		canManage: boolean;
		mainHost: string;
		verifier: VerifierKind;
		notice?: string;
		failed?: FailedForm;
	},
) {
	const { edition, hosts, canManage, failed } = props;
	const legacy = hosts.filter((host) => host.state === "legacy");
	const withRecords = hosts.filter(needsRecords);
	return (
		<EditionPageLayout edition={edition} user={props.user} page="Host names">
			{props.notice ? <Notice>{props.notice}</Notice> : null}
			{legacy.map((host) => (
				<p class="notice" role="alert">
					<strong>{host.hostname} is not verified.</strong> {stateExplanation(host)}{" "}
					{host.records.length > 0
						? "Create the record below and press “Check now”."
						: "Press “Check now” to get the DNS record to create."}
				</p>
			))}
			<p>
				A host name of its own, such as <code>ainm2025.example.org</code>, serves the edition's public site at its root
				once you have proven that you control it, with a DNS record only the name's owner can create. The console and
				sign-in stay on {props.mainHost}. The site is served there only while the edition is published, held or
				archived.
			</p>
			{hosts.length === 0 ? (
				<p>No host names yet: the site is served at its address on {props.mainHost} only.</p>
			) : (
				<RowsTable
					columns={[
						{
							label: "Host name",
							value: (host) => (
								<>
									<a href={hostUrl(host.hostname)}>{host.hostname}</a>
									{host.serving && host === hosts.find((h) => h.serving) ? (
										<span class="meta"> (canonical)</span>
									) : null}
								</>
							),
						},
						{
							label: "State",
							value: (host) => (
								<>
									<span class="badge">{host.takeover ? "pending takeover" : host.state}</span> {stateExplanation(host)}
								</>
							),
						},
						{
							label: "Last check",
							value: (host) => (
								<>
									{host.lastCheckedAt ? minute(host.lastCheckedAt) : "Not checked yet"}
									{host.lastCheckError ? <span class="meta"> — {host.lastCheckError}</span> : null}
								</>
							),
						},
					]}
					rows={hosts}
					action={
						canManage
							? (host) => (
									<>
										{host.state !== "held" ? (
											<ActionButton
												action={checkHostUrl(edition.id, host.hostname)}
												label={`Check ${host.hostname} now`}
											/>
										) : null}
										<ActionButton
											action={removeHostUrl(edition.id, host.hostname)}
											label={`Remove ${host.hostname}`}
											danger
										/>
									</>
								)
							: undefined
					}
				/>
			)}
			{withRecords.length > 0 ? (
				<section aria-labelledby="records">
					<h2 id="records">DNS records to create</h2>
					<p>{VERIFIER_HINTS[props.verifier]}</p>
					<RowsTable
						columns={[
							{ label: "For", value: (row) => row.hostname },
							{ label: "Type", value: (row) => row.record.type },
							{ label: "Name", value: (row) => <code>{row.record.name}</code> },
							{ label: "Value", value: (row) => <code>{row.record.value}</code> },
						]}
						rows={withRecords.flatMap((host) => host.records.map((record) => ({ hostname: host.hostname, record })))}
					/>
				</section>
			) : null}
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
							hint="Only the name: no https://, port or path. It serves nothing until you prove control with a DNS record."
							maxlength={253}
						/>
						<button type="submit">Add host name</button>
					</form>
				</section>
			) : (
				<p class="meta">The edition's chairs and the series' stewards add, check and remove host names.</p>
			)}
		</EditionPageLayout>
	);
}

/**
 * What a held host name answers: the edition has moved, with the link to its address on the main
 * host. It names this edition only (a custom host never reveals other editions).
 */
export function movedPage(props: { tenant: SiteTenant; hostname: string; origin: string }) {
	const { edition, series } = props.tenant;
	const target = `${props.origin}${editionUrl(series, edition)}`;
	return (
		<Layout title={`${edition.name} has moved`} platformOrigin={props.origin}>
			<h1>{edition.name} has moved</h1>
			<p>
				The site of {edition.name} is no longer served at {props.hostname}. It is at <a href={target}>{target}</a>.
			</p>
		</Layout>
	);
}
