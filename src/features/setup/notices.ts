/** What this feature's console pages say after a successful action (see views/form-flow.ts). */
import { defineNotices } from "../../views/form-flow";

export const NOTICES = defineNotices({
	cloned: "Copied from the previous edition. Check the texts and dates before you publish.",
	setup_blank: "Starting blank: nothing was copied.",
	template_applied: "Template applied. Check the texts and dates before you publish.",
});
