import { error } from '@sveltejs/kit';
import { parseSearch } from '$lib/search/params';
import { hitsCsv } from '$lib/server/search-export';
import { allHits, SearchError } from '$lib/server/search';
import type { RequestHandler } from './$types';

/** Every hit of a search as CSV (semicolon-separated, UTF-8 with BOM). */
export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = parseSearch(url.searchParams);
	if (!parsed.ok) error(400, parsed.message);
	if (!parsed.value.q) error(400, 'Ein Export braucht einen Suchbegriff („q“).');
	try {
		const hits = await allHits(locals.supabase, parsed.value);
		return new Response(hitsCsv(hits, url.origin, parsed.value.q), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="suche.csv"',
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		if (e instanceof SearchError) error(503, e.message);
		throw e;
	}
};
