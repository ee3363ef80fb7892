/**
 * The built-in starter templates: JSON documents in the repository's `templates/` folder. Workers
 * have no filesystem, so each file is imported here (the bundler inlines it) and listed once with
 * its version; each is validated when this module loads. A broken file is left out of the library
 * and reported in BUILTIN_PROBLEMS, which a test requires to be empty: a broken built-in fails the
 * tests, never a committee applying it.
 */
import biennialAcademicSymposium from "../../../templates/biennial-academic-symposium.json";
import { parseTemplateDocument, partsOf, type TemplateDocument } from "./document";

/** How built-in templates are named where a template id is expected ("builtin:<slug>"). */
export const BUILTIN_PREFIX = "builtin:";

export interface BuiltinTemplate {
	/** `builtin:<slug>`: its id in template_uses and in URLs. */
	ref: string;
	slug: string;
	/** Raised with every change to the file (older versions live in the repository's history only). */
	version: number;
	changelog: string;
	/** When this version was released, `YYYY-MM-DD`. */
	released: string;
	document: TemplateDocument;
}

/** Every file of `templates/`, with its version: a new file is added here, a changed one gets a new version. */
export const BUILTIN_FILES: readonly {
	slug: string;
	version: number;
	changelog: string;
	released: string;
	json: unknown;
}[] = [
	{
		slug: "biennial-academic-symposium",
		version: 1,
		changelog: "First version, drawn from AINM 2023 (Groningen).",
		released: "2025-01-15",
		json: biennialAcademicSymposium,
	},
];

export interface BuiltinProblem {
	slug: string;
	fields: Record<string, string>;
}

function loadBuiltins(files: typeof BUILTIN_FILES) {
	const templates: BuiltinTemplate[] = [];
	const problems: BuiltinProblem[] = [];
	for (const { json, ...file } of files) {
		const parsed = parseTemplateDocument(json);
		if (parsed.ok) templates.push({ ...file, ref: `${BUILTIN_PREFIX}${file.slug}`, document: parsed.document });
		else {
			problems.push({ slug: file.slug, fields: parsed.fields });
			console.error(JSON.stringify({ level: "error", builtinTemplate: file.slug, problems: parsed.fields }));
		}
	}
	return { templates, problems };
}

const loaded = loadBuiltins(BUILTIN_FILES);

/** The built-in templates that validated, in the order of BUILTIN_FILES. */
export const BUILTINS: readonly BuiltinTemplate[] = loaded.templates;
/** What failed validation when the module loaded (nothing, or a test fails). */
export const BUILTIN_PROBLEMS: readonly BuiltinProblem[] = loaded.problems;

export const isBuiltinRef = (ref: string) => ref.startsWith(BUILTIN_PREFIX);

export const findBuiltin = (ref: string) => BUILTINS.find((b) => b.ref === ref);

/** The parts a built-in holds. */
export const builtinParts = (builtin: BuiltinTemplate) => partsOf(builtin.document);
