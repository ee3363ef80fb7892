/**
 * Cloning through the API, with the wizard's options: `preview: true` answers what would be
 * created and every date old beside new (200, nothing written); otherwise the clone is applied
 * (201) in one atomic batch.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, dataResponse, errorResponses, jsonBody } from "../../api/openapi";
import { EditionIdParam as EditionParam } from "../../api/params";
import { requireAuth } from "../../auth/guard";
import { FACT_KINDS } from "../../domain/edition-facts";
import { limitCostly } from "../../lib/costly-actions";
import { authorizedSource, authorizedTarget } from "./access";
import { cloneEdition, previewClone } from "./clone";
import { TASK_CHOICES } from "./decisions";
import { CLONE_PARTS } from "./edition-parts";
import { CloneRequest, PreviewedContentVersion } from "./parts";

const CloneApiRequest = CloneRequest.extend({
	preview: z.boolean().default(false).openapi({ description: "Only show what would be created; write nothing." }),
}).openapi("CloneApiRequest");

const Moment = z
	.object({
		date: z.string().openapi({ example: "2025-02-08" }),
		time: z.string().nullable().openapi({ example: "09:00" }),
		instant: z.string().nullable().openapi({ example: "2025-02-08T08:00:00.000Z" }),
		timeZone: z.string(),
		text: z.string(),
	})
	.openapi("ResolvedMoment");

const DateChange = z
	.object({ part: z.enum(CLONE_PARTS), label: z.string(), old: Moment, new: Moment })
	.openapi("DateChange");

const ReminderChange = z
	.object({
		part: z.literal("organizer_reminders"),
		label: z.string(),
		old: Moment.nullable(),
		new: Moment.nullable(),
	})
	.openapi("ReminderChange", {
		description:
			"An organizer reminder's moment in the source and in the target; null where it counts from a call for abstracts that edition does not have.",
	});

const CopiedFact = z
	.object({
		id: z.string().openapi({ example: "pages/about/body/0", description: "Send it in `acceptedFacts` to accept." }),
		part: z.enum(CLONE_PARTS),
		partLabel: z.string(),
		what: z.string().openapi({ example: "pages" }),
		row: z.string().openapi({ example: "About AINM 2023" }),
		field: z.string().openapi({ example: "body" }),
		kind: z.enum(FACT_KINDS),
		text: z.string().openapi({ example: "Groningen" }),
		before: z.string(),
		after: z.string(),
		placeholder: z
			.string()
			.nullable()
			.openapi({ example: "{{edition.city}}", description: "Null for people and address lines: edit after copying." }),
		accepted: z.boolean(),
	})
	.openapi("CopiedFact");

const EditionSummary = z.object({
	id: z.string(),
	name: z.string(),
	year: z.number(),
	startDate: z.string(),
	endDate: z.string(),
	timeZone: z.string(),
});

const ClonePreview = z
	.object({
		source: EditionSummary,
		target: EditionSummary,
		contentVersion: PreviewedContentVersion,
		gapDays: z.number(),
		parts: z.array(
			z.object({
				part: z.enum(CLONE_PARTS),
				label: z.string(),
				created: z.array(z.object({ what: z.string(), count: z.number(), titles: z.array(z.string()) })),
			}),
		),
		rooms: z.array(z.object({ sourceRoomId: z.string(), from: z.string(), to: z.string() })),
		deadlines: z.array(DateChange),
		sessions: z.array(DateChange),
		reminders: z.array(ReminderChange),
		unfilledPlaceholders: z.array(z.string()),
		needsDecision: z
			.array(
				z.object({
					kind: z.enum(["lecture_without_lecturer", "ticket_without_price"]),
					label: z.string().openapi({ example: "Day 2, 11:00: Willem Vaalburg lecture 2027" }),
					problem: z.string().openapi({ example: "no lecturer yet" }),
					href: z.string().openapi({ description: "The console page where it is fixed once copied." }),
				}),
			)
			.openapi({
				description:
					"What the copy leaves undecided, never blocking: every copied named-lecture slot (lecturers are never copied) and every copied ticket type priced 0 (free, or not priced yet?).",
			}),
		pastTasks: z
			.array(
				z.object({
					key: z.string().openapi({ description: "The source task's id: name it in `pastTasks` to choose." }),
					title: z.string(),
					dueDate: z.string().openapi({ example: "2026-01-14" }),
					sourceStatus: z.enum(TASK_CHOICES),
					suggested: z.enum(TASK_CHOICES),
				}),
			)
			.openapi({
				description:
					"Copied checklist tasks whose due day has already ended in this edition's zone: choose how each lands with `pastTasks` or `pastTasksAs`, or they land open and overdue.",
			}),
		facts: z.array(CopiedFact).openapi({
			description:
				"Every place a copied text states one of the source's facts, with the placeholder proposed for it. Only the facts accepted (`acceptedFacts`, `acceptAllFacts`) are substituted.",
		}),
	})
	.openapi("ClonePreview");

const CloneSummary = z
	.object({
		sourceEditionId: z.string(),
		targetEditionId: z.string(),
		created: z.record(z.string(), z.number()).openapi({ example: { rooms: 4, sessions: 17 } }),
	})
	.openapi("CloneSummary");

const cloneRoute = createRoute({
	method: "post",
	path: "/editions/{id}/clone",
	operationId: "cloneEdition",
	tags: ["Editions"],
	summary: "Copy parts of an earlier edition of the series into this one (or preview the copy)",
	description:
		"Copies the chosen parts of `sourceEditionId` into this edition; every part must be empty here. The preview lists every fact of the source (name, year, dates, city, venue, address, host, contact address, people) the copied texts state, each with an id and a proposed placeholder; the copy substitutes only those accepted (`acceptedFacts`, or `acceptAllFacts`), and marks each copied text as not reviewed yet. Sessions keep their day and local time and deadlines their offset from day 1, so everything follows this edition's dates and time zone. Speakers, talks, sponsors, the committee and people's submissions are never copied. Needs edition.update here and read access to the source (any public edition, or a draft you may view). Copied checklist tasks already due here land open unless `pastTasks`/`pastTasksAs` say done or skipped (applied in the same batch); the preview lists them (`pastTasks`) and what needs a decision after copying (`needsDecision`). With `expectedContentVersion` (the preview's `contentVersion`) the clone is refused with 409 and nothing written when this edition changed after the preview.",
	request: { params: EditionParam, ...jsonBody(CloneApiRequest) },
	responses: {
		200: dataResponse("The preview: nothing was written.", ClonePreview),
		201: dataResponse("The clone was applied.", CloneSummary),
		...errorResponses(400, 401, 403, 404, 409, 422, 429),
	},
});

export const cloningApi = createApiRouter().openapi(cloneRoute, async (c) => {
	const { preview, ...request } = c.req.valid("json");
	const { edition } = await authorizedTarget(c, c.req.valid("param").id);
	await authorizedSource(c, request.sourceEditionId);
	const input = { ...request, targetEditionId: edition.id };
	if (preview) return c.json({ data: await previewClone(c.var.db, input) }, 200);
	await limitCostly(c, "clone", requireAuth(c).user.id);
	return c.json({ data: await cloneEdition(c.var.db, input) }, 201);
});
