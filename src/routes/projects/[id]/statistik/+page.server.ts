import { exportRows, statistics } from '$lib/server/moderation';
import { plannerProject } from '../planner';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const project = await plannerProject(locals, params.id);
	const rows = await exportRows(locals.supabase, project.id);
	return { project: { id: project.id, title: project.title }, stats: statistics(rows) };
};
