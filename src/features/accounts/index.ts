/** What the accounts feature offers other features: its public module. Nothing else of it is imported from outside. */
export { clientIp } from "./requests";
export { EmailSchema } from "./schemas";
export { ConfirmLinkPage, LinkProblemPage } from "./views";
