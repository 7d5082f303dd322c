import { getMeeting } from '$lib/meeting-detail';
import { projectsForMeeting } from '$lib/projects';
import { found, idOr404 } from '$lib/server/council-routes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = idOr404(params.id, 'Sitzung');
	const [meeting, projects] = await Promise.all([
		getMeeting(locals.supabase, id),
		projectsForMeeting(locals.supabase, id)
	]);
	return { meeting: found(meeting, 'Sitzung'), projects };
};
