import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import messages from '$lib/i18n/reader';
import { findHits, hitsPerPage } from '$lib/pdf/search';
import {
	FileIdSchema,
	SearchTermSchema,
	getFile,
	getFilePageRange,
	getFilePages
} from '$lib/server/files';
import type { PageServerLoad } from './$types';

/** Pages per view: enough to read on, small enough for a quick page on a phone. */
const PAGES_PER_VIEW = 10;

const PageNumberSchema = v.pipe(
	v.string(),
	v.regex(/^\d{1,6}$/),
	v.transform(Number),
	v.minValue(1)
);

// The text version of a document, a few pages at a time: it works without JavaScript, and with a
// search term it lists the pages that contain it and marks the hits.

// Links and GET forms only, nothing to hydrate: no JavaScript, and the text is not sent a second
// time as hydration data.
export const csr = false;
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const t = messages[locals.locale];
	if (!v.is(FileIdSchema, params.id)) error(400, t.badFileId);
	const seite = url.searchParams.get('seite');
	const page = seite === null ? null : v.safeParse(PageNumberSchema, seite);
	if (page && !page.success) error(400, t.badPageNumber);
	const q = v.safeParse(SearchTermSchema, url.searchParams.get('q') ?? '');
	if (!q.success) error(400, t.termTooLong);
	const file = await getFile(locals.supabase, params.id);
	if (!file) error(404, t.fileNotFound);

	// Searching needs every page's text; reading needs only the pages shown.
	const all =
		q.output || file.pageCount === null ? await getFilePages(locals.supabase, file.id) : null;
	const hits = q.output && all ? [...hitsPerPage(findHits(all, q.output))] : null;
	const pageCount = file.pageCount ?? all?.length ?? 0;
	const from = page?.output ?? hits?.[0]?.[0] ?? 1;
	if (pageCount > 0 && from > pageCount) {
		error(404, t.pageNotFound(from, pageCount));
	}
	const to = Math.min(pageCount, from + PAGES_PER_VIEW - 1);
	const pages =
		pageCount === 0
			? []
			: all
				? Array.from({ length: to - from + 1 }, (_, i) => all[from - 1 + i] ?? '')
				: await getFilePageRange(locals.supabase, file.id, from, to);
	return {
		file: { id: file.id, name: file.name, fileName: file.fileName, size: file.size, pageCount },
		from,
		to,
		perView: PAGES_PER_VIEW,
		pages,
		q: q.output,
		hits: hits?.map(([number, count]) => ({ page: number, count })) ?? null
	};
};
