/** The console URLs of an edition's host names. */
export const hostsConsoleUrl = (editionId: string) => `/console/editions/${editionId}/hosts`;
export const hostActionUrl = (editionId: string, hostname: string, action: "remove" | "check") =>
	`${hostsConsoleUrl(editionId)}/${encodeURIComponent(hostname)}/${action}`;
