/**
 * What the registration feature offers other features (the committee's registrations, the demo
 * seed) and the composition roots: taking a seat and moving the waiting list on, for manual
 * registrations too, and the live seat counts. Nothing else of it is imported from outside.
 */

export { registrationApi } from "./api";
export { loadRegistrationConfig, onSale, type RegistrationConfig, saleWindow } from "./config";
export { registrationSchema } from "./form-schema";
export { waitingListJob } from "./job";
export { type MyRegistration, myRegistrations } from "./mine";
export { registrationPages } from "./pages";
export {
	acceptOffer,
	cancelRegistration,
	lapseExpired,
	offerFreedSeats,
	type SeatOutcome,
	type SeatPolicy,
	type SeatRequest,
	seatsLeft,
	takeSeat,
	waitingList,
} from "./seats";

/** The attendee's pages, which read the session (app.tsx authenticates them; the edge cache skips them). */
export const ATTENDEE_PATHS = [
	"/s/:series/:year/register",
	"/s/:series/:year/register/*",
	"/s/:series/:year/me",
	"/s/:series/:year/me/*",
] as const;
