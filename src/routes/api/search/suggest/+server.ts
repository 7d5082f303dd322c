import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { languageHeaders } from '$lib/feed-locale';
import messages from '$lib/i18n/search';
import { localized } from '$lib/i18n/valibot';
import { autocomplete, SearchError } from '$lib/server/search';
import type { RequestHandler } from './$types';

const term = v.pipe(
	v.string(),
	v.trim(),
	v.maxLength(
		100,
		localized(messages, (t) => t.suggestTooLong)
	)
);

/** Suggestions with a label for their kind in the request's language. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const t = messages[locals.locale];
	const headers = languageHeaders(locals.locale);
	const q = v.safeParse(term, url.searchParams.get('q') ?? '', { lang: locals.locale });
	if (!q.success) return json({ message: q.issues[0].message }, { status: 400, headers });
	if (q.output.length < 2) return json([], { headers });
	try {
		const suggestions = await autocomplete(locals.supabase, q.output);
		return json(
			suggestions.map((s) => ({ ...s, label: t.kinds[s.kind] ?? s.kind })),
			{ headers: { 'cache-control': 'private, max-age=60', ...headers } }
		);
	} catch (e) {
		// The database's own words stay in the server log; the visitor gets a sentence.
		if (e instanceof SearchError) {
			console.error(`search suggestions: ${e.message}`);
			return json({ message: t.error }, { status: 503, headers });
		}
		throw e;
	}
};
