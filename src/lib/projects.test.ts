import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { filterQuery, projectFilters } from './projects';

const parse = (query: string) =>
	v.safeParse(projectFilters, Object.fromEntries(new URLSearchParams(query)));

describe('project filters', () => {
	it('reads kind, status, open and page from the query', () => {
		const r = parse('kind=traffic&status=participation&open=1&page=2');
		expect(r.success && r.output).toEqual({
			kind: 'traffic',
			status: 'participation',
			open: true,
			page: 2
		});
	});

	it('treats missing and empty values as no filter', () => {
		const r = parse('kind=&status=');
		expect(r.success && r.output).toEqual({
			kind: undefined,
			status: undefined,
			open: false,
			page: 1
		});
	});

	it.each(['kind=ufo', 'status=x', 'page=0', 'page=-1', 'page=abc'])('rejects %s', (q) => {
		expect(parse(q).success).toBe(false);
	});

	it('writes the filters back into a query string', () => {
		expect(filterQuery({ kind: 'building', status: undefined, open: true }, { page: '3' })).toBe(
			'kind=building&open=1&page=3'
		);
	});
});
