import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { FileIdSchema, getFile, signedFileUrl } from '$lib/server/files';
import type { RequestHandler } from './$types';

// The download goes straight to Storage (range requests, CDN in production) with the original
// file name; the app only checks, through RLS, that the caller may have it.
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!v.is(FileIdSchema, params.id)) error(400, 'Die Dokumentnummer in der Adresse ist ungültig.');
	const file = await getFile(locals.supabase, params.id);
	if (!file) error(404, 'Dieses Dokument gibt es nicht oder es ist nicht öffentlich.');
	const url = await signedFileUrl(locals.supabase, file, { download: file.fileName });
	if (!url) error(404, 'Die Datei zu diesem Dokument fehlt im Speicher.');
	// The signed URL is personal and short-lived: no cache may keep the redirect.
	return new Response(null, {
		status: 302,
		headers: { location: url, 'cache-control': 'private, no-store' }
	});
};
