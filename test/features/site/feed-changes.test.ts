/**
 * Feeds change only with what they show (issue 17): publishing, editing or an availability change
 * of one edition leaves every other edition's feed bytes unchanged; within an edition, the
 * schedule's `version` and an event's SEQUENCE move only when what they show does, SEQUENCE never
 * goes down, and a clone's events start again at 0 while the source's feeds stay as they were.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { publishFakeTxt } from "../../../src/features/hostnames/fake-verifier";
import { getAs, sendJson, type TestUser } from "../../auth-helpers";
import { request, seed } from "../../helpers";
import { createLifecycleEdition, type TestEdition } from "../lifecycle/helpers";
import { cacheBuster } from "./helpers";

const SERIES = "seed-series-ainm";
const A = "/s/ainm/2023";
/** Every feed of an edition with sessions 1…`sessions`. */
const feedPaths = (sessions: number) => [
	"schedule.xml",
	"schedule.json",
	"calendar.ics",
	...Array.from({ length: sessions }, (_, i) => `program/${i + 1}/calendar.ics`),
];

/** What a feed renders now (a query of its own, so no edge copy answers), or its status if not 200. */
async function render(path: string, cookie?: string): Promise<string> {
	const res = await getAs(`${path}${path.includes("?") ? "&" : "?"}${cacheBuster()}`, cookie);
	return res.status === 200 ? res.text() : `HTTP ${res.status}`;
}

/** Every feed of the edition at `base`, by path. */
async function snapshot(base: string, sessions: number): Promise<Record<string, string>> {
	const paths = feedPaths(sessions);
	const bodies = await Promise.all(paths.map((path) => render(`${base}/${path}`)));
	return Object.fromEntries(paths.map((path, i) => [path, bodies[i] ?? ""]));
}

const ok = async (res: Response | Promise<Response>, status = 200) => {
	const answer = await res;
	expect(answer.status, await answer.clone().text()).toBe(status);
	return answer;
};
const dataOf = async <T>(res: Response | Promise<Response>, status = 200) =>
	(await (await ok(res, status)).json<{ data: T }>()).data;

/** The unfolded content lines of an iCalendar body. */
const icsLines = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n");
/** `SUMMARY → SEQUENCE` of every event of an iCalendar body. */
function sequences(ics: string): Record<string, number> {
	const result: Record<string, number> = {};
	let sequence = -1;
	for (const line of icsLines(ics)) {
		if (line.startsWith("SEQUENCE:")) sequence = Number(line.slice("SEQUENCE:".length));
		if (line.startsWith("SUMMARY:")) result[line.slice("SUMMARY:".length)] = sequence;
	}
	return result;
}
const versionOf = (json: string) => (JSON.parse(json) as { schedule: { version: string } }).schedule.version;

beforeAll(async () => {
	await seed();
});

describe("another edition of the series changes", () => {
	// A is the seeded, archived AINM 2023 (23 sessions); B a new AINM edition its chair takes from
	// draft to archived, editing its program, settings and host names on the way.
	it("and AINM 2023's feeds stay the same bytes, and a subscriber's revalidation gets 304", async () => {
		const before = await snapshot(A, 23);
		expect(Object.values(before).filter((body) => body.startsWith("HTTP"))).toEqual([]);
		const plain = await ok(request(`${A}/calendar.ics`));
		const etag = plain.headers.get("ETag") ?? "";
		const b = await createLifecycleEdition("draft", { seriesId: SERIES });
		const api = `/api/v1/editions/${b.id}`;
		const as = { cookie: b.chair.cookie };
		const steward = { cookie: b.steward.cookie };
		const steps: [string, () => Promise<unknown>][] = [
			["B published", () => ok(sendJson("POST", `${api}/publish`, {}, as))],
			[
				"B's program edited",
				async () => {
					const room = await dataOf<{ id: string }>(sendJson("POST", `${api}/rooms`, { name: "Aula" }, as), 201);
					const session = await dataOf<{ id: string }>(
						sendJson(
							"POST",
							`${api}/sessions`,
							{ kind: "plenary", title: "Opening", day: 1, startTime: "09:00", durationMinutes: 60, roomId: room.id },
							as,
						),
						201,
					);
					await ok(sendJson("PATCH", `${api}/sessions/${session.id}`, { title: "Welcome", startTime: "09:30" }, as));
					const talk = await dataOf<{ id: string }>(
						sendJson("POST", `${api}/sessions/${session.id}/talks`, { title: "Keynote" }, as),
						201,
					);
					await ok(sendJson("DELETE", `${api}/talks/${talk.id}`, undefined, as), 204);
					await ok(sendJson("PATCH", `${api}/rooms/${room.id}`, { name: "Great hall" }, as));
				},
			],
			["B's settings edited", () => ok(sendJson("PATCH", api, { venueName: "Elsewhere", city: "Leiden" }, as))],
			[
				"B's host name mapped, verified and removed",
				async () => {
					const host = await dataOf<{ records: { name: string; value: string }[] }>(
						sendJson("POST", `${api}/hosts`, { hostname: "feeds-b.example.org" }, as),
						201,
					);
					for (const record of host.records) publishFakeTxt(record.name, record.value);
					await ok(sendJson("POST", `${api}/hosts/feeds-b.example.org/check`, undefined, as));
					await ok(sendJson("DELETE", `${api}/hosts/feeds-b.example.org`, undefined, as), 204);
				},
			],
			[
				"the series' named lectures edited",
				async () => {
					const lecture = await dataOf<{ id: string }>(
						sendJson("POST", "/api/v1/series/ainm/lectures", { name: "Feeds lecture", honoree: "A. Honoree" }, steward),
						201,
					);
					await ok(sendJson("PATCH", `/api/v1/series/ainm/lectures/${lecture.id}`, { description: "New." }, steward));
				},
			],
			["B held", () => ok(sendJson("POST", `${api}/hold`, {}, as))],
			["B archived", () => ok(sendJson("POST", `${api}/archive`, {}, as))],
		];
		for (const [step, act] of steps) {
			await act();
			expect(await snapshot(A, 23), step).toEqual(before);
		}
		const again = await request(`${A}/calendar.ics`, { headers: { "If-None-Match": etag } });
		expect(again.status).toBe(304);
	});
});

