import { error } from '@sveltejs/kit';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import * as v from 'valibot';
import messages from '$lib/i18n/reader';
import { FileIdSchema, getFile, getFilePages } from '$lib/server/files';
import type { RequestHandler } from './$types';

const gzipped = promisify(gzip);

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
	const signedIn = cookies.getAll().some((cookie) => cookie.name.startsWith('sb-'));
	const headers: Record<string, string> = {
		'content-type': 'application/json; charset=utf-8',
		// Without a session the answer is what anyone may read, so shared caches may keep it for a
		// while; with one it may hold non-public text and stays out of every cache.
		'cache-control': signedIn ? 'private, no-store' : 'public, max-age=300',
		vary: 'Accept-Encoding, Cookie'
	};
	const json = JSON.stringify({ pages });
	// adapter-node compresses only the prebuilt assets; 300 pages of text shrink to about a fifth.
	if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
		const body = new Uint8Array(await gzipped(json));
		return new Response(body, { headers: { ...headers, 'content-encoding': 'gzip' } });
	}
	return new Response(json, { headers });
};
