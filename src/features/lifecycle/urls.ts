import type { Transition } from "./lifecycle";

/** The console page of an edition's status and go-live checks. */
export const statusConsoleUrl = (editionId: string) => `/console/editions/${editionId}/status`;

/** Where a console button posts one lifecycle action. */
export const transitionConsoleUrl = (editionId: string, transition: Transition) =>
	`/console/editions/${editionId}/${transition}`;
