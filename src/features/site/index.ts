/** What the site feature offers other features: its public module. Nothing else of it is imported from outside. */

export { RegisterPage } from "./content-views";
export { siteNav } from "./links";
export { sectionBody, siteOf, sitePage } from "./pages";
export { type Site, SiteLayout } from "./site-layout";
export {
	customHostTenant,
	hostHeld,
	hostServes,
	markCustomHostRequest,
	resolveHostSite,
	type SiteTenant,
} from "./tenant";
