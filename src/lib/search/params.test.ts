import { describe, expect, it } from 'vitest';
import type { Locale } from '$lib/i18n';
import { hitHref, type SearchHit } from './links';
import { highlightTerms, parseSearch, searchHref, withFilter } from './params';
import { snippetParts, snippetText } from './snippet';

const parse = (query: string, locale: Locale = 'de') =>
	parseSearch(new URLSearchParams(query), locale);

describe('search parameters', () => {
	it('reads a full search state and writes the same URL back', () => {
		const query =
			'q=Radweg&typ=vorlage&gremium=6f1c0c5e-8d0a-4d3f-9d41-0d7f2c1a9b10&von=2025-01-01&bis=2025-12-31&vorlagenart=Antrag&ergebnis=angenommen&sortierung=neueste&seite=3';
		const parsed = parse(query);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.value.seite).toBe(3);
		expect(searchHref(parsed.value)).toBe(`/search?${query}`);
		expect(withFilter(parsed.value, { typ: undefined })).not.toContain('seite=');
	});

	it('leaves defaults and empty values out', () => {
		const parsed = parse('q=+Kita+&typ=&sortierung=relevanz&seite=1');
		expect(parsed.ok && parsed.value.q).toBe('Kita');
		expect(parsed.ok && searchHref(parsed.value)).toBe('/search?q=Kita');
	});

	it('explains what is wrong with malformed parameters', () => {
		for (const [query, message] of [
			['typ=buch', '„typ“'],
			['von=2025-02-30x', '„von“'],
			['gremium=abc', '„gremium“'],
			['seite=0', 'Seitenzahl'],
			['von=2025-02-01&bis=2025-01-01', 'nicht nach dem Datum „bis“'],
			[`q=${'a'.repeat(2001)}`, 'zu lang']
		]) {
			const parsed = parse(query);
			expect(parsed.ok).toBe(false);
			if (!parsed.ok) expect(parsed.message).toContain(message);
		}
		expect(parse(`q=${'a'.repeat(2000)}`).ok).toBe(true);
		expect(parse('von=2025-01-01&bis=2025-01-01').ok).toBe(true);
	});

	it('says what is wrong in English when asked to, and in nothing but English', () => {
		const cases = [
			['von=kaputt', '“von” must be a date of the form YYYY-MM-DD, e.g. 2026-03-31.'],
			['bis=2025-13-01', '“bis” must be a date of the form YYYY-MM-DD'],
			[`vorlagenart=${'x'.repeat(101)}`, '“vorlagenart” is too long (at most 100 characters).'],
			[`ergebnis=${'x'.repeat(101)}`, '“ergebnis” is too long'],
			[`q=${'a'.repeat(2001)}`, 'The search query is too long (at most 2000 characters).'],
			['typ=buch', '“typ” (type) can be: sitzung, top, vorlage, dokument, person, gremium.'],
			['sortierung=alphabetisch', '“sortierung” (sort order) can be: relevanz, neueste, aelteste.'],
			['gremium=abc', '“gremium” must be the identifier (UUID) of a body.'],
			['seite=0', 'The page number (“seite”) must be a whole number from 1 to 9999.'],
			['von=2025-02-01&bis=2025-01-01', 'The date “von” (from) must not be after the date “bis”']
		];
		for (const [query, message] of cases) {
			const english = parse(query, 'en');
			expect(english.ok, query).toBe(false);
			if (english.ok) continue;
			expect(english.message, query).toContain(message);
			expect(english.message, query).not.toMatch(/„|muss|Zeichen|Seitenzahl|Datum/);
			const german = parse(query, 'de');
			expect(!german.ok && german.message, query).not.toContain(message);
		}
		// Several faults at once: every message, all in the same language.
		const both = parse('typ=buch&seite=0', 'en');
		expect(!both.ok && both.message).toBe(
			'“typ” (type) can be: sitzung, top, vorlage, dokument, person, gremium. ' +
				'The page number (“seite”) must be a whole number from 1 to 9999.'
		);
		const kept = parse('q=Radweg&seite=x', 'en');
		expect(!kept.ok && kept.q).toBe('Radweg');
	});

	it('keeps only plain words for the reader highlight', () => {
		expect(highlightTerms('"Kölner Straße" -Parkplatz OR Radweg & (x)')).toBe(
			'Kölner Straße Radweg x'
		);
	});
});

describe('snippets and links', () => {
	it('turns the private-use markers into marked parts, never into HTML', () => {
		const snippet = 'vor \uE000<b>Radweg</b>\uE001 und \uE000Kita\uE001';
		expect(snippetParts(snippet)).toEqual([
			{ text: 'vor ', mark: false },
			{ text: '<b>Radweg</b>', mark: true },
			{ text: ' und ', mark: false },
			{ text: 'Kita', mark: true }
		]);
		expect(snippetText(snippet)).toBe('vor <b>Radweg</b> und Kita');
	});

	it('links a PDF hit to the reader page with the term', () => {
		const hit: SearchHit = {
			kind: 'file',
			sourceId: 'f1',
			pageNumber: 7,
			parentId: null,
			parentKind: null,
			title: 'Anlage',
			reference: null,
			snippet: '',
			date: null,
			paperType: null,
			result: null,
			isPublic: true
		};
		expect(hitHref(hit, 'Radweg -Auto')).toBe('/files/f1?q=Radweg#page=7');
		expect(hitHref({ ...hit, kind: 'agenda_item', parentId: 'm1' }, 'x')).toBe(
			'/meetings/m1#top-f1'
		);
	});
});
