// Per-project GeoJSON of the comments' pins for planners (moderators, editors, admins).
import { exportRows, toGeoJson } from '$lib/server/moderation';
import { plannerProject } from '../planner';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const project = await plannerProject(locals, params.id);
	const rows = await exportRows(locals.supabase, project.id);
	return new Response(JSON.stringify(toGeoJson(rows)), {
		headers: {
			'content-type': 'application/geo+json; charset=utf-8',
			'content-disposition': `attachment; filename="markierungen-${project.id}.geojson"`
		}
	});
};
