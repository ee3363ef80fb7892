/**
 * The banner on every page of a made-up demo series (`series.isDemo`), public and console alike,
 * so nobody takes the demo for a real event.
 */
import { tryGetContext } from "hono/context-storage";
import type { AppEnv } from "../env";

export const DEMO_NOTICE = "Demo — a made-up symposium for trying Baton; not a real event.";

export function DemoBanner() {
	return (
		<p class="notice demo-banner" role="note">
			<strong>{DEMO_NOTICE}</strong>
		</p>
	);
}

/**
 * Is this request's console page about a demo series or one of its editions? `authorizedEdition`
 * and `authorizedSeries` say so on the request (every console page of an edition or series passes
 * through one), so the console's frame shows the banner without each of its many pages passing the
 * series along. False outside a request.
 */
export const onDemoPage = (): boolean => tryGetContext<AppEnv>()?.var.demo === true;
