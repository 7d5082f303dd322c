import { error } from '@sveltejs/kit';
import { feedLocale, languageHeaders } from '$lib/feed-locale';
import messages from '$lib/i18n/search';
import { parseSearch } from '$lib/search/params';
import { csvHead, csvLines } from '$lib/server/search-export';
import { hitChunks, SearchError } from '$lib/server/search';
import type { RequestHandler } from './$types';

/** Every hit of a search as CSV (semicolon-separated, UTF-8 with BOM), headed in the page's language. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const locale = feedLocale(url, locals.locale);
	const t = messages[locale];
	const parsed = parseSearch(url.searchParams, locale);
	if (!parsed.ok) error(400, parsed.message);
	if (!parsed.value.q) error(400, t.exportNeedsQuery);
	try {
		// The first chunk is fetched before answering, so that a failing search is still a 503;
		// the rest streams, so that 300,000 hits never sit in memory at once.
		const chunks = hitChunks(locals.supabase, parsed.value);
		const first = await chunks.next();
		const q = parsed.value.q;
		const encoder = new TextEncoder();
		const lines = async function* () {
			yield encoder.encode(csvHead(locale));
			if (!first.done) yield encoder.encode(csvLines(first.value, url.origin, q, locale));
			for await (const hits of chunks) yield encoder.encode(csvLines(hits, url.origin, q, locale));
		};
		const iterator = lines();
		const body = new ReadableStream<Uint8Array>({
			async pull(controller) {
				const next = await iterator.next();
				if (next.done) controller.close();
				else controller.enqueue(next.value);
			},
			async cancel() {
				await iterator.return(undefined);
			}
		});
		return new Response(body, {
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
