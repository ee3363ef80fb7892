/** What the institutions feature offers other features: its public module. Nothing else of it is imported from outside. */
export { authorizedInstitution, institutionResource } from "./access";
export { listMyInstitutions } from "./institutions";
export type { MyInstitution } from "./schemas";
