/** What the hosts feature offers other features: its public module. Nothing else of it is imported from outside. */
export { listFakeTxt, publishFakeTxt } from "./fake-verifier";
