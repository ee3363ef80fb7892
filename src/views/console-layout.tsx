import type { Child } from "hono/jsx";
import type { User } from "../db/schema";
import { DemoBanner, onDemoPage } from "./demo-banner";
import { ActionButton } from "./forms";
import { type Crumb, Layout } from "./layout";

export interface ConsoleLayoutProps {
	title: string;
	user: Pick<User, "name" | "email">;
	breadcrumb?: Crumb[];
	children: Child;
}

/** The organizer console shell: the shared layout plus the console's own navigation. */
export function ConsoleLayout({ title, user, breadcrumb, children }: ConsoleLayoutProps) {
	return (
		<Layout title={title} breadcrumb={breadcrumb}>
			<nav class="console-nav" aria-label="Console">
				<ul>
					<li>
						<a href="/console">Dashboard</a>
					</li>
					<li>
						<a href="/console/institutions">Institutions</a>
					</li>
					<li>
						<a href="/console/templates">Templates</a>
					</li>
					<li>
						<a href="/console/account">Account</a>
					</li>
					<li>
						<span class="meta">Signed in as {user.name}</span> <ActionButton action="/auth/sign-out" label="Sign out" />
					</li>
				</ul>
			</nav>
			{onDemoPage() ? <DemoBanner /> : null}
			{children}
		</Layout>
	);
}
