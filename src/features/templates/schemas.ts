/**
 * The inputs of the templates library, shared by the API (JSON) and the console (forms, which post
 * parts as `part.<part>=on` like the setup wizard): publish, publish a new version, fork, apply.
 */
import { z } from "@hono/zod-openapi";
import { TEMPLATE_VISIBILITIES, type TemplateVisibility } from "../../db/schema";
import { multiLine, singleLine } from "../../lib/text-input";
import { CLONE_PARTS, ExpectedContentVersion, partField } from "../cloning";

export const VISIBILITY_LABELS: Record<TemplateVisibility, string> = {
	series: "Series library: the series' stewards and the committees of its editions",
	institution: "Institution only: the members of the publishing institution",
	public: "Public: everyone signed in to Baton",
};

const name = singleLine({ error: "Give the template a name." })
	.trim()
	.min(1, "Give the template a name.")
	.max(100, "Use at most 100 characters.");
const description = multiLine({ error: "Describe the template in text." })
	.trim()
	.max(2000, "Use at most 2000 characters.");
const visibility = z
	.enum(TEMPLATE_VISIBILITIES, { error: "Choose who may see the template." })
	.default("series")
	.openapi({ description: "series: the series' library; institution: the publishing institution; public: everyone." });
const parts = z
	.array(z.enum(CLONE_PARTS, { error: "Choose parts from the list." }), { error: "Choose the parts." })
	.min(1, "Choose at least one part.")
	.max(CLONE_PARTS.length, "Choose each part at most once.")
	.transform((chosen) => CLONE_PARTS.filter((part) => chosen.includes(part)));
const editionId = singleLine({ error: "Choose an edition." })
	.trim()
	.min(1, "Choose an edition.")
	.max(64, "Choose an edition.");
/** Accepts "3" from a form as well as 3 from JSON. */
const version = z.preprocess(
	(v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
	z.number({ error: "Choose a version." }).int("Choose a version.").min(1, "Choose a version.").optional(),
);

export const PublishRequest = z
	.object({ name, description: description.default(""), visibility, parts })
	.openapi("PublishTemplateRequest");

export const RepublishRequest = z
	.object({
		editionId: editionId.openapi({ description: "The edition of the template's series to publish from." }),
		parts,
		changelog: singleLine({ error: "Say in a line what changed." })
			.trim()
			.min(1, "Say in a line what changed.")
			.max(300, "Use at most 300 characters."),
		name: name.optional(),
		description: description.optional(),
	})
	.openapi("RepublishTemplateRequest");

export const ForkRequest = z
	.object({
		editionId: editionId.openapi({ description: "The edition whose series and institution the fork belongs to." }),
		version: version.openapi({ type: "integer", description: "The version to fork; the newest when left out." }),
		name: name.optional(),
		description: description.optional(),
		visibility,
	})
	.openapi("ForkTemplateRequest");

export const ApplyRequest = z
	.object({
		template: singleLine({ error: "Choose a template." })
			.trim()
			.min(1, "Choose a template.")
			.max(100, "Choose a template.")
			.openapi({ description: "A template's id, or builtin:<slug>.", example: "builtin:biennial-academic-symposium" }),
		version: version.openapi({ type: "integer", description: "The version to apply; the newest when left out." }),
		parts: parts.optional().openapi({ description: "The parts to apply; every part of the template when left out." }),
		expectedContentVersion: ExpectedContentVersion,
	})
	.openapi("ApplyTemplateRequest");

/** The parts ticked in a posted form (`part.<part>=on`). */
export const formParts = (values: Record<string, string>) => CLONE_PARTS.filter((p) => values[partField(p)] === "on");

/** Blank form fields as absent, so optional fields keep their defaults. */
const present = (values: Record<string, string>, ...names: string[]): Record<string, unknown> =>
	Object.fromEntries(names.filter((n) => (values[n] ?? "").trim() !== "").map((n) => [n, values[n]]));

const posted = z.record(z.string(), z.string());

export const PublishForm = posted
	.transform((v) => ({ ...present(v, "name", "description", "visibility"), parts: formParts(v) }))
	.pipe(PublishRequest);
export const RepublishForm = posted
	.transform((v) => ({ ...present(v, "editionId", "changelog", "name", "description"), parts: formParts(v) }))
	.pipe(RepublishRequest);
export const ForkForm = posted
	.transform((v) => present(v, "editionId", "version", "name", "description", "visibility"))
	.pipe(ForkRequest);
export const ApplyForm = posted
	.transform((v) => ({ ...present(v, "template", "version", "expectedContentVersion"), parts: formParts(v) }))
	.pipe(ApplyRequest.extend({ parts }));
