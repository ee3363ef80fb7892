/** What the templates feature offers other features: its public module. Nothing else of it is imported from outside. */
export { authorizedTemplate, authorizedVersion, visibleTemplates } from "./access";
export { applyTemplate, previewTemplateApply, type TemplatePreview } from "./apply";
export { BUILTIN_PREFIX, findBuiltin } from "./builtins";
export type { PartDiff } from "./diff";
export { partsOf } from "./document";
export { listVersions, type TemplateInfo, type VersionInfo } from "./library";
export { ApplyForm } from "./schemas";
