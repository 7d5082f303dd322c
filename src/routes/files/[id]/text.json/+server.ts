import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import messages from '$lib/i18n/reader';
import { acceptsGzip, gzipped } from '$lib/server/compression';
import { FileIdSchema, getFile, getFilePages } from '$lib/server/files';
import { hasSession } from '$lib/server/supabase';
import type { RequestHandler } from './$types';

// The extracted text of every page, for the reader's search (fetched on the first search, not with
// the page). RLS on files and file_pages decides, with the caller's own client, who gets it.
export const GET: RequestHandler = async ({ params, request, locals, cookies }) => {
	const t = messages[locals.locale];
	if (!v.is(FileIdSchema, params.id)) error(400, t.badFileId);
	const [file, pages] = await Promise.all([
		getFile(locals.supabase, params.id),
		getFilePages(locals.supabase, params.id)
	]);
	// Hidden and unknown documents look the same, as on the reader page.
	if (!file) error(404, t.fileNotFound);
	const signedIn = hasSession(cookies);
	const headers: Record<string, string> = {
		'content-type': 'application/json; charset=utf-8',
		// Without a session the answer is what anyone may read, so shared caches may keep it for a
		// while; with one it may hold non-public text and stays out of every cache.
		'cache-control': signedIn ? 'private, no-store' : 'public, max-age=300',
		vary: 'Accept-Encoding, Cookie'
	};
	const response = new Response(JSON.stringify({ pages }), { headers });
	// 300 pages of text shrink to about a fifth. Unlike the compression hook, also for signed-in
	// readers: the answer holds nothing the visitor chose, so its size gives no secret away.
	return acceptsGzip(request) ? gzipped(response) : response;
};
