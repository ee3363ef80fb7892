import { describe, expect, it } from "vitest";
import { applyPlaceholders, factsOf, findFacts } from "../../src/domain/edition-facts";

const ainm = factsOf({
	edition: {
		name: "AINM 2023",
		year: 2023,
		startDate: "2023-04-12",
		endDate: "2023-04-14",
		city: "Groningen",
		venueName: "UMCG",
		venueAddress: "Hanzeplein 1\n9713 GZ Groningen",
		hostName: "University Medical Center Groningen",
		contactEmail: "ainm@umcg.example",
	},
	people: ["Ada Example"],
});

describe("the facts of an edition in a text", () => {
	it("finds each fact once, longest first, in text order, with its context and proposal", () => {
		const text = "Welcome to AINM 2023 in Groningen at UMCG, Hanzeplein 1. Write to ainm@umcg.example or Ada Example.";
		const hits = findFacts(text, ainm);
		expect(hits.map((h) => [h.fact.kind, text.slice(h.start, h.end), h.fact.placeholder])).toEqual([
			["name", "AINM 2023", "edition.name"],
			["city", "Groningen", "edition.city"],
			["venue", "UMCG", "venue.name"],
			["address", "Hanzeplein 1", null],
			["contact", "ainm@umcg.example", "contact.email"],
			["person", "Ada Example", null],
		]);
		expect(hits[1]?.before).toBe("Welcome to AINM 2023 in ");
	});

	it("matches whole words only, ignores case and never looks inside a placeholder", () => {
		const hits = findFacts("In 20231 and {{edition.year}}, groningen; the year 2023.", ainm);
		expect(hits.map((h) => h.fact.value)).toEqual(["Groningen", "2023"]);
	});

	it("replaces only the accepted hits that have a placeholder", () => {
		const text = "Founded in Groningen in 2023; AINM 2023 meets at UMCG.";
		const hits = findFacts(text, ainm);
		const accepted = hits.filter((h) => h.fact.kind !== "city" && h.fact.kind !== "year");
		expect(applyPlaceholders(text, accepted)).toBe(
			"Founded in Groningen in 2023; {{edition.name}} meets at {{venue.name}}.",
		);
	});

	it("leaves out values too short to look for", () => {
		expect(factsOf({ edition: { city: "Ur", name: "" } })).toEqual([]);
	});
});
