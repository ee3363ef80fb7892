/** What this feature's console pages say after a successful action (see views/form-flow.ts). */
import { defineNotices } from "../../views/form-flow";

export const NOTICES = defineNotices({
	published: "Published: the edition's site is public now.",
	unpublished: "Back to draft: only the committee and the stewards see the site now.",
	held: "Marked as held: the site stays public.",
	archived: "Archived: the edition's content is read-only now.",
	fact_accepted: "Marked right as it is: this mention no longer blocks publishing.",
	fact_unaccepted: "Mark removed: this mention blocks publishing again until it is fixed or marked.",
});
