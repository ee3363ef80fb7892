/**
 * Which institutions may host, as the proposal and new-edition forms offer them, and what those
 * forms start with so nothing is asked twice: the institution (the one asked for, e.g. just
 * created, or the user's only one), its city and country, and the zone of that country when it
 * has only one (with several, the form lists the country's zones first and asks).
 */
import type { Context } from "hono";
import { currentActor, requireAuth } from "../../auth/guard";
import { type Action, can } from "../../auth/policy";
import type { Institution } from "../../db/schema";
import type { Option } from "../../domain/fields";
import type { AppEnv } from "../../env";
import { suggestedZone } from "../../lib/time-zones";
import { institutionResource, listMyInstitutions } from "../institutions";

export interface HostChoices {
	options: Option[];
	/** The institution the form starts with, if any. */
	chosen?: Institution;
	/** The form's starting values, by field name. */
	values: Record<string, string>;
}

/**
 * The signed-in user's institutions on whose behalf the policy lets them do `action`, and the
 * starting values of a form whose institution field is `field`. `requested` (the `institution`
 * query) counts only when it is one of them.
 */
export async function hostChoices(
	c: Context<AppEnv>,
	action: Action,
	field: "institutionId" | "hostInstitutionId",
	requested?: string,
): Promise<HostChoices> {
	const { user } = requireAuth(c);
	const [actor, mine] = await Promise.all([currentActor(c), listMyInstitutions(c.var.db, user.id)]);
	const allowed = mine
		.map(({ institution }) => institution)
		.filter((institution) => can(actor, action, institutionResource(institution.id)));
	const options = allowed.map((i) => ({ value: i.id, label: i.name }));
	const chosen = allowed.find((i) => i.id === requested) ?? (allowed.length === 1 ? allowed[0] : undefined);
	return { options, chosen, values: chosen ? startingValues(chosen, field) : {} };
}

/** What a form about an edition hosted by `institution` starts with. */
export const startingValues = (
	institution: Pick<Institution, "id" | "city" | "country">,
	field: string,
): Record<string, string> => ({
	[field]: institution.id,
	city: institution.city,
	country: institution.country,
	timeZone: suggestedZone(institution.country) ?? "",
});
