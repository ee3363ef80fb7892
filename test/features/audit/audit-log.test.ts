/**
 * Reading the audit log: the console pages of an edition (chairs), an institution (owners) and a
 * series (stewards), their filters, pages and CSV export, and the API lists; each sees only the
 * entries filed under its scope, and an anonymised account reads "removed account".
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEntries, editions, institutionMembers, institutions, seriesStewards } from "../../../src/db/schema";
import { actAs, anonymiseAuditEntries, commit } from "../../../src/db/write";
import { newId } from "../../../src/lib/ids";
import { createTestUser, getAs, sendJson, type TestUser } from "../../auth-helpers";
import { addCommitteeMember, insertEdition } from "../../fixtures";
import { testDb } from "../../helpers";
import { createFollowableSeries } from "../following/helpers";

let seriesSlug = "";
let seriesId = "";
let editionId = "";
let otherEditionId = "";
let institutionId = "";
let chair: TestUser;
let organizer: TestUser;
let otherChair: TestUser;
let owner: TestUser;
let steward: TestUser;
let removed: TestUser;

const at = (iso: string) => new Date(iso);

/** Fixed entries with exact times, so the order and the rows are known. */
async function entry(values: Partial<typeof auditEntries.$inferInsert> & { action: string; at: Date }) {
	const type = values.action.slice(0, values.action.lastIndexOf("."));
	await testDb()
		.insert(auditEntries)
		.values({ id: newId(), actorKind: "account", targetType: type, targetId: "t-1", summary: "{}", ...values });
}

beforeAll(async () => {
	const s = await createFollowableSeries("audit");
	seriesSlug = s.slug;
	seriesId = s.id;
	institutionId = newId();
	await testDb()
		.insert(institutions)
		.values({ id: institutionId, slug: `inst-${institutionId.slice(0, 8)}`, name: "Host U", country: "NL" });
	editionId = (
		await insertEdition({
			seriesId,
			year: 2040,
			startDate: "2040-05-01",
			endDate: "2040-05-02",
			hostInstitutionId: institutionId,
		})
	).id;
	otherEditionId = (await insertEdition({ seriesId, year: 2042, startDate: "2042-05-01", endDate: "2042-05-02" })).id;
	chair = await createTestUser("a-chair");
	organizer = await createTestUser("a-organizer");
	otherChair = await createTestUser("a-other");
	owner = await createTestUser("a-owner");
	steward = await createTestUser("a-steward");
	removed = await createTestUser("a-removed");
	await addCommitteeMember({ editionId, user: chair, role: "chair" });
	await addCommitteeMember({ editionId, user: organizer, role: "organizer" });
	await addCommitteeMember({ editionId: otherEditionId, user: otherChair, role: "chair" });
	await testDb().insert(institutionMembers).values({ institutionId, userId: owner.id, role: "owner" });
	await testDb().insert(seriesStewards).values({ seriesId, userId: steward.id });

	const edition = { editionId, seriesId, institutionId };
	await entry({
		...edition,
		at: at("2030-03-01T09:00:00Z"),
		actorId: chair.id,
		action: "program.session.updated",
		targetId: "session-1",
		summary: JSON.stringify({ before: { title: "Opening" }, after: { title: '=HYPERLINK("http://x","y")' } }),
	});
	await entry({
		...edition,
		at: at("2030-03-02T09:00:00Z"),
		actorId: removed.id,
		action: "edition.settings.updated",
		targetId: editionId,
		summary: JSON.stringify({ before: { city: "Pisa" }, after: { city: "Lyon, France" } }),
	});
	await entry({
		...edition,
		at: at("2030-03-03T09:00:00Z"),
		actorId: null,
		actorKind: "job:host-verification",
		action: "hostname.host.failed",
		targetId: "x.example.org",
	});
	await entry({
		editionId: otherEditionId,
		seriesId,
		at: at("2030-03-04T09:00:00Z"),
		actorId: otherChair.id,
		action: "program.session.created",
		targetId: "session-9",
	});
	await entry({
		institutionId,
		at: at("2030-03-05T09:00:00Z"),
		actorId: owner.id,
		action: "institution.institution.updated",
		targetId: institutionId,
	});
	await entry({
		seriesId,
		at: at("2030-03-06T09:00:00Z"),
		actorId: steward.id,
		action: "series.series.updated",
		targetId: seriesId,
	});
	await anonymiseAuditEntries(testDb(), removed.id);
});

const rowsOf = (html: string) =>
	[...html.matchAll(/<tr[^>]*>\s*<td>([\s\S]*?)<\/tr>/g)].map((m) =>
		`<td>${m[1]}`
			.split(/<\/td>\s*<td>|<\/td>/)
			.map((cell) => cell.replace(/<[^>]+>/g, "").trim())
			.filter((cell, i, all) => i < all.length - 1 || cell !== ""),
	);

