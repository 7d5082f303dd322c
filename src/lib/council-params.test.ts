import { describe, expect, it } from 'vitest';
import { isUuid, meetingsQuery, papersQuery, parseQuery, personsQuery } from './council-params';

const q = (s: string) => new URLSearchParams(s);
const org = '6f1c2b0e-8a54-4d2b-9c77-0d7f0a4e9b11';

describe('meetings query', () => {
	it('defaults to the upcoming list, page 1', () => {
		expect(parseQuery(meetingsQuery, q(''))).toEqual({
			ok: true,
			value: { zeit: 'kommende', ansicht: 'liste', seite: 1 }
		});
	});

	it('accepts a calendar month, a body and a page, and ignores unknown or empty parameters', () => {
		const result = parseQuery(
			meetingsQuery,
			q(`ansicht=kalender&monat=2026-12&gremium=${org}&seite=3&zeit=vergangene&utm=x&gremium2=`)
		);
		expect(result).toEqual({
			ok: true,
			value: { zeit: 'vergangene', ansicht: 'kalender', monat: '2026-12', gremium: org, seite: 3 }
		});
		expect(parseQuery(meetingsQuery, q('gremium=')).ok).toBe(true);
	});

	it.each([
		['monat=2026-13', 'JJJJ-MM'],
		['monat=12-2026', 'JJJJ-MM'],
		['gremium=42', 'UUID'],
		['seite=0', 'Seitenzahl'],
		['seite=abc', 'Seitenzahl'],
		['seite=99999', 'Seitenzahl'],
		['ansicht=tabelle', 'ansicht'],
		['zeit=gestern', 'zeit']
	])('rejects %s with a message naming what to fix', (query, hint) => {
		const result = parseQuery(meetingsQuery, q(query));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toContain(hint);
	});
});

describe('messages in the active language', () => {
	it.each([
		['monat=2026-13', 'YYYY-MM'],
		['gremium=42', 'identifier (UUID) of a body'],
		['seite=0', 'page number'],
		['ansicht=tabelle', '“ansicht” can be “liste” (list)'],
		['zeit=gestern', '“zeit” can be']
	])('says in English what is wrong with %s', (query, hint) => {
		const result = parseQuery(meetingsQuery, q(query), 'en');
		expect(result).toEqual({ ok: false, message: expect.stringContaining(hint) });
		if (!result.ok) expect(result.message).not.toMatch(/muss|kann|Seitenzahl/);
	});

	it('stays German by default and for de, and names every wrong parameter', () => {
		const german = parseQuery(meetingsQuery, q('monat=x&seite=0'));
		expect(german).toEqual(parseQuery(meetingsQuery, q('monat=x&seite=0'), 'de'));
		expect(german.ok === false && german.message).toBe(
			'Der Monat („monat“) muss die Form JJJJ-MM haben, z. B. 2026-12. ' +
				'Die Seitenzahl („seite“) muss eine ganze Zahl von 1 bis 9999 sein.'
		);
		const english = parseQuery(papersQuery, q(`typ=${'x'.repeat(101)}&seite=abc`), 'en');
		expect(english.ok === false && english.message).toBe(
			'The paper type (“typ”) is too long. ' +
				'The page number (“seite”) must be a whole number from 1 to 9999.'
		);
		const faction = parseQuery(personsQuery, q('fraktion=spd'), 'en');
		expect(faction.ok === false && faction.message).toBe(
			'“fraktion” must be the identifier (UUID) of a body.'
		);
	});
});

describe('papers and persons queries', () => {
	it('take a paper type and a faction id', () => {
		expect(parseQuery(papersQuery, q('typ=Antrag&seite=2'))).toEqual({
			ok: true,
			value: { typ: 'Antrag', seite: 2 }
		});
		expect(parseQuery(personsQuery, q(`fraktion=${org}`))).toEqual({
			ok: true,
			value: { fraktion: org }
		});
		expect(parseQuery(papersQuery, q(`typ=${'x'.repeat(101)}`)).ok).toBe(false);
		expect(parseQuery(personsQuery, q('fraktion=spd')).ok).toBe(false);
	});
});

describe('isUuid', () => {
	it('tells ids from anything else', () => {
		expect(isUuid(org)).toBe(true);
		expect(isUuid(org.toUpperCase())).toBe(true);
		expect(isUuid('not-a-uuid')).toBe(false);
		expect(isUuid(`${org}x`)).toBe(false);
	});
});
