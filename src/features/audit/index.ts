/** What the audit feature offers: its pages and API, mounted by the app. Nothing else of it is imported from outside. */
export { auditApi } from "./api";
export { auditPages } from "./pages";
