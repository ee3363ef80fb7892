import { Layout } from "./layout";

const TITLES: Record<number, string> = {
	400: "That request could not be understood",
	401: "Please sign in",
	403: "Not allowed",
	404: "Page not found",
	409: "That conflicts with something that exists",
	413: "That is too large",
	422: "That cannot be done",
	429: "Too many attempts",
	500: "Something went wrong",
};

/** The HTML side of the error boundary: a friendly message and, for our side's errors, a reference. */
export function ErrorPage({ status, message, requestId }: { status: number; message: string; requestId?: string }) {
	const title = TITLES[status] ?? "Something went wrong";
	return (
		<Layout title={title}>
			<div class="error-page">
				<h1>{title}</h1>
				<p>{message}</p>
				{status >= 500 && requestId ? (
					<p class="meta">
						If this keeps happening, tell us this reference: <code>{requestId}</code>
					</p>
				) : null}
				<p>
					<a href="/">Go to the list of symposium series</a>
				</p>
			</div>
		</Layout>
	);
}
