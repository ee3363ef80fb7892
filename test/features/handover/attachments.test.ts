/**
 * Attachments of handover notes in R2: what is accepted (size, types by extension checked against
 * the first bytes), what is written (object before row, cleaned up when the row fails), how files
 * are served (a download with nosniff, never cached, never inline), and removal.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { addAttachment, MAX_ATTACHMENT_BYTES } from "../../../src/features/handover/attachments";
import { getAs, postForm, sendJson } from "../../auth-helpers";
import { testDb } from "../../helpers";
import { createWorld, insertNote, rows, upload, type World } from "./helpers";

let w: World;
let noteId: string;

const PDF = new TextEncoder().encode("%PDF-1.7\n% budget\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const ODT_TYPE = "application/vnd.oasis.opendocument.text";
/** The first bytes of an ODF package: a ZIP whose stored first entry "mimetype" holds the media type. */
const odt = () => {
	const header = new Uint8Array(30);
	header.set([0x50, 0x4b, 0x03, 0x04]);
	header[26] = 8; // file name length
	return new Uint8Array([...header, ...new TextEncoder().encode(`mimetype${ODT_TYPE}`), 0x50, 0x4b, 0x01, 0x02]);
};

const api = () => `/api/v1/handover-notes/${noteId}/attachments`;
const objectsOf = async (id: string) => (await env.FILES.list({ prefix: `handover/${w.seriesId}/${id}/` })).objects;
const attachmentRows = (id: string) =>
	rows<Record<string, unknown>>(
		"select filename, content_type, size_bytes, object_key, uploaded_by from handover_attachments where note_id = ? order by created_at, rowid",
		id,
	);

beforeAll(async () => {
	w = await createWorld();
	noteId = await insertNote({
		seriesId: w.seriesId,
		editionId: w.editions[2023],
		title: "Budget",
		authorId: w.users.chair23.id,
	});
});

