import { error } from '@sveltejs/kit';
import { parseSearch, searchHref } from '$lib/search/params';
import { rssFeed } from '$lib/server/search-export';
import { searchPage, SearchError } from '$lib/server/search';
import type { RequestHandler } from './$types';

/** RSS 2.0 of the 50 newest hits of any search: subscribe and learn what is new. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = parseSearch(url.searchParams);
	if (!parsed.ok) error(400, parsed.message);
	if (!parsed.value.q) error(400, 'Ein Feed braucht einen Suchbegriff („q“).');
	const s = { ...parsed.value, sortierung: 'neueste' as const, seite: 1 };
	try {
		const { hits } = await searchPage(locals.supabase, s, { limit: 50, offset: 0 });
		const body = rssFeed({
			hits,
			origin: url.origin,
			q: s.q,
			title: `Suche „${s.q}“ – Ratsinformation Rheinstadt`,
			description: `Neue Treffer für „${s.q}“ im Ratsinformationssystem der Stadt Rheinstadt.`,
			pageUrl: url.origin + searchHref({ ...parsed.value, seite: 1 }),
			feedUrl: url.href
		});
		return new Response(body, {
			headers: {
				'content-type': 'application/rss+xml; charset=utf-8',
				'cache-control': 'private, max-age=300'
			}
		});
	} catch (e) {
		if (e instanceof SearchError) error(503, e.message);
		throw e;
	}
};
