import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { env } from '$env/dynamic/public';
import { tileConfig } from '$lib/map/config';
import { listProjects, PAGE_SIZE, projectFilters, searchParamsObject } from '$lib/projects';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const parsed = v.safeParse(projectFilters, searchParamsObject(url.searchParams));
	if (!parsed.success) error(400, parsed.issues[0].message);
	const { projects, total } = await listProjects(locals.supabase, parsed.output);
	return {
		filters: parsed.output,
		projects,
		total,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		tiles: tileConfig(env)
	};
};
