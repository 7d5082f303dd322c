import { describe, expect, it } from 'vitest';
import { readerAddress } from './address';

describe('reader address', () => {
	it('links to the page and the search term, keeping other parameters', () => {
		const at = { pathname: '/files/abc', search: '?x=1&q=alt' };
		expect(readerAddress(at, ' Radweg ', 12)).toBe('/files/abc?x=1&q=Radweg#page=12');
		expect(readerAddress(at, '', 3)).toBe('/files/abc?x=1#page=3');
		expect(readerAddress({ pathname: '/files/abc', search: '' }, '', 1)).toBe('/files/abc#page=1');
	});
});