describe("an edition's own feeds", () => {
	let edition: TestEdition;
	let api: string;
	let base: string;
	let as: { cookie: string };
	const ids: Record<string, string> = {};
	const calendar = () => render(`${base}/calendar.ics`);

	beforeAll(async () => {
		edition = await createLifecycleEdition("published");
		api = `/api/v1/editions/${edition.id}`;
		base = `/s/${edition.seriesSlug}/${edition.year}`;
		as = { cookie: edition.chair.cookie };
		const create = async (path: string, body: unknown) =>
			(await dataOf<{ id: string }>(sendJson("POST", `${api}/${path}`, body, as), 201)).id;
		ids.room = await create("rooms", { name: "Aula" });
		ids.speaker = await create("speakers", { name: "Ada Byron", affiliation: "UMCG", consent: true });
		const session = { kind: "plenary", day: 1, durationMinutes: 60, roomId: ids.room };
		ids.morning = await create("sessions", { ...session, title: "Morning", startTime: "09:00" });
		ids.noon = await create("sessions", { ...session, title: "Noon", startTime: "12:00" });
	});

	it("start every event at SEQUENCE 0 and raise a session's when a talk joins it", async () => {
		expect(sequences(await calendar())).toEqual({ Morning: 0, Noon: 0 });
		const talk = { title: "Noon", speakerIds: [ids.speaker] };
		await ok(sendJson("POST", `${api}/sessions/${ids.noon}/talks`, talk, as), 201);
		expect(sequences(await calendar())).toEqual({ Morning: 0, Noon: 1 });
	});

	it("stay the same bytes through edits they do not show (a sponsor, a track, a saved but unchanged session)", async () => {
		const before = await snapshot(base, 2);
		await ok(sendJson("POST", `${api}/sponsors`, { name: "Acme" }, as), 201);
		await ok(sendJson("POST", `${api}/tracks`, { name: "Unused track" }, as), 201);
		await ok(sendJson("PATCH", `${api}/sessions/${ids.morning}`, { title: "Morning", startTime: "09:00" }, as));
		expect(await snapshot(base, 2)).toEqual(before);
	});

	it("raise the SEQUENCE of the edited event only, and the schedule's version", async () => {
		const json = await render(`${base}/schedule.json`);
		await ok(sendJson("PATCH", `${api}/sessions/${ids.morning}`, { title: "Early", startTime: "08:30" }, as));
		expect(sequences(await calendar())).toEqual({ Early: 1, Noon: 1 });
		expect(sequences(await render(`${base}/program/1/calendar.ics`))).toEqual({ Early: 1 });
		expect(sequences(await render(`${base}/program/2/calendar.ics`))).toEqual({ Noon: 1 });
		const version = versionOf(await render(`${base}/schedule.json`));
		expect(version).toMatch(/^[0-9a-f]{16}$/);
		expect(version).not.toBe(versionOf(json));
	});

	it("never lower a SEQUENCE, even when an edit is undone", async () => {
		await ok(sendJson("PATCH", `${api}/sessions/${ids.morning}`, { title: "Morning", startTime: "09:00" }, as));
		expect(sequences(await calendar())).toEqual({ Morning: 2, Noon: 1 });
	});

	it("raise the events of a renamed room, a renamed speaker, a new talk and a moved venue", async () => {
		await ok(sendJson("PATCH", `${api}/rooms/${ids.room}`, { name: "Great hall" }, as));
		expect(sequences(await calendar())).toEqual({ Morning: 3, Noon: 2 });
		await ok(sendJson("PATCH", `${api}/speakers/${ids.speaker}`, { affiliation: "RUG" }, as));
		expect(sequences(await calendar())).toEqual({ Morning: 3, Noon: 3 });
		await ok(sendJson("POST", `${api}/sessions/${ids.morning}/talks`, { title: "Warm-up" }, as), 201);
		// A single talk titles the session's event.
		expect(sequences(await calendar())).toEqual({ "Morning: Warm-up": 4, Noon: 3 });
		await ok(sendJson("PATCH", api, { venueName: "Martini Plaza hall 2" }, as));
		expect(sequences(await calendar())).toEqual({ "Morning: Warm-up": 5, Noon: 4 });
	});

	it("start a clone's events at 0 and leave the source's feeds as they were", async () => {
		const source = await snapshot(base, 2);
		const draft = await createLifecycleEdition("draft", { seriesId: edition.seriesId });
		await addChairOf(draft, edition.chair);
		const parts = ["rooms_tracks", "program"];
		await ok(sendJson("POST", `/api/v1/editions/${draft.id}/clone`, { sourceEditionId: edition.id, parts }, as), 201);
		const preview = await render(`/s/${draft.seriesSlug}/${draft.year}/calendar.ics?preview=1`, draft.chair.cookie);
		expect(sequences(preview)).toEqual({ Morning: 0, Noon: 0 });
		expect(await snapshot(base, 2)).toEqual(source);
	});
});

/** Makes `user` a chair of `edition` too (the clone needs edition.update on the target). */
async function addChairOf(edition: TestEdition, user: TestUser) {
	await env.DB.prepare("insert into edition_members (edition_id, user_id, role) values (?, ?, 'chair')")
		.bind(edition.id, user.id)
		.run();
}
