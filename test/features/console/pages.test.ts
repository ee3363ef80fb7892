import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../../src/auth/sessions";
import { getAs } from "../../auth-helpers";
import { seed, testDb } from "../../helpers";
import { addCommitteeMember, createTestEdition, createUserWithEmail, freshEmail } from "../invitations/helpers";

beforeAll(async () => {
	await seed();
});

/** A session for one of the seeded demo accounts. */
const demoCookie = async (role: string) => `${SESSION_COOKIE}=${await createSession(testDb(), `seed-user-${role}`)}`;

/** The dashboard's list items under a heading, as text. */
function section(html: string, heading: string): string[] {
	const part = html.split(`<h2>${heading}</h2>`)[1]?.split("<h2>")[0] ?? "";
	return [...part.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => (m[1] ?? "").replace(/<[^>]+>/g, "").trim());
}

describe("GET /console", () => {
	it("sends a signed-out visitor to sign in and back", async () => {
		const res = await getAs("/console");

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe("/auth/sign-in?next=%2Fconsole");
	});

	it("shows the demo chair their institution and edition with their roles", async () => {
		const html = await (await getAs("/console", await demoCookie("chair"))).text();

		expect(section(html, "My institutions")).toEqual(["University Medical Center Groningen Netherlands · Owner"]);
		expect(section(html, "My series")).toEqual([]);
		expect(section(html, "My editions")).toEqual(["AINM 2023 AINM · Chair"]);
		expect(html).toContain('<a href="/console/editions/seed-edition-ainm-2023/committee">AINM 2023</a>');
	});

	it("shows the demo steward their series", async () => {
		const html = await (await getAs("/console", await demoCookie("steward"))).text();

		expect(section(html, "My series")).toEqual(["Artificial Intelligence and Informatics in Nuclear Medicine Steward"]);
		// The series' console home (an overview of its pages), not its stewards page.
		expect(html).toContain('<a href="/console/series/ainm">');
		expect(section(html, "Open calls for hosts")).toEqual([
			"AINM 2027 proposals until 31 March 2027, anywhere on Earth",
		]);
	});

	it("shows a mentor the last day of mentoring", async () => {
		const html = await (await getAs("/console", await demoCookie("mentor"))).text();

		expect(section(html, "My editions")).toEqual(["AINM 2023 AINM · Mentor until 31 December 2099"]);
	});

	it("no longer lists an edition whose mentoring has ended", async () => {
		const user = await createUserWithEmail(freshEmail("ended"));
		const editionId = await createTestEdition();
		await addCommitteeMember(editionId, user.id, "mentor", "2020-12-31");
		await addCommitteeMember("seed-edition-ainm-2023", user.id, "reviewer");

		const html = await (await getAs("/console", user.cookie)).text();

		expect(section(html, "My editions")).toEqual(["AINM 2023 AINM · Reviewer"]);
	});

	it("shows a plain user empty sections with a way to start", async () => {
		// Without a role and without a registration (the seeded attendee has one: see below).
		const plain = await createUserWithEmail(freshEmail("plain"));
		const html = await (await getAs("/console", plain.cookie)).text();

		expect(html).toContain('<a href="/console/institutions#create">Create an institution</a>');
		expect(section(html, "My editions")).toEqual([]);
	});

	it("shows a known notice and ignores any other text in the query", async () => {
		const cookie = await demoCookie("attendee");

		const [known, unknown] = await Promise.all([
			getAs("/console?notice=left", cookie).then((r) => r.text()),
			getAs("/console?notice=%3Cscript%3Ealert(1)%3C%2Fscript%3E", cookie).then((r) => r.text()),
		]);

		expect(known).toContain('<p class="notice" role="status">You left the institution.</p>');
		expect(unknown).not.toContain('class="notice"');
		expect(unknown).not.toContain("<script>alert");
	});
});

describe("GET /console for an attendee", () => {
	/** The demo series' coming edition (the seed dates it from today) and one of its ticket types. */
	const comingDemo = () =>
		env.DB.prepare(
			"select e.id, e.name, e.year, t.id as ticket from editions e join series s on s.id = e.series_id join ticket_types t on t.edition_id = e.id where s.slug = 'demo' order by e.start_date desc, t.position limit 1",
		).first<{ id: string; name: string; year: number; ticket: string }>();

	it("sends an attendee with no role anywhere to their My page, not into the organizer console", async () => {
		const edition = await comingDemo();

		const res = await getAs("/console", await demoCookie("attendee"));

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/s/demo/${edition?.year}/me`);
	});

	it("lists a committee member's own registrations beside their roles, linked to My page", async () => {
		const edition = await comingDemo();
		await env.DB.prepare(
			"insert into registrations (id, edition_id, ticket_type_id, user_id, email, name, country, role, status) values ('console-test-chair-reg', ?, ?, 'seed-user-chair', 'chair@baton.test', 'Demo Chair', 'NL', 'physicist', 'waitlisted')",
		)
			.bind(edition?.id, edition?.ticket)
			.run();

		const html = await (await getAs("/console", await demoCookie("chair"))).text();

		expect(section(html, "My registrations")).toEqual([`${edition?.name} (on the waiting list)`]);
		expect(html).toContain(`<a href="/s/demo/${edition?.year}/me">${edition?.name}</a>`);
		expect(section(html, "My editions")).toEqual(["AINM 2023 AINM · Chair"]);
		await env.DB.prepare("delete from registrations where id = 'console-test-chair-reg'").run();
	});
});
