// Saved searches of signed-in users (table saved_searches, RLS: own rows only). The query string
// of the results page is stored, so a saved search opens exactly the same result list.
import type { SupabaseClient } from '@supabase/supabase-js';
import * as v from 'valibot';
import type { Database } from '$lib/database.types';
import { parseSearch, searchParams, type SearchQuery } from '$lib/search/params';
import { countNewHits } from './search';

type Client = SupabaseClient<Database>;

export const savedSearchName = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1, 'Bitte geben Sie der Suche einen Namen.'),
	v.maxLength(120, 'Der Name ist zu lang (höchstens 120 Zeichen).')
);

/** Returns an error message, or null when saved. */
export async function saveSearch(
	supabase: Client,
	userId: string,
	name: string,
	s: SearchQuery
): Promise<string | null> {
	if (!s.q) return 'Eine leere Suche kann nicht gespeichert werden.';
	const query = searchParams({ ...s, seite: 1 }).toString();
	const { error } = await supabase.from('saved_searches').insert({ user_id: userId, name, query });
	return error ? 'Die Suche konnte nicht gespeichert werden.' : null;
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
			const parsed = parseSearch(new URLSearchParams(row.query));
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
