/** What the following feature offers other features: its public module. Nothing else of it is imported from outside. */
export { FollowSeriesSection } from "./views";
