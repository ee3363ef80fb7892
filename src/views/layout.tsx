import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { STYLESHEET_PATH } from "./assets";

export interface Crumb {
	label: string;
	href?: string;
}

export interface LayoutProps {
	title: string;
	description?: string;
	/** Trail shown above the heading; the last crumb is the current page. */
	breadcrumb?: Crumb[];
	/** The page's canonical URL, e.g. on the edition's custom host. */
	canonical?: string;
	/** Prefix of the platform links (brand, API): `https://MAIN_HOST` on a custom host, else "". */
	platformOrigin?: string;
	/** More of the head: an edition's theme stylesheet, structured data. */
	head?: Child;
	/**
	 * An edition subsite's own header (its name, colours and navigation), below a slimmer platform
	 * bar: the subsite looks like the edition's site, hosted by Baton.
	 */
	masthead?: Child;
	children: Child;
}

/** The shared page shell: skip link, header, landmarks, footer. */
export function Layout({
	title,
	description,
	breadcrumb,
	canonical,
	platformOrigin = "",
	head,
	masthead,
	children,
}: LayoutProps) {
	return (
		<>
			{raw("<!DOCTYPE html>")}
			<html lang="en">
				<head>
					<meta charset="utf-8" />
					<meta name="viewport" content="width=device-width, initial-scale=1" />
					<title>{title === "Baton" ? title : `${title} · Baton`}</title>
					{description ? <meta name="description" content={description} /> : null}
					{canonical ? <link rel="canonical" href={canonical} /> : null}
					<link rel="stylesheet" href={STYLESHEET_PATH} />
					{head}
				</head>
				<body>
					<a class="skip-link" href="#main">
						Skip to content
					</a>
					{masthead ? (
						<header class="site-header has-masthead">
							<div class="platform-bar">
								<PlatformBar platformOrigin={platformOrigin} />
							</div>
							{masthead}
						</header>
					) : (
						<header class="site-header">
							<PlatformBar platformOrigin={platformOrigin} />
						</header>
					)}
					<main id="main">
						{breadcrumb && breadcrumb.length > 0 ? <Breadcrumb items={breadcrumb} /> : null}
						{children}
					</main>
					<footer class="site-footer">
						<div class="inner">
							<p>Baton hosts recurring academic symposia, one edition after another.</p>
						</div>
					</footer>
				</body>
			</html>
		</>
	);
}

/** The platform's brand and links, at the top of every page. */
function PlatformBar({ platformOrigin }: { platformOrigin: string }) {
	return (
		<div class="inner">
			<a class="brand" href={`${platformOrigin}/`}>
				Baton
			</a>
			<nav class="site-nav" aria-label="Platform">
				<ul>
					<li>
						<a href={`${platformOrigin}/`}>Symposium series</a>
					</li>
					<li>
						<a href={`${platformOrigin}/api/openapi.json`}>API</a>
					</li>
				</ul>
			</nav>
		</div>
	);
}

function Breadcrumb({ items }: { items: Crumb[] }) {
	return (
		<nav class="breadcrumb" aria-label="Breadcrumb">
			<ol>
				{items.map((item, i) =>
					i === items.length - 1 ? (
						<li aria-current="page">{item.label}</li>
					) : (
						<li>
							<a href={item.href}>{item.label}</a>
						</li>
					),
				)}
			</ol>
		</nav>
	);
}
