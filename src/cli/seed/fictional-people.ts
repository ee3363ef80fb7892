/**
 * Made-up attendees for the demo seed: a seeded pseudo-random generator (no Math.random, so every
 * run of the seed writes the same rows), invented given and family names from many languages, and
 * the countries and professional roles of a plausible symposium audience. Every email address is on
 * a reserved domain (RFC 2606/6761: example.org and .test), so no demo mail can reach a real person.
 */
import type { AudienceRole } from "../../db/schema";

/** mulberry32: a small, well-spread 32-bit generator; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** One of `items`, chosen with `random`. */
export const pick = <T>(random: () => number, items: readonly T[]): T =>
	items[Math.floor(random() * items.length)] as T;

/** One of the keys of `weights`, each as likely as its weight. */
export function weighted<K extends string>(random: () => number, weights: Readonly<Record<K, number>>): K {
	const entries = Object.entries(weights) as [K, number][];
	let left = random() * entries.reduce((sum, [, w]) => sum + w, 0);
	for (const [key, weight] of entries) {
		left -= weight;
		if (left < 0) return key;
	}
	return (entries[entries.length - 1] as [K, number])[0];
}

/** Given and family names by country: invented combinations, diacritics as the languages write them. */
const NAMES: Record<string, { given: readonly string[]; family: readonly string[] }> = {
	NL: { given: ["Sanne", "Joris", "Femke", "Bram", "Lotte", "Daan"], family: ["de Vries", "Bakker", "Smit", "Mulder"] },
	DE: { given: ["Jonas", "Lea", "Felix", "Jürgen", "Anja"], family: ["Müller", "Schäfer", "Weiß", "Köhler"] },
	BE: { given: ["Wout", "Elise", "Thibaut", "Marie"], family: ["Peeters", "Claes", "Dubois", "Maes"] },
	FR: { given: ["Chloé", "Léa", "Mathéo", "Benoît"], family: ["Lefèvre", "Girard", "Mercier", "Fontaine"] },
	IT: { given: ["Giulia", "Luca", "Chiara", "Niccolò"], family: ["Romano", "Esposito", "Ferrara", "Galli"] },
	ES: { given: ["Lucía", "Álvaro", "Inés", "Sergio"], family: ["García", "Núñez", "Martín", "Ibáñez"] },
	CZ: { given: ["Tereza", "Jiří", "Lucie", "Tomáš"], family: ["Dvořák", "Novotná", "Černý", "Procházka"] },
	DK: { given: ["Mette", "Søren", "Freja", "Anders"], family: ["Ørsted", "Jørgensen", "Nielsen", "Hansen"] },
	SE: { given: ["Åsa", "Linnéa", "Olle", "Björn"], family: ["Lindqvist", "Åberg", "Söderberg", "Ek"] },
	PL: { given: ["Zofia", "Paweł", "Agnieszka", "Łukasz"], family: ["Wiśniewska", "Kowalczyk", "Zieliński", "Wójcik"] },
	AT: { given: ["Lukas", "Hannah", "Matthias"], family: ["Gruber", "Huber", "Pichler"] },
	CH: { given: ["Nina", "Reto", "Séverine"], family: ["Keller", "Brunner", "Favre"] },
	GB: { given: ["Olivia", "Harry", "Siobhan", "Rhys"], family: ["Thompson", "Evans", "Hughes", "O'Brien"] },
	GR: { given: ["Eleni", "Nikos", "Katerina"], family: ["Papadaki", "Georgiou", "Nikolaidis"] },
	TR: { given: ["Elif", "Mert", "Zeynep", "Oğuz"], family: ["Şahin", "Yılmaz", "Çelik", "Öztürk"] },
	PT: { given: ["Inês", "João", "Beatriz"], family: ["Gonçalves", "Araújo", "Simões"] },
	US: { given: ["Emily", "Jacob", "Madison", "Tyler"], family: ["Walker", "Bennett", "Foster", "Reyes"] },
	CA: { given: ["Chloe", "Liam", "Geneviève"], family: ["Tremblay", "Gagnon", "MacLeod"] },
	BR: { given: ["Ana", "Thiago", "Larissa"], family: ["Conceição", "Carvalho", "Lima"] },
	MX: { given: ["Sofía", "Diego", "Ximena"], family: ["Hernández", "López", "Ramírez"] },
	CL: { given: ["Valentina", "Matías"], family: ["Muñoz", "Rojas", "Soto"] },
	CN: { given: ["Wei", "Xiaoling", "Hao", "Yutong"], family: ["Zhang", "Liu", "Chen", "Huang"] },
	JP: { given: ["Yui", "Haruto", "Sakura", "Ren"], family: ["Satō", "Kobayashi", "Itō", "Yamamoto"] },
	KR: { given: ["Ji-woo", "Min-jun", "Seo-yeon"], family: ["Kim", "Park", "Jung"] },
	IN: { given: ["Priya", "Arjun", "Kavya", "Rohan"], family: ["Sharma", "Nair", "Reddy", "Iyengar"] },
	SG: { given: ["Jia Hui", "Marcus", "Wen Jie"], family: ["Lim", "Goh", "Ng"] },
	IL: { given: ["Noa", "Itai"], family: ["Levi", "Mizrahi"] },
	AU: { given: ["Charlotte", "Jack", "Isla"], family: ["Mitchell", "Kelly", "Harris"] },
	ZA: { given: ["Thandiwe", "Pieter", "Naledi"], family: ["Dlamini", "van der Merwe", "Nkosi"] },
	EG: { given: ["Mariam", "Omar"], family: ["Hassan", "Farouk"] },
};

