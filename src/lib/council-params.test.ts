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
