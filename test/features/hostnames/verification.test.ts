/**
 * Proof of control before a custom host serves (issue 12), through the whole Worker with the fake
 * verifier (ENVIRONMENT is "test"): a newly mapped name serves nothing and the console and API
 * say why; "Check now" verifies it once its TXT record is published; an unmapped name is held
 * (a "moved" page); the audit's takeover after unmap fails without proof and succeeds with it,
 * ending the old mapping and mailing the old chairs; a mapped name keeps serving its holder while
 * a claim is unproven.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { publishFakeTxt } from "../../../src/features/hostnames/fake-verifier";
import { getAs, mailsTo, postForm, sendJson } from "../../auth-helpers";
import { seed } from "../../helpers";
import { countRows } from "../invitations/helpers";
import { createLifecycleEdition, type ErrorJson, mapHost, requestUrl, type TestEdition } from "../lifecycle/helpers";

interface HostJson {
	hostname: string;
	state: string;
	takeover: boolean;
	serving: boolean;
	explanation: string;
	records: { type: string; name: string; value: string }[];
	lastCheckedAt: string | null;
	lastCheckError: string | null;
	heldUntil: string | null;
}

const api = (edition: TestEdition, path = "") => `/api/v1/editions/${edition.id}/hosts${path}`;
const addHost = async (edition: TestEdition, hostname: string) => {
	const res = await sendJson("POST", api(edition), { hostname }, { cookie: edition.chair.cookie });
	expect(res.status).toBe(201);
	return (await res.json<{ data: HostJson }>()).data;
};
const checkHost = (edition: TestEdition, hostname: string) =>
	sendJson("POST", api(edition, `/${hostname}/check`), undefined, { cookie: edition.chair.cookie });
const listHosts = async (edition: TestEdition) =>
	(await (await getAs(api(edition), edition.organizer.cookie)).json<{ data: HostJson[] }>()).data;
/** Publishes a mapping's record in the fake verifier's DNS, as its owner would in real DNS. */
const publish = (host: HostJson) => {
	for (const record of host.records) publishFakeTxt(record.name, record.value);
};

beforeAll(async () => {
	await seed();
});

