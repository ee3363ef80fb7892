import { defineNotices } from "../../views/form-flow";

export const NOTICES = defineNotices({
	registered_by_committee: "Registered and confirmed.",
	registered_over_capacity: "Registered and confirmed, over capacity: the committee's override is in the audit log.",
	bulk_mail_queued: "The mail is queued for every recipient.",
});
