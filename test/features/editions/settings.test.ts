import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { contrastWithWhite } from "../../../src/features/editions/settings";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { seed } from "../../helpers";

const EDITION = "seed-edition-ainm-2023";
let chair: TestUser;
let organizer: TestUser;
let mentor: TestUser;

const editionRow = () =>
	env.DB.prepare(
		"select name, start_date, end_date, time_zone, city, primary_color, content_version from editions where id = ?",
	)
		.bind(EDITION)
		.first<Record<string, unknown>>();

const settingsForm = (overrides: Record<string, string> = {}) => ({
	name: "AINM 2023",
	startDate: "2023-10-09",
	endDate: "2023-10-11",
	timeZone: "Europe/Amsterdam",
	hostName: "University Medical Center Groningen",
	venueName: "UMCG",
	venueAddress: "Hanzeplein 1",
	city: "Groningen",
	country: "NL",
	mapUrl: "",
	contactEmail: "ainm@example.org",
	logoUrl: "",
	// The seeded colours, so saving the form changes only what a test overrides.
	primaryColor: "#00567a",
	accentColor: "#b45309",
	heroText: "Welcome.",
	...overrides,
});

beforeAll(async () => {
	await seed();
	// The seeded AINM 2023 is archived, so read-only: these tests write, so they work on it as held.
	await env.DB.prepare("update editions set status = 'held' where id = ?").bind(EDITION).run();
	chair = await createTestUser("chair");
	organizer = await createTestUser("organizer");
	mentor = await createTestUser("mentor");
	await env.DB.batch([
		env.DB.prepare("insert into edition_members (edition_id, user_id, role) values (?, ?, 'chair')").bind(
			EDITION,
			chair.id,
		),
		env.DB.prepare("insert into edition_members (edition_id, user_id, role) values (?, ?, 'organizer')").bind(
			EDITION,
			organizer.id,
		),
		env.DB.prepare(
			"insert into edition_members (edition_id, user_id, role, mentor_until) values (?, ?, 'mentor', '2099-12-31')",
		).bind(EDITION, mentor.id),
	]);
});

describe("edition settings", () => {
	it("an organizer saves the settings form; the edition changes and its content version goes up once", async () => {
		const before = await editionRow();
		const res = await postForm(
			`/console/editions/${EDITION}/settings`,
			settingsForm({ city: "Groningen (NL)" }),
			organizer.cookie,
		);
		expect(res.status).toBe(303);
		const after = await editionRow();
		expect(after).toEqual({ ...before, city: "Groningen (NL)", content_version: Number(before?.content_version) + 1 });
	});

	it("refuses a last day before the first day with a message beside the field, and changes nothing", async () => {
		const before = await editionRow();
		const res = await postForm(
			`/console/editions/${EDITION}/settings`,
			settingsForm({ endDate: "2023-10-01" }),
			chair.cookie,
		);
		expect(res.status).toBe(422);
		expect(await res.text()).toContain("The last day cannot come before the first day.");
		expect(await editionRow()).toEqual(before);
	});

	it("refuses dates that would drop days the program uses", async () => {
		const res = await sendJson(
			"PATCH",
			`/api/v1/editions/${EDITION}`,
			{ endDate: "2023-10-10" },
			{ cookie: chair.cookie },
		);
		expect(res.status).toBe(422);
		expect((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			endDate: "The program has sessions on day 3; keep at least 3 days or move them first.",
		});
	});

	it("refuses an unknown time zone and a light main colour", async () => {
		const zone = await sendJson(
			"PATCH",
			`/api/v1/editions/${EDITION}`,
			{ timeZone: "Mars/Olympus" },
			{ cookie: chair.cookie },
		);
		expect(zone.status).toBe(400);
		expect((await zone.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			timeZone: "Choose one of the options.",
		});
		const light = await sendJson(
			"PATCH",
			`/api/v1/editions/${EDITION}`,
			{ primaryColor: "#ffff00" },
			{ cookie: chair.cookie },
		);
		expect(light.status).toBe(422);
	});

	it("shows a mentor the settings read-only and refuses their changes", async () => {
		const page = await getAs(`/console/editions/${EDITION}/settings`, mentor.cookie);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain("<fieldset disabled");
		const res = await sendJson(
			"PATCH",
			`/api/v1/editions/${EDITION}`,
			{ city: "Elsewhere" },
			{ cookie: mentor.cookie },
		);
		expect(res.status).toBe(403);
	});

	it("returns the settings through the API", async () => {
		const res = await sendJson("GET", `/api/v1/editions/${EDITION}`, undefined, { cookie: mentor.cookie });
		expect(res.status).toBe(200);
		expect((await res.json<{ data: Record<string, unknown> }>()).data).toMatchObject({
			id: EDITION,
			year: 2023,
			url: "/s/ainm/2023",
			timeZone: "Europe/Amsterdam",
			startDate: "2023-10-09",
		});
	});

	it("does not take the status: it changes only through the lifecycle actions", async () => {
		const statusOf = async () =>
			(await env.DB.prepare("select status from editions where id = ?").bind(EDITION).first<{ status: string }>())
				?.status;
		const res = await sendJson("PATCH", `/api/v1/editions/${EDITION}`, { status: "draft" }, { cookie: chair.cookie });
		expect(res.status).toBe(400);
		expect((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			_: 'Unrecognized key: "status"',
		});
		expect(await statusOf()).toBe("held");
		const page = await getAs(`/console/editions/${EDITION}/settings`, chair.cookie);
		expect(await page.text()).not.toContain('name="status"');
	});

	it("computes contrast against white like WCAG", () => {
		expect(contrastWithWhite("#000000")).toBeCloseTo(21, 0);
		expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
	});
});