describe("a newly mapped host name", () => {
	it("is pending with a TXT record to create, serves nothing (404), and the API and console say why", async () => {
		const edition = await createLifecycleEdition("published");

		const host = await addHost(edition, "pending.example.org");
		const site = await requestUrl("http://pending.example.org/");
		const page = await (await getAs(`/console/editions/${edition.id}/hosts`, edition.chair.cookie)).text();

		expect(host.state).toBe("pending");
		expect(host.serving).toBe(false);
		expect(host.explanation).toBe("Pending: serves nothing until a check confirms that you control the name.");
		expect(host.records).toEqual([
			{
				type: "TXT",
				name: "_baton-verify.pending.example.org",
				value: expect.stringMatching(/^baton-verify=[0-9a-f]{32}$/),
			},
		]);
		expect(site.status).toBe(404);
		expect(await site.text()).toContain("No site is served at this address.");
		expect(page).toContain("Pending: serves nothing until a check confirms that you control the name.");
		expect(page).toContain("<code>_baton-verify.pending.example.org</code>");
		expect(page).toContain(`<code>${host.records[0]?.value}</code>`);
		expect(page).toContain("Not checked yet");
		expect(page).toContain(`action="/console/editions/${edition.id}/hosts/pending.example.org/check"`);
	});

	it("stays pending when a check finds no record, with the reason and the time of the check", async () => {
		const edition = await createLifecycleEdition("published");
		await addHost(edition, "no-record.example.org");

		const res = await checkHost(edition, "no-record.example.org");

		expect(res.status).toBe(200);
		const { data } = await res.json<{ data: HostJson }>();
		expect({ state: data.state, serving: data.serving, error: data.lastCheckError }).toEqual({
			state: "pending",
			serving: false,
			error: "No TXT record found at _baton-verify.no-record.example.org.",
		});
		expect(data.lastCheckedAt).not.toBeNull();
		expect((await requestUrl("http://no-record.example.org/")).status).toBe(404);
	});

	it("is verified by a check that finds its record, and then serves the edition's site", async () => {
		const edition = await createLifecycleEdition("published");
		const host = await addHost(edition, "proven.example.org");
		publish(host);

		const res = await checkHost(edition, "proven.example.org");

		expect(res.status).toBe(200);
		const { data } = await res.json<{ data: HostJson }>();
		expect({ state: data.state, serving: data.serving, error: data.lastCheckError }).toEqual({
			state: "verified",
			serving: true,
			error: null,
		});
		const site = await requestUrl("http://proven.example.org/");
		expect(site.status).toBe(200);
		expect(await site.text()).toContain(`<h1>TST ${edition.year}</h1>`);
	});

	it("does not accept another mapping's record: each mapping has its own token", async () => {
		const edition = await createLifecycleEdition("published");
		const host = await addHost(edition, "own-token.example.org");
		publishFakeTxt("_baton-verify.own-token.example.org", "baton-verify=0123456789abcdef0123456789abcdef");

		const { data } = await (await checkHost(edition, "own-token.example.org")).json<{ data: HostJson }>();

		expect(data.state).toBe("pending");
		expect(data.lastCheckError).toBe(
			`The TXT record at _baton-verify.own-token.example.org does not hold ${host.records[0]?.value}.`,
		);
	});

	it("is checked with the console's button, which says whether control was proven", async () => {
		const edition = await createLifecycleEdition("published");
		const host = await addHost(edition, "button.example.org");

		const failed = await postForm(
			`/console/editions/${edition.id}/hosts/button.example.org/check`,
			{},
			edition.chair.cookie,
		);
		publish(host);
		const proven = await postForm(
			`/console/editions/${edition.id}/hosts/button.example.org/check`,
			{},
			edition.chair.cookie,
		);

		expect(failed.headers.get("Location")).toBe(`/console/editions/${edition.id}/hosts?notice=host_not_verified`);
		expect(proven.headers.get("Location")).toBe(`/console/editions/${edition.id}/hosts?notice=host_verified`);
		const page = await (await getAs(proven.headers.get("Location") ?? "", edition.chair.cookie)).text();
		expect(page).toContain("Verified: the host name serves the edition&#39;s site.");
		expect(page).toContain("Verified: serves the edition&#39;s site.");
	});

	it("cannot be checked by an organizer (403) nor by another edition's chair (404)", async () => {
		const [edition, other] = await Promise.all([
			createLifecycleEdition("published"),
			createLifecycleEdition("published"),
		]);
		await addHost(edition, "not-yours-to-check.example.org");

		const organizer = await sendJson("POST", api(edition, "/not-yours-to-check.example.org/check"), undefined, {
			cookie: edition.organizer.cookie,
		});
		const stranger = await checkHost(other, "not-yours-to-check.example.org");

		expect(organizer.status).toBe(403);
		expect(stranger.status).toBe(404);
		expect((await listHosts(edition)).map((h) => [h.state, h.lastCheckedAt])).toEqual([["pending", null]]);
	});
});

