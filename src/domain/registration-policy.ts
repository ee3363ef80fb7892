/**
 * The registration rules an edition works with before its committee saved any (no row in
 * `registration_policies`): no edition-wide limit, cut-offs at day 1, a paid seat held three days
 * for payment, a waiting-list offer open two days, no public attendee list. One declaration for
 * the attendee side (taking seats) and the committee's editor alike.
 */
import type { RegistrationPolicy } from "../db/schema";

export const DEFAULT_REGISTRATION_POLICY: Readonly<Omit<RegistrationPolicy, "editionId">> = {
	capacity: null,
	cancellationPolicy: "",
	cancelUntilOffsetDays: null,
	cancelUntilTime: "23:59",
	editUntilOffsetDays: null,
	editUntilTime: "23:59",
	holdHours: 72,
	offerHours: 48,
	publicAttendeeList: false,
};
