import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { withLang } from '$lib/feed-locale';
import messages from '$lib/i18n/search';
import { parseSearch, searchHref, usedQueryLength } from '$lib/search/params';
import { didYouMean, searchFacets, searchPage, SearchError } from '$lib/server/search';
import { saveSearch, savedSearchName } from '$lib/server/saved-searches';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = parseSearch(url.searchParams, locals.locale);
	if (!parsed.ok) error(400, parsed.message);
	const s = parsed.value;
	const signedIn = (await locals.getUser()) !== null;
	if (!s.q) return { s, empty: true as const, signedIn };
	try {
		let [page, facets] = await Promise.all([
			searchPage(locals.supabase, s),
			searchFacets(locals.supabase, s)
		]);
		// A typo finds nothing: search for the correction at once and say so.
		let corrected: string | null = null;
		if (facets.total === 0 && s.seite === 1) {
			corrected = await didYouMean(locals.supabase, s.q);
			if (corrected) {
				const c = { ...s, q: corrected };
				[page, facets] = await Promise.all([
					searchPage(locals.supabase, c),
					searchFacets(locals.supabase, c)
				]);
			}
		}
		return {
			s,
			empty: false as const,
			signedIn,
			hits: page.hits,
			total: facets.total,
			totalExact: facets.exact,
			facets,
			corrected,
			truncated: s.q.length > usedQueryLength,
			// Feed readers send no language cookie: the feed URL carries the page's language.
			feedHref: withLang(
				searchHref({ ...s, seite: 1, sortierung: 'relevanz' }, '/search/feed'),
				locals.locale
			),
			csvHref: searchHref({ ...s, seite: 1 }, '/search/export')
		};
	} catch (e) {
		// The database's own words are no help to a visitor and say more than they should.
		if (e instanceof SearchError) error(503, messages[locals.locale].error);
		throw e;
	}
};

export const actions: Actions = {
	save: async ({ request, url, locals }) => {
		const typed = String((await request.formData()).get('name') ?? '').slice(0, 200);
		const locale = locals.locale;
		const user = await locals.getUser();
		if (!user) return fail(401, { saveError: messages[locale].signIn, name: typed });
		const name = v.safeParse(savedSearchName, typed, { lang: locale });
		const parsed = parseSearch(url.searchParams, locale);
		if (!parsed.ok) return fail(400, { saveError: parsed.message, name: typed });
		if (!name.success) return fail(400, { saveError: name.issues[0].message, name: typed });
		const message = await saveSearch(locals.supabase, user.id, name.output, parsed.value, locale);
		if (message) return fail(400, { saveError: message, name: name.output });
		return { saved: true };
	}
};
