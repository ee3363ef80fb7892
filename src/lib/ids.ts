/** Text ids made by the app (src/README.md, "Ids"): rows can be written in one batch with their children. */
export const newId = (): string => crypto.randomUUID();
