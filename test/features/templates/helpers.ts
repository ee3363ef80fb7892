/**
 * Arrange helpers of the templates tests: the templates seed (AINM 2023's email texts and the
 * published "AINM symposium" template) on top of the demo seed, and small template documents.
 */

import {
	ainm2023EmailTexts,
	ainmSymposiumTemplate,
	ainmSymposiumTemplateV1,
} from "../../../src/cli/seed/ainm-templates";
import { emailTexts, templates, templateVersions } from "../../../src/db/schema";
import { TEMPLATE_SCHEMA } from "../../../src/features/templates/document";
import { seed, testDb } from "../../helpers";

/**
 * The demo seed and the templates seed rows. Inserted here as well, ignoring rows that exist, so
 * these tests hold whether or not the demo seed already loads them.
 */
export async function seedWithTemplates(): Promise<void> {
	await seed();
	const db = testDb();
	await db.batch([
		db.insert(emailTexts).values(ainm2023EmailTexts).onConflictDoNothing(),
		db.insert(templates).values(ainmSymposiumTemplate).onConflictDoNothing(),
		db.insert(templateVersions).values(ainmSymposiumTemplateV1).onConflictDoNothing(),
	]);
}

/** A minimal valid document around `parts`. */
export const documentWith = (parts: Record<string, unknown>, name = "Test template") => ({
	schema: TEMPLATE_SCHEMA,
	name,
	description: "",
	parts,
});
