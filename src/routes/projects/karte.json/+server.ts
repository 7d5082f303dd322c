// Map data for the current view: clustered cells of the visible projects, validated parameters.
import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import { mapQuery } from '$lib/map/config';
import { projectFilters, searchParamsObject } from '$lib/projects';
import { projectMapCells } from '$lib/server/projects';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const params = searchParamsObject(url.searchParams);
	const map = v.safeParse(mapQuery, params);
	if (!map.success) error(400, map.issues[0].message);
	const filters = v.safeParse(projectFilters, params);
	if (!filters.success) error(400, filters.issues[0].message);
	const cells = await projectMapCells(locals.supabase, map.output.bbox, map.output, filters.output);
	return json(cells, { headers: { 'cache-control': 'private, max-age=30' } });
};
