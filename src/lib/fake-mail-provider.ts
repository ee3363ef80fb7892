/**
 * The fake mail provider of development and tests (MAIL_ADAPTER "outbox", refused in production):
 * nothing leaves the machine. It takes each mail as a provider would, headers and idempotency key
 * included, and keeps it in memory, so the whole flow (queue, retries, states) runs locally and
 * tests can see exactly what was delivered. A test can switch on an outage: every delivery then
 * fails, as a provider that is down makes it fail.
 */

/** One mail as the fake provider took it. */
export interface FakeDelivery {
	/** The idempotency key Baton sent: the outbox row's id. */
	idempotencyKey: string;
	to: string;
	subject: string;
	text: string;
	/** The headers the mailer port added beyond From/To/Subject (List-Unsubscribe, …). */
	headers: Record<string, string>;
}

const deliveries: FakeDelivery[] = [];
let outage = false;

/** Takes one mail, or throws while an outage is switched on. */
export async function fakeProviderSend(delivery: FakeDelivery): Promise<void> {
	if (outage) throw new Error("fake mail provider: outage (503)");
	deliveries.push(delivery);
}

/** Every mail taken since the last clearFakeMail(), oldest first. */
export const fakeMailDeliveries = (): readonly FakeDelivery[] => [...deliveries];

/** Switches the outage on or off. */
export function setFakeMailOutage(on: boolean): void {
	outage = on;
}

/** Forgets every delivery and ends an outage (a test's fresh start). */
export function clearFakeMail(): void {
	deliveries.length = 0;
	outage = false;
}
