/** What this feature's console pages say after a successful action (see views/form-flow.ts). */
import { defineNotices } from "../../views/form-flow";

export const NOTICES = defineNotices({
	created: "Institution created. You are its owner.",
	left: "You left the institution.",
	transferred: "Ownership transferred. You are now an admin.",
});
