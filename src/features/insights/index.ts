/** What the insights feature offers other features: its public module. Nothing else of it is imported from outside. */
export { type Facts, factsFor } from "./facts";
export { type FigureTopic, figuresFor } from "./figures";
export { FactsSection } from "./views";
