/** What the program feature offers other features: its public module. Nothing else of it is imported from outside. */
export { clock, endOf, minutesOf } from "./rules";
export { SESSION_KIND_LABELS, sessionFields } from "./schemas";
