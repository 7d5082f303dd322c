import { getPaper } from '$lib/papers';
import { projectsForPaper } from '$lib/projects';
import { found, idOr404 } from '$lib/server/council-routes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = idOr404(params.id, 'Vorlage');
	const [paper, projects] = await Promise.all([
		getPaper(locals.supabase, id),
		projectsForPaper(locals.supabase, id)
	]);
	return { paper: found(paper, 'Vorlage'), projects };
};
