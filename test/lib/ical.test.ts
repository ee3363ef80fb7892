import { describe, expect, it } from "vitest";
import { escapeText, foldLine, icsCalendar, vtimezone, zoneTransitions } from "../../src/lib/ical";

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (s: string) => s.replace(/\r\n /g, "");

describe("escapeText", () => {
	it("escapes backslash, semicolon, comma and every kind of line break", () => {
		expect(escapeText("a\\b; c, d\ne\r\nf\rg")).toBe("a\\\\b\\; c\\, d\\ne\\nf\\ng");
	});

	it("drops control characters that TEXT may not hold, keeping tabs", () => {
		expect(escapeText("bell\u0007 tab\there\u001f")).toBe("bell tab\there");
	});
});

describe("foldLine", () => {
	it("leaves a line of 75 octets alone", () => {
		const line = `SUMMARY:${"x".repeat(67)}`;
		expect(foldLine(line)).toBe(line);
	});

	it("folds a long ASCII line into physical lines of at most 75 octets, continuation lines starting with a space", () => {
		const line = `DESCRIPTION:${"abcdefghij".repeat(20)}`;
		const folded = foldLine(line);
		const physical = folded.split("\r\n");
		expect(physical.map(octets)).toEqual([75, 75, 64]);
		expect(physical.slice(1).every((l) => l.startsWith(" "))).toBe(true);
		expect(unfold(folded)).toBe(line);
	});

	it("never splits a multibyte character, counting octets rather than characters", () => {
		// 2-, 3- and 4-octet characters (é, €, 😀), so a boundary falls inside one of them somewhere.
		const line = `SUMMARY:${"é€😀".repeat(30)}`;
		const folded = foldLine(line);
		const physical = folded.split("\r\n");
		expect(physical).toHaveLength(4);
		for (const part of physical) {
			expect(octets(part)).toBeLessThanOrEqual(75);
			// A split inside a character would leave a lone surrogate, which UTF-8 cannot encode.
			expect(new TextDecoder().decode(new TextEncoder().encode(part))).toBe(part);
		}
		// 73 octets: the next character, €, takes 3 and would pass 75, so the line ends before it.
		expect(physical[0]).toBe(`SUMMARY:${"é€😀".repeat(7)}é`);
		expect(unfold(folded)).toBe(line);
	});
});

describe("zoneTransitions", () => {
	it("finds Amsterdam's two changes of 2023 to the minute", () => {
		expect(zoneTransitions("Europe/Amsterdam", Date.UTC(2023, 0, 1), Date.UTC(2024, 0, 1))).toEqual([
			{ at: Date.UTC(2023, 2, 26, 1), from: 60, to: 120 },
			{ at: Date.UTC(2023, 9, 29, 1), from: 120, to: 60 },
		]);
	});

	it("finds none in a zone without daylight saving time", () => {
		expect(zoneTransitions("Asia/Tokyo", Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1))).toEqual([]);
	});
});

describe("vtimezone", () => {
	it("describes Europe/Amsterdam in 2023: winter time, summer time from 26 March, winter time from 29 October", () => {
		expect(vtimezone("Europe/Amsterdam", 2023, 2023)).toEqual([
			"BEGIN:VTIMEZONE",
			"TZID:Europe/Amsterdam",
			"BEGIN:STANDARD",
			"DTSTART:20221231T010000",
			"TZOFFSETFROM:+0100",
			"TZOFFSETTO:+0100",
			"END:STANDARD",
			"BEGIN:DAYLIGHT",
			"DTSTART:20230326T020000",
			"TZOFFSETFROM:+0100",
			"TZOFFSETTO:+0200",
			"END:DAYLIGHT",
			"BEGIN:STANDARD",
			"DTSTART:20231029T030000",
			"TZOFFSETFROM:+0200",
			"TZOFFSETTO:+0100",
			"END:STANDARD",
			"END:VTIMEZONE",
		]);
	});

	it("describes a southern zone, whose year starts in summer time", () => {
		const lines = vtimezone("Australia/Sydney", 2024, 2024).join("\n");
		expect(lines).toContain(
			"BEGIN:DAYLIGHT\nDTSTART:20231231T110000\nTZOFFSETFROM:+1100\nTZOFFSETTO:+1100\nEND:DAYLIGHT",
		);
		expect(lines).toContain(
			"BEGIN:STANDARD\nDTSTART:20240407T030000\nTZOFFSETFROM:+1100\nTZOFFSETTO:+1000\nEND:STANDARD",
		);
		expect(lines).toContain(
			"BEGIN:DAYLIGHT\nDTSTART:20241006T020000\nTZOFFSETFROM:+1000\nTZOFFSETTO:+1100\nEND:DAYLIGHT",
		);
	});

	it("gives a zone without daylight saving time one STANDARD observance, half hours and west of UTC included", () => {
		expect(vtimezone("Asia/Kolkata", 2025, 2025).slice(2, 7)).toEqual([
			"BEGIN:STANDARD",
			"DTSTART:20241231T053000",
			"TZOFFSETFROM:+0530",
			"TZOFFSETTO:+0530",
			"END:STANDARD",
		]);
		expect(vtimezone("America/Bogota", 2025, 2025)).toHaveLength(8);
		expect(vtimezone("America/Bogota", 2025, 2025)[4]).toBe("TZOFFSETFROM:-0500");
	});
});

