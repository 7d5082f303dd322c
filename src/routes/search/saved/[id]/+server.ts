import { error, redirect } from '@sveltejs/kit';
import { isUuid } from '$lib/council-params';
import messages from '$lib/i18n/search';
import { visitSavedSearch } from '$lib/server/saved-searches';
import type { RequestHandler } from './$types';

/** Opens a saved search and marks it visited, which resets its "new since last visit" count. */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!(await locals.getUser())) redirect(303, '/login');
	const t = messages[locals.locale];
	if (!isUuid(params.id)) error(400, t.savedBadId);
	const query = await visitSavedSearch(locals.supabase, params.id);
	if (query === null) error(404, t.savedGone);
	redirect(303, `/search?${query}`);
};
