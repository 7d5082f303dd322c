import { describe, expect, it } from 'vitest';
import type { Locale } from '$lib/i18n';
import type { SearchHit } from '$lib/search/links';
import { csvHead, csvLines, rssFeed } from './search-export';

/** A whole export as the route streams it: the head, then the lines. */
const hitsCsv = (hits: SearchHit[], origin: string, q: string, locale?: Locale) =>
	csvHead(locale) + csvLines(hits, origin, q, locale);

const hit: SearchHit = {
	kind: 'paper',
	sourceId: 'p1',
	pageNumber: 0,
	parentId: null,
	parentKind: null,
	title: '=HYPERLINK("x"); Bebauungsplan <Nord> & "Süd"',
	reference: '00123/2025',
	snippet: 'der \uE000Bebauungsplan\uE001\u0001',
	date: '2025-03-04',
	paperType: 'Antrag',
	result: null,
	isPublic: true
};

describe('search export', () => {
	it('writes CSV that spreadsheets read as text, with quotes and semicolons escaped', () => {
		const csv = hitsCsv([hit], 'https://rat.example', 'Bebauungsplan');
		expect(csv.startsWith('\uFEFFArt;Titel;')).toBe(true);
		const line = csv.split('\r\n')[1];
		expect(line).toContain(`"'=HYPERLINK(""x""); Bebauungsplan <Nord> & ""Süd"""`);
		expect(line).toContain('https://rat.example/papers/p1');
		expect(line).not.toContain('\uE000');
	});

	it('escapes every text in the RSS and drops characters XML forbids', () => {
		const xml = rssFeed({
			hits: [hit],
			origin: 'https://rat.example',
			q: 'Bebauungsplan',
			title: 'Suche <x>',
			description: 'd',
			pageUrl: 'https://rat.example/search?q=a&b=c',
			feedUrl: 'https://rat.example/search/feed?q=a'
		});
		expect(xml).toContain('<title>Suche &lt;x&gt;</title>');
		expect(xml).toContain('Bebauungsplan &lt;Nord&gt; &amp; &quot;Süd&quot;');
		expect(xml).toContain('search?q=a&amp;b=c');
		expect(xml).not.toContain('\u0001');
		expect(xml).toContain('<pubDate>Tue, 04 Mar 2025 12:00:00 GMT</pubDate>');
	});

	it('labels the CSV and the feed in English when asked, German by default', () => {
		const file = { ...hit, kind: 'file' as const, pageNumber: 3, isPublic: false };
		const csv = hitsCsv([file], 'https://rat.example', 'Bebauungsplan', 'en');
		const [header, line] = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(header).toBe('Type;Title;Reference;Page;Date;Paper type;Decision;Public;Link;Excerpt');
		expect(line.startsWith('Document;')).toBe(true);
		expect(line).toContain(';no;');
		const german = hitsCsv([file], 'https://rat.example', 'Bebauungsplan');
		expect(german.split('\r\n')[1].startsWith('Dokument;')).toBe(true);
		expect(german).toContain(';nein;');

		const feed = (locale?: 'de' | 'en') =>
			rssFeed({
				hits: [file, hit],
				origin: 'https://rat.example',
				q: 'Bebauungsplan',
				title: 't',
				description: 'd',
				pageUrl: 'https://rat.example/search?q=a',
				feedUrl: 'https://rat.example/search/feed?q=a',
				locale
			});
		const english = feed('en');
		expect(english).toContain('<language>en</language>');
		expect(english).toContain('<title>Document: =HYPERLINK');
		expect(english).toContain('(00123/2025, p. 3)</title>');
		expect(english).toContain('<title>Paper: ');
		const de = feed();
		expect(de).toContain('<language>de</language>');
		expect(de).toContain('(00123/2025, S. 3)</title>');
		expect(de).toContain('<title>Vorlage: ');
	});
});
