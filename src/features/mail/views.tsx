/** The edition's Mail page: every mail sent for the edition and where it is. */
import type { MailState } from "../../db/schema";
import { type EditionContext, EditionPageLayout } from "../../views/edition-page";
import { RowsTable } from "../../views/table";
import { EDITION_MAIL_LIMIT, type EditionMail } from "./mail-log";

const minute = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;

/** What a state means, in the words the page and the API use. */
export const MAIL_STATE_MEANINGS: Record<MailState, string> = {
	queued: "on its way: written, waiting for the mail provider or retried after a failure",
	sent: "the mail provider took it",
	failed: "given up after every retry failed: it was not sent",
	bounced: "the recipient's server refused it after sending",
};

function stateOf(mail: EditionMail) {
	if (mail.state === "queued" && mail.attempts > 0) return `queued (retrying after ${mail.attempts} failed attempts)`;
	return mail.state;
}

export function MailPage(props: EditionContext & { mails: EditionMail[] }) {
	const { edition, mails } = props;
	return (
		<EditionPageLayout edition={edition} user={props.user} page="Mail">
			<p>
				The newest {EDITION_MAIL_LIMIT} emails Baton sent for {edition.name}: invitations to its committee, reminders,
				the debrief and host name notices. A mail is written before it is sent and retried until the mail provider takes
				it, so none is lost.
			</p>
			<dl class="facts">
				{Object.entries(MAIL_STATE_MEANINGS).map(([state, meaning]) => (
					<>
						<dt>{state}</dt>
						<dd>{meaning}</dd>
					</>
				))}
			</dl>
			{mails.length === 0 ? (
				<p>No mail yet.</p>
			) : (
				<RowsTable
					columns={[
						{ label: "Written", value: (mail) => minute(mail.createdAt) },
						{ label: "To", value: (mail) => mail.to },
						{ label: "Subject", value: (mail) => mail.subject },
						{ label: "State", value: (mail) => <span class={`badge mail-${mail.state}`}>{stateOf(mail)}</span> },
						{
							label: "Details",
							value: (mail) =>
								(mail.sentAt ? `sent ${minute(mail.sentAt)}` : "") + (mail.error ? ` ${mail.error}` : ""),
						},
					]}
					rows={mails}
				/>
			)}
		</EditionPageLayout>
	);
}
