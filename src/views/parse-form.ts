/**
 * Server-side form handling for pages that work without JavaScript: parse the posted form with a
 * zod schema and either get typed data or the field messages to show beside each field.
 */
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../env";
import { fieldErrors } from "../lib/errors";

export type FormValues = Record<string, string>;

export type FormResult<T> =
	| { ok: true; data: T; values: FormValues }
	| { ok: false; fields: Record<string, string>; values: FormValues };

/** Reads an urlencoded or multipart form (text fields only) and validates it. */
export async function parseForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<FormResult<z.infer<S>>> {
	const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
	const values: FormValues = {};
	for (const [key, value] of Object.entries(body)) {
		if (typeof value === "string") values[key] = value;
	}
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	return { ok: false, fields: fieldErrors(result.error), values };
}
