/** What this feature's console pages say after a successful action (see views/form-flow.ts). */
import { defineNotices } from "../../views/form-flow";

export const NOTICES = defineNotices({
	debrief_saved:
		"Thank you: your answers are saved as draft handover notes, private to the committee until you share them.",
});
