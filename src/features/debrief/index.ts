/** What the debrief feature offers other features: its public module. Nothing else of it is imported from outside. */
export { CommitteeToolLinks } from "./edition-links";
