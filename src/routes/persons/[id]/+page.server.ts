import { getPerson } from '$lib/persons';
import { found, idOr404 } from '$lib/server/council-routes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	person: found(await getPerson(locals.supabase, idOr404(params.id, 'Person')), 'Person')
});
