/**
 * The texts of follower mails. Each says why it arrives and how to stop it, since anyone can type
 * someone else's address into the follow form.
 */
import type { ANNOUNCEMENT_KINDS, Edition, Series } from "../../db/schema";
import { formatDateRange } from "../../lib/dates";
import type { MailMessage } from "../../lib/mailer";

type SeriesRef = Pick<Series, "name" | "shortName">;

const SIGNATURE = "\n\n— Baton";

export function confirmFollowMail(input: { to: string; series: SeriesRef; confirmUrl: string }): MailMessage {
	const { series } = input;
	return {
		to: input.to,
		subject: `Confirm that you want news about ${series.shortName}`,
		text: `Hello,\n\nsomeone (we hope you) asked Baton to email this address when a new edition of ${series.name} is announced, when its call for abstracts opens and when its registration opens.\n\nTo confirm, open this link and press the button:\n\n${input.confirmUrl}\n\nIf you did not ask for this, ignore this mail: we will not write again.${SIGNATURE}`,
	};
}

export function alreadyFollowingMail(input: { to: string; series: SeriesRef; unfollowUrl: string }): MailMessage {
	const { series } = input;
	return {
		to: input.to,
		subject: `You already follow ${series.shortName}`,
		kind: "follower",
		unsubscribeUrl: input.unfollowUrl,
		text: `Hello,\n\nsomeone (perhaps you) asked Baton again to email this address news about ${series.name}. This address already gets it, so nothing has changed.\n\nTo stop these mails, open this link and press the button:\n\n${input.unfollowUrl}${SIGNATURE}`,
	};
}

export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

export interface AnnouncementText {
	kind: AnnouncementKind;
	series: SeriesRef;
	edition: Pick<Edition, "name" | "startDate" | "endDate" | "city" | "hostName" | "venueName">;
	/** Full address of the edition's subsite. */
	editionUrl: string;
	/** "15 March 2025, 23:59 (Europe/Amsterdam)": when the call or the sales close. */
	closes?: string;
}

/** The subject and body of an announcement; the footer with the follower's own link is added per mail. */
export function announcementText({ kind, series, edition, editionUrl, closes }: AnnouncementText) {
	const dates = formatDateRange(edition.startDate, edition.endDate);
	const place = [edition.venueName, edition.city].filter(Boolean).join(", ");
	const where = place ? ` at ${place}` : "";
	const until = closes ? ` until ${closes}` : "";
	switch (kind) {
		case "edition_announced":
			return {
				subject: `${edition.name} is announced: ${dates}`,
				body: `The next edition of ${series.name}, ${edition.name}, takes place on ${dates}${where}${edition.hostName ? `, hosted by ${edition.hostName}` : ""}.\n\nProgram, venue and dates: ${editionUrl}`,
			};
		case "abstracts_open":
			return {
				subject: `${edition.name}: the call for abstracts is open`,
				body: `The call for abstracts of ${edition.name} (${dates}${where}) is open${until}.\n\nTopics and how to submit: ${editionUrl}/abstracts`,
			};
		case "registration_open":
			return {
				subject: `${edition.name}: registration is open`,
				body: `Registration for ${edition.name} (${dates}${where}) is open${until}.\n\nTickets and prices: ${editionUrl}/register`,
			};
	}
}

/** One follower's copy of an announcement, with the link that stops the mails in one click. */
export function announcementMail(
	text: { subject: string; body: string },
	input: { to: string; series: SeriesRef; unfollowUrl: string },
): MailMessage {
	return {
		to: input.to,
		subject: text.subject,
		// Series-wide news: no edition's committee sees who follows (stewards never see addresses).
		kind: "announcement",
		unsubscribeUrl: input.unfollowUrl,
		text: `Hello,\n\n${text.body}\n\nYou get this mail because you follow ${input.series.name} on Baton. To stop, open this link and press the button:\n${input.unfollowUrl}${SIGNATURE}`,
	};
}
