/** What the invitations feature offers other features: its public module. Nothing else of it is imported from outside. */
export { invitationsApi } from "./api";
export {
	editionTarget,
	institutionTarget,
	listPendingInvitations,
	type PendingInvitation,
	revokeInvitation,
	revokeInvitationsOfFormerInviter,
	seriesTarget,
} from "./invitations";
export { invitationsPages } from "./pages";
export { InvitationIdParam, InvitationSchema, toInvitationJson } from "./schemas";
export { sendInvitation } from "./send";
export { PendingInvitations } from "./views";