describe("uploading", () => {
	it("stores a PDF from the note page's form in R2 under ids, never the filename, then its row", async () => {
		const res = await upload(
			`/console/notes/${noteId}/attachments`,
			new File([PDF], "C:\\Users\\me\\Budget 2023 €.pdf", { type: "application/pdf" }),
			w.users.organizer23.cookie,
		);

		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/console/notes/${noteId}?notice=added#attachments`);
		const [row] = await attachmentRows(noteId);
		expect(row).toEqual({
			filename: "Budget 2023 €.pdf",
			content_type: "application/pdf",
			size_bytes: PDF.byteLength,
			object_key: expect.stringMatching(new RegExp(`^handover/${w.seriesId}/${noteId}/[0-9a-f-]{36}$`)),
			uploaded_by: w.users.organizer23.id,
		});
		const stored = await env.FILES.get(String(row?.object_key));
		expect(new Uint8Array(await (stored as R2ObjectBody).arrayBuffer())).toEqual(PDF);
	});

	it("accepts an OpenDocument text and a CSV through the API", async () => {
		const id = await insertNote({ seriesId: w.seriesId, editionId: w.editions[2023], title: "Kinds" });
		const path = `/api/v1/handover-notes/${id}/attachments`;
		const doc = await upload(path, new File([odt()], "program.odt", { type: "" }), w.users.chair23.cookie);
		const csv = await upload(
			path,
			new File(["name;country\nAda;NL\n"], "speakers.csv", { type: "application/vnd.ms-excel" }),
			w.users.chair23.cookie,
		);

		expect([doc.status, csv.status]).toEqual([201, 201]);
		expect((await csv.json<{ data: unknown }>()).data).toEqual({
			id: expect.any(String),
			noteId: id,
			filename: "speakers.csv",
			contentType: "text/csv; charset=utf-8",
			sizeBytes: 20,
			createdAt: expect.any(String),
			url: expect.stringMatching(new RegExp(`^/api/v1/handover-notes/${id}/attachments/`)),
		});
		expect((await attachmentRows(id)).map((r) => r.content_type)).toEqual([ODT_TYPE, "text/csv; charset=utf-8"]);
	});

	it("refuses a file over 10 MB with 413 and the error body, writing nothing", async () => {
		const id = await insertNote({ seriesId: w.seriesId, editionId: w.editions[2023], title: "Too big" });
		const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
		big.set(PDF);

		const res = await upload(
			`/api/v1/handover-notes/${id}/attachments`,
			new File([big], "huge.pdf"),
			w.users.chair23.cookie,
		);

		expect(res.status).toBe(413);
		expect(await res.json()).toEqual({
			error: {
				code: "too_large",
				message: "The file is larger than 10 MB.",
				fields: { file: "Attach files of at most 10 MB." },
				requestId: expect.any(String),
			},
		});
		expect(await attachmentRows(id)).toEqual([]);
		expect(await objectsOf(id)).toEqual([]);
	});

	it("shows a too large file's message on the note page, with 413", async () => {
		const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 100 * 1024);
		const res = await upload(
			`/console/notes/${noteId}/attachments`,
			new File([big], "huge.pdf"),
			w.users.chair23.cookie,
		);

		expect(res.status).toBe(413);
		expect(await res.text()).toContain("Attach files of at most 10 MB.");
	});

	it.each([
		[
			"an executable",
			new File([new Uint8Array([0x4d, 0x5a, 0x90])], "setup.exe"),
			"Files of this type cannot be attached.",
		],
		[
			"HTML",
			new File(["<script>alert(1)</script>"], "page.html", { type: "text/html" }),
			"Files of this type cannot be attached.",
		],
		["a PNG named .pdf", new File([PNG], "scan.pdf", { type: "application/pdf" }), "its contents are not a PDF"],
		["a PDF declared as an image", new File([PDF], "scan.pdf", { type: "image/png" }), "but was sent as image/png"],
		["a JPEG that is a PDF", new File([PDF], "photo.jpg", { type: "image/jpeg" }), "its contents are not a JPEG image"],
		[
			"a text file with NUL bytes",
			new File([new Uint8Array([65, 0, 66])], "notes.txt"),
			"its contents are not a text file",
		],
		[
			"a Word document that is no ZIP",
			new File(["plain text"], "minutes.docx"),
			"its contents are not a Word document",
		],
	])("refuses %s with 415 and a message, writing nothing", async (_, file, message) => {
		const id = await insertNote({ seriesId: w.seriesId, editionId: w.editions[2023], title: "Refused" });

		const res = await upload(`/api/v1/handover-notes/${id}/attachments`, file, w.users.chair23.cookie);

		expect(res.status).toBe(415);
		const { error } = await res.json<{ error: { code: string; fields: { file: string } } }>();
		expect(error.code).toBe("unsupported_file");
		expect(error.fields.file).toContain(message);
		expect(await attachmentRows(id)).toEqual([]);
		expect(await objectsOf(id)).toEqual([]);
	});

	it("shows a refused type's message beside the file field of the note page", async () => {
		const res = await upload(
			`/console/notes/${noteId}/attachments`,
			new File(["x"], "page.svg"),
			w.users.chair23.cookie,
		);

		expect(res.status).toBe(415);
		const html = await res.text();
		expect(html).toContain('<p class="field-error" id="field-file-error">Files of this type cannot be attached.');
	});

	it("asks for a file when the form sends none (400)", async () => {
		const res = await postForm(`/console/notes/${noteId}/attachments`, {}, w.users.chair23.cookie);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain("Choose a file to attach.");
	});

	it("removes the R2 object again when the row cannot be written", async () => {
		// A note that is gone by the time the row is written: its foreign key fails the insert.
		const gone = "note-that-was-removed";
		const attempt = addAttachment(testDb(), env.FILES, {
			note: { id: gone, seriesId: w.seriesId },
			file: new File([PDF], "late.pdf"),
			uploadedBy: w.users.chair23.id,
		});

		await expect(attempt).rejects.toMatchObject({ status: 404 });
		expect(await objectsOf(gone)).toEqual([]);
	});

	it("lets only the authoring edition's chairs and organizers upload", async () => {
		const file = () => new File([PDF], "x.pdf");
		const reviewer = await upload(api(), file(), w.users.reviewer23.cookie);
		const later = await upload(api(), file(), w.users.chair25.cookie);
		const anonymous = await upload(api(), file());

		expect([reviewer.status, later.status, anonymous.status]).toEqual([403, 403, 401]);
	});
});

