/**
 * Development-only pages. /dev/outbox shows the mails Baton sent through the fake provider, with
 * their delivery state and clickable links, so sign-up, sign-in links and invitations can be
 * followed locally without a mail provider.
 */
import { desc } from "drizzle-orm";
import { Hono } from "hono";
import type { Database } from "../../db/client";
import { outbox } from "../../db/schema";
import type { AppEnv } from "../../env";
import { isDevelopment } from "../../lib/environment";
import { notFound } from "../../lib/errors";
import { Field } from "../../views/forms";
import { Layout } from "../../views/layout";
import { listFakeTxt, publishFakeTxt } from "../hostnames";

const OUTBOX_PAGE_SIZE = 50;

/** The newest mails first. */
export const listOutbox = (db: Database, limit = OUTBOX_PAGE_SIZE) =>
	db.select().from(outbox).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(limit);

type OutboxMail = Awaited<ReturnType<typeof listOutbox>>[number];

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/;

/** Mail text with its http(s) links made clickable; everything else stays text (escaped by JSX). */
function MailText({ text }: { text: string }) {
	// split() with a capturing group puts the links at the odd indexes.
	const parts = text.split(URL_PATTERN);
	return <pre class="mail-text">{parts.map((part, i) => (i % 2 === 1 ? <a href={part}>{part}</a> : part))}</pre>;
}

const timestamp = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 19)} UTC`;

/** Where a mail is (README, "Mail"): its state, when it went, and what went wrong. */
function deliveryOf(mail: OutboxMail): string {
	const parts: string[] = [mail.state];
	if (mail.sentAt) parts.push(`at ${timestamp(mail.sentAt)}`);
	if (mail.attempts > 0) parts.push(`after ${mail.attempts} ${mail.attempts === 1 ? "attempt" : "attempts"}`);
	if (mail.state === "queued" && !mail.enqueuedAt) parts.push("(not yet enqueued)");
	if (mail.error) parts.push(`— ${mail.error}`);
	return parts.join(" ");
}

function OutboxPage({ mails }: { mails: OutboxMail[] }) {
	return (
		<Layout title="Outbox (development)">
			<h1>Outbox</h1>
			<p class="lead">
				The newest {OUTBOX_PAGE_SIZE} mails Baton wrote, newest first. Shown only when ENVIRONMENT is development.
			</p>
			{mails.length === 0 ? (
				<p>No mail yet.</p>
			) : (
				<ol class="outbox">
					{mails.map((mail) => (
						<li class="card">
							<h2>{mail.subject}</h2>
							<dl class="facts">
								<dt>To</dt>
								<dd>{mail.to}</dd>
								<dt>Written</dt>
								<dd>{timestamp(mail.createdAt)}</dd>
								<dt>State</dt>
								<dd>{deliveryOf(mail)}</dd>
							</dl>
							<MailText text={mail.text} />
						</li>
					))}
				</ol>
			)}
		</Layout>
	);
}

/** The fake host-name verifier's DNS zone, and a form to publish the record a host names page asks for. */
function FakeDnsPage({ records }: { records: { name: string; value: string }[] }) {
	return (
		<Layout title="Fake DNS (development)">
			<h1>Fake DNS</h1>
			<p class="lead">
				The TXT records the fake host name verifier sees (HOSTNAME_VERIFIER "fake", the default in development). Publish
				the record an edition's Host names page shows, then press “Check now” there. Kept in memory until wrangler
				restarts.
			</p>
			<form method="post" action="/dev/dns">
				<Field name="name" label="Name" required hint="e.g. _baton-verify.ainm2031.example.org" />
				<Field name="value" label="Value" required hint="e.g. baton-verify=…" />
				<button type="submit">Publish TXT record</button>
			</form>
			{records.length === 0 ? (
				<p>No records yet.</p>
			) : (
				<ul>
					{records.map((r) => (
						<li>
							<code>{r.name}</code> TXT <code>{r.value}</code>
						</li>
					))}
				</ul>
			)}
		</Layout>
	);
}

export const devPages = new Hono<AppEnv>()
	// Mails carry sign-in links: anywhere but a developer's machine no /dev page may exist, whatever
	// is added here later (production, tests and a missing ENVIRONMENT alike).
	.use("/dev/*", async (c, next) => {
		if (!isDevelopment(c.env)) throw notFound();
		await next();
	})
	.get("/dev/outbox", async (c) => {
		c.header("Cache-Control", "no-store");
		return c.html(<OutboxPage mails={await listOutbox(c.var.db)} />);
	})
	.get("/dev/dns", (c) => {
		c.header("Cache-Control", "no-store");
		return c.html(<FakeDnsPage records={listFakeTxt()} />);
	})
	.post("/dev/dns", async (c) => {
		// Whoever reaches it could prove control of any name to the fake: development only (the guard above).
		const form = await c.req.parseBody();
		const name = String(form.name ?? "").trim();
		const value = String(form.value ?? "").trim();
		if (name && value) publishFakeTxt(name, value);
		return c.redirect("/dev/dns", 303);
	});
