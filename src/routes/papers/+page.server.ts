import { error } from '@sveltejs/kit';
import { papersQuery, queryOrError } from '$lib/council-params';
import { listPapers, papersPageSize, paperTypes } from '$lib/papers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = queryOrError(papersQuery, url.searchParams, locals.locale);
	const [types, { papers, total }] = await Promise.all([
		paperTypes(locals.supabase),
		listPapers(locals.supabase, { page: query.seite, type: query.typ })
	]);
	const pages = Math.max(1, Math.ceil(total / papersPageSize));
	if (query.seite > pages) error(404, `Diese Liste hat nur ${pages} Seite(n).`);
	return { query, types, papers, total, pages };
};
