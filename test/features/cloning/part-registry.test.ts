/**
 * A part is one declaration: a throwaway part (the edition's sponsors by name, over the existing
 * sponsors table) registered for this file only is copied by a clone, listed by the clone's
 * preview, exported into a template document, validated when a document is imported, and
 * previewed and applied from a template, with no other change to the code.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sponsors } from "../../../src/db/schema";
import {
	CLONE_PARTS,
	type ClonePart,
	cloneEdition,
	filledParts,
	PART_LABELS,
	previewClone,
	registerPartForTests,
} from "../../../src/features/cloning";
import { definePart } from "../../../src/features/cloning/part-spec";
import { applyTemplate, previewTemplateApply } from "../../../src/features/templates/apply";
import { parseTemplateDocument } from "../../../src/features/templates/document";
import { findTemplate, findVersionDocument, snapshotDocument } from "../../../src/features/templates/library";
import { newId } from "../../../src/lib/ids";
import { createTestUser } from "../../auth-helpers";
import { testDb } from "../../helpers";
import { documentWith, seedWithTemplates } from "../templates/helpers";
import { createEdition, rowsOf } from "./helpers";

const PART = "sponsor_names" as ClonePart;
const SOURCE = "part-registry-2061";
const TARGET = "part-registry-2063";

type SponsorNameDoc = { name: string; url: string }[];
const sponsorNames = definePart({
	key: "sponsor_names",
	label: "Sponsor names (test)",
	hint: "The sponsors by name and address, without their tiers.",
	tables: { sponsors },
	read: (db, editionId) =>
		db.select().from(sponsors).where(eq(sponsors.editionId, editionId)).orderBy(sponsors.position, sponsors.name),
	toDocument: (list) => ({
		doc: list.map(({ name, url }) => ({ name, url })) as SponsorNameDoc,
		ids: { sponsors: list.map((s) => s.id) },
	}),
	toRows: (doc, { editionId, fill }) => ({
		sponsors: doc.map((s, i) => ({ id: newId(), editionId, name: fill(s.name), url: s.url, position: i + 1 })),
	}),
	schema: z.array(z.strictObject({ name: z.string().min(1), url: z.string() })),
	rows: [
		{
			what: "sponsors",
			table: "sponsors",
			of: (doc) => doc,
			key: (r) => String(r.name),
			title: (r) => String(r.name),
			facts: ["name"],
		},
	],
});

let unregister: () => void;
const sponsorsOf = async (editionId: string) =>
	rowsOf("select name, url, tier_id from sponsors where edition_id = ? order by position", editionId);

beforeAll(async () => {
	await seedWithTemplates();
	await createEdition({ id: SOURCE, year: 2061, start: "2061-10-04", end: "2061-10-06" });
	await createEdition({ id: TARGET, year: 2063, start: "2063-10-03", end: "2063-10-05" });
	const db = testDb();
	await db.insert(sponsors).values([
		{ id: "part-registry-acme", editionId: SOURCE, name: "Acme", url: "https://acme.example", position: 1 },
		{ id: "part-registry-globex", editionId: SOURCE, name: "Globex", url: "", position: 2 },
	]);
	unregister = registerPartForTests(sponsorNames);
});

afterAll(() => unregister());

describe("a part registered in one declaration", () => {
	it("is offered with its label", () => {
		expect(CLONE_PARTS.at(-1)).toBe("sponsor_names");
		expect(PART_LABELS[PART]).toBe("Sponsor names (test)");
	});

	it("is previewed and copied by a clone", async () => {
		const input = { sourceEditionId: SOURCE, targetEditionId: TARGET, parts: [PART] };
		const preview = await previewClone(testDb(), input);
		expect(preview.parts).toEqual([
			{
				part: "sponsor_names",
				label: "Sponsor names (test)",
				created: [{ what: "sponsors", count: 2, titles: ["Acme", "Globex"] }],
			},
		]);
		expect(await sponsorsOf(TARGET)).toEqual([]);

		const summary = await cloneEdition(testDb(), input);
		expect(summary.created).toEqual({ sponsors: 2 });
		expect(await sponsorsOf(TARGET)).toEqual([
			{ name: "Acme", url: "https://acme.example", tier_id: null },
			{ name: "Globex", url: "", tier_id: null },
		]);
		expect(await filledParts(testDb(), TARGET)).toEqual([PART]);
	});

	it("is exported into a template document and validated on import", async () => {
		const document = await snapshotDocument(
			testDb(),
			{ id: SOURCE, name: "AINM 2061" },
			{ name: "Sponsors", description: "", parts: [PART] },
		);
		expect(document.parts).toEqual({
			sponsor_names: [
				{ name: "Acme", url: "https://acme.example" },
				{ name: "Globex", url: "" },
			],
		});
		expect(parseTemplateDocument(documentWith({ sponsor_names: [{ name: "Initech", url: 5 }] }))).toEqual({
			ok: false,
			fields: { "parts.sponsor_names.0.url": "Invalid input: expected string, received number" },
		});
	});

	it("is previewed and applied from a template, replacing what the edition has", async () => {
		const info = await findTemplate(testDb(), "builtin:biennial-academic-symposium");
		if (!info) throw new Error("no built-in template");
		const parsed = parseTemplateDocument(documentWith({ sponsor_names: [{ name: "Initech", url: "" }] }));
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
		const source = { ...(await findVersionDocument(testDb(), info)), document: parsed.document };
		const chair = await createTestUser("chair");
		const input = { targetEditionId: TARGET, source, parts: [PART], userId: chair.id };

		const preview = await previewTemplateApply(testDb(), input);
		expect(preview.parts).toEqual([
			{
				part: "sponsor_names",
				label: "Sponsor names (test)",
				summary: "replaces 2 sponsors with 1",
				groups: [{ what: "sponsors", before: ["Acme", "Globex"], after: ["Initech"] }],
			},
		]);
		const applied = await applyTemplate(testDb(), input);
		expect(applied.created).toEqual({ sponsors: 1 });
		expect(applied.removed).toEqual({ sponsors: 2 });
		expect(await sponsorsOf(TARGET)).toEqual([{ name: "Initech", url: "", tier_id: null }]);
	});
});
