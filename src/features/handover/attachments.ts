/**
 * Files attached to handover notes (a budget sheet, the venue's floor plan, a sponsor contract),
 * stored in R2 (binding FILES). What is accepted: at most 10 MB, of a short list of document and
 * image types, decided by the file's extension and checked against its first bytes, so a file
 * cannot pass for a type it is not whatever its upload declares. What is served: always a download
 * (`Content-Disposition: attachment`, `nosniff`, never cached), never a page in Baton's origin.
 *
 * The R2 object is written before its row and removed again when the row cannot be written; a
 * removal deletes the row first, then the object, so no row ever points at a missing file.
 * Feature functions take a db handle and plain values; they know nothing of HTTP.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { failedWith } from "../../db/content-version";
import { handoverAttachments } from "../../db/schema";
import { commit } from "../../db/write";
import { AppError, notFound } from "../../lib/errors";
import { newId } from "../../lib/ids";

export type Attachment = typeof handoverAttachments.$inferSelect;

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The largest upload request read at all: the file plus room for the multipart framing. */
export const UPLOAD_LIMIT_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

const bytesOf = (text: string) => Array.from(text, (ch) => ch.charCodeAt(0));
const startsWith = (head: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => head[i] === byte);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OOXML (docx, xlsx, pptx) are ZIP archives; telling them apart needs their directory, and a download never runs them. */
const isZip = (head: Uint8Array) => startsWith(head, ZIP);
/** ODF requires an uncompressed first entry named "mimetype" holding the media type (ODF 1.2, part 3, 3.3). */
const isOdf = (mediaType: string) => (head: Uint8Array) =>
	isZip(head) && startsWith(head.subarray(30), bytesOf(`mimetype${mediaType}`));
/** Text files: UTF-8 (a BOM is fine) without NUL bytes. */
function isText(_head: Uint8Array, all: Uint8Array): boolean {
	if (all.includes(0)) return false;
	try {
		new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(all);
		return true;
	} catch {
		return false;
	}
}

interface FileKind {
	/** What a person calls it, for messages. */
	name: string;
	contentType: string;
	/** Declared types a browser may send for it besides contentType. */
	aliases: readonly string[];
	matches: (head: Uint8Array, all: Uint8Array) => boolean;
}

const ODT = "application/vnd.oasis.opendocument.text";
const ODS = "application/vnd.oasis.opendocument.spreadsheet";

const JPEG: FileKind = {
	name: "JPEG image",
	contentType: "image/jpeg",
	aliases: ["image/jpg"],
	matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]),
};

/** The accepted kinds of file, by extension. */
const FILE_KINDS: Record<string, FileKind> = {
	pdf: { name: "PDF", contentType: "application/pdf", aliases: [], matches: (h) => startsWith(h, bytesOf("%PDF-")) },
	png: {
		name: "PNG image",
		contentType: "image/png",
		aliases: [],
		matches: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	},
	jpg: JPEG,
	jpeg: JPEG,
	docx: {
		name: "Word document",
		contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		aliases: ["application/zip"],
		matches: isZip,
	},
	xlsx: {
		name: "Excel workbook",
		contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		aliases: ["application/zip"],
		matches: isZip,
	},
	pptx: {
		name: "PowerPoint presentation",
		contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
		aliases: ["application/zip"],
		matches: isZip,
	},
	odt: { name: "OpenDocument text", contentType: ODT, aliases: [], matches: isOdf(ODT) },
	ods: { name: "OpenDocument spreadsheet", contentType: ODS, aliases: [], matches: isOdf(ODS) },
	// Excel on Windows declares CSV files as application/vnd.ms-excel.
	csv: {
		name: "CSV file",
		contentType: "text/csv; charset=utf-8",
		aliases: ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"],
		matches: isText,
	},
	txt: { name: "text file", contentType: "text/plain; charset=utf-8", aliases: ["text/plain"], matches: isText },
};

/** The extensions accepted, for hints and messages. */
export const ACCEPTED_EXTENSIONS = Object.keys(FILE_KINDS);

/** Declared types that say nothing about the file, which browsers send for unknown extensions. */
const UNSPECIFIC = new Set(["", "application/octet-stream", "binary/octet-stream"]);

const unsupported = (message: string) => new AppError(415, "unsupported_file", message, { file: message });

/**
 * Bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C). In a file name they reorder what is
 * shown, so "invoice<U+202E>fdp.exe" reads as "invoiceexe.pdf" in a list or a save dialog.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * A display name without any path, control characters, bidi formatting characters or quotes, at
 * most 150 characters, keeping the extension. Used on upload and again on download, so names
 * stored before a rule was added are served clean too.
 */
