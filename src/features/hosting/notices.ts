/** What this feature's console pages say after a successful action (see views/form-flow.ts). */
import { defineNotices } from "../../views/form-flow";

export const NOTICES = defineNotices({
	edition_created: "Edition created as a draft. You are its chair.",
	call_opened: "Call for hosts opened. It is on the series page now.",
	call_closed: "Call for hosts closed.",
	proposal_submitted: "Proposal submitted. The stewards will tell you their decision by email.",
	proposal_withdrawn: "Proposal withdrawn.",
	proposal_accepted: "Proposal accepted: the edition is created and every proposer has been told by email.",
	proposal_declined: "Proposal declined: the proposer has been told by email.",
});
