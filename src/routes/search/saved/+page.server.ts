import { fail, redirect } from '@sveltejs/kit';
import { isUuid } from '$lib/council-params';
import messages from '$lib/i18n/search';
import { deleteSavedSearch, listSavedSearches } from '$lib/server/saved-searches';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!(await locals.getUser())) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	return { saved: await listSavedSearches(locals.supabase) };
};

export const actions: Actions = {
	delete: async ({ request, locals }) => {
		const t = messages[locals.locale];
		if (!(await locals.getUser())) return fail(401, { message: t.signIn });
		const id = String((await request.formData()).get('id') ?? '');
		if (!isUuid(id)) return fail(400, { message: t.savedBadId });
		if (!(await deleteSavedSearch(locals.supabase, id))) {
			return fail(404, { message: t.savedGone });
		}
		return { removed: true };
	}
};