export function cleanFilename(name: string): string {
	const base = (name.split(/[/\\]/).pop() ?? "")
		// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
		.replace(/[\u0000-\u001f\u007f-\u009f"]/g, "")
		.replace(BIDI_CONTROLS, "")
		.replace(/\s+/g, " ")
		.trim();
	if (base.length <= 150) return base;
	const dot = base.lastIndexOf(".");
	const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
	return base.slice(0, 150 - extension.length) + extension;
}

/** What an upload is, once checked: or a 413 / 415 with a message for the form's file field. */
export async function checkUpload(file: File): Promise<{ filename: string; contentType: string; bytes: Uint8Array }> {
	if (file.size > MAX_ATTACHMENT_BYTES) throw tooLarge();
	if (file.size === 0) throw new AppError(400, "invalid_input", "The file is empty.", { file: "The file is empty." });
	const filename = cleanFilename(file.name);
	const extension = /\.([a-z0-9]{1,5})$/i.exec(filename)?.[1]?.toLowerCase() ?? "";
	const kind = FILE_KINDS[extension];
	if (!kind) {
		throw unsupported(
			`Files of this type cannot be attached. Use one of: ${ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(", ")}.`,
		);
	}
	const declared = file.type.split(";")[0]?.trim().toLowerCase() ?? "";
	if (!UNSPECIFIC.has(declared) && declared !== kind.contentType.split(";")[0] && !kind.aliases.includes(declared)) {
		throw unsupported(`The file is named .${extension} but was sent as ${declared}: attach the ${kind.name} itself.`);
	}
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (!kind.matches(bytes.subarray(0, 128), bytes)) {
		throw unsupported(`This file is named .${extension} but its contents are not a ${kind.name}.`);
	}
	return { filename, contentType: kind.contentType, bytes };
}

export const tooLarge = () =>
	new AppError(413, "too_large", "The file is larger than 10 MB.", { file: "Attach files of at most 10 MB." });

/**
 * Stores a checked file of a note in R2, then its row; when the row cannot be written, the object
 * is removed again. The object key is made of ids, never of the filename.
 */
export async function addAttachment(
	db: Database,
	files: R2Bucket,
	input: { note: { id: string; seriesId: string }; file: File; uploadedBy: string },
): Promise<Attachment> {
	const { filename, contentType, bytes } = await checkUpload(input.file);
	const id = newId();
	const objectKey = `handover/${input.note.seriesId}/${input.note.id}/${id}`;
	await files.put(objectKey, bytes, { httpMetadata: { contentType } });
	try {
		const note = sql`(select edition_id from handover_notes where id = ${input.note.id})`;
		const change = { action: "handover.attachment.added", id, editionId: note, after: { filename }, of: 0 } as const;
		const [[row]] = await commit(
			db,
			[change],
			[
				db
					.insert(handoverAttachments)
					.values({
						id,
						noteId: input.note.id,
						seriesId: input.note.seriesId,
						objectKey,
						filename,
						contentType,
						sizeBytes: bytes.byteLength,
						uploadedBy: input.uploadedBy,
					})
					.returning(),
			],
		);
		if (!row) throw new Error("the attachment insert returned no row");
		return row;
	} catch (error) {
		await files.delete(objectKey);
		// The note was removed while the file was uploading.
		if (failedWith(error, "FOREIGN KEY constraint failed")) throw notFound("This note");
		throw error;
	}
}

/** A note's attachments, oldest first. */
export const listAttachments = (db: Database, noteId: string) =>
	db
		.select()
		.from(handoverAttachments)
		.where(eq(handoverAttachments.noteId, noteId))
		.orderBy(asc(handoverAttachments.createdAt), asc(handoverAttachments.filename));

/** One attachment of a note (404 when it is not this note's). */
export async function findAttachment(db: Database, noteId: string, attachmentId: string): Promise<Attachment> {
	const row = await db
		.select()
		.from(handoverAttachments)
		.where(and(eq(handoverAttachments.id, attachmentId), eq(handoverAttachments.noteId, noteId)))
		.get();
	if (!row) throw notFound("This attachment");
	return row;
}

/** Removes an attachment: its row, then its object (a failure there only leaves an unreachable object). */
export async function deleteAttachment(db: Database, files: R2Bucket, attachment: Attachment): Promise<void> {
	const note = sql`(select edition_id from handover_notes where id = ${attachment.noteId})`;
	const change = { action: "handover.attachment.removed", id: attachment.id, editionId: note, of: 0 } as const;
	await commit(db, [change], [db.delete(handoverAttachments).where(eq(handoverAttachments.id, attachment.id))]);
	try {
		await files.delete(attachment.objectKey);
	} catch (error) {
		console.error(
			JSON.stringify({
				level: "error",
				message: "orphaned handover file",
				key: attachment.objectKey,
				error: String(error),
			}),
		);
	}
}

/** `filename*` per RFC 5987/8187: UTF-8, percent-encoded beyond the few characters it allows as they are. */
const rfc5987 = (value: string) =>
	encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/** For clients that ignore `filename*`: ASCII only, nothing that could end the quoted string. */
const asciiFallback = (value: string) => value.replace(/[^\x20-\x7e]|["\\]/g, "_");

/**
 * The download of an attachment: always as a file to save (never shown inline, so an uploaded HTML
 * or SVG could never run in Baton's origin), with its stored type, nosniff, and never cached. Its
 * own CSP (nothing may load, scripts sandboxed) is kept by the app's secure headers, which only
 * fill in headers a response has not set (app.tsx).
 */
export async function downloadResponse(files: R2Bucket, attachment: Attachment): Promise<Response> {
	const object = await files.get(attachment.objectKey);
	if (!object) throw notFound("This file");
	const filename = cleanFilename(attachment.filename);
	return new Response(object.body, {
		headers: {
			"Content-Type": attachment.contentType || "application/octet-stream",
			"Content-Length": String(object.size),
			"Content-Disposition": `attachment; filename="${asciiFallback(filename)}"; filename*=UTF-8''${rfc5987(filename)}`,
			"X-Content-Type-Options": "nosniff",
			"Cache-Control": "private, no-store",
			"Content-Security-Policy": "default-src 'none'; sandbox",
		},
	});
}
