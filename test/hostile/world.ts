/**
 * One world where every operation of the API is allowed to one actor: the owner of an
 * institution, steward of its series and chair of its draft edition, with a bystander who is a
 * member everywhere (the user a member route changes), and the rows the routes' paths name. A
 * digest of every table tells whether a refused request wrote anything.
 */
import { env } from "cloudflare:workers";
import { newId } from "../../src/lib/ids";
import { createTestUser, type TestUser } from "../auth-helpers";

export interface World {
	actor: TestUser;
	bystander: TestUser;
	institutionId: string;
	seriesId: string;
	seriesSlug: string;
	callId: string;
	editionId: string;
	/** The series' previous edition (published), which the actor chaired too: a source to clone. */
	previousEditionId: string;
	noteId: string;
	templateId: string;
	/** Edition dates: day 1 and the last day. */
	startDate: string;
	endDate: string;
}

let people: Promise<[TestUser, TestUser]> | undefined;

/** A fresh institution, series, call, edition, note and template; the two people are shared. */
export async function createWorld(): Promise<World> {
	// Test files share one module cache and D1 (isolate: false) but each starts from empty tables:
	// people made for an earlier file are gone, so they are made again.
	if (people) {
		const [a, b] = await people;
		const found = await env.DB.prepare("select count(*) as n from users where id in (?, ?)")
			.bind(a.id, b.id)
			.first<{ n: number }>();
		if (found?.n !== 2) people = undefined;
	}
	people ??= Promise.all([createTestUser("actor"), createTestUser("bystander")]);
	const [actor, bystander] = await people;
	const id = newId().slice(0, 8);
	const w: World = {
		actor,
		bystander,
		institutionId: `inst-${id}`,
		seriesId: `s-${id}`,
		seriesSlug: `series-${id}`,
		callId: `call-${id}`,
		editionId: `ed-${id}`,
		previousEditionId: `prev-${id}`,
		noteId: `note-${id}`,
		templateId: `tpl-${id}`,
		startDate: "2031-05-05",
		endDate: "2031-05-07",
	};
	const q = (sql: string, ...args: unknown[]) => env.DB.prepare(sql).bind(...args);
	await env.DB.batch([
		q(
			"insert into institutions (id, slug, name, country) values (?, ?, 'Institution', 'NL')",
			w.institutionId,
			`i-${id}`,
		),
		q(
			"insert into institution_members (institution_id, user_id, role) values (?, ?, 'owner'), (?, ?, 'member')",
			w.institutionId,
			actor.id,
			w.institutionId,
			bystander.id,
		),
		q(
			"insert into series (id, slug, name, short_name, institution_id) values (?, ?, 'Series', 'SER', ?)",
			w.seriesId,
			w.seriesSlug,
			w.institutionId,
		),
		q(
			"insert into series_stewards (series_id, user_id) values (?, ?), (?, ?)",
			w.seriesId,
			actor.id,
			w.seriesId,
			bystander.id,
		),
		q(
			"insert into host_calls (id, series_id, for_year, deadline, status) values (?, ?, 2035, '2099-12-31', 'open')",
			w.callId,
			w.seriesId,
		),
		q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status, host_institution_id) values (?, ?, 2031, 'SER 2031', ?, ?, 'Europe/Amsterdam', 'draft', ?)",
			w.editionId,
			w.seriesId,
			w.startDate,
			w.endDate,
			w.institutionId,
		),
		q(
			"insert into editions (id, series_id, year, name, start_date, end_date, time_zone, status) values (?, ?, 2029, 'SER 2029', '2029-05-07', '2029-05-09', 'Europe/Amsterdam', 'published')",
			w.previousEditionId,
			w.seriesId,
		),
		q(
			"insert into edition_members (edition_id, user_id, role) values (?, ?, 'chair'), (?, ?, 'organizer'), (?, ?, 'chair')",
			w.editionId,
			actor.id,
			w.editionId,
			bystander.id,
			w.previousEditionId,
			actor.id,
		),
		q(
			"insert into handover_notes (id, series_id, edition_id, topic, title, author_id) values (?, ?, ?, 'venue_rooms', 'Book the hall early', ?)",
			w.noteId,
			w.seriesId,
			w.editionId,
			actor.id,
		),
		// A page to publish as a template, and a room in the previous edition to clone.
		q("insert into pages (id, edition_id, slug, title) values (?, ?, 'travel', 'Travel')", `page-${id}`, w.editionId),
		q("insert into rooms (id, edition_id, name) values (?, ?, 'Hall')", `prev-room-${id}`, w.previousEditionId),
		q(
			"insert into templates (id, name, visibility, series_id) values (?, 'Kit', 'series', ?)",
			w.templateId,
			w.seriesId,
		),
		q(
			"insert into template_versions (id, template_id, version, parts, document, source_edition_id) values (?, ?, 1, '[\"pages\"]', ?, ?)",
			`${w.templateId}-v1`,
			w.templateId,
			JSON.stringify({
				schema: "baton.template/1",
				name: "Kit",
				description: "",
				parts: { pages: [{ slug: "home", title: "Home", body: "", navOrder: 0, published: false }] },
			}),
			w.editionId,
		),
	]);
	return w;
}

let tables: Promise<string[]> | undefined;

/** Every table of the schema (FTS shadow tables included: a search index written is a write). */
const allTables = () => {
	tables ??= env.DB.prepare(
		"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_cf\\_%' escape '\\' order by name",
	)
		.all<{ name: string }>()
		.then(({ results }) => results.map((r) => r.name));
	return tables;
};

async function sha256(text: string): Promise<string> {
	const hash = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
	return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Per table: its row count and a hash of all its rows, read in one batch. */
export async function digest(): Promise<Record<string, string>> {
	const names = await allTables();
	// The outbox by its messages only: an earlier request's relay stamps `enqueued_at` after its
	// response (waitUntil), which is delivery state, not a write of the request being checked.
	const query = (name: string) =>
		name === "outbox" ? 'select id, "to", subject, text from outbox order by id' : `select * from "${name}"`;
	const results = await env.DB.batch(names.map((name) => env.DB.prepare(query(name))));
	const entries = await Promise.all(
		names.map(async (name, i) => {
			const rows = results[i]?.results ?? [];
			return [name, `${rows.length}:${await sha256(JSON.stringify(rows))}`] as const;
		}),
	);
	return Object.fromEntries(entries);
}

/** The tables whose digest differs. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
	Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
