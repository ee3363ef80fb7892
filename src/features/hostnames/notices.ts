/** What the host names page says after an action (see views/form-flow.ts). */
import { defineNotices } from "../../views/form-flow";

export const NOTICES = defineNotices({
	host_pending: "Added as pending: create the DNS record shown below, then press “Check now”.",
	host_verified: "Verified: the host name serves the edition's site.",
	host_not_verified: "Checked: control of the host name is not proven yet. The reason is shown below.",
	host_held: "Unmapped: for 30 days the name says the edition has moved, and nobody else can take it without proof.",
});
