/**
 * Console addresses of calls for hosts and proposals, in a module of their own (it imports
 * nothing), so the public series page can link to them without depending on the hosting logic.
 */
type SeriesRef = { slug: string };

export const callsConsoleUrl = (s: SeriesRef) => `/console/series/${s.slug}/calls`;
export const callConsoleUrl = (s: SeriesRef, callId: string) => `${callsConsoleUrl(s)}/${callId}`;
export const proposeUrl = (s: SeriesRef, callId: string) => `${callConsoleUrl(s, callId)}/propose`;
export const proposalConsoleUrl = (proposalId: string) => `/console/proposals/${proposalId}`;
export const newEditionConsoleUrl = (s: SeriesRef) => `/console/series/${s.slug}/editions/new`;
