// Search through the SQL functions of the search migration (PostgREST RPC with the caller's JWT, so
// RLS decides what each user finds). Turns the URL state into RPC arguments and rows into hits.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { SearchHit } from '$lib/search/links';
import { kindParam, pageSize, sqlSort, type SearchQuery } from '$lib/search/params';

type Client = SupabaseClient<Database>;

export class SearchError extends Error {}

export interface Facets {
	total: number;
	/** False when the total is estimated from a sample (very many hits). */
	exact: boolean;
	/** True when the counts per value are estimated from a sample. */
	estimated_counts: boolean;
	kind: Record<string, number>;
	paper_type: Record<string, number>;
	result: Record<string, number>;
	year: Record<string, number>;
	organization: { id: string; name: string; count: number }[];
}

function filterArgs(s: SearchQuery) {
	return {
		q: s.q,
		kinds: s.typ ? [kindParam[s.typ]] : undefined,
		organization: s.gremium,
		date_from: s.von,
		date_to: s.bis,
		ptype: s.vorlagenart,
		decision: s.ergebnis
	};
}

type HitRow = Database['public']['Functions']['search_export']['Returns'][number];

function toHit(r: Omit<HitRow, 'cursor_id'>): SearchHit {
	return {
		kind: r.kind,
		sourceId: r.source_id,
		pageNumber: r.page_number,
		parentId: r.parent_id,
		parentKind: r.parent_kind,
		title: r.title,
		reference: r.reference,
		snippet: r.snippet ?? '',
		date: r.date,
		paperType: r.paper_type,
		result: r.result,
		isPublic: r.is_public
	};
}

export async function searchPage(
	supabase: Client,
	s: SearchQuery,
	opts: { limit?: number; offset?: number; publishedSince?: string } = {}
): Promise<{ hits: SearchHit[]; total: number }> {
	const limit = opts.limit ?? pageSize;
	const { data, error } = await supabase.rpc('search', {
		...filterArgs(s),
		sort: sqlSort[s.sortierung],
		published_since: opts.publishedSince,
		page_limit: limit,
		page_offset: opts.offset ?? (s.seite - 1) * limit
	});
	if (error) throw new SearchError(error.message);
	const hits = data.map(toHit);
	return { hits, total: data[0]?.total ?? 0 };
}

export async function searchFacets(supabase: Client, s: SearchQuery): Promise<Facets> {
	const { data, error } = await supabase.rpc('search_facets', filterArgs(s));
	if (error) throw new SearchError(error.message);
	return data as unknown as Facets;
}

/** Hits published after `since` (the "new since last visit" of a saved search). */
export async function countNewHits(supabase: Client, s: SearchQuery, since: string) {
	const { total } = await searchPage(
		supabase,
		{ ...s, sortierung: 'neueste' },
		{
			limit: 1,
			offset: 0,
			publishedSince: since
		}
	);
	return total;
}

export async function didYouMean(supabase: Client, q: string): Promise<string | null> {
	const { data, error } = await supabase.rpc('search_did_you_mean', { q });
	if (error) throw new SearchError(error.message);
	return data ?? null;
}

export interface Suggestion {
	kind: string;
	title: string;
	reference: string | null;
	href: string;
}

export async function autocomplete(supabase: Client, q: string): Promise<Suggestion[]> {
	const { data, error } = await supabase.rpc('search_autocomplete', { q, max_items: 8 });
	if (error) throw new SearchError(error.message);
	return data.map((r) => ({
		kind: r.kind,
		title: r.title,
		reference: r.reference,
		href:
			r.kind === 'paper'
				? `/papers/${r.source_id}`
				: r.kind === 'meeting'
					? `/meetings/${r.source_id}`
					: r.kind === 'person'
						? `/persons/${r.source_id}`
						: `/organizations/${r.source_id}`
	}));
}

/**
 * Every hit for the CSV export, newest first, in chunks of 1000 (PostgREST's row limit). Each chunk
 * continues after the last row of the one before, so an export of hundreds of thousands of hits
 * stays one pass over the date index instead of re-walking everything before every chunk. The next
 * chunk is requested as soon as a chunk arrives, so the database works while this one is written.
 */
export async function* hitChunks(supabase: Client, s: SearchQuery): AsyncGenerator<SearchHit[]> {
	const chunk = 1000;
	const fetchChunk = async (after?: { after_date?: string; after_id: number }) => {
		const { data, error } = await supabase.rpc('search_export', {
			...filterArgs(s),
			...after,
			page_limit: chunk
		});
		if (error) throw new SearchError(error.message);
		return data;
	};
	let pending = fetchChunk();
	for (;;) {
		const data = await pending;
		if (data.length === chunk) {
			const last = data[data.length - 1];
			pending = fetchChunk({ after_date: last.date ?? undefined, after_id: last.cursor_id });
			// Awaited on the next round; an export the reader cancelled just lets it fall.
			pending.catch(() => {});
		}
		if (data.length > 0) yield data.map(toHit);
		if (data.length < chunk) return;
	}
}
