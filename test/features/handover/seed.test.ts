/**
 * The AINM 2023 handover dossier of the demo seed (src/cli/seed/ainm-handover.ts): every link
 * points at a real row of the seeded edition, the notes pass the same validation as typed ones,
 * and the demo accounts see what their roles should.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../../src/auth/actor";
import { noteAudience } from "../../../src/auth/policy";
import { EDITION_ID } from "../../../src/cli/seed/ainm";
import {
	ainm2023HandoverNoteLinks,
	ainm2023HandoverNotes,
	ainm2023NoteMessages,
	ainm2023NoteThreads,
} from "../../../src/cli/seed/ainm-handover";
import { handoverNoteLinks, handoverNotes, noteMessages, noteThreads } from "../../../src/db/schema";
import { listLinks } from "../../../src/features/handover/links";
import { listEditionNotes } from "../../../src/features/handover/notes";
import { NoteInputSchema } from "../../../src/features/handover/schemas";
import { searchNotes } from "../../../src/features/handover/search";
import { seed, testDb } from "../../helpers";

beforeAll(async () => {
	await seed();
	const db = testDb();
	// seedDemo may already write these rows; the demo's own ids make a second write a no-op.
	const [first, ...rest] = [
		...ainm2023HandoverNotes.map((row) => db.insert(handoverNotes).values(row).onConflictDoNothing()),
		...ainm2023HandoverNoteLinks.map((row) => db.insert(handoverNoteLinks).values(row).onConflictDoNothing()),
		...ainm2023NoteThreads.map((row) => db.insert(noteThreads).values(row).onConflictDoNothing()),
		...ainm2023NoteMessages.map((row) => db.insert(noteMessages).values(row).onConflictDoNothing()),
	];
	if (first) await db.batch([first, ...rest]);
});

describe("the AINM 2023 handover dossier", () => {
	it("holds 12–20 notes across the topics, mostly for later committees, one public, one private draft", () => {
		const visibilities = ainm2023HandoverNotes.map((n) => n.visibility);
		expect(ainm2023HandoverNotes.length).toBeGreaterThanOrEqual(12);
		expect(ainm2023HandoverNotes.length).toBeLessThanOrEqual(20);
		expect(visibilities.filter((v) => v === "public").length).toBe(1);
		expect(visibilities.filter((v) => v === "private").length).toBe(1);
		expect(new Set(ainm2023HandoverNotes.map((n) => n.topic)).size).toBeGreaterThanOrEqual(10);
	});

	it("passes the validation a typed note gets", () => {
		for (const { topic, title, body, tags, visibility } of ainm2023HandoverNotes) {
			const parsed = NoteInputSchema.safeParse({ topic, title, body, tags, visibility });
			expect({ title, ok: parsed.success, tags: parsed.success ? parsed.data.tags : [] }).toEqual({
				title,
				ok: true,
				tags,
			});
		}
	});

	it("attaches notes only to things the seeded edition has, each link named", async () => {
		const db = testDb();
		for (const note of ainm2023HandoverNotes) {
			const links = await listLinks(db, note.id as string, null);
			for (const link of links) expect(link.label).not.toMatch(/\(removed\)$/);
		}
		const linked = new Set(ainm2023HandoverNoteLinks.map((l) => l.subjectKind));
		expect([...linked].sort()).toEqual([
			"checklist_task",
			"deadline",
			"registration_field",
			"room",
			"ticket_type",
			"track",
		]);
	});

	it("shows the steward every note but the draft, and the committee the draft too", async () => {
		const db = testDb();
		const steward = await listEditionNotes(db, noteAudience(await loadActor(db, "seed-user-steward")), EDITION_ID);
		const reviewer = await listEditionNotes(db, noteAudience(await loadActor(db, "seed-user-reviewer")), EDITION_ID);
		const attendee = await listEditionNotes(db, noteAudience(await loadActor(db, "seed-user-attendee")), EDITION_ID);
		expect(steward.length).toBe(ainm2023HandoverNotes.length - 1);
		expect(reviewer.length).toBe(ainm2023HandoverNotes.length);
		expect(attendee.map((n) => n.note.title)).toEqual(["Catering for about 250 people over three days"]);
	});

	it("is searchable", async () => {
		const db = testDb();
		const audience = noteAudience(await loadActor(db, "seed-user-steward"));
		const found = await searchNotes(db, audience, { seriesId: "seed-series-ainm", query: "special issue" });
		expect(found[0]?.note.id).toBe("seed-2023-note-special-issue");
	});
});
