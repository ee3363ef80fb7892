/**
 * Email texts, an edition content collection like the others: listed and edited in the console,
 * created through the API; placeholders only of the known ones, one text per key and edition.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember } from "../../fixtures";
import { AINM_2023, contentVersion, createEdition, rowsOf } from "../cloning/helpers";
import { seedWithTemplates } from "./helpers";

const EDITION = "tpl-mail-2029";
const texts = () =>
	rowsOf("select key, subject, body, position from email_texts where edition_id = ? order by position, key", EDITION);

let chair: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
	await seedWithTemplates();
	[chair, reviewer] = await Promise.all([createTestUser("chair"), createTestUser("reviewer")]);
	await createEdition({ id: EDITION, year: 2029, start: "2029-10-01", end: "2029-10-03" });
	await addCommitteeMember({ editionId: EDITION, user: chair, role: "chair" });
	await addCommitteeMember({ editionId: EDITION, user: reviewer, role: "reviewer" });
	await addCommitteeMember({ editionId: AINM_2023, user: reviewer, role: "reviewer" });
});

describe("email texts", () => {
	it("lists AINM 2023's six seeded texts by key and subject", async () => {
		const page = (await (await getAs(`/console/editions/${AINM_2023}/email-texts`, reviewer.cookie)).text()).replace(
			/\s+/g,
			" ",
		);

		const keys = [...page.matchAll(/<tr><td>([a-z-]+)<\/td><td>/g)].map((m) => m[1]);
		expect(keys).toEqual([
			"registration-confirmation",
			"abstract-received",
			"abstract-accepted",
			"abstract-rejected",
			"call-for-abstracts-open",
			"evaluation-invitation",
		]);
		expect(page).toContain("<td>Your registration for {{edition.name}} is confirmed</td>");
	});

	it("lets a chair add a text with the form, placeholders kept as written", async () => {
		const version = await contentVersion(EDITION);

		const res = await postForm(
			`/console/editions/${EDITION}/email-texts`,
			{
				key: "registration-confirmation",
				subject: "Welcome to {{edition.name}}",
				body: "See you in {{ edition.city }} on {{edition.dates}}.",
				position: "1",
			},
			chair.cookie,
		);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/console/editions/${EDITION}/email-texts?notice=added`);
		expect(await texts()).toEqual([
			{
				key: "registration-confirmation",
				subject: "Welcome to {{edition.name}}",
				body: "See you in {{ edition.city }} on {{edition.dates}}.",
				position: 1,
			},
		]);
		expect(await contentVersion(EDITION)).toBe(version + 1);
	});

	it("refuses unknown placeholders and a bad key (422), a second text of the same key (409), writing nothing", async () => {
		const before = await texts();
		const post = (body: Record<string, unknown>) =>
			sendJson("POST", `/api/v1/editions/${EDITION}/email-texts`, body, { cookie: chair.cookie });

		const unknown = await post({ key: "Abstract Accepted", subject: "Dear {{author.name}}", body: "{{edtion.name}}" });
		expect(unknown.status).toBe(422);
		expect((await unknown.json<{ error: { fields: unknown } }>()).error.fields).toEqual({
			key: "Use lowercase letters, digits and single hyphens.",
			subject:
				"{{author.name}} is not a placeholder: use {{edition.name}}, {{edition.year}}, {{edition.city}}, {{edition.dates}}, {{host.name}}, {{venue.name}}, {{venue.address}}, {{contact.email}} or {{committee}}.",
			body: "{{edtion.name}} is not a placeholder: use {{edition.name}}, {{edition.year}}, {{edition.city}}, {{edition.dates}}, {{host.name}}, {{venue.name}}, {{venue.address}}, {{contact.email}} or {{committee}}.",
		});
		const twice = await post({ key: "registration-confirmation", subject: "Again" });
		expect(twice.status).toBe(409);
		expect((await twice.json<{ error: { fields: unknown } }>()).error.fields).toEqual({
			key: "This edition already has an email text with this key.",
		});
		const missing = await post({ key: "abstract-received" });
		expect(missing.status).toBe(400);
		expect((await missing.json<{ error: { fields: unknown } }>()).error.fields).toEqual({
			subject: "Subject is required.",
		});
		expect(await texts()).toEqual(before);
	});

	it("lets a reviewer read the texts but not change them (403)", async () => {
		const list = await getAs(`/api/v1/editions/${EDITION}/email-texts`, reviewer.cookie);
		expect(list.status).toBe(200);
		expect((await list.json<{ data: { key: string }[] }>()).data.map((t) => t.key)).toEqual([
			"registration-confirmation",
		]);
		const res = await sendJson(
			"POST",
			`/api/v1/editions/${EDITION}/email-texts`,
			{ key: "abstract-received", subject: "Thanks" },
			{ cookie: reviewer.cookie },
		);
		expect(res.status).toBe(403);
	});
});
