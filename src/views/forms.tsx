/**
 * Accessible form parts: every field has a label, its error is tied to it with
 * aria-describedby and aria-invalid, and a summary at the top lists what to fix.
 */
import type { Child } from "hono/jsx";

export interface FieldProps {
	name: string;
	/** The control's id when a page has two fields of one name (two forms): `field-{name}` otherwise. */
	id?: string;
	label: string;
	type?: "text" | "email" | "password" | "url" | "date" | "number" | "search" | "tel" | "time" | "color";
	inputmode?: "decimal" | "numeric";
	value?: string;
	error?: string;
	hint?: string;
	required?: boolean;
	autocomplete?: string;
	maxlength?: number;
}

/**
 * The frame every labelled control shares: label (with "optional"), hint and error, and the
 * aria attributes that tie them to the control the render function draws.
 */
export function Labelled({
	name,
	id = `field-${name}`,
	label,
	hint,
	error,
	required,
	control,
}: Pick<FieldProps, "name" | "id" | "label" | "hint" | "error" | "required"> & {
	control: (aria: { id: string; "aria-invalid"?: "true"; "aria-describedby"?: string }) => Child;
}) {
	const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
	return (
		<div class={error ? "field field-invalid" : "field"}>
			<label for={id}>
				{label}
				{required ? null : <span class="meta"> (optional)</span>}
			</label>
			{hint ? (
				<p class="hint" id={`${id}-hint`}>
					{hint}
				</p>
			) : null}
			{error ? (
				<p class="field-error" id={`${id}-error`}>
					{error}
				</p>
			) : null}
			{control({
				id,
				"aria-invalid": error ? "true" : undefined,
				"aria-describedby": describedBy || undefined,
			})}
		</div>
	);
}

export function Field({ type = "text", value, autocomplete, maxlength, inputmode, ...frame }: FieldProps) {
	return (
		<Labelled
			{...frame}
			control={(aria) => (
				<input
					{...aria}
					name={frame.name}
					type={type}
					value={type === "password" ? undefined : value}
					required={frame.required}
					autocomplete={autocomplete}
					maxlength={maxlength}
					inputmode={inputmode}
				/>
			)}
		/>
	);
}

/** A multi-line text field, with the same label, hint and error wiring as Field. */
export function TextArea({
	value,
	rows = 6,
	...frame
}: Omit<FieldProps, "type" | "autocomplete" | "inputmode" | "maxlength"> & { rows?: number }) {
	return (
		<Labelled
			{...frame}
			control={(aria) => (
				<textarea {...aria} name={frame.name} rows={rows} required={frame.required}>
					{value ?? ""}
				</textarea>
			)}
		/>
	);
}

/** A checkbox with its label beside it; posted as "on" when ticked. */
export function Checkbox({
	name,
	label,
	checked,
	error,
	hint,
}: {
	name: string;
	label: string;
	checked?: boolean;
	error?: string;
	hint?: string;
}) {
	const id = `field-${name}`;
	return (
		<div class={error ? "field field-check field-invalid" : "field field-check"}>
			<input id={id} name={name} type="checkbox" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} />{" "}
			<label for={id}>{label}</label>
			{hint ? (
				<p class="hint" id={`${id}-hint`}>
					{hint}
				</p>
			) : null}
			{error ? <p class="field-error">{error}</p> : null}
		</div>
	);
}

export interface SelectProps {
	name: string;
	label: string;
	options: readonly { value: string; label: string }[];
	value?: string;
	error?: string;
	required?: boolean;
}

export function Select({ name, label, options, value, error, required }: SelectProps) {
	const id = `field-${name}`;
	return (
		<div class={error ? "field field-invalid" : "field"}>
			<label for={id}>{label}</label>
			{error ? (
				<p class="field-error" id={`${id}-error`}>
					{error}
				</p>
			) : null}
			<select
				id={id}
				name={name}
				required={required}
				aria-invalid={error ? "true" : undefined}
				aria-describedby={error ? `${id}-error` : undefined}
			>
				{options.map((o) => (
					<option value={o.value} selected={o.value === value}>
						{o.label}
					</option>
				))}
			</select>
		</div>
	);
}

/**
 * Lists the problems of a failed submission at the top of the form, linked to their fields
 * (`field-{name}`, or the id given in `ids` for a field drawn with its own id).
 */
export function ErrorSummary({ fields, ids = {} }: { fields?: Record<string, string>; ids?: Record<string, string> }) {
	const entries = Object.entries(fields ?? {});
	if (entries.length === 0) return null;
	return (
		<div class="error-summary" role="alert" tabindex={-1}>
			<h2>Please correct the following</h2>
			<ul>
				{entries.map(([name, message]) =>
					name === "_" ? (
						<li>{message}</li>
					) : (
						<li>
							<a href={`#${ids[name] ?? `field-${name}`}`}>{message}</a>
						</li>
					),
				)}
			</ul>
		</div>
	);
}

/** A status message after an action ("Invitation sent."). */
export function Notice({ children }: { children: Child }) {
	return (
		<p class="notice" role="status">
			{children}
		</p>
	);
}

/** Values a form carries to its next step unchanged (a wizard's earlier choices, an action's target). */
export function HiddenFields({ fields }: { fields: Record<string, string> }) {
	return (
		<>
			{Object.entries(fields).map(([name, value]) => (
				<input type="hidden" name={name} value={value} />
			))}
		</>
	);
}

/** A POST form with one button: sign out, revoke, leave. Works without JavaScript. */
export function ActionButton({
	action,
	label,
	hidden = {},
	danger = false,
}: {
	action: string;
	label: string;
	hidden?: Record<string, string>;
	danger?: boolean;
}) {
	return (
		<form method="post" action={action} class="inline-form">
			<HiddenFields fields={hidden} />
			<button type="submit" class={danger ? "button button-danger" : "button button-secondary"}>
				{label}
			</button>
		</form>
	);
}
