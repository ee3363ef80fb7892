/** What the site feature offers other features: its public module. Nothing else of it is imported from outside. */
export { siteNav } from "./links";
export {
	customHostTenant,
	hostHeld,
	hostServes,
	markCustomHostRequest,
	resolveHostSite,
	type SiteTenant,
} from "./tenant";
