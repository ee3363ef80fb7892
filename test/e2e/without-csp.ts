/**
 * A loopback proxy that forwards to the Worker and drops its Content-Security-Policy header.
 *
 * Why: the shared axe validator injects axe-core as an inline script, which Baton's strict CSP
 * (`script-src 'self'`) rightly blocks, so the validator would crash before checking anything.
 * The page itself (HTML, CSS, markup) is exactly what the Worker serves; only the header that
 * forbids the checker's own script is removed.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export async function startProxyWithoutCsp(target: string): Promise<{ url: string; close: () => Promise<void> }> {
	const server = createServer(async (req, res) => {
		try {
			const upstream = await fetch(new URL(req.url ?? "/", target), { method: req.method, redirect: "manual" });
			const headers: Record<string, string> = {};
			upstream.headers.forEach((value, name) => {
				if (name !== "content-security-policy" && name !== "content-encoding" && name !== "content-length") {
					headers[name] = value;
				}
			});
			res.writeHead(upstream.status, headers);
			res.end(Buffer.from(await upstream.arrayBuffer()));
		} catch (error) {
			res.writeHead(502, { "content-type": "text/plain" });
			res.end(`proxy error: ${String(error)}`);
		}
	});
	await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((closed) => server.close(() => closed())),
	};
}
