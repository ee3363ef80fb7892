/** What the lifecycle feature offers other features: its public module. Nothing else of it is imported from outside. */
export { STATUS_DESCRIPTIONS, StatusActions } from "./status-actions";
