/** What the checklist feature offers other features: its public module. Nothing else of it is imported from outside. */
export { committeesOf } from "./task-reminders";
export { type CommitteeMember, type Owners, ownersOf } from "./timeline";
export { OwnerCell } from "./views";
