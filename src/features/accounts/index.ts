/** What the accounts feature offers other features: its public module. Nothing else of it is imported from outside. */

export { emailTokenProblem, findEmailToken, issueEmailToken, redeemEmailToken } from "./email-tokens";
export { clientIp } from "./requests";
export { EmailSchema } from "./schemas";
export { ConfirmLinkPage, LinkProblemPage } from "./views";
