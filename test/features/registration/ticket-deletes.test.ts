/**
 * Ticket types people registered for stay (registrations refer to them ON DELETE RESTRICT): a
 * delete through the content collection answers 409 with the reason, on the API and the page, and
 * nothing is removed; a template's "registration" part, which replaces the ticket types, is
 * refused for an edition with registrations. A ticket type nobody registered for still goes.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ticketTypes } from "../../../src/db/schema";
import { takeSeat } from "../../../src/features/registration/seats";
import { applyTemplate, previewTemplateApply } from "../../../src/features/templates/apply";
import { parseTemplateDocument, TEMPLATE_SCHEMA } from "../../../src/features/templates/document";
import type { TemplateVersionDocument } from "../../../src/features/templates/library";
import { AppError } from "../../../src/lib/errors";
import { createTestUser, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember } from "../../fixtures";
import { testDb } from "../../helpers";
import { registrationEdition } from "./helpers";

const IN_USE =
	"This ticket type has registrations, so it cannot be deleted: move them to another ticket type or cancel them under Registrations first, or end its sale window instead.";

type World = Awaited<ReturnType<typeof registrationEdition>>;

async function registerOne(world: World, email: string) {
	const ticket = world.tickets[0];
	if (!ticket) throw new Error("no ticket");
	await takeSeat(
		testDb(),
		{
			editionId: world.edition.id,
			ticket,
			email,
			name: "Ada Lovelace",
			affiliation: "",
			country: "GB",
			role: "engineer",
			answers: {},
			userId: null,
		},
		{ holdHours: 72, offerHours: 48 },
	);
}

const ticketNames = async (world: World) =>
	(await testDb().select().from(ticketTypes).where(eq(ticketTypes.editionId, world.edition.id)).all())
		.map((t) => t.name)
		.sort();

describe("deleting a ticket type with registrations", () => {
	let world: World;
	let chair: TestUser;
	beforeAll(async () => {
		world = await registrationEdition({ tickets: [{ name: "Regular" }, { name: "Unused" }] });
		chair = await createTestUser("ticket-chair");
		await addCommitteeMember({ editionId: world.edition.id, user: chair, role: "chair" });
		await registerOne(world, "kept@example.org");
	});

	it("answers 409 on the API with the reason, and the ticket type stays", async () => {
		const res = await sendJson(
			"DELETE",
			`/api/v1/editions/${world.edition.id}/ticket-types/${world.tickets[0]?.id}`,
			undefined,
			{ cookie: chair.cookie },
		);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect([res.status, body.error.code, body.error.message]).toEqual([409, "in_use", IN_USE]);
		expect(await ticketNames(world)).toEqual(["Regular", "Unused"]);
	});

	it("answers 409 on the console page with the same message, not a 500", async () => {
		const res = await postForm(
			`/console/editions/${world.edition.id}/ticket-types/${world.tickets[0]?.id}/delete`,
			{},
			chair.cookie,
		);
		expect(res.status).toBe(409);
		expect(await res.text()).toContain(IN_USE);
		expect(await ticketNames(world)).toEqual(["Regular", "Unused"]);
	});

	it("still deletes a ticket type nobody registered for", async () => {
		const res = await sendJson(
			"DELETE",
			`/api/v1/editions/${world.edition.id}/ticket-types/${world.tickets[1]?.id}`,
			undefined,
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(204);
		expect(await ticketNames(world)).toEqual(["Regular"]);
	});
});

describe("a template's registration part", () => {
	let applier: TestUser;
	beforeAll(async () => {
		applier = await createTestUser("ticket-applier");
	});
	function template(): TemplateVersionDocument {
		const parsed = parseTemplateDocument({
			schema: TEMPLATE_SCHEMA,
			name: "Tickets template",
			description: "",
			parts: {
				registration: {
					fields: [],
					ticketTypes: [
						{
							name: "Template ticket",
							priceCents: 0,
							currency: "EUR",
							salesOpenOffsetDays: -100,
							salesOpenTime: "09:00",
							salesCloseOffsetDays: -1,
							salesCloseTime: "23:59",
							capacity: null,
							includes: "",
							position: 0,
						},
					],
					policy: null,
				},
			},
		});
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
		return {
			info: {
				ref: "test:tickets",
				builtin: false,
				name: "Tickets template",
				description: "",
				visibility: "public",
				series: null,
				institution: null,
				forkedFrom: null,
				latest: { version: 1, parts: ["registration"], createdAt: null },
			},
			version: 1,
			document: parsed.document,
			sourceEditionId: null,
		};
	}

	it("is refused (422, naming the parts field) for an edition with registrations, in the preview and the apply", async () => {
		const world = await registrationEdition({ tickets: [{ name: "Regular" }] });
		await registerOne(world, "first@example.org");
		await registerOne(world, "second@example.org");
		const input = {
			targetEditionId: world.edition.id,
			source: template(),
			parts: ["registration" as const],
			userId: applier.id,
		};
		const message = `${world.edition.name} has registrations (2), which keep their ticket types: leave “Registration form, ticket types and policy” out, or change the ticket types by hand.`;
		for (const attempt of [() => previewTemplateApply(testDb(), input), () => applyTemplate(testDb(), input)]) {
			const error = await attempt().catch((e: unknown) => e);
			expect(error).toBeInstanceOf(AppError);
			expect([(error as AppError).status, (error as AppError).fields]).toEqual([422, { parts: message }]);
		}
		expect(await ticketNames(world)).toEqual(["Regular"]);
	});

	it("replaces the ticket types of an edition nobody registered for", async () => {
		const world = await registrationEdition({ tickets: [{ name: "Regular" }] });
		await applyTemplate(testDb(), {
			targetEditionId: world.edition.id,
			source: template(),
			parts: ["registration"],
			userId: applier.id,
		});
		expect(await ticketNames(world)).toEqual(["Template ticket"]);
	});
});
