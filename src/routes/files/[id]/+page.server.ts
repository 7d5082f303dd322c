import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import messages from '$lib/i18n/reader';
import { FileIdSchema, SearchTermSchema, getFile, signedFileUrl } from '$lib/server/files';
import type { PageServerLoad } from './$types';

// The reader page carries no page text: the search fetches it from ./text.json when first used,
// and the text version (./text) is its own page. So the HTML stays small and the PDF starts early.
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const t = messages[locals.locale];
	if (!v.is(FileIdSchema, params.id)) error(400, t.badFileId);
	const q = v.safeParse(SearchTermSchema, url.searchParams.get('q') ?? '');
	if (!q.success) error(400, t.termTooLong);
	// Hidden and unknown documents look the same: a 404 never tells whether a file exists.
	const file = await getFile(locals.supabase, params.id);
	if (!file) error(404, t.fileNotFound);
	return {
		file: {
			id: file.id,
			name: file.name,
			fileName: file.fileName,
			size: file.size,
			pageCount: file.pageCount
		},
		pdfUrl: await signedFileUrl(locals.supabase, file),
		q: q.output
	};
};
