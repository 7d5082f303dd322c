import { describe, expect, it } from 'vitest';
import { FileStore, parseRange } from './storage-files.ts';

describe('parseRange', () => {
	it('reads single byte ranges', () => {
		expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
		expect(parseRange('bytes=990-', 1000)).toEqual({ start: 990, end: 999 });
		expect(parseRange('bytes=-5', 1000)).toEqual({ start: 995, end: 999 });
		expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
		expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
	});

	it('marks ranges beyond the end as unsatisfiable', () => {
		expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
		expect(parseRange('bytes=5000-6000', 1000)).toBe('unsatisfiable');
		expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
		expect(parseRange('bytes=0-0', 0)).toBe('unsatisfiable');
	});

	it('ignores malformed and multiple ranges (the whole object is sent)', () => {
		expect(parseRange(undefined, 1000)).toBeNull();
		expect(parseRange('items=0-1', 1000)).toBeNull();
		expect(parseRange('bytes=10-5', 1000)).toBeNull();
		expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
		expect(parseRange('bytes=-', 1000)).toBeNull();
	});
});

describe('FileStore.pathOf', () => {
	const store = new FileStore('/srv/storage');

	it('maps objects below their bucket', () => {
		expect(store.pathOf('akten', 'a/b.pdf')).toBe('/srv/storage/akten/a/b.pdf');
	});

	it('refuses paths that leave the bucket', () => {
		expect(() => store.pathOf('akten', '../andere/x')).toThrow();
		expect(() => store.pathOf('akten', '/etc/passwd')).toThrow();
		expect(() => store.pathOf('..', 'x')).toThrow();
	});
});
