/**
 * The organizer reminders page on the committee's console. It answers GET at the reminders
 * collection's own address (so mount it before the content pages): adding, editing and removing
 * stay with the collection's routes, whose forms this page links and shows.
 */
import { Hono } from "hono";
import { currentActor, requireAuth, requireSignedInPage } from "../../auth/guard";
import { can } from "../../auth/policy";
import { authorizedEdition } from "../../domain/edition-access";
import { editionResource } from "../../domain/editions";
import type { AppEnv } from "../../env";
import { noticeFrom } from "../../views/form-flow";
import { remindersUrl } from "./job";
import { loadReminderSchedule } from "./schedule";
import { RemindersPage } from "./views";

export const reminderPages = new Hono<AppEnv>().get(remindersUrl(":id"), requireSignedInPage, async (c) => {
	const found = await authorizedEdition(c, "edition.view", c.req.param("id") ?? "");
	const canEdit = can(await currentActor(c), "edition.update", editionResource(found.edition));
	const entries = await loadReminderSchedule(c.var.db, found.edition);
	return c.html(
		<RemindersPage {...found} user={requireAuth(c).user} entries={entries} canEdit={canEdit} notice={noticeFrom(c)} />,
	);
});
