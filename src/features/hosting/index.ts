/** What the hosting feature offers other features: its public module. Nothing else of it is imported from outside. */
export { deadlineLabel, deadlinePassed } from "./calls";
export { type ProposedDates, proposedDatesOf } from "./edition-proposal";
