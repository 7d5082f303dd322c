import { getPaper } from '$lib/papers';
import { found, idOr404 } from '$lib/server/council-routes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	paper: found(await getPaper(locals.supabase, idOr404(params.id, 'Vorlage')), 'Vorlage')
});