/**
 * How the audience of a European symposium on medical imaging spreads over countries: the host
 * country and its neighbours first, then the rest of Europe, Asia, the Americas, the Middle East,
 * Africa and Oceania (30 countries).
 */
export const COUNTRY_WEIGHTS: Readonly<Record<string, number>> = {
	NL: 40,
	DE: 22,
	BE: 14,
	FR: 10,
	IT: 12,
	ES: 8,
	GB: 10,
	CH: 6,
	AT: 4,
	DK: 5,
	SE: 4,
	PL: 4,
	CZ: 3,
	GR: 4,
	PT: 3,
	TR: 5,
	US: 12,
	CA: 4,
	BR: 4,
	MX: 2,
	CL: 2,
	CN: 8,
	JP: 6,
	KR: 4,
	IN: 6,
	SG: 3,
	IL: 2,
	AU: 3,
	ZA: 2,
	EG: 2,
};

/** A plausible mix of who comes to a clinical-and-technical imaging symposium. */
export const ROLE_WEIGHTS: Readonly<Record<AudienceRole, number>> = {
	clinician: 34,
	physicist: 24,
	engineer: 14,
	student: 18,
	industry: 6,
	other: 4,
};

/** Reserved domains only: example.org (RFC 2606) and the .test top-level domain (RFC 6761). */
const DOMAINS = ["example.org", "example.org", "example.org", "hospital.test", "university.test"] as const;

/** "Dvořák" → "dvorak", for the local part of an address. */
const ascii = (text: string) =>
	text
		.normalize("NFD")
		.replace(/[\u0300-\u036f]/g, "")
		.replace(/ø/gi, "o")
		.replace(/ł/gi, "l")
		.replace(/ı/g, "i")
		.replace(/[^a-z0-9]+/gi, ".")
		.replace(/^\.|\.$/g, "")
		.toLowerCase();

export interface FictionalPerson {
	name: string;
	email: string;
	country: string;
	role: AudienceRole;
	affiliation: string;
}

const AFFILIATION_KIND: Record<AudienceRole, readonly string[]> = {
	clinician: ["Fictional University Hospital", "Fictional General Hospital"],
	physicist: ["Fictional University Hospital", "Fictional Institute of Medical Physics"],
	engineer: ["Fictional Institute of Technology", "Fictional University"],
	student: ["Fictional University", "Fictional University Hospital"],
	industry: ["Example Imaging Ltd (fictional)", "Example Medical Software (fictional)"],
	other: ["Fictional Research Foundation", "Fictional University"],
};

/**
 * `count` made-up people. The n-th address carries n, so addresses are unique however the names
 * repeat (one registration per address and edition).
 */
export function fictionalPeople(random: () => number, count: number, tag: string): FictionalPerson[] {
	return Array.from({ length: count }, (_, n) => {
		const country = weighted(random, COUNTRY_WEIGHTS);
		const names = NAMES[country] ?? (NAMES.NL as { given: readonly string[]; family: readonly string[] });
		const given = pick(random, names.given);
		const family = pick(random, names.family);
		const role = weighted(random, ROLE_WEIGHTS);
		return {
			name: `${given} ${family}`,
			email: `${ascii(given)}.${ascii(family)}.${tag}${n + 1}@${pick(random, DOMAINS)}`,
			country,
			role,
			affiliation: pick(random, AFFILIATION_KIND[role]),
		};
	});
}
