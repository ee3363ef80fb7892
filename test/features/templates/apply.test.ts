/**
 * Applying a template where other things of the edition depend on what it replaces: organizer
 * reminders are resolved against the call for abstracts the edition will have (and said to wait
 * when it has none), and handover notes attached to the replaced rows are detached in the same
 * batch that removes the rows (the notes stay; no link is left pointing at a removed row).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../../src/db/client";
import { applyTemplate, previewTemplateApply } from "../../../src/features/templates/apply";
import { parseTemplateDocument } from "../../../src/features/templates/document";
import {
	findTemplate,
	findVersionDocument,
	type TemplateVersionDocument,
} from "../../../src/features/templates/library";
import { createTestUser, type TestUser } from "../../auth-helpers";
import { testDb } from "../../helpers";
import { AINM, createEdition, editionSnapshot, observedD1, rowsOf } from "../cloning/helpers";
import { insertNote } from "../handover/helpers";
import { documentWith, seedWithTemplates } from "./helpers";

const BUILTIN = "builtin:biennial-academic-symposium";
const q = (sql: string, ...binds: unknown[]) => env.DB.prepare(sql).bind(...binds);

let chair: TestUser;
let builtin: TemplateVersionDocument;

beforeAll(async () => {
	await seedWithTemplates();
	chair = await createTestUser("chair");
	const info = await findTemplate(testDb(), BUILTIN);
	if (!info) throw new Error("no built-in template");
	builtin = await findVersionDocument(testDb(), info);
});

/** The built-in's identity with another document: a template holding exactly `parts`. */
function templateWith(parts: Record<string, unknown>): TemplateVersionDocument {
	const parsed = parseTemplateDocument(documentWith(parts));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
	return { ...builtin, document: parsed.document };
}

describe("organizer reminders from a template", () => {
	const EDITION = "tpl-apply-reminders-2057";

	beforeAll(async () => {
		// 8–10 October 2057, no call for abstracts yet, one reminder of its own already sent.
		await createEdition({ id: EDITION, year: 2057, start: "2057-10-08", end: "2057-10-10" });
		await q(
			"insert into organizer_reminders (id, edition_id, anchor, offset_days, role, subject, sent_at) values ('tpl-apply-old-reminder', ?, 'event_start', -3, 'chair', 'Old reminder', 1000)",
			EDITION,
		).run();
	});

	it("resolves the ones counted from day 1 and the last day, and says the call's wait for a call", async () => {
		const preview = await previewTemplateApply(testDb(), {
			targetEditionId: EDITION,
			source: builtin,
			parts: ["organizer_reminders"],
			userId: chair.id,
		});

		expect(preview.deadlines.map((d) => [d.part, d.label, d.moment.text])).toEqual([
			[
				"organizer_reminders",
				"Reminder to the chairs: T−30 days: final program check for {{edition.name}}",
				"Saturday 8 September 2057, 09:00 (UTC+02:00)",
			],
			[
				"organizer_reminders",
				"Reminder to the organizers: Two weeks to {{edition.name}}: badges, booklet and volunteers",
				"Monday 24 September 2057, 09:00 (UTC+02:00)",
			],
			[
				"organizer_reminders",
				"Reminder to the chairs: {{edition.name}}: evaluation results and thank-you notes",
				"Wednesday 17 October 2057, 09:00 (UTC+02:00)",
			],
		]);
		expect(preview.warnings).toEqual([
			"3 organizer reminders count from the call for abstracts, which AINM 2057 does not have: they go out once it has one.",
		]);
		expect(preview.parts.map((p) => p.summary)).toEqual(["replaces 1 organizer reminder with 6"]);
	});

	it("counts from the call the template brings, when it brings one", async () => {
		const preview = await previewTemplateApply(testDb(), {
			targetEditionId: EDITION,
			source: builtin,
			parts: ["abstract_call", "organizer_reminders"],
			userId: chair.id,
		});

		const reminders = preview.deadlines.filter((d) => d.part === "organizer_reminders");
		// The call opens 240 and closes 100 days before day 1 (at 23:59): the reminders count from those days.
		expect(reminders.map((d) => d.moment.date)).toEqual([
			"2057-01-27",
			"2057-06-23",
			"2057-07-01",
			"2057-09-08",
			"2057-09-24",
			"2057-10-17",
		]);
		expect(preview.warnings).toEqual([]);
	});

	it("writes them unsent with their placeholders, replacing the edition's own", async () => {
		await applyTemplate(testDb(), {
			targetEditionId: EDITION,
			source: builtin,
			parts: ["organizer_reminders"],
			userId: chair.id,
		});

		expect(
			await rowsOf(
				"select anchor, offset_days, role, subject, sent_at, position from organizer_reminders where edition_id = ? order by position",
				EDITION,
			),
		).toEqual(
			(builtin.document.parts.organizer_reminders ?? []).map((r) => ({
				anchor: r.anchor,
				offset_days: r.offsetDays,
				role: r.role,
				subject: r.subject,
				sent_at: null,
				position: r.position,
			})),
		);
		expect(
			await rowsOf("select subject from organizer_reminders where edition_id = ? and position = 2", EDITION),
		).toEqual([{ subject: "{{edition.name}}: the call for abstracts closes in 7 days" }]);
	});
});

