import { error } from '@sveltejs/kit';
import { feedLocale, languageHeaders } from '$lib/feed-locale';
import messages from '$lib/i18n/search';
import { parseSearch, searchHref } from '$lib/search/params';
import { rssFeed } from '$lib/server/search-export';
import { searchPage, SearchError } from '$lib/server/search';
import type { RequestHandler } from './$types';

/** RSS 2.0 of the 50 newest hits of any search: subscribe and learn what is new. */
export const GET: RequestHandler = async ({ url, locals }) => {
	// Feed readers send no language cookie: `?lang=en` from the English results page decides.
	const locale = feedLocale(url, locals.locale);
	const t = messages[locale];
	const parsed = parseSearch(url.searchParams, locale);
	if (!parsed.ok) error(400, parsed.message);
	if (!parsed.value.q) error(400, t.feedNeedsQuery);
	const s = { ...parsed.value, sortierung: 'neueste' as const, seite: 1 };
	try {
		const { hits } = await searchPage(locals.supabase, s, { limit: 50, offset: 0 });
		const body = rssFeed({
			hits,
			origin: url.origin,
			q: s.q,
			title: t.feedTitle(s.q),
			description: t.feedDescription(s.q),
			pageUrl: url.origin + searchHref({ ...parsed.value, seite: 1 }),
			feedUrl: url.href,
			locale
		});
		return new Response(body, {
			headers: {
				'content-type': 'application/rss+xml; charset=utf-8',
				'cache-control': 'private, max-age=300',
				...languageHeaders(locale)
			}
		});
	} catch (e) {
		// The database's own words are no help to a reader and say more than they should.
		if (e instanceof SearchError) error(503, t.error);
		throw e;
	}
};