describe("icsCalendar", () => {
	const event = {
		uid: "5eed2023-0000-4000-8000-000000000002@baton",
		stamp: new Date("2023-09-01T00:00:00Z"),
		sequence: 3,
		start: new Date("2023-10-09T07:30:00Z"),
		end: new Date("2023-10-09T08:15:00Z"),
		summary: "Willem Vaalburg lecture 2023",
		description: "Chair: A, B; C\nSecond line",
		location: "Plenary hall, UMCG",
		url: "https://baton.example.org/s/ainm/2023/program/2",
	};

	it("writes the calendar with CRLF line endings, the last line too", () => {
		const ics = icsCalendar({ name: "AINM 2023", timeZone: "Europe/Amsterdam", events: [event] });
		expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
		expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
	});

	it("writes each event with its UID, UTC DTSTAMP, local times in the zone and escaped text", () => {
		const ics = icsCalendar({ name: "AINM 2023", timeZone: "Europe/Amsterdam", events: [event] });
		const vevent = ics.slice(ics.indexOf("BEGIN:VEVENT"), ics.indexOf("END:VEVENT") + 10);
		expect(vevent.split("\r\n")).toEqual([
			"BEGIN:VEVENT",
			"UID:5eed2023-0000-4000-8000-000000000002@baton",
			"DTSTAMP:20230901T000000Z",
			"SEQUENCE:3",
			"DTSTART;TZID=Europe/Amsterdam:20231009T093000",
			"DTEND;TZID=Europe/Amsterdam:20231009T101500",
			"SUMMARY:Willem Vaalburg lecture 2023",
			"DESCRIPTION:Chair: A\\, B\\; C\\nSecond line",
			"LOCATION:Plenary hall\\, UMCG",
			"URL:https://baton.example.org/s/ainm/2023/program/2",
			"END:VEVENT",
		]);
		expect(ics).toContain("X-WR-CALNAME:AINM 2023\r\nX-WR-TIMEZONE:Europe/Amsterdam\r\nBEGIN:VTIMEZONE\r\n");
	});

	it("writes 09:00 local on both sides of the night clocks go back", () => {
		const ics = icsCalendar({
			name: "DST",
			timeZone: "Europe/Amsterdam",
			events: [
				{ ...event, uid: "sat@baton", start: new Date("2025-10-25T07:00:00Z"), end: new Date("2025-10-25T08:00:00Z") },
				{ ...event, uid: "sun@baton", start: new Date("2025-10-26T08:00:00Z"), end: new Date("2025-10-26T09:00:00Z") },
			],
		});
		expect(ics).toContain(
			"UID:sat@baton\r\nDTSTAMP:20230901T000000Z\r\nSEQUENCE:3\r\nDTSTART;TZID=Europe/Amsterdam:20251025T090000",
		);
		expect(ics).toContain(
			"UID:sun@baton\r\nDTSTAMP:20230901T000000Z\r\nSEQUENCE:3\r\nDTSTART;TZID=Europe/Amsterdam:20251026T090000",
		);
		expect(ics).toContain("BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n");
	});

	it("folds long lines at 75 octets", () => {
		const ics = icsCalendar({
			name: "AINM 2023",
			timeZone: "Europe/Amsterdam",
			events: [{ ...event, description: "Łódź, Zürich and São Paulo ".repeat(10) }],
		});
		const lines = ics.split("\r\n");
		expect(Math.max(...lines.map(octets))).toBe(75);
		expect(unfold(ics)).toContain(`DESCRIPTION:${"Łódź\\, Zürich and São Paulo ".repeat(10)}`);
	});
});
