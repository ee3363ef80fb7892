/**
 * Custom host names of an edition through the API and the console: list, add, remove; DNS-name
 * validation (400), names reserved for the platform (422), one edition per name (409), and that a
 * refused request writes nothing.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { HostnameSchema, isMainHost, reservedHostProblem } from "../../../src/features/hostnames/hostnames";
import { createTestUser, getAs, postForm, sendJson, type TestUser } from "../../auth-helpers";
import { request } from "../../helpers";
import { countRows } from "../invitations/helpers";
import { createLifecycleEdition, type ErrorJson, editionState, mapHost, type TestEdition } from "../lifecycle/helpers";

let stranger: TestUser;

beforeAll(async () => {
	stranger = await createTestUser("stranger");
});

const hostsOf = async (editionId: string) =>
	(
		await env.DB.prepare("select hostname from edition_hosts where edition_id = ? order by hostname")
			.bind(editionId)
			.all<{ hostname: string }>()
	).results.map((r) => r.hostname);

const statesOf = async (editionId: string) =>
	(
		await env.DB.prepare("select hostname, state from edition_hosts where edition_id = ? order by hostname")
			.bind(editionId)
			.all<{ hostname: string; state: string }>()
	).results;

const addHost = (edition: TestEdition, hostname: unknown, user: TestUser = edition.chair) =>
	sendJson("POST", `/api/v1/editions/${edition.id}/hosts`, { hostname }, { cookie: user.cookie });

describe("host names through the API", () => {
	it("a chair maps a host name, stored lowercased and trimmed; the edition's version goes up", async () => {
		const edition = await createLifecycleEdition("published");
		const before = await editionState(edition.id);

		const res = await addHost(edition, "  AINM2031.Example.ORG ");

		expect(res.status).toBe(201);
		const { data } = await res.json<{ data: { hostname: string; url: string; createdAt: string } }>();
		expect({ hostname: data.hostname, url: data.url }).toEqual({
			hostname: "ainm2031.example.org",
			url: "https://ainm2031.example.org/",
		});
		expect(await hostsOf(edition.id)).toEqual(["ainm2031.example.org"]);
		expect(await editionState(edition.id)).toEqual({ status: "published", version: (before?.version ?? 0) + 1 });
	});

	it("lists an edition's host names by name to its committee", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("zz-list.example.org", edition.id);
		await mapHost("aa-list.example.org", edition.id);

		const res = await getAs(`/api/v1/editions/${edition.id}/hosts`, edition.organizer.cookie);

		expect(res.status).toBe(200);
		const { data } = await res.json<{ data: { hostname: string; url: string }[] }>();
		expect(data.map(({ hostname, url }) => ({ hostname, url }))).toEqual([
			{ hostname: "aa-list.example.org", url: "https://aa-list.example.org/" },
			{ hostname: "zz-list.example.org", url: "https://zz-list.example.org/" },
		]);
	});

	it("lets a steward of the series map a host name", async () => {
		const edition = await createLifecycleEdition("archived");

		const res = await addHost(edition, "archive-2041.example.org", edition.steward);

		expect(res.status).toBe(201);
		expect(await hostsOf(edition.id)).toEqual(["archive-2041.example.org"]);
	});

	// Issue 12 changed this: a name another edition has is no longer refused with 409 (the first
	// holder could squat it forever); it becomes a claim that serves nothing until a fresh proof.
	it("records a host name another edition has as a pending takeover claim; the holder keeps it", async () => {
		const [owner, other] = await Promise.all([createLifecycleEdition("published"), createLifecycleEdition("draft")]);
		await mapHost("taken.example.org", owner.id);
		const before = await editionState(other.id);

		const res = await addHost(other, "Taken.example.org");

		expect(res.status).toBe(201);
		const { data } = await res.json<{ data: { state: string; takeover: boolean; serving: boolean } }>();
		expect({ state: data.state, takeover: data.takeover, serving: data.serving }).toEqual({
			state: "pending",
			takeover: true,
			serving: false,
		});
		expect(await hostsOf(other.id)).toEqual([]);
		expect(await hostsOf(owner.id)).toEqual(["taken.example.org"]);
		expect(await countRows("host_claims", "edition_id = ?", other.id)).toBe(1);
		expect(await editionState(other.id)).toEqual(before);
	});

	it("answers a host name the edition has already with 409", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("twice.example.org", edition.id);

		const res = await addHost(edition, "twice.example.org");

		expect(res.status).toBe(409);
		expect(await hostsOf(edition.id)).toEqual(["twice.example.org"]);
	});

	it.each([
		["", "Give a host name."],
		["localhost", "Give a full host name with a dot, e.g. ainm2025.example.org."],
		["https://ainm.example.org/", "Give the host name only, e.g. ainm2025.example.org: no https:// and no path."],
		["ainm.example.org/program", "Give the host name only, e.g. ainm2025.example.org: no https:// and no path."],
		["ainm.example.org:8443", "Give the host name without a port."],
		["192.168.1.20", "An IP address cannot be mapped: give a host name."],
		["::1", "An IP address cannot be mapped: give a host name."],
		["[2001:db8::1]", "An IP address cannot be mapped: give a host name."],
		[
			"-ainm.example.org",
			"Each part between the dots has 1 to 63 letters, digits or hyphens, and no hyphen at either end.",
		],
		[
			"ainm..example.org",
			"Each part between the dots has 1 to 63 letters, digits or hyphens, and no hyphen at either end.",
		],
		[
			"ainm_2025.example.org",
			"Each part between the dots has 1 to 63 letters, digits or hyphens, and no hyphen at either end.",
		],
		[
			`${"a".repeat(64)}.example.org`,
			"Each part between the dots has 1 to 63 letters, digits or hyphens, and no hyphen at either end.",
		],
		[`${"abcdefghi.".repeat(25)}example.org`, "A host name has at most 253 characters."],
		["bücher.example.org", "Write an international name in its ASCII form (xn--…), as DNS stores it."],
	])("refuses %j with 400 and the message beside the field", async (hostname, message) => {
		const edition = await createLifecycleEdition("published");

		const res = await addHost(edition, hostname);

		expect(res.status).toBe(400);
		expect((await res.json<ErrorJson>()).error.fields).toEqual({ hostname: message });
		expect(await hostsOf(edition.id)).toEqual([]);
	});

	it.each([
		["x.localhost", "Names under the platform's host name are reserved for the platform."],
		["localhost.example.org", "A host name may not start with the platform's host name."],
	])(
		"refuses %j, a name reserved for the platform (MAIN_HOST is localhost here), with 422",
		async (hostname, message) => {
			const edition = await createLifecycleEdition("published");

			const res = await addHost(edition, hostname);

			expect(res.status).toBe(422);
			expect(await res.json<ErrorJson>()).toMatchObject({
				error: { code: "host_reserved", fields: { hostname: message } },
			});
			expect(await hostsOf(edition.id)).toEqual([]);
		},
	);

	it("unmaps a host name (204) and bumps the edition's version", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("gone.example.org", edition.id);
		await mapHost("stays.example.org", edition.id);
		const before = await editionState(edition.id);

		const res = await sendJson("DELETE", `/api/v1/editions/${edition.id}/hosts/Gone.example.org`, undefined, {
			cookie: edition.chair.cookie,
		});

		expect(res.status).toBe(204);
		// Since issue 12 a name that served is held for the edition (30 days), not deleted.
		expect(await statesOf(edition.id)).toEqual([
			{ hostname: "gone.example.org", state: "held" },
			{ hostname: "stays.example.org", state: "verified" },
		]);
		expect((await editionState(edition.id))?.version).toBe((before?.version ?? 0) + 1);
	});

	it("answers 404 for another edition's host name and leaves it mapped", async () => {
		const [edition, other] = await Promise.all([
			createLifecycleEdition("published"),
			createLifecycleEdition("published"),
		]);
		await mapHost("not-yours.example.org", other.id);

		const res = await sendJson("DELETE", `/api/v1/editions/${edition.id}/hosts/not-yours.example.org`, undefined, {
			cookie: edition.chair.cookie,
		});

		expect(res.status).toBe(404);
		expect(await hostsOf(other.id)).toEqual(["not-yours.example.org"]);
	});

	it("lets an organizer list but not add (403); hides a draft's host names from a stranger (404)", async () => {
		const edition = await createLifecycleEdition("draft");

		const added = await addHost(edition, "organizer.example.org", edition.organizer);
		const listed = await getAs(`/api/v1/editions/${edition.id}/hosts`, stranger.cookie);

		expect(added.status).toBe(403);
		expect(listed.status).toBe(404);
		expect(await countRows("edition_hosts", "edition_id = ?", edition.id)).toBe(0);
	});
});

describe("the API description", () => {
	it("describes the host-name and lifecycle routes, with the host name's rules", async () => {
		const doc = await (await request("/api/openapi.json")).json<{
			paths: Record<string, Record<string, unknown>>;
			components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
		}>();

		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining([
				"/api/v1/editions/{id}/hosts",
				"/api/v1/editions/{id}/hosts/{hostname}",
				"/api/v1/editions/{id}/go-live-checks",
				"/api/v1/editions/{id}/publish",
				"/api/v1/editions/{id}/unpublish",
				"/api/v1/editions/{id}/hold",
				"/api/v1/editions/{id}/archive",
			]),
		);
		expect(Object.keys(doc.paths["/api/v1/editions/{id}/hosts"] ?? {}).sort()).toEqual(["get", "post"]);
		expect(doc.components.schemas.AddEditionHost?.properties?.hostname).toMatchObject({
			type: "string",
			example: "ainm2025.example.org",
		});
	});
});

describe("host names in the console", () => {
	it("a chair adds a host name with the form and sees it listed", async () => {
		const edition = await createLifecycleEdition("published");

		const res = await postForm(
			`/console/editions/${edition.id}/hosts`,
			{ hostname: "Console.example.org" },
			edition.chair.cookie,
		);

		expect(res.status).toBe(303);
		// Since issue 12 the name is added as pending, with the record to create.
		expect(res.headers.get("Location")).toBe(`/console/editions/${edition.id}/hosts?notice=host_pending`);
		const page = await (await getAs(res.headers.get("Location") ?? "", edition.chair.cookie)).text();
		expect(page).toContain('<a href="https://console.example.org/">console.example.org</a>');
		expect(page).toContain("Added as pending: create the DNS record shown below, then press “Check now”.");
	});

	// Since issue 12 another edition's name is claimed, not refused: "taken" is the edition's own name.
	it("shows the message beside the field for an invalid or taken name and writes nothing", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("console-taken.example.org", edition.id);

		const invalid = await postForm(
			`/console/editions/${edition.id}/hosts`,
			{ hostname: "nodot" },
			edition.chair.cookie,
		);
		const taken = await postForm(
			`/console/editions/${edition.id}/hosts`,
			{ hostname: "console-taken.example.org" },
			edition.chair.cookie,
		);

		expect(invalid.status).toBe(400);
		expect(await invalid.text()).toContain("Give a full host name with a dot, e.g. ainm2025.example.org.");
		expect(taken.status).toBe(409);
		expect(await taken.text()).toContain("This host name is already mapped to this edition.");
		expect(await hostsOf(edition.id)).toEqual(["console-taken.example.org"]);
	});

	it("a chair removes a host name with its button", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("remove-me.example.org", edition.id);

		const res = await postForm(
			`/console/editions/${edition.id}/hosts/remove-me.example.org/remove`,
			{},
			edition.chair.cookie,
		);

		expect(res.status).toBe(303);
		// Since issue 12 a name that served is held, not deleted.
		expect(res.headers.get("Location")).toBe(`/console/editions/${edition.id}/hosts?notice=host_held`);
		expect(await statesOf(edition.id)).toEqual([{ hostname: "remove-me.example.org", state: "held" }]);
	});

	it("shows an organizer the list without the forms", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("read-only.example.org", edition.id);

		const res = await getAs(`/console/editions/${edition.id}/hosts`, edition.organizer.cookie);

		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain("read-only.example.org");
		expect(html).not.toContain('name="hostname"');
		expect(html).not.toContain("/remove");
	});
});

describe("host name rules", () => {
	it("lowercases and drops the trailing dot of a fully qualified name", () => {
		expect(HostnameSchema.parse("AINM2025.Example.org.")).toBe("ainm2025.example.org");
	});

	it("reserves the main host, names under it and names starting with it", () => {
		const main = "baton.example.org";
		expect(reservedHostProblem("baton.example.org", main)).toBe("This is the platform's own host name.");
		expect(reservedHostProblem("sign-in.baton.example.org", main)).toBe(
			"Names under the platform's host name are reserved for the platform.",
		);
		expect(reservedHostProblem("baton.example.org.evil.example", main)).toBe(
			"A host name may not start with the platform's host name.",
		);
		expect(reservedHostProblem("ainm2025.example.org", main)).toBeNull();
		expect(reservedHostProblem("notbaton.example.org", main)).toBeNull();
	});

	it("treats loopback addresses as the main host in development and tests only", () => {
		const production = { MAIN_HOST: "baton.example.org", ENVIRONMENT: "production" as const };
		const development = { MAIN_HOST: "localhost", ENVIRONMENT: "development" as const };
		expect(isMainHost("Baton.Example.org", production)).toBe(true);
		expect(isMainHost("127.0.0.1", production)).toBe(false);
		expect(isMainHost("[::1]", production)).toBe(false);
		expect(isMainHost("127.0.0.1", development)).toBe(true);
		expect(isMainHost("[::1]", development)).toBe(true);
		expect(isMainHost("ainm2025.example.org", development)).toBe(false);
	});
});
