import { error } from '@sveltejs/kit';
import { feedLocale, languageHeaders } from '$lib/feed-locale';
import messages from '$lib/i18n/search';
import { parseSearch } from '$lib/search/params';
import { hitsCsv } from '$lib/server/search-export';
import { allHits, SearchError } from '$lib/server/search';
import type { RequestHandler } from './$types';

/** Every hit of a search as CSV (semicolon-separated, UTF-8 with BOM), headed in the page's language. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const locale = feedLocale(url, locals.locale);
	const t = messages[locale];
	const parsed = parseSearch(url.searchParams, locale);
	if (!parsed.ok) error(400, parsed.message);
	if (!parsed.value.q) error(400, t.exportNeedsQuery);
	try {
		const hits = await allHits(locals.supabase, parsed.value);
		return new Response(hitsCsv(hits, url.origin, parsed.value.q, locale), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${t.exportFilename}"`,
				'cache-control': 'private, no-store',
				...languageHeaders(locale)
			}
		});
	} catch (e) {
		// The database's own words are no help to a reader and say more than they should.
		if (e instanceof SearchError) error(503, t.error);
		throw e;
	}
};
