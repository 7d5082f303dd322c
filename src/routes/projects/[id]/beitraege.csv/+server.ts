// Per-project CSV of all comments for planners (moderators, editors, admins).
import { error } from '@sveltejs/kit';
import { exportRows, toCsv } from '$lib/server/moderation';
import { plannerProject } from '../planner';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const project = await plannerProject(locals, params.id);
	const rows = await exportRows(locals.supabase, project.id).catch((e: Error) =>
		error(500, e.message)
	);
	return new Response('\uFEFF' + toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="beitraege-${project.id}.csv"`
		}
	});
};
