/** What the content feature offers other features: its public module. Nothing else of it is imported from outside. */
export type { CollectionDef } from "./collection-def";
export { listItems } from "./collection-store";
export { COLLECTIONS, collectionByKey } from "./collections";
export { remindersDef } from "./organizer-reminders";
export { claimSpeakerRecords } from "./speaker-accounts";
export { AddItemForm } from "./views";
