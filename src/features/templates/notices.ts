/** What this feature's console pages say after a successful action (see views/form-flow.ts). */
import { defineNotices } from "../../views/form-flow";

export const NOTICES = defineNotices({
	template_published: "Template published. Committees see it in the library as its visibility says.",
	template_version_published: "New version published. Earlier versions stay usable.",
	template_forked: "Template forked: it is in your series' library now.",
});
