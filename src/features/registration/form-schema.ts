/**
 * The registration form as a zod schema BUILT from the edition's configuration: its ticket types
 * and its registration fields (required or not, of kind text, textarea, email, select, checkbox or
 * country). The same schema checks the API's JSON and the page's form (after `fromForm`), so both
 * answer the same messages, keyed `answers.<fieldId>` beside the fixed fields.
 */
import { z } from "zod";
import { EMAIL_MAX_LENGTH } from "../../api/params";
import { AUDIENCE_ROLES } from "../../db/schema";
import { isCountryCode } from "../../lib/countries";
import { multiLine, singleLine } from "../../lib/text-input";
import type { RegistrationField } from "./config";

const COUNTRY_MESSAGE = "Choose a country from the list.";
const country = () => z.string({ error: COUNTRY_MESSAGE }).refine(isCountryCode, COUNTRY_MESSAGE);

/** One field's answer: what its kind takes, required or optional. */
function answerSchema(field: Pick<RegistrationField, "kind" | "required" | "options" | "label">) {
	const missing = `Answer “${field.label}”.`;
	switch (field.kind) {
		case "checkbox":
			// A required checkbox is a consent: it must be ticked.
			return field.required
				? z.literal(true, { error: `Tick “${field.label}” to register.` })
				: z.boolean().default(false);
		case "select": {
			const choice = z.enum(field.options as [string, ...string[]], { error: "Choose one of the options." });
			return field.required ? choice : z.union([choice, z.literal("")]).default("");
		}
		case "country":
			return field.required ? country() : z.union([country(), z.literal("")]).default("");
		case "email": {
			const email = z.email({ error: "Enter an email address like name@example.org." }).max(EMAIL_MAX_LENGTH);
			return field.required ? email : z.union([email, z.literal("")]).default("");
		}
		case "textarea": {
			const text = multiLine({ error: missing }).trim().max(5000, "Use at most 5000 characters.");
			return field.required ? text.min(1, missing) : text.default("");
		}
		default: {
			const text = singleLine({ error: missing }).trim().max(300, "Use at most 300 characters.");
			return field.required ? text.min(1, missing) : text.default("");
		}
	}
}

/**
 * The schema of one registration for an edition with `fields`: ticket, name, affiliation,
 * country, audience role, consent to the public list and the answers. Unknown answer keys are refused.
 *
 * @example registrationSchema(fields).safeParse({ ticketTypeId, name, country: "NL", role: "student", answers: { [id]: "x" } })
 */
export function registrationSchema(fields: readonly RegistrationField[]) {
	const answers = z.strictObject(Object.fromEntries(fields.map((field) => [field.id, answerSchema(field)])));
	return z.strictObject({
		ticketTypeId: z.string({ error: "Choose a ticket." }).min(1, "Choose a ticket.").max(100),
		name: singleLine({ error: "Enter your name." })
			.trim()
			.min(1, "Enter your name.")
			.max(200, "Use at most 200 characters."),
		affiliation: singleLine().trim().max(300, "Use at most 300 characters.").default(""),
		country: country(),
		role: z.enum(AUDIENCE_ROLES, { error: `Choose one of: ${AUDIENCE_ROLES.join(", ")}.` }),
		listConsent: z.boolean().default(false),
		answers: answers.default({} as never),
	});
}

export type RegistrationInput = z.infer<ReturnType<typeof registrationSchema>>;

/** The answers' form names: `answers.<fieldId>`, so a message's key is its field's name. */
export const answerName = (fieldId: string) => `answers.${fieldId}`;

/**
 * The page's flat form values as the schema's shape: checkboxes ticked or not, answers nested. A
 * field the form did not send is left out (the schema then says what is missing).
 */
export function fromForm(values: Record<string, unknown>, fields: readonly RegistrationField[]) {
	const answers: Record<string, unknown> = {};
	for (const field of fields) {
		const value = values[answerName(field.id)];
		if (field.kind === "checkbox") answers[field.id] = value === "on" || value === "true";
		else if (value !== undefined) answers[field.id] = value;
	}
	return {
		ticketTypeId: values.ticketTypeId,
		name: values.name,
		affiliation: values.affiliation ?? "",
		country: values.country,
		role: values.role,
		listConsent: values.listConsent === "on",
		answers,
	};
}

/** Only the answers part, for editing them on My page. */
export function answersSchema(fields: readonly RegistrationField[]) {
	return z.strictObject(Object.fromEntries(fields.map((field) => [field.id, answerSchema(field)])));
}
