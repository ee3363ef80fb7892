import { describe, expect, it } from "vitest";
import { editionEvent, jsonLdScript, sessionEvent } from "../../src/lib/json-ld";

const address = { streetAddress: "Hanzeplein 1, 9713 GZ Groningen", locality: "Groningen", country: "NL" };
const session = {
	name: "Willem Vaalburg lecture 2023",
	startDate: "2023-10-09T09:30:00+02:00",
	endDate: "2023-10-09T10:15:00+02:00",
	location: { name: "Plenary hall, UMCG", address },
	performers: [{ name: "Arturo Chiti", url: "https://baton.example.org/s/ainm/2023/speakers/1" }],
	url: "https://baton.example.org/s/ainm/2023/program/2",
};

describe("editionEvent", () => {
	it("describes the edition as a scheduled offline Event at its venue, with its sessions as subEvents", () => {
		const event = JSON.parse(
			JSON.stringify(
				editionEvent({
					name: "AINM 2023",
					description: "The first edition.",
					startDate: "2023-10-09T08:00:00+02:00",
					endDate: "2023-10-11T15:45:00+02:00",
					location: { name: "University Medical Center Groningen (UMCG)", address },
					organizer: { name: "University Medical Center Groningen" },
					url: "https://baton.example.org/s/ainm/2023/",
					image: "https://baton.example.org/logo.png",
					subEvents: [session],
				}),
			),
		);
		expect(event).toEqual({
			"@context": "https://schema.org",
			"@type": "Event",
			"@id": "https://baton.example.org/s/ainm/2023/#event",
			name: "AINM 2023",
			description: "The first edition.",
			startDate: "2023-10-09T08:00:00+02:00",
			endDate: "2023-10-11T15:45:00+02:00",
			eventStatus: "https://schema.org/EventScheduled",
			eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
			location: {
				"@type": "Place",
				name: "University Medical Center Groningen (UMCG)",
				address: {
					"@type": "PostalAddress",
					streetAddress: "Hanzeplein 1, 9713 GZ Groningen",
					addressLocality: "Groningen",
					addressCountry: "NL",
				},
			},
			organizer: { "@type": "Organization", name: "University Medical Center Groningen" },
			url: "https://baton.example.org/s/ainm/2023/",
			image: "https://baton.example.org/logo.png",
			subEvent: [
				{
					"@type": "Event",
					name: "Willem Vaalburg lecture 2023",
					startDate: "2023-10-09T09:30:00+02:00",
					endDate: "2023-10-09T10:15:00+02:00",
					eventStatus: "https://schema.org/EventScheduled",
					eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
					location: {
						"@type": "Place",
						name: "Plenary hall, UMCG",
						address: {
							"@type": "PostalAddress",
							streetAddress: "Hanzeplein 1, 9713 GZ Groningen",
							addressLocality: "Groningen",
							addressCountry: "NL",
						},
					},
					performer: [
						{ "@type": "Person", name: "Arturo Chiti", url: "https://baton.example.org/s/ainm/2023/speakers/1" },
					],
					url: "https://baton.example.org/s/ainm/2023/program/2",
				},
			],
		});
	});

	it("leaves out an image that is not an absolute http(s) URL, and empty address parts", () => {
		const event = JSON.parse(
			JSON.stringify(
				editionEvent({
					name: "X",
					startDate: "2025-10-06",
					endDate: "2025-10-08",
					location: { name: "Venue", address: { streetAddress: "", locality: "Lyon", country: "FR" } },
					organizer: { name: "AINM" },
					url: "https://x.example/",
					image: "/logo.png",
				}),
			),
		);
		expect(event).not.toHaveProperty("image");
		expect(event).not.toHaveProperty("subEvent");
		expect(event.location.address).toEqual({ "@type": "PostalAddress", addressLocality: "Lyon", addressCountry: "FR" });
	});
});

describe("sessionEvent", () => {
	it("points to the edition by reference as its superEvent", () => {
		const event = sessionEvent(session, { url: "https://baton.example.org/s/ainm/2023/" });
		expect(event["@context"]).toBe("https://schema.org");
		expect(event.superEvent).toEqual({ "@type": "Event", "@id": "https://baton.example.org/s/ainm/2023/#event" });
	});
});

describe("jsonLdScript", () => {
	it("escapes what could end the script element or start a comment, and still parses to the same data", () => {
		const data = { name: "</script><script>alert(1)</script> <!-- & \u2028" };
		const text = jsonLdScript(data);
		expect(text).toBe(
			'{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u003c!-- \\u0026 \\u2028"}',
		);
		expect(JSON.parse(text)).toEqual(data);
	});
});
