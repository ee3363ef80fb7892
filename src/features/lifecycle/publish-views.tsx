/**
 * The page between the Publish button and publishing: what goes public (pages, feeds, custom host
 * names), and one "Publish now" button. A draft the checks still block shows why instead.
 */
import { publishConfirmUrl, statusConsoleUrl } from "../../urls";
import { type EditionContext, EditionPageLayout } from "../../views/edition-page";
import type { PublicAddress, PublishPreview } from "./publish-preview";

function AddressList({ items }: { items: readonly PublicAddress[] }) {
	return (
		<ul>
			{items.map((item) => (
				<li>
					{item.label}: <code>{item.url}</code>
				</li>
			))}
		</ul>
	);
}

export function PublishConfirmPage(
	props: EditionContext & { preview: PublishPreview; blocked: number; notDraft: boolean },
) {
	const { edition, preview, blocked } = props;
	return (
		<EditionPageLayout edition={edition} user={props.user} page="Publish">
			{props.notDraft ? (
				<p>
					Only a draft can be published. This edition is {edition.status}: see its{" "}
					<a href={statusConsoleUrl(edition.id)}>status</a>.
				</p>
			) : blocked > 0 ? (
				<div class="error-summary" role="alert">
					<h2>This edition cannot be published yet</h2>
					<p>
						{blocked === 1 ? "One go-live check blocks" : `${blocked} go-live checks block`} publishing: see them on the{" "}
						<a href={statusConsoleUrl(edition.id)}>status page</a>.
					</p>
				</div>
			) : (
				<p>Publishing makes the site public at once. This is what goes public:</p>
			)}
			<section aria-labelledby="public-pages">
				<h2 id="public-pages">Pages</h2>
				<AddressList items={preview.pages} />
			</section>
			<section aria-labelledby="public-feeds">
				<h2 id="public-feeds">Feeds</h2>
				<AddressList items={preview.feeds} />
			</section>
			<section aria-labelledby="public-hosts">
				<h2 id="public-hosts">Custom host names</h2>
				{preview.hosts.length === 0 ? (
					<p>None: the site is served on the platform's addresses above.</p>
				) : (
					<ul>
						{preview.hosts.map((url) => (
							<li>
								<code>{url}</code> serves the same site.
							</li>
						))}
					</ul>
				)}
			</section>
			{!props.notDraft && blocked === 0 ? (
				<form method="post" action={publishConfirmUrl(edition.id)}>
					<button type="submit" class="button">
						Publish now
					</button>{" "}
					<a href={statusConsoleUrl(edition.id)}>Cancel</a>
				</form>
			) : null}
		</EditionPageLayout>
	);
}
