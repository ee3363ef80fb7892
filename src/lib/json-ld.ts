/**
 * schema.org Event JSON-LD (https://schema.org/Event) as search engines read it: an event with
 * its dates (with UTC offsets), place and postal address, organizer, status and attendance mode;
 * sessions as Events of their own, tied to the event as subEvent / superEvent.
 */

export interface PostalAddressInput {
	/** As entered, e.g. "Hanzeplein 1, 9713 GZ Groningen". */
	streetAddress: string;
	locality: string;
	/** ISO 3166-1 alpha-2. */
	country: string;
}

export interface PlaceInput {
	name: string;
	address: PostalAddressInput;
}

export interface PersonInput {
	name: string;
	affiliation?: string;
	url?: string;
}

export interface SessionEventInput {
	name: string;
	description?: string;
	/** ISO 8601 with offset (see isoWithOffset). */
	startDate: string;
	endDate: string;
	location: PlaceInput;
	performers: readonly PersonInput[];
	/** Absolute. */
	url: string;
}

/** A ticket as a schema.org Offer. */
export interface OfferInput {
	name: string;
	/** Minor units (cents); written as a decimal string ("120.00"). */
	priceCents: number;
	/** ISO 4217. */
	currency: string;
	/** A schema.org ItemAvailability URL (InStock, LimitedAvailability, SoldOut): the coarse state only. */
	availability: string;
	/** Absolute: where the ticket is bought. */
	url: string;
}

export interface EditionEventInput {
	name: string;
	description?: string;
	/** ISO 8601: a date, or a date-time with offset. */
	startDate: string;
	endDate: string;
	location: PlaceInput;
	organizer: { name: string; url?: string };
	/** The edition's canonical home page; absolute, also its `@id` base. */
	url: string;
	/** Absolute http(s) URL of the edition's logo, when it has one. */
	image?: string;
	subEvents?: readonly SessionEventInput[];
	offers?: readonly OfferInput[];
}

export type JsonLd = Record<string, unknown>;

const SCHEMA = "https://schema.org";
const nonEmpty = (value: string | undefined) => (value ? value : undefined);
const isHttpUrl = (value: string | undefined): value is string => !!value && /^https?:\/\/\S+$/i.test(value);

function place({ name, address }: PlaceInput): JsonLd {
	return {
		"@type": "Place",
		name,
		address: {
			"@type": "PostalAddress",
			streetAddress: nonEmpty(address.streetAddress),
			addressLocality: nonEmpty(address.locality),
			addressCountry: nonEmpty(address.country),
		},
	};
}

function person({ name, affiliation, url }: PersonInput): JsonLd {
	return {
		"@type": "Person",
		name,
		affiliation: affiliation ? { "@type": "Organization", name: affiliation } : undefined,
		url,
	};
}

function offer(input: OfferInput): JsonLd {
	return {
		"@type": "Offer",
		name: input.name,
		price: (input.priceCents / 100).toFixed(2),
		priceCurrency: input.currency,
		availability: input.availability,
		url: input.url,
	};
}

/** `#event` on the edition's home: the id sessions point to as their superEvent. */
const editionId = (url: string) => `${url.replace(/#.*$/, "")}#event`;

function sessionNode(session: SessionEventInput): JsonLd {
	return {
		"@type": "Event",
		name: session.name,
		description: nonEmpty(session.description),
		startDate: session.startDate,
		endDate: session.endDate,
		eventStatus: `${SCHEMA}/EventScheduled`,
		eventAttendanceMode: `${SCHEMA}/OfflineEventAttendanceMode`,
		location: place(session.location),
		performer: session.performers.length ? session.performers.map(person) : undefined,
		url: session.url,
	};
}

/**
 * The edition as an Event, with its sessions as subEvents when given. Only offline events at a
 * venue are modelled; an edition that is over still reads EventScheduled (it took place as
 * scheduled: schema.org has no "held" status).
 */
export function editionEvent(edition: EditionEventInput): JsonLd {
	return {
		"@context": SCHEMA,
		"@type": "Event",
		"@id": editionId(edition.url),
		name: edition.name,
		description: nonEmpty(edition.description),
		startDate: edition.startDate,
		endDate: edition.endDate,
		eventStatus: `${SCHEMA}/EventScheduled`,
		eventAttendanceMode: `${SCHEMA}/OfflineEventAttendanceMode`,
		location: place(edition.location),
		organizer: { "@type": "Organization", name: edition.organizer.name, url: edition.organizer.url },
		url: edition.url,
		image: isHttpUrl(edition.image) ? edition.image : undefined,
		offers: edition.offers?.length ? edition.offers.map(offer) : undefined,
		subEvent: edition.subEvents?.length ? edition.subEvents.map(sessionNode) : undefined,
	};
}

/** One session as an Event of its own (its page), pointing to the edition as its superEvent. */
export function sessionEvent(session: SessionEventInput, edition: Pick<EditionEventInput, "url">): JsonLd {
	return {
		"@context": SCHEMA,
		...sessionNode(session),
		// A bare reference: the edition's own node (with its dates and place) is on its home page.
		superEvent: { "@type": "Event", "@id": editionId(edition.url) },
	};
}

/**
 * The text of a `<script type="application/ld+json">` element: JSON with `<`, `>`, `&` and the
 * JavaScript line separators escaped, so no value can close the element or open a comment.
 * Insert it unescaped (it is already safe), e.g. with hono/jsx's `dangerouslySetInnerHTML`.
 *
 * @example jsonLdScript({ name: "</script>" }) // '{"name":"\\u003c/script\\u003e"}'
 */
export function jsonLdScript(data: JsonLd): string {
	return JSON.stringify(data).replace(
		/[<>&\u2028\u2029]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
	);
}