describe("handover notes attached to what a template replaces", () => {
	const EDITION = "tpl-apply-links-2059";
	const LATER = "tpl-apply-links-2061";
	let noteId = "";
	let laterNoteId = "";

	const links = () =>
		rowsOf(
			"select note_id, edition_id, subject_kind, subject_id from handover_note_links where note_id in (?, ?) order by edition_id, subject_kind, subject_id, note_id",
			noteId,
			laterNoteId,
		);

	beforeAll(async () => {
		await createEdition({ id: EDITION, year: 2059, start: "2059-10-06", end: "2059-10-08" });
		await createEdition({ id: LATER, year: 2061, start: "2061-10-03", end: "2061-10-05" });
		await env.DB.batch([
			q(
				"insert into checklist_tasks (id, edition_id, title, due_offset_days) values ('tpl-ap-task', ?, 'Print badges', -7), ('tpl-ap-task-later', ?, 'Print badges', -7)",
				EDITION,
				LATER,
			),
			q(
				"insert into email_texts (id, edition_id, key, subject) values ('tpl-ap-text', ?, 'registration-confirmation', 'You are registered')",
				EDITION,
			),
			q(
				"insert into ticket_types (id, edition_id, name, sales_open_offset_days, sales_close_offset_days) values ('tpl-ap-ticket', ?, 'Student', -240, -3)",
				EDITION,
			),
			q(
				"insert into abstract_calls (edition_id, opens_offset_days, closes_offset_days) values (?, -240, -100)",
				EDITION,
			),
		]);
		noteId = await insertNote({
			id: "tpl-ap-note-a",
			seriesId: AINM,
			editionId: EDITION,
			title: "Badges: print a spare set",
		});
		laterNoteId = await insertNote({ id: "tpl-ap-note-b", seriesId: AINM, editionId: LATER, title: "Badges again" });
		await env.DB.batch(
			(
				[
					// Things of this edition, two of which the checklist and the email texts hold…
					[noteId, EDITION, "checklist_task", "tpl-ap-task"],
					[noteId, EDITION, "email_text", "tpl-ap-text"],
					[noteId, EDITION, "ticket_type", "tpl-ap-ticket"],
					[noteId, EDITION, "deadline", "abstract_call.closes"],
					// …and the copies of a later edition, which applying here does not touch.
					[noteId, LATER, "checklist_task", "tpl-ap-task-later"],
					[laterNoteId, LATER, "checklist_task", "tpl-ap-task-later"],
				] as const
			).map((link) =>
				q(
					"insert into handover_note_links (note_id, edition_id, subject_kind, subject_id) values (?, ?, ?, ?)",
					...link,
				),
			),
		);
	});

	const input = (source: TemplateVersionDocument, parts: ("checklist" | "email_texts" | "abstract_call")[]) => ({
		targetEditionId: EDITION,
		source,
		parts,
		userId: chair.id,
	});

	it("says before applying how many attachments go", async () => {
		const preview = await previewTemplateApply(testDb(), input(builtin, ["checklist", "email_texts"]));

		expect(preview.warnings).toEqual([
			"Handover notes are attached to 2 things this replaces: they are detached (the notes stay), so attach them to the new rows where they still apply.",
		]);
	});

	it("keeps every link when the write fails: the detaching is part of the one batch", async () => {
		const before = { links: await links(), edition: await editionSnapshot(EDITION) };
		const broken = q("insert into rooms (id, edition_id, name) values ('tpl-ap-ghost', 'no-such-edition', 'Ghost')");
		const observed = observedD1(env.DB, { rewrite: (statements) => [...statements, broken] });

		const failed = applyTemplate(createDatabase(observed.db), input(builtin, ["checklist", "email_texts"]));

		await expect(failed).rejects.toThrow(/FOREIGN KEY constraint failed/);
		expect(observed.batches).toHaveLength(1);
		expect({ links: await links(), edition: await editionSnapshot(EDITION) }).toEqual(before);
	});

	it("detaches the notes from the replaced rows only, in the apply's batch; the notes stay", async () => {
		await applyTemplate(testDb(), input(builtin, ["checklist", "email_texts"]));

		expect(await links()).toEqual([
			{ note_id: noteId, edition_id: EDITION, subject_kind: "deadline", subject_id: "abstract_call.closes" },
			{ note_id: noteId, edition_id: EDITION, subject_kind: "ticket_type", subject_id: "tpl-ap-ticket" },
			{ note_id: noteId, edition_id: LATER, subject_kind: "checklist_task", subject_id: "tpl-ap-task-later" },
			{ note_id: laterNoteId, edition_id: LATER, subject_kind: "checklist_task", subject_id: "tpl-ap-task-later" },
		]);
		expect(await rowsOf("select id from checklist_tasks where id = 'tpl-ap-task'")).toEqual([]);
		expect(await rowsOf("select title from handover_notes where id = ?", noteId)).toEqual([
			{ title: "Badges: print a spare set" },
		]);
	});

	it("keeps the call's deadlines when a new call replaces it, and detaches them when none does", async () => {
		await applyTemplate(testDb(), input(builtin, ["abstract_call"]));
		const withCall = await links();

		await applyTemplate(testDb(), input(templateWith({ abstract_call: { call: null } }), ["abstract_call"]));

		expect(withCall.filter((l) => l.subject_kind === "deadline")).toEqual([
			{ note_id: noteId, edition_id: EDITION, subject_kind: "deadline", subject_id: "abstract_call.closes" },
		]);
		expect(await rowsOf("select edition_id from abstract_calls where edition_id = ?", EDITION)).toEqual([]);
		expect((await links()).filter((l) => l.subject_kind === "deadline")).toEqual([]);
		expect(await links()).toHaveLength(3);
	});
});
