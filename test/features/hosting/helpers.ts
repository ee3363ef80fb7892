/**
 * Arrange helpers for the hosting tests: a fixed clock (the story happens in spring 2024, between
 * AINM 2023 and AINM 2025), calls and proposals written straight to D1, and the rows the
 * assertions read back.
 */
import { env } from "cloudflare:workers";
import { vi } from "vitest";
import { hostCalls, hostProposals, series, seriesStewards } from "../../../src/db/schema";
import { newId } from "../../../src/lib/ids";
import { testDb } from "../../helpers";

/** "Today" in these tests: 1 May 2024, 10:00 UTC. */
export const NOW = new Date("2024-05-01T10:00:00Z");

/** Fakes only Date (D1 and timers keep running), before any session is made, so sessions agree with it. */
export function freezeClock() {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(NOW);
}

/** An open call written directly (a steward would open it through the API). */
export async function insertCall(
	seriesId: string,
	forYear: number,
	{ deadline = `${forYear - 1}-12-31`, status = "open" as "open" | "closed" } = {},
): Promise<string> {
	const id = newId();
	await testDb().insert(hostCalls).values({ id, seriesId, forYear, deadline, status, requirements: "A venue." });
	return id;
}

/** A submitted proposal written directly, with dates in `forYear`. */
export async function insertProposal(input: {
	callId: string;
	seriesId: string;
	institutionId: string;
	submittedBy: string;
	forYear: number;
	city?: string;
}): Promise<string> {
	const id = newId();
	await testDb()
		.insert(hostProposals)
		.values({
			id,
			callId: input.callId,
			seriesId: input.seriesId,
			institutionId: input.institutionId,
			submittedBy: input.submittedBy,
			city: input.city ?? "Leuven",
			country: "BE",
			venue: "Aula",
			startDate: `${input.forYear}-10-06`,
			endDate: `${input.forYear}-10-08`,
			timeZone: "Europe/Brussels",
			motivation: "We would love to.",
		});
	return id;
}

/** A series of its own, optionally founded by an institution, with the given stewards. */
export async function insertSeries({
	stewardIds = [] as string[],
	institutionId = null as string | null,
} = {}): Promise<{ id: string; slug: string; shortName: string }> {
	const id = newId();
	const slug = `s-${id.slice(0, 8)}`;
	const shortName = `S${id.slice(0, 4).toUpperCase()}`;
	const db = testDb();
	await db.insert(series).values({ id, slug, name: `Series ${slug}`, shortName, institutionId });
	if (stewardIds.length > 0)
		await db.insert(seriesStewards).values(stewardIds.map((userId) => ({ seriesId: id, userId })));
	return { id, slug, shortName };
}

/** Every row of a table matching a condition, as plain objects (snake_case columns). */
export async function rows<T = Record<string, unknown>>(sql: string, ...binds: unknown[]): Promise<T[]> {
	const { results } = await env.DB.prepare(sql)
		.bind(...binds)
		.all<T>();
	return results;
}
