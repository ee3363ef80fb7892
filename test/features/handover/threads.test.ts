/**
 * "Ask a question" on a handover note: the thread, and the emails every message sends through the
 * outbox, to exactly everyone taking part but its sender — also when the note's edition is
 * archived; invalid messages write nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, getAs, postForm, sendJson } from "../../auth-helpers";
import { createWorld, insertNote, outboxTo, recipientsOf, rows, type World } from "./helpers";

let w: World;

beforeAll(async () => {
	w = await createWorld();
});

const ask = (noteId: string, cookie: string, body = "How early did the student places go?") =>
	sendJson("POST", `/api/v1/handover-notes/${noteId}/threads`, { body }, { cookie });
const reply = (noteId: string, threadId: string, cookie: string, body: string) =>
	sendJson("POST", `/api/v1/handover-notes/${noteId}/threads/${threadId}/messages`, { body }, { cookie });

/** A note of 2023 by its organizer, with a title of its own (the outbox is shared by the whole file). */
const note23 = (title: string) =>
	insertNote({ seriesId: w.seriesId, editionId: w.editions[2023], title, authorId: w.users.organizer23.id });

describe("asking a question", () => {
	it("opens a thread and emails the note's author and its edition's chairs, nobody else", async () => {
		const id = await note23("Student tickets A");

		const res = await ask(id, w.users.chair25.cookie);

		expect(res.status).toBe(201);
		const { data } = await res.json<{ data: { id: string; askedByName: string; messages: { body: string }[] } }>();
		expect(data).toEqual({
			id: expect.any(String),
			askedByName: "Test chair25",
			createdAt: expect.any(String),
			messages: [
				{
					id: expect.any(String),
					authorName: "Test chair25",
					body: "How early did the student places go?",
					createdAt: expect.any(String),
				},
			],
		});
		expect(await recipientsOf("Student tickets A")).toEqual([w.users.chair23.email, w.users.organizer23.email].sort());
		expect(await outboxTo(w.users.organizer23.email)).toEqual([
			{
				subject: "Question about the handover note “Student tickets A” (HS 2023)",
				text: [
					"Hello Test organizer23,",
					"",
					"Test chair25 asks about the handover note “Student tickets A” that the committee of HS 2023 wrote for the committees after it:",
					"",
					"> How early did the student places go?",
					"",
					"Read the note and answer here:",
					`http://localhost/console/notes/${id}#thread-${data.id}`,
					"",
					"You get this email because you wrote the note or chair HS 2023. Your answer reaches everyone taking part in the question.",
				].join("\n"),
			},
		]);
	});

	it("refuses an empty question with 400 and writes neither thread nor email", async () => {
		const id = await note23("Student tickets B");

		const res = await ask(id, w.users.chair25.cookie, "   ");

		expect(res.status).toBe(400);
		expect((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields).toEqual({
			body: "Message is required.",
		});
		expect(await rows("select id from note_threads where note_id = ?", id)).toEqual([]);
		expect(await recipientsOf("Student tickets B")).toEqual([]);
	});

	it("reaches the previous organizers after their edition is archived", async () => {
		const id = await insertNote({
			seriesId: w.seriesId,
			editionId: w.editions[2021],
			title: "Archived advice",
			authorId: w.users.chair21.id,
		});

		const res = await ask(id, w.users.chair25.cookie);

		expect(res.status).toBe(201);
		expect(await recipientsOf("Archived advice")).toEqual([w.users.chair21.email]);
	});

	it("still reaches the chairs when the author's account is gone", async () => {
		const id = await insertNote({
			seriesId: w.seriesId,
			editionId: w.editions[2023],
			title: "Orphaned note",
			authorId: null,
		});

		await ask(id, w.users.steward.cookie);

		expect(await recipientsOf("Orphaned note")).toEqual([w.users.chair23.email]);
	});
});

describe("answering", () => {
	it("emails everyone taking part but the sender: the author's answer reaches the asker, the asker's the author", async () => {
		const id = await note23("Student tickets C");
		const opened = await ask(id, w.users.chair25.cookie);
		const threadId = (await opened.json<{ data: { id: string } }>()).data.id;
		const mailsOf = async (email: string) =>
			(await outboxTo(email)).filter((m) => m.subject.includes("Student tickets C"));

		const answer = await reply(id, threadId, w.users.organizer23.cookie, "In the first week.\nOpen more places.");
		expect(answer.status).toBe(201);
		expect((await mailsOf(w.users.chair25.email)).map((m) => m.subject)).toEqual([
			"Re: Question about the handover note “Student tickets C” (HS 2023)",
		]);
		expect((await mailsOf(w.users.chair25.email))[0]?.text).toContain("> In the first week.\n> Open more places.");

		await reply(id, threadId, w.users.chair25.cookie, "Thanks!");
		await reply(id, threadId, w.users.reviewer25.cookie, "Same question for 2025 residents.");

		// Question → author + chair; answer → asker + chair; thanks → author + chair; reviewer → everyone else.
		const count = async (email: string) => (await mailsOf(email)).length;
		expect({
			organizer23: await count(w.users.organizer23.email),
			chair23: await count(w.users.chair23.email),
			chair25: await count(w.users.chair25.email),
			reviewer25: await count(w.users.reviewer25.email),
			reviewer23: await count(w.users.reviewer23.email),
		}).toEqual({ organizer23: 3, chair23: 4, chair25: 2, reviewer25: 0, reviewer23: 0 });
		const thread = await sendJson("GET", `/api/v1/handover-notes/${id}/threads`, undefined, {
			cookie: w.users.chair23.cookie,
		});
		const [only] = (await thread.json<{ data: { messages: { authorName: string; body: string }[] }[] }>()).data;
		expect(only?.messages.map((m) => [m.authorName, m.body])).toEqual([
			["Test chair25", "How early did the student places go?"],
			["Test organizer23", "In the first week.\nOpen more places."],
			["Test chair25", "Thanks!"],
			["Test reviewer25", "Same question for 2025 residents."],
		]);
	});

	it("keeps a note made private since the thread began within its committee: the answer mails no outsider", async () => {
		const id = await note23("Student tickets D");
		const opened = await ask(id, w.users.chair25.cookie);
		const threadId = (await opened.json<{ data: { id: string } }>()).data.id;
		await rows("update handover_notes set visibility = 'private' where id = ?", id);

		expect((await reply(id, threadId, w.users.organizer23.cookie, "Ask me in person.")).status).toBe(201);

		const answers = async (email: string) =>
			(await outboxTo(email)).filter((m) => m.subject.startsWith("Re:") && m.subject.includes("Student tickets D"));
		expect({
			chair25: (await answers(w.users.chair25.email)).length,
			chair23: (await answers(w.users.chair23.email)).length,
		}).toEqual({ chair25: 0, chair23: 1 });
	});

	it.each(["public", "future_committees"] as const)(
		"mails no one removed from the committees since the thread began (%s note)",
		async (visibility) => {
			const title = `Badge printer ${visibility}`;
			const author = await createTestUser("former-organizer");
			const writer = await createTestUser("former-reviewer");
			await rows(
				"insert into edition_members (edition_id, user_id, role) values (?, ?, 'organizer'), (?, ?, 'reviewer')",
				w.editions[2023],
				author.id,
				w.editions[2025],
				writer.id,
			);
			const id = await insertNote({
				seriesId: w.seriesId,
				editionId: w.editions[2023],
				title,
				visibility,
				authorId: author.id,
			});
			const threadId = (await (await ask(id, w.users.chair25.cookie)).json<{ data: { id: string } }>()).data.id;
			expect((await reply(id, threadId, writer.cookie, "Which printer?")).status).toBe(201);
			await rows("delete from edition_members where user_id in (?, ?)", author.id, writer.id);

			expect((await reply(id, threadId, w.users.chair23.cookie, "The one in room 2.")).status).toBe(201);

			const answerTo = await rows<{ to: string }>(
				'select "to" from outbox where subject like ? and text like ? order by "to"',
				`%${title}%`,
				"%The one in room 2.%",
			);
			expect(answerTo.map((r) => r.to)).toEqual([w.users.chair25.email]);
		},
	);

	it("answers 404 for a thread of another note", async () => {
		const one = await note23("Student tickets D");
		const other = await note23("Student tickets E");
		const threadId = (await (await ask(one, w.users.chair25.cookie)).json<{ data: { id: string } }>()).data.id;

		const res = await reply(other, threadId, w.users.organizer23.cookie, "Wrong place");

		expect(res.status).toBe(404);
		expect(await rows("select body from note_messages where thread_id = ? order by created_at", threadId)).toEqual([
			{ body: "How early did the student places go?" },
		]);
	});
});

describe("on the note's page", () => {
	it("asks with a form, comes back to the thread, and offers each thread its own answer form", async () => {
		const id = await note23("Student tickets F");

		const res = await postForm(
			`/console/notes/${id}/questions`,
			{ body: "Who printed the badges?" },
			w.users.chair25.cookie,
		);

		expect(res.status).toBe(303);
		const [thread] = await rows<{ id: string }>("select id from note_threads where note_id = ?", id);
		expect(res.headers.get("Location")).toBe(`/console/notes/${id}?notice=question_sent#thread-${thread?.id}`);
		const html = await (await getAs(res.headers.get("Location") ?? "", w.users.organizer23.cookie)).text();
		expect(html).toContain("Question sent: the note&#39;s author and its edition&#39;s chairs get it by email.");
		expect(html).toContain(`<article class="thread" id="thread-${thread?.id}"`);
		expect(html).toContain("Who printed the badges?");
		expect(html).toContain(`<textarea id="reply-${thread?.id}" name="body"`);
	});

	it("shows the question form again with its message when it is empty", async () => {
		const id = await note23("Student tickets G");

		const res = await postForm(`/console/notes/${id}/questions`, { body: "" }, w.users.chair25.cookie);

		expect(res.status).toBe(400);
		expect(await res.text()).toContain("Message is required.");
		expect(await rows("select id from note_threads where note_id = ?", id)).toEqual([]);
	});
});
