import { describe, expect, it } from "vitest";
import {
	acronymOf,
	escapeXml,
	type FrabSchedule,
	frabDuration,
	frabSlug,
	scheduleJson,
	scheduleXml,
	slugify,
	stableGuid,
	uuidV5,
} from "../../src/lib/frab";

describe("names", () => {
	it("makes acronyms of letters and digits only", () => {
		expect(acronymOf("ainm", 2023)).toBe("ainm2023");
		expect(acronymOf("Nuc-Med_AI", 2025)).toBe("nucmedai2025");
	});

	it("slugifies titles to lowercase ASCII words", () => {
		expect(slugify("Łódź & São Paulo: PET/CT (2023)")).toBe("odz-sao-paulo-pet-ct-2023");
		expect(slugify("AI ".repeat(40))).toBe("ai-ai-ai-ai-ai-ai-ai-ai-ai-ai-ai-ai-ai-ai-ai-ai-ai-ai-ai-ai");
	});

	it("makes event slugs both schemas accept, even from a title without Latin letters", () => {
		expect(frabSlug("ainm2023", 2, "Willem Vaalburg lecture 2023")).toBe("ainm2023-2-willem-vaalburg-lecture-2023");
		expect(frabSlug("ainm2023", 7, "核医学")).toBe("ainm2023-7-session");
	});

	it("writes durations as HH:MM", () => {
		expect([frabDuration(5), frabDuration(90), frabDuration(180)]).toEqual(["00:05", "01:30", "03:00"]);
	});
});

describe("uuidV5", () => {
	it("matches RFC 9562's name-based UUIDs (Python's uuid5(NAMESPACE_DNS, 'python.org'))", async () => {
		expect(await uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org")).toBe(
			"886313e1-3b8a-5372-9b90-0c9aee199e5d",
		);
	});

	it("gives the same name the same UUID, and another name another", async () => {
		const a = await stableGuid("room:seed-2023-room-a");
		expect(await stableGuid("room:seed-2023-room-a")).toBe(a);
		expect(await stableGuid("room:seed-2023-room-b")).not.toBe(a);
		expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});
});

describe("escapeXml", () => {
	it("escapes markup characters and drops what XML 1.0 cannot hold", () => {
		expect(escapeXml(`<b>"Tom" & 'Jerry'</b>\u0001\u000b`)).toBe(
			"&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;",
		);
		expect(escapeXml("line\nnext\ttab")).toBe("line\nnext\ttab");
	});
});

const room = { name: 'Room "A" & <B>', guid: "f9f01e9c-76a2-5abd-85ff-6dd647132dbd", capacity: 150 };
const schedule: FrabSchedule = {
	version: "7",
	url: "https://baton.example.org/s/ainm/2023/schedule.xml",
	baseUrl: "https://baton.example.org/s/ainm/2023/",
	acronym: "ainm2023",
	title: "AINM 2023",
	start: "2023-10-09",
	end: "2023-10-11",
	timeZone: "Europe/Amsterdam",
	logo: "",
	color: "#00567a",
	tracks: [{ name: "2nd track", color: "#1f6f43" }],
	rooms: [room],
	days: [
		{
			index: 1,
			date: "2023-10-09",
			start: "2023-10-09T00:00:00+02:00",
			end: "2023-10-10T00:00:00+02:00",
			rooms: [
				{
					room,
					events: [
						{
							id: 4,
							guid: "5eed2023-0000-4000-8000-000000000004",
							date: "2023-10-09T10:45:00+02:00",
							end: "2023-10-09T12:15:00+02:00",
							start: "10:45",
							duration: "01:30",
							room: room.name,
							slug: "ainm2023-4-lesion-detection",
							url: "https://baton.example.org/s/ainm/2023/program/4",
							title: "Lesion detection <& segmentation>",
							subtitle: "",
							track: "2nd track",
							type: "Parallel track session",
							language: null,
							abstract: "Abstract",
							description: "Chair: Joana Ferreira",
							persons: [
								{
									id: 5,
									guid: "8eabf7c7-a715-5a3a-a9f0-07a5d7f97407",
									name: "Chidinma Okafor",
									biography: "Bio",
									avatar: null,
									url: "https://baton.example.org/s/ainm/2023/speakers/5",
								},
							],
						},
					],
				},
			],
		},
	],
};

describe("scheduleJson", () => {
	it("keys rooms by name, counts the days and gives persons pretalx's shape without an integer id", () => {
		const json = scheduleJson(schedule) as {
			schedule: { conference: Record<string, unknown> & { days: { rooms: Record<string, unknown[]> }[] } };
		};
		const conference = json.schedule.conference;
		expect(conference.daysCount).toBe(1);
		expect(conference.tracks).toEqual([{ name: "2nd track", slug: "t-2nd-track", color: "#1f6f43" }]);
		const [event] = conference.days[0]?.rooms['Room "A" & <B>'] ?? [];
		expect(event).toMatchObject({ id: 4, room: 'Room "A" & <B>', title: "Lesion detection <& segmentation>" });
		expect((event as { persons: unknown[] }).persons).toEqual([
			{
				guid: "8eabf7c7-a715-5a3a-a9f0-07a5d7f97407",
				name: "Chidinma Okafor",
				public_name: "Chidinma Okafor",
				biography: "Bio",
				avatar: null,
				url: "https://baton.example.org/s/ainm/2023/speakers/5",
			},
		]);
	});

	it("leaves out a zone name the schema's pattern would refuse", () => {
		const json = JSON.parse(JSON.stringify(scheduleJson({ ...schedule, timeZone: "Etc/GMT+5" })));
		expect(json.schedule.conference).not.toHaveProperty("time_zone_name");
	});
});

describe("scheduleXml", () => {
	it("escapes text and attributes, and gives persons an integer id", () => {
		const xml = scheduleXml(schedule);
		expect(xml).toContain(
			'<room name="Room &quot;A&quot; &amp; &lt;B&gt;" guid="f9f01e9c-76a2-5abd-85ff-6dd647132dbd">',
		);
		expect(xml).toContain("<title>Lesion detection &lt;&amp; segmentation&gt;</title>");
		expect(xml).toContain('<person id="5" guid="8eabf7c7-a715-5a3a-a9f0-07a5d7f97407">Chidinma Okafor</person>');
		expect(xml).toContain('<track name="2nd track" color="#1f6f43" slug="t-2nd-track"/>');
		expect(xml).toContain("<subtitle/>");
		expect(xml).not.toContain("<language>");
	});
});
