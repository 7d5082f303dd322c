import { describe, expect, it } from 'vitest';
import type { SearchHit } from '$lib/search/links';
import { hitsCsv, rssFeed } from './search-export';

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
});
