/// <reference types="vite/client" />
/**
 * The template document: every built-in template in `templates/` validates (so a broken one fails
 * here, not in a committee's hands) and holds what the starter kit promises; invalid documents
 * are refused with the path of each bad field, through the feature function and the API; the
 * seeded "AINM symposium" template validates and is exactly what AINM 2023 holds.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ainmSymposiumDocument } from "../../../src/cli/seed/ainm-templates";
import { readEditionParts } from "../../../src/features/cloning/edition-parts";
import { BUILTIN_FILES, BUILTIN_PROBLEMS, BUILTINS } from "../../../src/features/templates/builtins";
import { parseTemplateDocument, partsOf } from "../../../src/features/templates/document";
import { createTestUser, sendJson, type TestUser } from "../../auth-helpers";
import { testDb } from "../../helpers";
import { AINM_2023 } from "../cloning/helpers";
import { documentWith, seedWithTemplates } from "./helpers";

let user: TestUser;

beforeAll(async () => {
	await seedWithTemplates();
	user = await createTestUser("author");
});

describe("built-in templates", () => {
	it("lists every file of templates/ once, and every one validates", () => {
		// Vite finds the files at build time; Workers have no filesystem to list them at run time.
		const files = Object.keys(import.meta.glob("../../../templates/*.json"))
			.map((path) => path.replace(/^.*\/(.+)\.json$/, "$1"))
			.sort();

		expect(BUILTIN_FILES.map((f) => f.slug).sort()).toEqual(files);
		expect(BUILTIN_PROBLEMS).toEqual([]);
		expect(BUILTINS.map((b) => b.ref).sort()).toEqual(files.map((slug) => `builtin:${slug}`));
	});

	it("gives the biennial academic symposium everything the starter kit promises", () => {
		const builtin = BUILTINS.find((b) => b.slug === "biennial-academic-symposium");
		const parts = builtin?.document.parts;

		expect(builtin && partsOf(builtin.document)).toEqual([
			"pages",
			"rooms_tracks",
			"program",
			"registration",
			"abstract_call",
			"evaluation",
			"checklist",
			"organizer_reminders",
			"sponsor_tiers",
			"email_texts",
		]);
		const program = parts?.program ?? [];
		expect([...new Set(program.map((s) => s.day))]).toEqual([1, 2, 3]);
		expect(parts?.rooms_tracks?.tracks.map((t) => t.audience)).toEqual([
			"clinicians",
			"physicists and technical specialists",
		]);
		// Every parallel slot runs both tracks side by side.
		const trackSlots = program.filter((s) => s.kind === "track");
		expect(trackSlots).toHaveLength(10);
		for (const slot of trackSlots) {
			expect(
				trackSlots.filter((s) => s.day === slot.day && s.startTime === slot.startTime).map((s) => s.track),
			).toEqual(["Clinical track", "Physics and technology track"]);
		}
		expect(program.filter((s) => s.kind === "named_lecture").map((s) => [s.day, s.title, s.namedLecture])).toEqual([
			[1, "Named lecture I", null],
			[2, "Named lecture II", null],
		]);
		expect(program.filter((s) => s.kind === "panel").map((s) => [s.day, s.title])).toEqual([
			[3, "Joint panel discussion"],
		]);
		expect(parts?.registration?.ticketTypes.map((t) => t.name)).toEqual([
			"Early bird",
			"Regular",
			"Student (PhD students and residents)",
		]);
		expect(parts?.abstract_call?.call?.specialIssue).toBe(
			"Special issue of the series' partner journal: selected abstracts of {{edition.name}}",
		);
		expect(parts?.evaluation?.length).toBeGreaterThanOrEqual(6);
		// T−18 months to T+2 months.
		const due = (parts?.checklist ?? []).map((t) => t.dueOffsetDays);
		expect([Math.min(...due), Math.max(...due)]).toEqual([-540, 60]);
		// Reminders at the turning points, placeholders left for the moment they are sent.
		expect(parts?.organizer_reminders?.map((r) => [r.anchor, r.offsetDays, r.role, r.subject, r.position])).toEqual([
			["abstracts_open", -14, "organizer", "{{edition.name}}: the call for abstracts opens in two weeks", 1],
			["abstracts_close", -7, "chair", "{{edition.name}}: the call for abstracts closes in 7 days", 2],
			["abstracts_close", 1, "reviewer", "The abstract review of {{edition.name}} starts today", 3],
			["event_start", -30, "chair", "T−30 days: final program check for {{edition.name}}", 4],
			["event_start", -14, "organizer", "Two weeks to {{edition.name}}: badges, booklet and volunteers", 5],
			["event_end", 7, "chair", "{{edition.name}}: evaluation results and thank-you notes", 6],
		]);
		expect(parts?.email_texts?.map((t) => t.key)).toEqual([
			"registration-confirmation",
			"abstract-received",
			"abstract-accepted",
			"abstract-rejected",
			"call-for-abstracts-open",
			"evaluation-invitation",
		]);
	});
});

describe("invalid documents", () => {
	const task = { title: "Book the venue", ownerRole: "organizer", dueOffsetDays: -480 };

	it("names the path of every bad field", () => {
		const result = parseTemplateDocument(
			documentWith({
				checklist: [task, task, task, { ...task, dueOffsetDays: "soon" }, { ...task, ownerRole: "caterer" }],
				pages: [
					{ slug: "home", title: "Home" },
					{ slug: "home", title: "Welcome to {{edition.nmae}}" },
				],
				registration: {
					ticketTypes: [{ name: "Regular", salesOpenOffsetDays: -10, salesCloseOffsetDays: -20 }],
				},
				rooms_tracks: { rooms: [{ name: "Hall A", colour: "red" }] },
				organizer_reminders: [
					{ subject: "Call closes soon", anchor: "abstracts_close", offsetDays: -7 },
					{ subject: "{{edition.nam}}", anchor: "the_dinner", offsetDays: -7, sentAt: 1 },
				],
			}),
		);

		expect(result).toEqual({
			ok: false,
			fields: {
				"parts.checklist.3.dueOffsetDays": "Enter a whole number.",
				"parts.checklist.4.ownerRole": "Choose one of the options.",
				// The repeated slug "home" is reported once the pages' own fields are valid (below).
				"parts.pages.1.title":
					"{{edition.nmae}} is not a placeholder: use {{edition.name}}, {{edition.year}}, {{edition.city}}, {{edition.dates}}, {{host.name}}, {{venue.name}}, {{venue.address}}, {{contact.email}} or {{committee}}.",
				"parts.registration.ticketTypes.0.salesCloseOffsetDays": "Sales must close after they open.",
				"parts.rooms_tracks.rooms.0": 'Unrecognized key: "colour"',
				// A reminder is written unsent: a template cannot say it was sent.
				"parts.organizer_reminders.1": 'Unrecognized key: "sentAt"',
				"parts.organizer_reminders.1.anchor": "Choose one of the options.",
				"parts.organizer_reminders.1.subject":
					"{{edition.nam}} is not a placeholder: use {{edition.name}}, {{edition.year}}, {{edition.city}}, {{edition.dates}}, {{host.name}}, {{venue.name}}, {{venue.address}}, {{contact.email}} or {{committee}}.",
			},
		});
	});

	it("reports a repeated page address once the pages' own fields are valid", () => {
		const result = parseTemplateDocument(
			documentWith({
				pages: [
					{ slug: "home", title: "Home" },
					{ slug: "home", title: "Welcome to {{edition.name}}" },
				],
			}),
		);

		expect(result).toEqual({ ok: false, fields: { "parts.pages.1.slug": "Another page has “home”." } });
	});

	it("holds a call for abstracts to its editor's date rules, at the call's paths", () => {
		const call = { opensOffsetDays: -240, closesOffsetDays: -300, decisionsOffsetDays: -310 };

		expect(parseTemplateDocument(documentWith({ abstract_call: { call } }))).toEqual({
			ok: false,
			fields: {
				"parts.abstract_call.call.closesOffsetDays": "Submissions must close after they open.",
				"parts.abstract_call.call.decisionsOffsetDays": "Decisions come after submissions close.",
			},
		});
	});

	it("checks references once the parts themselves are valid", () => {
		const result = parseTemplateDocument(
			documentWith({
				pages: [
					{ slug: "home", title: "Home" },
					{ slug: "home", title: "Home again" },
				],
				rooms_tracks: { rooms: [{ name: "Hall A" }], tracks: [] },
				program: [
					{ kind: "plenary", title: "Opening", day: 1, startTime: "09:00", durationMinutes: 30, room: "Hall B" },
					{ kind: "track", title: "Posters", day: 1, startTime: "10:00", durationMinutes: 30, track: "Clinical" },
				],
			}),
		);

		expect(result).toEqual({
			ok: false,
			fields: {
				"parts.pages.1.slug": "Another page has “home”.",
				"parts.program.0.room": "No room “Hall B” in rooms_tracks.rooms.",
				"parts.program.1.track": "No track “Clinical” in rooms_tracks.tracks.",
			},
		});
	});

	it("refuses a document of another format, without a name or without parts", () => {
		expect(parseTemplateDocument({ schema: "baton.template/2", name: " ", parts: {} })).toEqual({
			ok: false,
			fields: {
				schema: 'Use "baton.template/1".',
				name: "Give the template a name.",
				parts:
					"Give at least one part: pages, rooms_tracks, program, registration, abstract_call, evaluation, checklist, organizer_reminders, sponsor_tiers, email_texts.",
			},
		});
		expect(parseTemplateDocument([])).toEqual({ ok: false, fields: { _: "Send a template document: an object." } });
	});

	it("fills what a row leaves out: its order from its place, and the fields' defaults", () => {
		const result = parseTemplateDocument(documentWith({ checklist: [task, { ...task, title: "Open the call" }] }));

		expect(result).toEqual({
			ok: true,
			document: {
				schema: "baton.template/1",
				name: "Test template",
				description: "",
				parts: {
					checklist: [
						{ ...task, position: 1 },
						{ ...task, title: "Open the call", position: 2 },
					],
				},
			},
		});
	});

	it("answers the API with 400 and the path of each bad field, and 200 for a valid document", async () => {
		const bad = await sendJson(
			"POST",
			"/api/v1/templates/validate",
			documentWith({ checklist: [task, task, task, { ...task, dueOffsetDays: 2000 }] }),
			{ cookie: user.cookie },
		);
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({
			error: {
				code: "invalid_template",
				message: "The template document is not valid.",
				fields: { "parts.checklist.3.dueOffsetDays": "Use 400 or less." },
			},
		});

		const good = await sendJson("POST", "/api/v1/templates/validate", documentWith({ checklist: [task] }), {
			cookie: user.cookie,
		});
		expect(good.status).toBe(200);
		expect(await good.json()).toEqual({ data: { valid: true, parts: ["checklist"] } });

		expect((await sendJson("POST", "/api/v1/templates/validate", documentWith({ checklist: [task] }))).status).toBe(
			401,
		);
	});
});

describe("the seeded AINM symposium template", () => {
	it("validates, and is exactly what reading those parts of AINM 2023 gives", async () => {
		const parsed = parseTemplateDocument(ainmSymposiumDocument);
		expect(parsed).toEqual({ ok: true, document: ainmSymposiumDocument });

		const { parts } = await readEditionParts(testDb(), AINM_2023, partsOf(ainmSymposiumDocument));
		expect(parts).toEqual(ainmSymposiumDocument.parts);
	});
});
