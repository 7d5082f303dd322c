import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { feedLocale, languageHeaders, withLang } from './feed-locale';

const url = (query: string) => new URL(`https://rat.example/meetings.ics${query}`);

describe('feedLocale', () => {
	it('takes ?lang= over the request locale, and the request locale without it', () => {
		expect(feedLocale(url('?lang=en'), 'de')).toBe('en');
		expect(feedLocale(url('?lang=de'), 'en')).toBe('de');
		expect(feedLocale(url(''), 'en')).toBe('en');
		expect(feedLocale(url('?lang='), 'de')).toBe('de');
	});

	it.each([
		['?lang=fr', 'de', '„lang“ kann „de“ (Deutsch) oder „en“ (Englisch) sein.'],
		['?lang=EN', 'en', '“lang” can be “de” (German) or “en” (English).'],
		['?lang=en-GB', 'de', '„lang“ kann']
	] as const)('answers %s with a 400 that says what is allowed', (query, locale, message) => {
		try {
			feedLocale(url(query), locale);
			expect.unreachable();
		} catch (e) {
			expect(isHttpError(e, 400)).toBe(true);
			if (isHttpError(e)) expect(e.body.message).toContain(message);
		}
	});
});

describe('withLang', () => {
	it('adds lang only for English, after an existing query', () => {
		expect(withLang('/meetings.ics', 'de')).toBe('/meetings.ics');
		expect(withLang('/meetings.ics', 'en')).toBe('/meetings.ics?lang=en');
		expect(withLang('/search/feed?q=Rad', 'en')).toBe('/search/feed?q=Rad&lang=en');
	});

	it('round-trips through feedLocale', () => {
		const href = withLang('/search/feed?q=Rad', 'en');
		expect(feedLocale(new URL(href, 'https://rat.example'), 'de')).toBe('en');
	});
});

describe('languageHeaders', () => {
	it('names the language and varies on what chose it', () => {
		expect(languageHeaders('en')).toEqual({
			'Content-Language': 'en',
			Vary: 'Accept-Language, Cookie'
		});
	});
});