const unescaped = (text: string) =>
	text
		.replaceAll("&quot;", '"')
		.replaceAll("&#39;", "'")
		.replaceAll("&gt;", ">")
		.replaceAll("&lt;", "<")
		.replaceAll("&amp;", "&");

describe("the edition's audit log page", () => {
	it("shows a chair this edition's entries, newest first, with who in words and what changed", async () => {
		const response = await getAs(`/console/editions/${editionId}/audit`, chair.cookie);
		expect(response.status).toBe(200);
		const rows = rowsOf(unescaped(await response.text()));
		expect(rows).toEqual([
			[
				"2030-03-03 09:00 UTC",
				"system: job:host-verification",
				"Hostname host failed",
				"hostname.host x.example.org",
				"",
			],
			[
				"2030-03-02 09:00 UTC",
				"removed account",
				"Edition settings updated",
				`edition.settings ${editionId}`,
				"city: Pisa → Lyon, France",
			],
			[
				"2030-03-01 09:00 UTC",
				"Test a-chair",
				"Program session updated",
				"program.session session-1",
				'title: Opening → =HYPERLINK("http://x","y")',
			],
		]);
	});

	it("is linked from the edition's console home for its chair only", async () => {
		const link = `href="/console/editions/${editionId}/audit"`;
		expect(await (await getAs(`/console/editions/${editionId}/content`, chair.cookie)).text()).toContain(link);
		expect(await (await getAs(`/console/editions/${editionId}/content`, organizer.cookie)).text()).not.toContain(link);
	});

	it("filters by action prefix, actor and days", async () => {
		const base = `/console/editions/${editionId}/audit`;
		const only = async (query: string) =>
			rowsOf(unescaped(await (await getAs(`${base}?${query}`, chair.cookie)).text())).map((row) => row[2]);
		expect(await only("action=program")).toEqual(["Program session updated"]);
		expect(await only("action=edition.settings")).toEqual(["Edition settings updated"]);
		expect(await only("action=prog")).toEqual([]);
		expect(await only(`actor=${chair.id}`)).toEqual(["Program session updated"]);
		expect(await only("actor=job:host-verification")).toEqual(["Hostname host failed"]);
		expect(await only("from=2030-03-02&to=2030-03-02")).toEqual(["Edition settings updated"]);
	});

	it("answers a bad filter with the page and the message beside the field (400)", async () => {
		const response = await getAs(`/console/editions/${editionId}/audit?from=2030-13-45&to=x`, chair.cookie);
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('<p class="field-error" id="field-from-error">Use a date as YYYY-MM-DD.</p>');
		expect(html).toContain('<p class="field-error" id="field-to-error">Use a date as YYYY-MM-DD.</p>');
		const reversed = await getAs(`/console/editions/${editionId}/audit?from=2030-03-05&to=2030-03-01`, chair.cookie);
		expect(reversed.status).toBe(400);
		expect(await reversed.text()).toContain("The last day comes before the first.");
	});

	it("shows a chair of another edition of the series none of these entries (403), and strangers 404", async () => {
		expect((await getAs(`/console/editions/${editionId}/audit`, otherChair.cookie)).status).toBe(404);
		expect((await getAs(`/console/editions/${editionId}/audit`, organizer.cookie)).status).toBe(403);
		const own = await getAs(`/console/editions/${otherEditionId}/audit`, otherChair.cookie);
		expect(rowsOf(await own.text()).map((row) => row[2])).toEqual(["Program session created"]);
	});
});

describe("the CSV export", () => {
	it("downloads the filtered entries, RFC 4180 quoted, formulas defused", async () => {
		const response = await getAs(`/console/editions/${editionId}/audit.csv?action=program`, chair.cookie);
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
		expect(response.headers.get("Content-Disposition")).toMatch(
			/^attachment; filename="audit-edition-\d{4}-\d{2}-\d{2}\.csv"$/,
		);
		expect(await response.text()).toBe(
			"when,who,actor_id,action,action_words,target_type,target_id,changes\r\n" +
				`2030-03-01T09:00:00.000Z,Test a-chair,${chair.id},program.session.updated,Program session updated,program.session,session-1,"title: Opening → =HYPERLINK(""http://x"",""y"")"\r\n`,
		);
	});

	it("prefixes every cell a spreadsheet would run with '", async () => {
		const { csvCell } = await import("../../../src/features/audit/csv");
		expect(["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a,b", 'say "hi"', "plain"].map(csvCell)).toEqual([
			"'=1+2",
			"'+1",
			"'-1",
			"'@SUM(A1)",
			"'\tx",
			`"'\rx"`,
			'"a,b"',
			'"say ""hi"""',
			"plain",
		]);
	});

	it("is limited like every export: the 31st in an hour is a 429", async () => {
		const exporter = await createTestUser("a-exporter");
		await addCommitteeMember({ editionId, user: exporter, role: "chair" });
		for (let i = 0; i < 30; i++) {
			expect((await getAs(`/console/editions/${editionId}/audit.csv`, exporter.cookie)).status).toBe(200);
		}
		expect((await getAs(`/console/editions/${editionId}/audit.csv`, exporter.cookie)).status).toBe(429);
	});
});