describe("downloading", () => {
	it("serves the file only as a download: attachment with the UTF-8 name, stored type, nosniff, not cached", async () => {
		const [row] = await rows<{ id: string }>("select id from handover_attachments where note_id = ?", noteId);

		for (const path of [`/console/notes/${noteId}/attachments/${row?.id}`, `${api()}/${row?.id}`]) {
			const res = await getAs(path, w.users.reviewer25.cookie);
			expect(res.status).toBe(200);
			expect(
				Object.fromEntries(
					[
						"content-type",
						"content-disposition",
						"x-content-type-options",
						"cache-control",
						"content-security-policy",
					].map((h) => [h, res.headers.get(h)]),
				),
			).toEqual({
				"content-type": "application/pdf",
				"content-disposition": `attachment; filename="Budget 2023 _.pdf"; filename*=UTF-8''Budget%202023%20%E2%82%AC.pdf`,
				"x-content-type-options": "nosniff",
				"cache-control": "private, no-store",
				// The download's own policy, not the pages' one: nothing loads, scripts are sandboxed.
				"content-security-policy": "default-src 'none'; sandbox",
			});
			expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
		}
	});

	it("lists the attachments with their download addresses", async () => {
		const res = await sendJson("GET", api(), undefined, { cookie: w.users.chair25.cookie });
		const { data } = await res.json<{ data: { filename: string; url: string; id: string }[] }>();
		expect(data.map((a) => [a.filename, a.url])).toEqual([["Budget 2023 €.pdf", `${api()}/${data[0]?.id}`]]);
	});
});

describe("file names that reorder what is shown", () => {
	// U+202E (right-to-left override) shows "Invoice<RLO>fdp.exe" as "Invoiceexe.pdf"; the others
	// embed, isolate or mark direction the same way. U+0007 is a control character.
	const SPOOFED = "Inv\u202aoi\u202bce\u202c \u202d\u200e\u200f\u061c\u2066\u2067\u2068\u2069\u202egpj\u0007.pdf";

	it("loses its bidi formatting and control characters when it is stored", async () => {
		const id = await insertNote({ seriesId: w.seriesId, editionId: w.editions[2023], title: "Spoofed name" });

		const res = await upload(
			`/api/v1/handover-notes/${id}/attachments`,
			new File([PDF], SPOOFED, { type: "application/pdf" }),
			w.users.chair23.cookie,
		);

		expect(res.status).toBe(201);
		expect((await res.json<{ data: { filename: string } }>()).data.filename).toBe("Invoice gpj.pdf");
		expect((await attachmentRows(id)).map((r) => r.filename)).toEqual(["Invoice gpj.pdf"]);
	});

	it("is served without them even when it was stored before this rule", async () => {
		const id = await insertNote({ seriesId: w.seriesId, editionId: w.editions[2023], title: "Old spoofed name" });
		const created = await upload(
			`/api/v1/handover-notes/${id}/attachments`,
			new File([PDF], "plain.pdf"),
			w.users.chair23.cookie,
		);
		const { data } = await created.json<{ data: { id: string } }>();
		await env.DB.prepare("update handover_attachments set filename = ? where id = ?").bind(SPOOFED, data.id).run();

		const res = await getAs(`/api/v1/handover-notes/${id}/attachments/${data.id}`, w.users.chair23.cookie);

		expect(res.status).toBe(200);
		expect(res.headers.get("Content-Disposition")).toBe(
			`attachment; filename="Invoice gpj.pdf"; filename*=UTF-8''Invoice%20gpj.pdf`,
		);
	});
});

describe("removing", () => {
	it("deletes the row, then the object", async () => {
		const id = await insertNote({ seriesId: w.seriesId, editionId: w.editions[2023], title: "Remove a file" });
		const res = await upload(
			`/api/v1/handover-notes/${id}/attachments`,
			new File([PDF], "old.pdf"),
			w.users.chair23.cookie,
		);
		const { data } = await res.json<{ data: { id: string } }>();
		expect((await objectsOf(id)).length).toBe(1);

		const removed = await postForm(`/console/notes/${id}/attachments/${data.id}/delete`, {}, w.users.chair23.cookie);

		expect(removed.status).toBe(303);
		expect(await attachmentRows(id)).toEqual([]);
		expect(await objectsOf(id)).toEqual([]);
	});

	it("takes the files of a removed note with it", async () => {
		const id = await insertNote({ seriesId: w.seriesId, editionId: w.editions[2023], title: "Remove the note" });
		await upload(`/api/v1/handover-notes/${id}/attachments`, new File([PDF], "a.pdf"), w.users.chair23.cookie);
		await upload(`/api/v1/handover-notes/${id}/attachments`, new File([PNG], "b.png"), w.users.chair23.cookie);
		expect((await objectsOf(id)).length).toBe(2);

		const res = await sendJson("DELETE", `/api/v1/handover-notes/${id}`, undefined, { cookie: w.users.chair23.cookie });

		expect(res.status).toBe(204);
		expect(await attachmentRows(id)).toEqual([]);
		expect(await objectsOf(id)).toEqual([]);
	});
});
