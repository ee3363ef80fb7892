/**
 * The seeded AINM 2023 feeds, fetched from the running Worker by the shared validators
 * (../shared/validators): schedule.xml against c3voc's XSD, schedule.json against c3voc's JSON
 * schema, the iCalendar feeds by ical.js and python-icalendar (RFC 5545, strict: lines folded at
 * 75 octets), and the schema.org Event JSON-LD of the home and a session page. Each validator also
 * checks what its schema cannot say (rooms, start = time of date, unique guids and UIDs).
 */
import { execFile } from "node:child_process";
import { delimiter, join } from "node:path";
import { describe, expect, inject, test } from "vitest";
import { mainHostOrigin, repo, validate } from "./support";

// On the main host's name, as a visitor's app would ask: the feeds' own URLs then point there too.
const edition = `${mainHostOrigin(inject("baseUrl"))}/s/ainm/2023`;

/** Runs one of the validators written in shell; resolves with its exit code and output (never rejects on exit 1). */
function validateWithShell(script: string, args: string[]): Promise<{ code: number; output: string }> {
	return new Promise((done) => {
		execFile(
			"bash",
			[join(repo, "../shared/validators", script), ...args],
			{ env: { ...process.env, PATH: [join(repo, "node_modules/.bin"), process.env.PATH].join(delimiter) } },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
				done({ code, output: `${stdout}${stderr}${error && code === -1 ? String(error) : ""}` });
			},
		);
	});
}

describe.concurrent("the AINM 2023 feeds validate against their public definitions", () => {
	test("schedule.xml against c3voc's schedule.xml.xsd", async ({ expect }) => {
		const { code, output } = await validateWithShell("validate-schedule-xml.sh", [`${edition}/schedule.xml`]);
		expect(code, output).toBe(0);
		expect(output).toContain("VALID");
	});

	test("schedule.json against c3voc's schema.json, without warnings", async ({ expect }) => {
		const { code, output } = await validate("validate-schedule-json.mjs", ["--strict", `${edition}/schedule.json`]);
		expect(code, output).toBe(0);
		expect(output).toMatch(/^VALID .*\(0 error\(s\), 0 warning\(s\), --strict\)$/m);
	});

	test("calendar.ics of the program and of a session, RFC 5545 strict, read by two parsers", async ({ expect }) => {
		const feeds = [`${edition}/calendar.ics`, `${edition}/program/4/calendar.ics`];
		const { code, output } = await validateWithShell("validate-ics.sh", ["--strict", ...feeds]);
		expect(code, output).toBe(0);
		// Both parsers accepted both files.
		expect(output.match(/^VALID /gm)?.length, output).toBe(4);
		expect(output).not.toContain("NOTE python3-icalendar not installed");
	});

	test("the Event JSON-LD of the edition home and of a session page", async ({ expect }) => {
		const { code, output } = await validate("check-jsonld-event.mjs", [`${edition}/`, `${edition}/program/2`]);
		expect(code, output).toBe(0);
		expect(output.match(/^VALID /gm)?.length, output).toBe(2);
	});
});

test("the feeds are served with their media types", async () => {
	const types = await Promise.all(
		["schedule.xml", "schedule.json", "calendar.ics"].map(async (feed) => {
			const res = await fetch(`${edition}/${feed}`);
			await res.arrayBuffer();
			return [res.status, res.headers.get("content-type")];
		}),
	);
	expect(types).toEqual([
		[200, "application/xml; charset=utf-8"],
		[200, "application/json; charset=utf-8"],
		[200, "text/calendar; charset=utf-8"],
	]);
});
