// Saved searches of signed-in users (table saved_searches, RLS: own rows only). The query string
// of the results page is stored, so a saved search opens exactly the same result list.
import type { SupabaseClient } from '@supabase/supabase-js';
import * as v from 'valibot';
import type { Database } from '$lib/database.types';
import { defaultLocale, type Locale } from '$lib/i18n';
import messages from '$lib/i18n/search';
import { localized } from '$lib/i18n/valibot';
import { parseSearch, searchParams, type SearchQuery } from '$lib/search/params';
import { countNewHits } from './search';

type Client = SupabaseClient<Database>;

/** Messages in the language of `v.safeParse(savedSearchName, name, { lang })`. */
export const savedSearchName = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(
		1,
		localized(messages, (t) => t.nameMissing)
	),
	v.maxLength(
		120,
		localized(messages, (t) => t.nameTooLong(120))
	)
);

/** Returns an error message in `locale`, or null when saved. */
export async function saveSearch(
	supabase: Client,
	userId: string,
	name: string,
	s: SearchQuery,
	locale: Locale
): Promise<string | null> {
	const t = messages[locale];
	if (!s.q) return t.emptySave;
	const query = searchParams({ ...s, seite: 1 }).toString();
	const { error } = await supabase.from('saved_searches').insert({ user_id: userId, name, query });
	return error ? t.saveFailed : null;
}

export interface SavedSearch {
	id: string;
	name: string;
	query: string;
	lastVisitedAt: string;
	newHits: number;
}

export async function listSavedSearches(supabase: Client): Promise<SavedSearch[]> {
	const { data, error } = await supabase
		.from('saved_searches')
		.select('id, name, query, last_visited_at')
		.order('created_at');
	if (error) throw new Error(error.message);
	return Promise.all(
		data.map(async (row) => {
			// Only whether the stored query still parses matters here, not the message's language.
			const parsed = parseSearch(new URLSearchParams(row.query), defaultLocale);
			const newHits = parsed.ok
				? await countNewHits(supabase, parsed.value, row.last_visited_at)
				: 0;
			return {
				id: row.id,
				name: row.name,
				query: row.query,
				lastVisitedAt: row.last_visited_at,
				newHits
			};
		})
	);
}

/** Marks a saved search as visited now and returns its query string; null when unknown. */
export async function visitSavedSearch(supabase: Client, id: string): Promise<string | null> {
	const { data, error } = await supabase
		.from('saved_searches')
		.update({ last_visited_at: new Date().toISOString() })
		.eq('id', id)
		.select('query')
		.maybeSingle();
	if (error) return null;
	return data?.query ?? null;
}

export async function deleteSavedSearch(supabase: Client, id: string): Promise<boolean> {
	const { error, count } = await supabase
		.from('saved_searches')
		.delete({ count: 'exact' })
		.eq('id', id);
	return !error && count === 1;
}
