/** What the committees feature offers other features: its public module. Nothing else of it is imported from outside. */
export { type CommitteeMember, listCommittee } from "./committees";
export { roleWithUntil } from "./views";
