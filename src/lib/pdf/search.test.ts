import { describe, expect, it } from 'vitest';
import {
	findHits,
	firstHitFrom,
	highlight,
	hitsPerPage,
	normaliseTerm,
	occurrences
} from './search';

const pages = ['Der Radweg an der Kö.', '', 'Radweg und RADWEG\nund Rad weg', 'Nichts'];

describe('search in a document', () => {
	it('normalises case and whitespace of the term', () => {
		expect(normaliseTerm('  Rad \n Weg ')).toBe('rad weg');
	});

	it('finds every occurrence, ignoring case, across line breaks', () => {
		expect(occurrences('Radweg und RADWEG\nund Rad\nweg', 'radweg')).toEqual([0, 11]);
		expect(occurrences('Rad\nweg', 'rad weg')).toEqual([0]);
		expect(occurrences('aaaa', 'aa')).toEqual([0, 2]);
		expect(occurrences('text', '')).toEqual([]);
	});

	it('lists hits by page and occurrence', () => {
		expect(findHits(pages, 'radweg')).toEqual([
			{ page: 1, occurrence: 0 },
			{ page: 3, occurrence: 0 },
			{ page: 3, occurrence: 1 }
		]);
		expect(findHits(pages, '   ')).toEqual([]);
		expect(hitsPerPage(findHits(pages, 'radweg'))).toEqual(
			new Map([
				[1, 1],
				[3, 2]
			])
		);
	});

	it('starts at the first hit on or after the current page, wrapping to the first', () => {
		const hits = findHits(pages, 'radweg');
		expect(firstHitFrom(hits, 2)).toBe(1);
		expect(firstHitFrom(hits, 4)).toBe(0);
	});

	it('cuts a text into plain parts and hits, keeping the original spelling', () => {
		expect(highlight('Der Radweg und RADWEG.', 'radweg')).toEqual([
			{ text: 'Der ', hit: false },
			{ text: 'Radweg', hit: true },
			{ text: ' und ', hit: false },
			{ text: 'RADWEG', hit: true },
			{ text: '.', hit: false }
		]);
		expect(highlight('Radweg', 'radweg')).toEqual([{ text: 'Radweg', hit: true }]);
		expect(highlight('Nichts', '')).toEqual([{ text: 'Nichts', hit: false }]);
	});
});
