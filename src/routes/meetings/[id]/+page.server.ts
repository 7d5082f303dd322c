import { getMeeting } from '$lib/meeting-detail';
import { found, idOr404 } from '$lib/server/council-routes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	meeting: found(await getMeeting(locals.supabase, idOr404(params.id, 'Sitzung')), 'Sitzung')
});
