/**
 * What the registration feature offers other features (the committee's registrations, the demo
 * seed) and the composition roots: taking a seat and moving the waiting list on, for manual
 * registrations too, and the live seat counts. Nothing else of it is imported from outside.
 */
export { type RegistrationConfig, loadRegistrationConfig, onSale, saleWindow } from "./config";
export { registrationSchema } from "./form-schema";
export { waitingListJob } from "./job";
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
