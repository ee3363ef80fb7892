/**
 * The template library's API routes as OpenAPI declares them: paths, parameters, bodies and
 * answers. The handlers are in ./api.ts.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { dataResponse, errorResponses, jsonBody } from "../../api/openapi";
import { listResponse, PageQuery } from "../../api/pagination";
import { EditionIdParam } from "../../api/params";
import { TEMPLATE_VISIBILITIES } from "../../db/schema";
import { CLONE_PARTS, PreviewedContentVersion } from "../cloning";
import { TEMPLATE_SCHEMA } from "./document";
import { ApplyRequest, ForkRequest, PublishRequest, RepublishRequest } from "./schemas";

const tags = ["Templates"];

const pathParam = (name: string) =>
	z
		.string()
		.max(100)
		.openapi({ param: { name, in: "path" } });
const TemplateParam = z.object({
	ref: pathParam("ref").openapi({ example: "builtin:biennial-academic-symposium" }),
});
const VersionParam = TemplateParam.extend({
	version: z.coerce
		.number()
		.int()
		.min(1)
		.openapi({ param: { name: "version", in: "path" }, type: "integer" }),
});

const Parts = z.array(z.enum(CLONE_PARTS));
const Named = z.object({ id: z.string(), slug: z.string(), name: z.string() });

const TemplateJson = z
	.object({
		ref: z.string().openapi({ description: "The template's id, or builtin:<slug>." }),
		builtin: z.boolean(),
		name: z.string(),
		description: z.string(),
		visibility: z.enum(TEMPLATE_VISIBILITIES),
		series: Named.nullable(),
		institution: Named.nullable().openapi({ description: "The publisher." }),
		forkedFrom: z.string().nullable().openapi({ description: "`<ref>@<version>` of the version it was forked from." }),
		latest: z.object({ version: z.number().int(), parts: Parts, createdAt: z.string().nullable() }),
	})
	.openapi("Template");

const EditionRef = z.object({ id: z.string(), name: z.string(), year: z.number().int() });

const TemplateDetail = TemplateJson.extend({
	versions: z.array(
		z.object({
			version: z.number().int(),
			changelog: z.string(),
			parts: Parts,
			createdAt: z.string().nullable(),
			source: EditionRef.nullable().openapi({ description: "Provenance: the edition the version was published from." }),
			createdBy: z.string().nullable(),
		}),
	),
	uses: z.array(z.object({ edition: EditionRef, version: z.number().int(), parts: Parts, appliedAt: z.string() })),
}).openapi("TemplateDetail");

const DocumentJson = z
	.object({
		schema: z.literal(TEMPLATE_SCHEMA),
		name: z.string(),
		description: z.string(),
		parts: z.record(z.string(), z.unknown()),
	})
	.openapi("TemplateDocument", {
		description:
			"A template document: `parts` holds any of pages, rooms_tracks, program, registration, abstract_call, evaluation, checklist, organizer_reminders, sponsor_tiers and email_texts. Rows carry no ids; sessions name their room and track by key (or name) and their named lecture by slug.",
	});

const Published = z.object({ id: z.string(), version: z.number().int() }).openapi("PublishedTemplate");

const Moment = z.object({
	date: z.string(),
	time: z.string().nullable(),
	instant: z.string().nullable(),
	timeZone: z.string(),
	text: z.string(),
});

const GroupDiff = z.object({
	what: z.string(),
	added: z.array(z.string()),
	removed: z.array(z.string()),
	changed: z.array(z.object({ title: z.string(), fields: z.array(z.string()) })),
});

const TemplatePreview = z
	.object({
		template: z.object({ ref: z.string(), name: z.string(), version: z.number().int(), builtin: z.boolean() }),
		target: z.object({
			id: z.string(),
			name: z.string(),
			year: z.number(),
			startDate: z.string(),
			endDate: z.string(),
			timeZone: z.string(),
		}),
		contentVersion: PreviewedContentVersion,
		parts: z.array(
			z.object({
				part: z.enum(CLONE_PARTS),
				label: z.string(),
				summary: z.string().openapi({ example: "replaces 12 checklist tasks with 18" }),
				groups: z.array(z.object({ what: z.string(), before: z.array(z.string()), after: z.array(z.string()) })),
			}),
		),
		warnings: z.array(z.string()),
		deadlines: z.array(z.object({ part: z.enum(CLONE_PARTS), label: z.string(), moment: Moment })),
		unfilledPlaceholders: z.array(z.string()),
		previous: z
			.object({
				version: z.number().int(),
				appliedAt: z.string(),
				diff: z
					.array(z.object({ part: z.enum(CLONE_PARTS), label: z.string(), groups: z.array(GroupDiff) }))
					.nullable(),
			})
			.nullable()
			.openapi({ description: "The version of this template the edition used before, and what differs from it." }),
	})
	.openapi("TemplatePreview");

const ApplySummary = z
	.object({
		editionId: z.string(),
		template: z.string(),
		version: z.number().int(),
		parts: Parts,
		created: z.record(z.string(), z.number()),
		removed: z.record(z.string(), z.number()),
	})
	.openapi("TemplateApplied");

export const listRoute = createRoute({
	method: "get",
	path: "/templates",
	operationId: "listTemplates",
	tags,
	summary: "The templates you may see: built-in, your series' libraries, your institutions' and public ones",
	request: {
		query: z
			.object({
				series: z.string().max(100).optional().openapi({ description: "A series' slug." }),
				part: z
					.enum(CLONE_PARTS)
					.optional()
					.openapi({ description: "Only templates whose newest version has this part." }),
				publisher: z
					.string()
					.max(100)
					.optional()
					.openapi({ description: "An institution's slug, or builtin for the built-in templates." }),
			})
			.extend(PageQuery.shape),
	},
	responses: { 200: listResponse("The templates.", TemplateJson), ...errorResponses(400, 401) },
});

export const getRoute = createRoute({
	method: "get",
	path: "/templates/{ref}",
	operationId: "getTemplate",
	tags,
	summary: "A template, its version history (with each version's source edition) and the editions that used it",
	request: { params: TemplateParam },
	responses: { 200: dataResponse("The template.", TemplateDetail), ...errorResponses(401, 404) },
});

export const versionRoute = createRoute({
	method: "get",
	path: "/templates/{ref}/versions/{version}",
	operationId: "getTemplateVersion",
	tags,
	summary: "The document of one version of a template",
	request: { params: VersionParam },
	responses: { 200: dataResponse("The document.", DocumentJson), ...errorResponses(401, 404, 422) },
});

export const validateRoute = createRoute({
	method: "post",
	path: "/templates/validate",
	operationId: "validateTemplate",
	tags,
	summary: "Check a template document (nothing is stored)",
	description:
		"Answers 200 with the parts a valid document holds, or 400 with the path of every bad field in `fields`, e.g. `parts.checklist.3.dueOffsetDays`.",
	request: { ...jsonBody(DocumentJson) },
	responses: {
		200: dataResponse("The document is valid.", z.object({ valid: z.literal(true), parts: Parts })),
		...errorResponses(400, 401),
	},
});

export const publishRoute = createRoute({
	method: "post",
	path: "/editions/{id}/templates",
	operationId: "publishTemplate",
	tags,
	summary: "Publish parts of this edition as a new template (version 1)",
	description:
		"The template goes to the edition's series library, published by its host institution; `visibility` decides who sees it. Needs template.publish on the edition (its chairs and organizers).",
	request: { params: EditionIdParam, ...jsonBody(PublishRequest) },
	responses: {
		201: dataResponse("The template was published.", Published),
		...errorResponses(400, 401, 403, 404, 422, 429),
	},
});

export const republishRoute = createRoute({
	method: "post",
	path: "/templates/{ref}/versions",
	operationId: "publishTemplateVersion",
	tags,
	summary: "Publish a new version of a template from an edition of its series",
	description:
		"Older versions stay as they were, and usable. Needs template.manage on the template (the series' stewards, chairs and organizers) and template.publish on the edition.",
	request: { params: TemplateParam, ...jsonBody(RepublishRequest) },
	responses: {
		201: dataResponse("The new version was published.", Published),
		...errorResponses(400, 401, 403, 404, 422, 429),
	},
});

export const forkRoute = createRoute({
	method: "post",
	path: "/templates/{ref}/fork",
	operationId: "forkTemplate",
	tags,
	summary: "Fork a version of a template you may see into a new template of an edition's series",
	request: { params: TemplateParam, ...jsonBody(ForkRequest) },
	responses: { 201: dataResponse("The fork was created.", Published), ...errorResponses(400, 401, 403, 404, 422, 429) },
});

export const applyRoute = createRoute({
	method: "post",
	path: "/editions/{id}/apply-template",
	operationId: "applyTemplate",
	tags,
	summary: "Apply a template version to this edition (or, with dryRun=1, preview what would change)",
	description:
		"Replaces the chosen parts of the edition with the template's (placeholders filled, every date an offset from this edition's day 1), in one atomic write that also records the use. With `dryRun=1` nothing is written and the answer lists, per part, what is there now and what will be there after, warnings, every resolved deadline, and the diff from the version of the same template the edition used before. With `expectedContentVersion` (the preview's `contentVersion`) the apply is refused with 409 and nothing written when the edition changed after the preview. Needs edition.update here and read access to the template.",
	request: {
		params: EditionIdParam,
		query: z.object({
			dryRun: z
				.enum(["1", "0", "true", "false"])
				.optional()
				.openapi({ description: "1: preview only, write nothing." }),
		}),
		...jsonBody(ApplyRequest),
	},
	responses: {
		200: dataResponse("The preview: nothing was written.", TemplatePreview),
		201: dataResponse("The template was applied.", ApplySummary),
		...errorResponses(400, 401, 403, 404, 409, 422, 429),
	},
});
