/** What this feature's console pages say after a successful action (see views/form-flow.ts). */
import { defineNotices } from "../../views/form-flow";

export const NOTICES = defineNotices({
	copied_text_reviewed: "Marked reviewed.",
	copied_texts_reviewed: "Every copied text is marked reviewed.",
});
