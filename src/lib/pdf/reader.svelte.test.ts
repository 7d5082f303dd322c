import { describe, expect, it } from 'vitest';
import { ReaderState, pageFromHash, scaleFor } from './reader.svelte';

const pages = ['Radweg', 'nichts', 'Radweg Radweg', 'nichts', 'Radweg'];
const loadPages = async () => pages;

describe('reader state', () => {
	it('reads page deep links', () => {
		expect(pageFromHash('#page=12')).toBe(12);
		expect(pageFromHash('#page=')).toBeNull();
		expect(pageFromHash('#inhalt')).toBeNull();
	});

	it('keeps the page within the document', () => {
		const reader = new ReaderState(5, loadPages);
		reader.previous();
		expect(reader.pageNumber).toBe(1);
		reader.last();
		reader.next();
		expect(reader.pageNumber).toBe(5);
		reader.goTo(2.6);
		expect(reader.pageNumber).toBe(3);
	});

	it('opens a search at the first hit and steps through hits across pages', async () => {
		const reader = new ReaderState(5, loadPages);
		await reader.search('radweg', 2);
		expect([reader.pageNumber, reader.currentOccurrence, reader.hits.length]).toEqual([3, 0, 4]);
		reader.nextHit();
		expect([reader.pageNumber, reader.currentOccurrence]).toEqual([3, 1]);
		reader.nextHit();
		expect(reader.pageNumber).toBe(5);
		reader.nextHit();
		expect(reader.pageNumber).toBe(1);
		reader.previousHit();
		expect(reader.pageNumber).toBe(5);
		reader.goTo(4);
		expect(reader.currentOccurrence).toBe(-1);
		reader.previousHit();
		expect([reader.pageNumber, reader.currentOccurrence]).toEqual([3, 1]);
	});

	it('reports no hits for an unknown term', async () => {
		const reader = new ReaderState(5, loadPages);
		await reader.search('Straßenbahn');
		expect([reader.hits.length, reader.hitIndex, reader.pageNumber]).toEqual([0, -1, 1]);
	});

	it('loads the page texts once, on the first search, and retries after a failure', async () => {
		let calls = 0;
		let fail = true;
		const reader = new ReaderState(5, async () => {
			calls++;
			if (fail) throw new Error('offline');
			return pages;
		});
		expect(reader.text).toBe('idle');
		await reader.search('Radweg');
		expect([reader.text, reader.hits.length, reader.hitIndex]).toEqual(['failed', 0, -1]);
		fail = false;
		const first = reader.search('nichts');
		const second = reader.search('Radweg');
		expect(reader.text).toBe('loading');
		await Promise.all([first, second]);
		expect([calls, reader.text, reader.term, reader.hits.length]).toEqual([
			2,
			'ready',
			'Radweg',
			4
		]);
		await reader.search('nichts');
		expect([calls, reader.pageNumber]).toEqual([2, 2]);
	});

	it('zooms in steps from the current scale and fits pages into the room', () => {
		const reader = new ReaderState(5, loadPages);
		reader.scale = 0.8;
		reader.zoomIn();
		expect(reader.zoom).toBe(1);
		reader.scale = 0.8;
		reader.zoomOut();
		expect(reader.zoom).toBe(0.75);
		const a4 = { width: 595, height: 842 };
		expect(scaleFor('width', a4, { width: 1190, height: 500 })).toBe(2);
		expect(scaleFor('page', a4, { width: 1190, height: 421 })).toBe(0.5);
		expect(scaleFor(1.5, a4, { width: 10, height: 10 })).toBe(1.5);
	});
});
