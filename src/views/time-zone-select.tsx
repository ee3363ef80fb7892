/**
 * The time zone of a new edition, chosen with the country in mind: the country's own zones first
 * (with the region each covers), then every other zone, UTC included. It starts blank unless a
 * zone is given (the page suggests the only zone of a one-zone country), so a required zone is a
 * choice, never silently the first of the list.
 */
import { countryName } from "../lib/countries";
import { TIME_ZONE_NAMES, zoneLabel, zonesOfCountry } from "../lib/time-zones";
import { Labelled } from "./forms";

export function TimeZoneSelect({
	name,
	label,
	hint,
	required,
	value,
	error,
	country,
}: {
	name: string;
	label: string;
	hint?: string;
	required?: boolean;
	value: string;
	error?: string;
	/** ISO 3166-1 alpha-2 of where the edition takes place; its zones are listed first. */
	country?: string | null;
}) {
	const own = zonesOfCountry(country);
	const ownNames = new Set(own.map((z) => z.zone));
	const others = TIME_ZONE_NAMES.filter((zone) => !ownNames.has(zone));
	const option = (zone: string, text = zoneLabel(zone)) => (
		<option value={zone} selected={zone === value}>
			{text}
		</option>
	);
	return (
		<Labelled
			name={name}
			label={label}
			hint={hint}
			error={error}
			required={required}
			control={(aria) => (
				<select {...aria} name={name} required={required}>
					<option value="" selected={value === ""}>
						Choose a time zone
					</option>
					{own.length > 0 ? (
						<optgroup label={`Time zones of ${countryName(country ?? "")}`}>
							{own.map((z) => option(z.zone, z.comment ? `${zoneLabel(z.zone)} (${z.comment})` : undefined))}
						</optgroup>
					) : null}
					<optgroup label={own.length > 0 ? "Every other time zone" : "Every time zone"}>
						{others.map((zone) => option(zone))}
					</optgroup>
				</select>
			)}
		/>
	);
}