describe("unmapping and taking over (the audit's scenario)", () => {
	it("holds an unmapped name: it answers a moved page linking to the edition on the main host, nothing else", async () => {
		const edition = await createLifecycleEdition("published");
		const other = await createLifecycleEdition("published", { seriesId: edition.seriesId });
		await mapHost("moved.example.org", edition.id);

		const removed = await sendJson("DELETE", api(edition, "/moved.example.org"), undefined, {
			cookie: edition.chair.cookie,
		});
		const home = await requestUrl("http://moved.example.org/");
		const program = await requestUrl("http://moved.example.org/program");

		expect(removed.status).toBe(204);
		expect(home.status).toBe(410);
		const html = await home.text();
		expect(html).toContain(`<h1>TST ${edition.year} has moved</h1>`);
		expect(html).toContain(
			`It is at <a href="https://localhost/s/${edition.seriesSlug}/${edition.year}">https://localhost/s/${edition.seriesSlug}/${edition.year}</a>.`,
		);
		expect(html).not.toContain(`TST ${other.year}`);
		expect(program.status).toBe(410);
		const [host] = await listHosts(edition);
		expect(host?.state).toBe("held");
		expect(host?.serving).toBe(false);
	});

	it("refuses a takeover of a held name without proof: pending claim, the hold keeps answering, nobody is mailed", async () => {
		const [victim, attacker] = await Promise.all([
			createLifecycleEdition("published"),
			createLifecycleEdition("published"),
		]);
		await mapHost("audit.example.org", victim.id);
		await sendJson("DELETE", api(victim, "/audit.example.org"), undefined, { cookie: victim.chair.cookie });

		const claim = await addHost(attacker, "audit.example.org");
		const checked = await checkHost(attacker, "audit.example.org");

		expect({ state: claim.state, takeover: claim.takeover }).toEqual({ state: "pending", takeover: true });
		expect(claim.explanation).toBe(
			"Pending takeover: another edition holds this name. It serves nothing here until a check finds this edition's own record.",
		);
		const { data } = await checked.json<{ data: HostJson }>();
		expect({ state: data.state, serving: data.serving, error: data.lastCheckError }).toEqual({
			state: "pending",
			serving: false,
			error: "No TXT record found at _baton-verify.audit.example.org.",
		});
		const site = await requestUrl("http://audit.example.org/");
		expect(site.status).toBe(410);
		expect(await site.text()).toContain(`<h1>TST ${victim.year} has moved</h1>`);
		expect((await listHosts(victim)).map((h) => h.state)).toEqual(["held"]);
		expect(await mailsTo(victim.chair.email)).toEqual([]);
	});

	it("lets the holder map its held name back (no 409), pending its record", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("back.example.org", edition.id);
		await sendJson("DELETE", api(edition, "/back.example.org"), undefined, { cookie: edition.chair.cookie });

		const host = await addHost(edition, "back.example.org");

		expect({ state: host.state, takeover: host.takeover }).toEqual({ state: "pending", takeover: false });
	});

	it("hands a held name over on a fresh proof: the old mapping ends and the old chairs are mailed", async () => {
		const [victim, claimant] = await Promise.all([
			createLifecycleEdition("published"),
			createLifecycleEdition("published"),
		]);
		await mapHost("handover.example.org", victim.id);
		await sendJson("DELETE", api(victim, "/handover.example.org"), undefined, { cookie: victim.chair.cookie });
		const claim = await addHost(claimant, "handover.example.org");
		publish(claim);

		const res = await checkHost(claimant, "handover.example.org");

		expect(res.status).toBe(200);
		const { data } = await res.json<{ data: HostJson }>();
		expect({ state: data.state, takeover: data.takeover, serving: data.serving }).toEqual({
			state: "verified",
			takeover: false,
			serving: true,
		});
		expect(await listHosts(victim)).toEqual([]);
		expect(await countRows("host_claims", "hostname = ?", "handover.example.org")).toBe(0);
		const site = await requestUrl("http://handover.example.org/");
		expect(site.status).toBe(200);
		expect(await site.text()).toContain(`<h1>TST ${claimant.year}</h1>`);
		expect(await mailsTo(victim.chair.email)).toEqual([
			{
				subject: `handover.example.org no longer serves TST ${victim.year}`,
				text: `Hello Test chair,\n\nanother edition on Baton proved control of handover.example.org: it created the DNS record that only whoever controls the name can create. handover.example.org now serves that edition's site, no longer TST ${victim.year}'s. TST ${victim.year} stays at http://localhost/s/${victim.seriesSlug}/${victim.year}.\n\nIf you did not expect this, whoever runs the DNS of handover.example.org has given it to someone else. Your host names: http://localhost/console/editions/${victim.id}/hosts\n\n— Baton`,
			},
		]);
		expect(await mailsTo(victim.organizer.email)).toEqual([]);
		expect(await mailsTo(claimant.chair.email)).toEqual([]);
	});

	it("keeps a mapped name serving its holder while another edition's claim is unproven", async () => {
		const [holder, claimant] = await Promise.all([
			createLifecycleEdition("published"),
			createLifecycleEdition("published"),
		]);
		await mapHost("contested.example.org", holder.id);

		await addHost(claimant, "contested.example.org");
		const checked = await checkHost(claimant, "contested.example.org");

		expect((await checked.json<{ data: HostJson }>()).data.state).toBe("pending");
		const site = await requestUrl("http://contested.example.org/");
		expect(site.status).toBe(200);
		expect(await site.text()).toContain(`<h1>TST ${holder.year}</h1>`);
		expect((await listHosts(holder)).map((h) => [h.hostname, h.state])).toEqual([
			["contested.example.org", "verified"],
		]);
	});

	it("refuses to check a held name (422): it must be mapped again first", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("held-check.example.org", edition.id);
		await sendJson("DELETE", api(edition, "/held-check.example.org"), undefined, { cookie: edition.chair.cookie });

		const res = await checkHost(edition, "held-check.example.org");

		expect(res.status).toBe(422);
		expect((await res.json<ErrorJson>()).error).toMatchObject({
			code: "host_held",
			message: "This host name is unmapped: add it again to check it.",
			fields: { hostname: "This host name is unmapped: add it again to check it." },
		});
	});

	it("frees a held name after its 30 days: it then answers 404", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("hold-over.example.org", edition.id, "held");
		await env.DB.prepare("update edition_hosts set held_until = ? where hostname = ?")
			.bind(Date.now() - 1000, "hold-over.example.org")
			.run();

		const res = await requestUrl("http://hold-over.example.org/");

		expect(res.status).toBe(404);
	});
});