describe("institution and series logs", () => {
	it("shows an owner the entries filed under the institution, not the other edition's", async () => {
		const response = await getAs(`/console/institutions/${institutionId}/audit`, owner.cookie);
		expect(response.status).toBe(200);
		expect(rowsOf(await response.text()).map((row) => row[2])).toEqual([
			"Institution institution updated",
			"Hostname host failed",
			"Edition settings updated",
			"Program session updated",
		]);
		expect(await (await getAs(`/console/institutions/${institutionId}`, owner.cookie)).text()).toContain(
			`href="/console/institutions/${institutionId}/audit"`,
		);
	});

	it("shows a steward every entry of the series and its editions", async () => {
		const response = await getAs(`/console/series/${seriesSlug}/audit`, steward.cookie);
		expect(response.status).toBe(200);
		expect(rowsOf(await response.text()).map((row) => row[2])).toEqual([
			"Series series updated",
			"Program session created",
			"Hostname host failed",
			"Edition settings updated",
			"Program session updated",
		]);
		expect((await getAs(`/console/series/${seriesSlug}/audit`, chair.cookie)).status).toBe(403);
	});
});

describe("GET /api/v1/…/audit", () => {
	it("lists the edition's entries with the filters, a page at a time", async () => {
		const first = await sendJson("GET", `/api/v1/editions/${editionId}/audit?limit=2`, undefined, {
			cookie: chair.cookie,
		});
		expect(first.status).toBe(200);
		const body = (await first.json()) as {
			data: { action: string; actor: unknown; summary: unknown }[];
			page: { nextCursor: string };
		};
		expect(body.data.map((e) => e.action)).toEqual(["hostname.host.failed", "edition.settings.updated"]);
		expect(body.data[1]?.actor).toEqual({ kind: "account", id: null, name: null });
		expect(body.data[1]?.summary).toEqual({ before: { city: "Pisa" }, after: { city: "Lyon, France" } });
		const next = await sendJson(
			"GET",
			`/api/v1/editions/${editionId}/audit?limit=2&cursor=${body.page.nextCursor}`,
			undefined,
			{
				cookie: chair.cookie,
			},
		);
		const rest = (await next.json()) as { data: { action: string; actor: unknown }[]; page: { nextCursor: null } };
		expect(rest.data.map((e) => [e.action, e.actor])).toEqual([
			["program.session.updated", { kind: "account", id: chair.id, name: "Test a-chair" }],
		]);
		expect(rest.page.nextCursor).toBeNull();
	});

	it("answers bad filters 400 naming the field, others 401/403/404", async () => {
		const bad = await sendJson("GET", `/api/v1/editions/${editionId}/audit?from=yesterday`, undefined, {
			cookie: chair.cookie,
		});
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
			from: "Use a date as YYYY-MM-DD.",
		});
		expect((await sendJson("GET", `/api/v1/editions/${editionId}/audit`, undefined)).status).toBe(401);
		expect(
			(await sendJson("GET", `/api/v1/editions/${editionId}/audit`, undefined, { cookie: organizer.cookie })).status,
		).toBe(403);
		expect(
			(await sendJson("GET", `/api/v1/editions/${editionId}/audit`, undefined, { cookie: otherChair.cookie })).status,
		).toBe(404);
		const institution = await sendJson(
			"GET",
			`/api/v1/institutions/${institutionId}/audit?action=institution`,
			undefined,
			{
				cookie: owner.cookie,
			},
		);
		expect(((await institution.json()) as { data: { action: string }[] }).data.map((e) => e.action)).toEqual([
			"institution.institution.updated",
		]);
		const series = await sendJson("GET", `/api/v1/series/${seriesSlug}/audit?action=series`, undefined, {
			cookie: steward.cookie,
		});
		expect(((await series.json()) as { data: { action: string }[] }).data.map((e) => e.action)).toEqual([
			"series.series.updated",
		]);
	});
});

describe("a change through the kernel", () => {
	it("appears in the log as its actor with the changed fields", async () => {
		const db = actAs(testDb(), { kind: "account", id: chair.id });
		await commit(
			db,
			[
				{
					action: "edition.settings.updated",
					id: editionId,
					editionId,
					before: { city: null },
					after: { city: "Turin" },
				},
			],
			[db.update(editions).set({ city: "Turin" }).where(eq(editions.id, editionId))],
		);
		const response = await getAs(`/console/editions/${editionId}/audit?actor=${chair.id}&action=edition`, chair.cookie);
		expect(rowsOf(await response.text()).map((row) => row.slice(1))).toEqual([
			["Test a-chair", "Edition settings updated", `edition.settings ${editionId}`, "city: null → Turin"],
		]);
	});
});
