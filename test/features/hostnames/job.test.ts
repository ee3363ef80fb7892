/**
 * The host-name job of the scheduler (issue 12), with the fake verifier: a verified name whose
 * record is gone fails its daily checks, mails the chairs at the first failure, and loses its
 * verified state (and stops serving) after MAX_FAILED_CHECKS; a name checked within the day is
 * not checked again; a record back in place recovers it; overlapping runs count a failure once;
 * mappings made before this change serve for 30 days with a console warning and a mail, then stop;
 * holds end after 30 days.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { publishFakeTxt } from "../../../src/features/hostnames/fake-verifier";
import { hostVerificationJob, verifyHosts } from "../../../src/features/hostnames/job";
import { MAX_FAILED_CHECKS } from "../../../src/features/hostnames/verification";
import { runScheduledJobs } from "../../../src/scheduled";
import { getAs, mailsTo } from "../../auth-helpers";
import { runOvertaken } from "../../jobs/helpers";
import { createLifecycleEdition, mapHost, requestUrl } from "../lifecycle/helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const runAt = (now: Date) => runScheduledJobs(env, now, [hostVerificationJob]);
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

const hostRow = (hostname: string) =>
	env.DB.prepare(
		"select state, failures, last_check_error as error, grace_until as graceUntil, verification_token as token from edition_hosts where hostname = ?",
	)
		.bind(hostname)
		.first<{ state: string; failures: number; error: string | null; graceUntil: number | null; token: string }>();

describe("daily re-verification", () => {
	it(`unverifies a name after ${MAX_FAILED_CHECKS} failed daily checks, mailing the chairs at the first failure and at the end`, async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("flaky.example.org", edition.id);
		const t0 = new Date();
		const reason = "No TXT record found at _baton-verify.flaky.example.org.";

		await runAt(t0);
		const afterFirst = await hostRow("flaky.example.org");
		const servingWhileFailing = await requestUrl("http://flaky.example.org/");
		const mailsAfterFirst = await mailsTo(edition.chair.email);
		await runAt(at(t0, HOUR));
		const sameDay = await hostRow("flaky.example.org");
		await runAt(at(t0, DAY));
		const afterSecond = await hostRow("flaky.example.org");
		await runAt(at(t0, 2 * DAY));

		expect(MAX_FAILED_CHECKS).toBe(3);
		expect(afterFirst).toMatchObject({ state: "failing", failures: 1, error: reason });
		expect(servingWhileFailing.status).toBe(200);
		expect(sameDay).toMatchObject({ state: "failing", failures: 1 });
		expect(afterSecond).toMatchObject({ state: "failing", failures: 2 });
		expect(await hostRow("flaky.example.org")).toMatchObject({ state: "pending", failures: 0, error: reason });
		const site = await requestUrl("http://flaky.example.org/");
		expect(site.status).toBe(404);
		const record = "  TXT  _baton-verify.flaky.example.org  baton-verify=token-flaky.example.org";
		const name = `TST ${edition.year}`;
		const first = {
			subject: `flaky.example.org: Baton could not confirm the host name of ${name}`,
			text: `Hello Test chair,\n\nthe daily check of flaky.example.org, the host name of ${name}, failed: ${reason}\n\nThe site is still served there, but after 3 failed checks in a row it stops. Keep this DNS record in place:\n\n${record}\n\nCheck it again once it is fixed: https://localhost/console/editions/${edition.id}/hosts\n\n— Baton`,
		};
		expect(mailsAfterFirst).toEqual([first]);
		expect(await mailsTo(edition.chair.email)).toEqual([
			first,
			{
				subject: `flaky.example.org stopped serving ${name}`,
				text: `Hello Test chair,\n\n3 checks in a row could not confirm flaky.example.org, the host name of ${name} (the last: ${reason}), so it no longer serves the site. The site stays at https://localhost/s/${edition.seriesSlug}/${edition.year}.\n\nTo serve it at flaky.example.org again, create this DNS record and press "Check now": https://localhost/console/editions/${edition.id}/hosts\n\n${record}\n\n— Baton`,
			},
		]);
		expect(await mailsTo(edition.organizer.email)).toEqual([]);
	});

	it("keeps a name whose record is in place verified, and recovers a failing one once the record is back", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("steady.example.org", edition.id);
		await mapHost("recovers.example.org", edition.id);
		publishFakeTxt("_baton-verify.steady.example.org", "baton-verify=token-steady.example.org");
		const t0 = new Date();

		await runAt(t0);
		const failing = await hostRow("recovers.example.org");
		publishFakeTxt("_baton-verify.recovers.example.org", "baton-verify=token-recovers.example.org");
		await runAt(at(t0, DAY));

		expect(failing).toMatchObject({ state: "failing", failures: 1 });
		expect(await hostRow("steady.example.org")).toMatchObject({ state: "verified", failures: 0, error: null });
		expect(await hostRow("recovers.example.org")).toMatchObject({ state: "verified", failures: 0, error: null });
	});

	it("counts a failure once and mails once when two runs overlap", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("overlap.example.org", edition.id);

		await runOvertaken(verifyHosts, new Date());

		expect(await hostRow("overlap.example.org")).toMatchObject({ state: "failing", failures: 1 });
		expect((await mailsTo(edition.chair.email)).length).toBe(1);
	});

	it("verifies a pending name by itself once its record is published", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("later.example.org", edition.id, "pending");
		publishFakeTxt("_baton-verify.later.example.org", "baton-verify=token-later.example.org");

		await runAt(new Date());

		expect(await hostRow("later.example.org")).toMatchObject({ state: "verified", failures: 0 });
		expect((await requestUrl("http://later.example.org/")).status).toBe(200);
	});
});

describe("mappings made before proof of control was required", () => {
	it("serve for 30 days with a console warning and a mail to the chairs, then stop unless verified", async () => {
		const edition = await createLifecycleEdition("published");
		// As the migration leaves a row that existed before it: the column defaults make it legacy.
		await env.DB.prepare("insert into edition_hosts (hostname, edition_id) values (?, ?)")
			.bind("old.example.org", edition.id)
			.run();
		const t0 = new Date();

		const before = await requestUrl("http://old.example.org/");
		await runAt(t0);
		const started = await hostRow("old.example.org");
		const during = await requestUrl("http://old.example.org/");
		const page = await (await getAs(`/console/editions/${edition.id}/hosts`, edition.chair.cookie)).text();
		await runAt(at(t0, DAY));
		await runAt(at(t0, 30 * DAY));

		expect(before.status).toBe(200);
		expect(started?.graceUntil).toBe(t0.getTime() + 30 * DAY);
		expect(started?.token).toMatch(/^[0-9a-f]{32}$/);
		expect(during.status).toBe(200);
		const deadline = new Date(t0.getTime() + 30 * DAY).toISOString().slice(0, 10);
		expect(page).toContain(
			`<strong>old.example.org is not verified.</strong> Mapped before proof of control was required: serves the site until ${deadline}, then stops unless verified.`,
		);
		expect(page).toContain("<code>_baton-verify.old.example.org</code>");
		const name = `TST ${edition.year}`;
		expect(await mailsTo(edition.chair.email)).toEqual([
			{
				subject: `old.example.org: confirm the host name of ${name} by ${deadline}`,
				text: `Hello Test chair,\n\nBaton now serves a site at a host name only once it is proven that whoever mapped the name controls it. old.example.org was mapped to ${name} before that, so it keeps serving the site until ${deadline} and then stops unless it is verified. Create this DNS record at the name's DNS provider:\n\n  TXT  _baton-verify.old.example.org  baton-verify=${started?.token}\n\nthen press "Check now" on https://localhost/console/editions/${edition.id}/hosts (Baton also checks daily).\n\n— Baton`,
			},
		]);
		expect(await hostRow("old.example.org")).toMatchObject({ state: "pending" });
		expect((await requestUrl("http://old.example.org/")).status).toBe(404);
	});

	it("become verified mappings once their record is found", async () => {
		const edition = await createLifecycleEdition("published");
		await env.DB.prepare("insert into edition_hosts (hostname, edition_id) values (?, ?)")
			.bind("old-kept.example.org", edition.id)
			.run();
		const t0 = new Date();
		await runAt(t0);
		const { token } = (await hostRow("old-kept.example.org")) ?? { token: "" };
		publishFakeTxt("_baton-verify.old-kept.example.org", `baton-verify=${token}`);

		await runAt(at(t0, DAY));
		await runAt(at(t0, 31 * DAY));

		expect(await hostRow("old-kept.example.org")).toMatchObject({ state: "verified", graceUntil: null });
		expect((await requestUrl("http://old-kept.example.org/")).status).toBe(200);
	});
});

describe("holds", () => {
	it("end after 30 days: the name is freed", async () => {
		const edition = await createLifecycleEdition("published");
		await mapHost("hold-ends.example.org", edition.id, "held");
		const t0 = new Date();
		await env.DB.prepare("update edition_hosts set held_until = ? where hostname = ?")
			.bind(t0.getTime() + 30 * DAY, "hold-ends.example.org")
			.run();

		await runAt(at(t0, 29 * DAY));
		const during = await hostRow("hold-ends.example.org");
		await runAt(at(t0, 30 * DAY));

		expect(during?.state).toBe("held");
		expect(await hostRow("hold-ends.example.org")).toBeNull();
	});
});