describe("limits on what a committee can make Baton do", () => {
	it("maps at most 5 host names per edition, claims on others' names included, and writes nothing past that", async () => {
		const edition = await createLifecycleEdition("published");
		const other = await createLifecycleEdition("published");
		await addHost(other, "held-by-other.example.org");
		for (const n of [1, 2, 3, 4]) await addHost(edition, `name${n}.example.org`);
		// The fifth is a claim on another edition's name: it counts too.
		await addHost(edition, "held-by-other.example.org");

		const res = await sendJson(
			"POST",
			api(edition),
			{ hostname: "name6.example.org" },
			{ cookie: edition.chair.cookie },
		);

		expect(res.status).toBe(422);
		expect((await res.json<ErrorJson>()).error.fields).toEqual({
			hostname: "An edition has at most 5 host names (with its claims on others' names): remove one first.",
		});
		expect(await countRows("edition_hosts", "hostname = ?", "name6.example.org")).toBe(0);
		// Another edition may still claim this edition's names: the cap is on what an edition asks for.
		const claim = await sendJson("POST", api(other), { hostname: "name1.example.org" }, { cookie: other.chair.cookie });
		expect(claim.status).toBe(201);
	});

	it("answers 30 checks an hour per edition, then 429 with Retry-After", async () => {
		const edition = await createLifecycleEdition("published");
		await addHost(edition, "checked-often.example.org");
		for (let n = 0; n < 30; n++) expect((await checkHost(edition, "checked-often.example.org")).status).toBe(200);

		const res = await checkHost(edition, "checked-often.example.org");

		expect(res.status).toBe(429);
		expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
		expect((await res.json<ErrorJson>()).error.message).toBe(
			"This edition checked its host names 30 times in the last hour: try again later.",
		);
	});
});

describe("the API description", () => {
	it("declares the check route and the host's state, records and last check", async () => {
		const doc = await (await requestUrl("http://localhost/api/openapi.json")).json<{
			paths: Record<string, Record<string, unknown>>;
			components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }> };
		}>();

		expect(Object.keys(doc.paths["/api/v1/editions/{id}/hosts/{hostname}/check"] ?? {})).toEqual(["post"]);
		const host = doc.components.schemas.EditionHost?.properties ?? {};
		expect(host.state?.enum).toEqual(["pending", "verified", "failing", "held", "legacy"]);
		expect(Object.keys(host)).toEqual(
			expect.arrayContaining(["state", "takeover", "serving", "records", "lastCheckedAt", "lastCheckError"]),
		);
	});
});
